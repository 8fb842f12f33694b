//! Messages are HTML fragments: cleaned *after* formatting, so markup built any way (raw
//! tags, entities, Fluent string literals such as `{"<"}script{">"}`) meets the same
//! allowlist: `a` (https and mailto only), `strong`, `em`, `br`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

static MESSAGE_CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(HashSet::from(["a", "strong", "em", "br"]))
        .tag_attributes(HashMap::from([("a", HashSet::from(["href"]))]))
        .url_schemes(HashSet::from(["https", "mailto"]))
        .url_relative(ammonia::UrlRelative::Deny)
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("a", "href") => Some(mailto_without_unsafe_fields(value)),
            _ => Some(value.into()),
        })
        // The text of these never reaches the page, not even as inert text.
        .clean_content_tags(HashSet::from(["script", "style"]))
        .link_rel(Some("noopener noreferrer external"));
    builder
});

/// What a `mailto:` link may carry besides the address (RFC 6068 header fields): a subject,
/// a body and copies. Everything else (`attach`, `bcc`, any other header) is dropped: the
/// link goes to the system's mail program, which may honour more than a reader expects.
const MAILTO_FIELDS: [&str; 3] = ["subject", "body", "cc"];

fn mailto_without_unsafe_fields(href: &str) -> std::borrow::Cow<'_, str> {
    let Some((address, query)) = href
        .get(..7)
        .filter(|scheme| scheme.eq_ignore_ascii_case("mailto:"))
        .and_then(|_| href.split_once('?'))
    else {
        return href.into();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|field| {
            let name = field.split('=').next().unwrap_or_default();
            // Compared as the mail program reads it: percent-decoded, any case.
            let name: String = form_urlencoded::parse(name.as_bytes())
                .map(|(key, _)| key.into_owned())
                .collect();
            MAILTO_FIELDS
                .iter()
                .any(|allowed| name.eq_ignore_ascii_case(allowed))
        })
        .collect();
    if kept.is_empty() {
        address.to_string().into()
    } else {
        format!("{address}?{}", kept.join("&")).into()
    }
}

static TAG_STRIPPER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(ammonia::Builder::empty);

/// Text that an HTML parser reads as one text node and writes back unchanged: no markup,
/// no entities, and none of the characters it normalizes (NUL, CR, a byte-order mark) or
/// writes as entities (no-break space). Most messages are such text; cleaning them is then
/// a copy. Checked on bytes, conservatively: any character from U+0080–U+00BF (lead byte
/// C2, holding the no-break space) or U+F000–U+FFFF (EF, the byte-order mark) is left to
/// ammonia. Lao (E0 BA/BB …) passes.
fn is_inert_text(text: &str) -> bool {
    let special = |b: &u8| matches!(b, b'<' | b'>' | b'&' | b'\0' | b'\r' | 0xC2 | 0xEF);
    // Whole chunks at a time (no early exit inside one): the compiler vectorizes it.
    !text
        .as_bytes()
        .chunks(32)
        .any(|chunk| chunk.iter().fold(false, |found, b| found | special(b)))
}

/// Cleans one formatted message to the allowlist.
pub fn clean_message(html: &str) -> String {
    if is_inert_text(html) {
        return html.to_string();
    }
    MESSAGE_CLEANER.clean(html).to_string()
}

/// Removes all markup: for text shown outside HTML (a window title, a label), or written
/// into HTML only through [`PlainText`]'s escaping.
pub fn plain_text(html: &str) -> PlainText {
    if is_inert_text(html) {
        return PlainText(html.to_string());
    }
    let cleaned = TAG_STRIPPER.clean(html).to_string();
    // ammonia escapes what it leaves; undo its five entities for plain-text use.
    PlainText(
        cleaned
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&"),
    )
}

/// Text with its markup removed — which may therefore hold `<` and `&` as text, entities
/// having been decoded. As a string (`as_str`, JSON) it is for text nodes, titles and
/// `textContent`; its `Display` writes it HTML-escaped, so formatting it into a page, by
/// `format!` or a template, can never make markup of it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct PlainText(String);

impl PlainText {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// Plain texts joined by a plain separator are plain text.
    pub fn join(parts: &[PlainText], separator: &str) -> PlainText {
        PlainText(
            parts
                .iter()
                .map(PlainText::as_str)
                .collect::<Vec<_>>()
                .join(separator),
        )
    }

    /// Text that is plain by construction (an id, a number): no markup is removed.
    pub fn verbatim(text: impl Into<String>) -> PlainText {
        PlainText(text.into())
    }
}

impl std::fmt::Display for PlainText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", escape_html(&self.0))
    }
}

/// Its `Display` is escaped already: templates must not escape it again.
impl askama::filters::HtmlSafe for PlainText {}

/// Text escaped for HTML text and attribute values: the one escaping function of the core
/// outside templates (which escape the same way).
pub fn escape_html(text: &str) -> impl std::fmt::Display + '_ {
    askama::filters::escape(text, askama::filters::Html)
        .expect("escaping into a String cannot fail")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_allowlist() {
        let out = clean_message(
            r#"Write to <a href="mailto:shtuladhar@iom.int">her</a>, <strong>now</strong><br>"#,
        );
        assert!(out.contains(r#"href="mailto:shtuladhar@iom.int""#), "{out}");
        assert!(out.contains("<strong>now</strong>"), "{out}");
    }

    #[test]
    fn drops_script_handlers_and_bad_schemes() {
        for (input, forbidden) in [
            ("<script>alert(1)</script>x", "alert"),
            ("<img src=x onerror=alert(1)>", "onerror"),
            (r#"<a href="javascript:alert(1)">x</a>"#, "javascript"),
            (r#"<a href="JaVaScRiPt:alert(1)">x</a>"#, "alert"),
            (r#"<a href="/relative">x</a>"#, "relative"),
            (r#"<a href="http://plain.example">x</a>"#, "plain.example"),
            ("<iframe src=https://x.example></iframe>", "iframe"),
            ("<svg><script>alert(1)</script></svg>", "svg"),
            ("<b style=color:red>x</b>", "style"),
            (
                "<a href=\"https://www.iom.int\" onclick=\"x()\">x</a>",
                "onclick",
            ),
        ] {
            let out = clean_message(input);
            assert!(!out.to_lowercase().contains(forbidden), "{input} → {out}");
        }
    }

    /// The shortcut must give exactly what ammonia gives: checked on every kind of
    /// character around the ones it looks for.
    #[test]
    fn inert_text_comes_out_as_ammonia_writes_it() {
        let pieces = [
            "IOM",
            " ",
            "ອົງການ",
            "ສາກົນ",
            "່",
            "\n",
            "\t",
            "'",
            "\"",
            "=",
            "/",
            "é",
            "\u{200b}",
            "{",
            "}",
            "\u{2068}",
            "`",
            "\u{e0f}",
            "\u{1f600}",
            "\u{c}",
            "\u{a0}",
            "\u{feff}",
            "<",
            "&",
        ];
        let mut inert = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    if is_inert_text(&text) {
                        assert_eq!(MESSAGE_CLEANER.clean(&text).to_string(), text, "{text:?}");
                        assert_eq!(TAG_STRIPPER.clean(&text).to_string(), text, "{text:?}");
                        inert += 1;
                    }
                }
            }
        }
        assert_eq!(inert, (pieces.len() - 4).pow(3));
        for text in [
            "a<b",
            "a>b",
            "a&amp;b",
            "a\0b",
            "a\r\nb",
            "a\u{a0}b",
            "\u{feff}a",
        ] {
            assert!(!is_inert_text(text), "{text:?}");
        }
    }

    /// Fault 12 of the hostile-input review: a `mailto:` link kept any query, so a
    /// translator's link could hand `attach=/etc/passwd` to the system mail program.
    #[test]
    fn mailto_keeps_only_subject_body_and_cc() {
        let link = |href: &str| clean_message(&format!(r#"<a href="{href}">x</a>"#));
        for (href, kept) in [
            ("mailto:a@iom.int", "mailto:a@iom.int"),
            ("mailto:a@iom.int?subject=Hi", "mailto:a@iom.int?subject=Hi"),
            (
                "mailto:a@iom.int?Subject=Hi&body=Text&cc=b@iom.int",
                "mailto:a@iom.int?Subject=Hi&amp;body=Text&amp;cc=b@iom.int",
            ),
            ("mailto:a@iom.int?attach=/etc/passwd", "mailto:a@iom.int"),
            (
                "mailto:a@iom.int?subject=Hi&attach=/etc/passwd",
                "mailto:a@iom.int?subject=Hi",
            ),
            // Encoded names are what a mail program decodes.
            ("mailto:a@iom.int?%61ttach=/etc/passwd", "mailto:a@iom.int"),
            (
                "mailto:a@iom.int?bcc=c@x.example&x-attach=1",
                "mailto:a@iom.int",
            ),
            ("mailto:a@iom.int?", "mailto:a@iom.int"),
        ] {
            let out = link(href);
            assert!(out.contains(&format!("href=\"{kept}\"")), "{href} → {out}");
            assert!(!out.to_lowercase().contains("attach"), "{href} → {out}");
        }
        // https links keep their query.
        assert!(link("https://www.iom.int/?a=b").contains("href=\"https://www.iom.int/?a=b\""));
    }

    #[test]
    fn plain_text_is_escaped_wherever_it_is_formatted() {
        let text = plain_text("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"x\"");
        assert_eq!(text.as_str(), "</title><script>alert(1)</script> & \"x\"");
        let html = format!("<title>{text}</title>");
        assert!(!html.contains("<script>"), "{html}");
        assert!(
            html.contains("&#60;/title&#62;") || html.contains("&lt;/title&gt;"),
            "{html}"
        );
        assert_eq!(
            serde_json::to_string(&text).unwrap(),
            serde_json::to_string(text.as_str()).unwrap()
        );
    }

    #[test]
    fn plain_text_strips_tags() {
        assert_eq!(plain_text("<em>IOM</em> &amp; UN").as_str(), "IOM & UN");
    }
}
