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

/// Removes all markup: for text shown outside HTML (a window title, a label).
pub fn plain_text(html: &str) -> String {
    if is_inert_text(html) {
        return html.to_string();
    }
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

    #[test]
    fn plain_text_strips_tags() {
        assert_eq!(plain_text("<em>IOM</em> &amp; UN"), "IOM & UN");
    }
}
