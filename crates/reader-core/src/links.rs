//! Where a link may lead. The app's own document stays in the window; IOM's public sites
//! and e-mail addresses open outside it (system browser, mail client) after a click;
//! anything else goes nowhere.

use crate::sanitize::PlainText;

/// What to do with a navigation the webview is about to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkTarget {
    /// The app's own document (`tauri://localhost`, or `http://tauri.localhost` on Windows).
    App,
    /// Open with the system's browser or mail client.
    External,
    /// Neither: the navigation is cancelled.
    Refused,
}

/// Hosts the content links to: IOM's sites (laopdr.iom.int, www.iom.int).
fn is_iom_host(host: &str) -> bool {
    host == "iom.int" || host.ends_with(".iom.int")
}

/// Classifies a URL given as scheme, host and the whole text.
pub fn classify(scheme: &str, host: Option<&str>) -> LinkTarget {
    match (scheme, host) {
        ("tauri", Some("localhost")) | ("http", Some("tauri.localhost")) => LinkTarget::App,
        ("https", Some(host)) if is_iom_host(host) => LinkTarget::External,
        ("mailto", _) => LinkTarget::External,
        _ => LinkTarget::Refused,
    }
}

/// Marks the links of a block's cleaned HTML — all of which leave the app: a message may
/// only link to https and mailto (see `sanitize`) — with the class `external` (the UI's
/// icon) and a title saying where they open (`web`, `mail`: localized plain text), which
/// is also their accessible description. The text of the link is not touched.
pub fn mark_external(html: &str, web: &PlainText, mail: &PlainText) -> String {
    const LINK: &str = "<a href=\"";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(LINK) {
        let href = &rest[at + LINK.len()..];
        // The scheme as written (the sanitizer keeps its case: `MAILTO:` too).
        let is_mail = href
            .get(..7)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("mailto:"));
        let title = if is_mail { mail } else { web };
        out.push_str(&rest[..at]);
        out.push_str(&format!("<a class=\"external\" title=\"{title}\" href=\""));
        rest = href;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_out_are_marked_and_their_text_kept() {
        let web = PlainText::verbatim("Opens in your \"web\" browser");
        let mail = PlainText::verbatim("Opens in your e-mail program");
        let html = crate::sanitize::clean_message(
            r#"See <a href="https://www.iom.int">www.iom.int</a> or write to <a href="mailto:a@iom.int">a@iom.int</a>."#,
        );
        let marked = mark_external(&html, &web, &mail);
        assert_eq!(
            marked,
            "See <a class=\"external\" title=\"Opens in your &#34;web&#34; browser\" href=\"https://www.iom.int\" rel=\"noopener noreferrer external\">www.iom.int</a> \
             or write to <a class=\"external\" title=\"Opens in your e-mail program\" href=\"mailto:a@iom.int\" rel=\"noopener noreferrer external\">a@iom.int</a>."
        );
        assert_eq!(mark_external("no links", &web, &mail), "no links");
        // Schemes in capitals are links out too.
        let upper = crate::sanitize::clean_message(
            r#"<a href="MAILTO:a@iom.int">a</a> <a href="HTTPS://www.iom.int">b</a>"#,
        );
        let marked = mark_external(&upper, &web, &mail);
        assert_eq!(marked.matches("class=\"external\"").count(), 2, "{marked}");
        assert!(
            marked.contains("title=\"Opens in your e-mail program\" href=\"MAILTO:"),
            "{marked}"
        );
    }

    #[test]
    fn iom_sites_and_mail_open_outside() {
        assert_eq!(
            classify("https", Some("laopdr.iom.int")),
            LinkTarget::External
        );
        assert_eq!(classify("https", Some("www.iom.int")), LinkTarget::External);
        assert_eq!(classify("mailto", None), LinkTarget::External);
    }

    #[test]
    fn the_app_stays_and_the_rest_is_refused() {
        assert_eq!(classify("tauri", Some("localhost")), LinkTarget::App);
        assert_eq!(classify("http", Some("tauri.localhost")), LinkTarget::App);
        for (scheme, host) in [
            ("http", Some("laopdr.iom.int")),
            ("https", Some("evil-iom.int")),
            ("https", Some("iom.int.example.com")),
            ("javascript", None),
            ("file", None),
            ("reader", Some("localhost")),
        ] {
            assert_eq!(
                classify(scheme, host),
                LinkTarget::Refused,
                "{scheme} {host:?}"
            );
        }
    }
}
