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
        // The text of these never reaches the page, not even as inert text.
        .clean_content_tags(HashSet::from(["script", "style"]))
        .link_rel(Some("noopener noreferrer external"));
    builder
});

static TAG_STRIPPER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(ammonia::Builder::empty);

/// Cleans one formatted message to the allowlist.
pub fn clean_message(html: &str) -> String {
    MESSAGE_CLEANER.clean(html).to_string()
}

/// Removes all markup: for text shown outside HTML (a window title, a label).
pub fn plain_text(html: &str) -> String {
    let cleaned = TAG_STRIPPER.clean(html).to_string();
    // ammonia escapes what it leaves; undo its five entities for plain-text use.
    cleaned
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
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

    #[test]
    fn plain_text_strips_tags() {
        assert_eq!(plain_text("<em>IOM</em> &amp; UN"), "IOM & UN");
    }
}
