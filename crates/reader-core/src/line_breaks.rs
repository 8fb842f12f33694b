//! Where a Lao line may break. Lao is written without spaces between words, and browsers
//! guess its line breaks with dictionaries of their own, which split names and words of this
//! content (ໂມ|ຕັສ, ຜົນ|ກະທົບ) and even start lines with ໆ. The one render path tells them
//! instead: each Lao word (ICU4X's dictionary segmenter, as search uses) is a span that does
//! not wrap (`<span class="lw">`), with `<wbr>` between words — the only places a run of Lao
//! may break. ໆ and other marks that may not begin a line stay with the word before them.
//! Names and short fixed phrases (the locale's short terms: ສປປ ລາວ, ອົງການ IOM, people's
//! names — `docs/content-format.md`) are one span, spaces included. Text outside Lao is left
//! as it is; no character is added (copying a paragraph gives its source text).

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::WordSegmenter;

/// Terms up to this many characters are kept on one line; longer ones (the organization's
/// full name, the Global Compact) break between their words, or a 420-px window at 200%
/// text would overflow.
pub const KEEP_TOGETHER_MAX_CHARS: usize = 20;

/// A character of the Lao block (U+0E80–U+0EFF): what line breaks and search treat as Lao.
pub fn is_lao(c: char) -> bool {
    ('\u{0E80}'..='\u{0EFF}').contains(&c)
}

/// Lao characters that never begin a line: ໆ (repetition), ຯ (abbreviation), and the
/// combining marks (a segment never starts with one, but a run cut by markup might).
fn never_starts_a_line(c: char) -> bool {
    matches!(c, 'ໆ' | 'ຯ')
        || matches!(c, '\u{0EB1}' | '\u{0EB4}'..='\u{0EBC}' | '\u{0EC8}'..='\u{0ECE}')
}

/// Units of `text` that must stay on one line, in order, covering it: (byte range, is Lao
/// to wrap). A new unit of Lao may begin a line; text outside Lao is left to the browser.
pub fn units(text: &str, keep: &[String]) -> Vec<(std::ops::Range<usize>, bool)> {
    let segmenter = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    // Kept phrases first (longest first, no overlaps), then Lao words in the rest.
    let mut kept: Vec<std::ops::Range<usize>> = Vec::new();
    let mut phrases: Vec<&String> = keep.iter().filter(|k| !k.is_empty()).collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for phrase in phrases {
        for (at, _) in text.match_indices(phrase.as_str()) {
            let range = at..at + phrase.len();
            if !kept
                .iter()
                .any(|k| k.start < range.end && range.start < k.end)
            {
                kept.push(range);
            }
        }
    }
    kept.sort_by_key(|r| r.start);

    let mut out: Vec<(std::ops::Range<usize>, bool)> = Vec::new();
    let push_lao = |out: &mut Vec<(std::ops::Range<usize>, bool)>,
                    range: std::ops::Range<usize>| {
        // A unit that may not begin a line joins the Lao unit before it.
        let starts_badly = text[range.clone()]
            .chars()
            .next()
            .is_some_and(never_starts_a_line);
        match out.last_mut() {
            Some((last, true)) if starts_badly && last.end == range.start => last.end = range.end,
            _ => out.push((range, true)),
        }
    };
    let mut at = 0;
    let plain = |out: &mut Vec<(std::ops::Range<usize>, bool)>, range: std::ops::Range<usize>| {
        // Lao runs inside, each cut into words.
        let mut i = range.start;
        while i < range.end {
            let c = text[i..].chars().next().expect("inside");
            if !is_lao(c) {
                let end = text[i..range.end]
                    .char_indices()
                    .find(|(_, c)| is_lao(*c))
                    .map_or(range.end, |(n, _)| i + n);
                out.push((i..end, false));
                i = end;
                continue;
            }
            let end = text[i..range.end]
                .char_indices()
                .find(|(_, c)| !is_lao(*c))
                .map_or(range.end, |(n, _)| i + n);
            let run = &text[i..end];
            let mut start = 0;
            for boundary in segmenter.segment_str(run).skip(1) {
                push_lao(out, i + start..i + boundary);
                start = boundary;
            }
            i = end;
        }
    };
    for range in kept {
        if at < range.start {
            plain(&mut out, at..range.start);
        }
        push_lao(&mut out, range.clone());
        at = range.end;
    }
    if at < text.len() {
        plain(&mut out, at..text.len());
    }
    out
}

/// Marks the Lao in a block's sanitized HTML (see the module documentation): text between
/// tags only; tags, attributes and entities are copied as they are.
pub fn mark(html: &str, keep: &[String]) -> String {
    if !html.chars().any(is_lao) {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() * 2);
    let mut rest = html;
    while !rest.is_empty() {
        if rest.starts_with('<') {
            // A tag, to its `>` outside quotes.
            let mut quote = None;
            let end = rest
                .char_indices()
                .find(|&(_, c)| match (quote, c) {
                    (None, '"' | '\'') => {
                        quote = Some(c);
                        false
                    }
                    (Some(q), c) if c == q => {
                        quote = None;
                        false
                    }
                    (None, '>') => true,
                    _ => false,
                })
                .map_or(rest.len(), |(i, _)| i + 1);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        mark_text(&rest[..end], keep, &mut out);
        rest = &rest[end..];
    }
    out
}

/// One text node's HTML (entities and all): Lao units wrapped, `<wbr>` between two of them.
fn mark_text(text: &str, keep: &[String], out: &mut String) {
    let mut previous_lao = false;
    for (range, lao) in units(text, keep) {
        let piece = &text[range];
        if lao {
            if previous_lao {
                out.push_str("<wbr>");
            }
            out.push_str("<span class=\"lw\">");
            out.push_str(piece);
            out.push_str("</span>");
        } else {
            out.push_str(piece);
        }
        previous_lao = lao;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, keep: &[&str]) -> Vec<String> {
        let keep: Vec<String> = keep.iter().map(|s| s.to_string()).collect();
        units(text, &keep)
            .into_iter()
            .map(|(r, lao)| format!("{}{}", if lao { "" } else { "·" }, &text[r]))
            .collect()
    }

    #[test]
    fn lao_is_cut_into_dictionary_words() {
        assert_eq!(
            words("ອົງການສາກົນເພື່ອການເຄື່ອນຍ້າຍຖິ່ນຖານ", &[]),
            ["ອົງການ", "ສາກົນ", "ເພື່ອ", "ການ", "ເຄື່ອນຍ້າຍ", "ຖິ່ນຖານ"]
        );
    }

    #[test]
    fn repetition_mark_stays_with_its_word() {
        let units = words("ອື່ນໆທີ່ສຳຄັນ", &[]);
        assert!(units.iter().all(|u| !u.starts_with('ໆ')), "{units:?}");
        assert!(units.iter().any(|u| u.ends_with('ໆ')), "{units:?}");
    }

    #[test]
    fn names_and_short_phrases_are_kept_whole() {
        let units = words("ທ່ານ ດຣ ນິແນັດ ໂມຕັສ ແລະ ສປປ ລາວ", &["ໂມຕັສ", "ນິແນັດ", "ສປປ ລາວ"]);
        assert!(units.contains(&"ໂມຕັສ".to_string()), "{units:?}");
        assert!(units.contains(&"ສປປ ລາວ".to_string()), "{units:?}");
    }

    #[test]
    fn latin_digits_and_punctuation_are_left_alone() {
        let units = words("ປີ 2022-2026 (IOM), ວຽງຈັນ.", &[]);
        assert!(
            units.contains(&"· 2022-2026 (IOM), ".to_string()),
            "{units:?}"
        );
        assert_eq!(units.last().unwrap(), "·.");
        assert_eq!(
            words("Migration and health", &[]),
            ["·Migration and health"]
        );
    }

    #[test]
    fn a_run_longer_than_any_word_is_still_cut() {
        let run = "ການເຄື່ອນຍ້າຍຖິ່ນຖານ".repeat(6);
        let units = words(&run, &[]);
        assert!(units.len() >= 12, "{units:?}");
        assert_eq!(units.concat(), run);
    }

    #[test]
    fn marking_adds_no_characters_and_keeps_markup() {
        let html = r#"ຂໍ້ມູນ <a href="mailto:a@b.c?x=<y>">ອີເມວ</a> &amp; ສປປ ລາວ<br>ອື່ນໆ"#;
        let marked = mark(html, &["ສປປ ລາວ".to_string()]);
        assert!(
            marked.contains(r#"<a href="mailto:a@b.c?x=<y>">"#),
            "{marked}"
        );
        assert!(
            marked.contains(r#"<span class="lw">ສປປ ລາວ</span>"#),
            "{marked}"
        );
        assert!(marked.contains("&amp;"), "{marked}");
        // Only the spans and break opportunities were added.
        let unmarked = marked
            .replace("<span class=\"lw\">", "")
            .replace("</span>", "")
            .replace("<wbr>", "");
        assert_eq!(unmarked, html);
        assert_eq!(mark("English only", &[]), "English only");
    }

    /// The shipped content: its short terms are kept, its long ones not, and the article's
    /// names come out whole, ໆ never after a break.
    #[test]
    fn the_shipped_article_keeps_its_names() {
        let library = crate::Library::built_in();
        let keep = library.localizer().bundle("lo").unwrap().keep_together();
        for phrase in ["ສປປ ລາວ", "ອົງການ IOM", "ໂມຕັສ", "ອິນຊີຊຽງໃໝ່"]
        {
            assert!(keep.iter().any(|k| k == phrase), "{phrase}: {keep:?}");
        }
        assert!(!keep.iter().any(|k| k.starts_with("ອົງການຈັດຕັ້ງ")), "{keep:?}");
        let lo = library.locale("lo").unwrap();
        let html = library
            .render_page(&lo, "news/country-strategy")
            .unwrap()
            .html;
        for name in ["ໂມຕັສ", "ອິນຊີຊຽງໃໝ່", "ສປປ ລາວ"]
        {
            assert!(
                html.contains(&format!("<span class=\"lw\">{name}</span>")),
                "{name}"
            );
        }
        assert!(html.contains("ໆ"));
        assert!(
            !html.contains("<span class=\"lw\">ໆ"),
            "a unit starts with ໆ"
        );
    }
}
