//! Where a link may lead. The app's own document stays in the window; IOM's public sites
//! and e-mail addresses open outside it (system browser, mail client) after a click;
//! anything else goes nowhere.

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

#[cfg(test)]
mod tests {
    use super::*;

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
