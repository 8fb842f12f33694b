//! Folding text for search, the same way for the index and the query, while remembering
//! where each folded byte came from so that highlights land on the original text.
//!
//! After NFC: zero-width and soft-hyphen characters go; ໍ + tone + າ and ໍ + າ become
//! tone + ຳ; a tone mark typed before an above-vowel moves after it (NFC leaves these: their
//! combining class is 0); ໜ ໝ become ຫນ ຫມ and ◌ຼ becomes ລ; Lao digits become ASCII; Latin
//! is lowercased. Tone marks are never dropped: ຂ່າວ (news), ຂ້າວ (rice) and ຂາວ (white)
//! stay three words. (`../shared/lao.md`, "Search".)

use std::ops::Range;

use icu_normalizer::properties::CanonicalCombiningClassMapBorrowed;
use icu_normalizer::ComposingNormalizerBorrowed;

const NIGGAHITA: char = '\u{0ECD}'; // ໍ
const VOWEL_AA: char = '\u{0EB2}'; // າ
const VOWEL_AM: char = '\u{0EB3}'; // ຳ

fn is_tone(c: char) -> bool {
    ('\u{0EC8}'..='\u{0ECB}').contains(&c)
}

fn is_above_vowel(c: char) -> bool {
    c == '\u{0EB1}' || ('\u{0EB4}'..='\u{0EB7}').contains(&c) || c == '\u{0EBB}'
}

/// Folded text, and for each of its bytes the span of the original it came from.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    origin: Vec<Range<usize>>,
}

impl Folded {
    /// The span of the original text that a span of the folded text came from (characters
    /// can be reordered, split or merged by folding: the span covers them all).
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        let spans =
            &self.origin[folded.start.min(self.origin.len())..folded.end.min(self.origin.len())];
        let start = spans.iter().map(|s| s.start).min().unwrap_or(0);
        let end = spans.iter().map(|s| s.end).max().unwrap_or(start);
        start..end
    }
}

/// Folds `original` (see the module documentation).
pub fn fold(original: &str) -> Folded {
    let chars = nfc_with_origin(original);
    let chars = lao_rules(chars);
    let mut text = String::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len());
    for (c, from) in chars {
        for lower in c.to_lowercase() {
            text.push(lower);
            origin.extend(std::iter::repeat_n(from.clone(), lower.len_utf8()));
        }
    }
    Folded { text, origin }
}

/// NFC, one starter and its combining marks at a time, so that every output character can
/// be traced to its cluster's start in the original.
fn nfc_with_origin(original: &str) -> Vec<(char, Range<usize>)> {
    let ccc = CanonicalCombiningClassMapBorrowed::new();
    let nfc = ComposingNormalizerBorrowed::new_nfc();
    let mut out = Vec::with_capacity(original.len());
    let mut start = 0;
    let flush = |range: Range<usize>, out: &mut Vec<(char, Range<usize>)>| {
        let cluster = &original[range.clone()];
        match nfc.normalize(cluster) {
            // Already NFC (nearly always): every character keeps its own offset.
            std::borrow::Cow::Borrowed(_) => out.extend(cluster.char_indices().map(|(i, c)| {
                let at = range.start + i;
                (c, at..at + c.len_utf8())
            })),
            std::borrow::Cow::Owned(composed) => {
                out.extend(composed.chars().map(|c| (c, range.clone())))
            }
        }
    };
    for (i, c) in original.char_indices().skip(1) {
        if ccc.get_u8(c) == 0 {
            flush(start..i, &mut out);
            start = i;
        }
    }
    if !original.is_empty() {
        flush(start..original.len(), &mut out);
    }
    out
}

fn lao_rules(chars: Vec<(char, Range<usize>)>) -> Vec<(char, Range<usize>)> {
    let mut out: Vec<(char, Range<usize>)> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let (c, from) = chars[i].clone();
        let next = chars.get(i + 1).map(|(c, _)| *c);
        let after = chars.get(i + 2).map(|(c, _)| *c);
        match c {
            '\u{200B}' | '\u{200C}' | '\u{00AD}' => {}
            NIGGAHITA if next.is_some_and(is_tone) && after == Some(VOWEL_AA) => {
                // ໍ + tone + າ: the tone keeps its place; ຳ stands for the two vowel parts.
                out.push(chars[i + 1].clone());
                out.push((VOWEL_AM, from.start..chars[i + 2].1.end));
                i += 3;
                continue;
            }
            NIGGAHITA if next == Some(VOWEL_AA) => {
                out.push((VOWEL_AM, from.start..chars[i + 1].1.end));
                i += 2;
                continue;
            }
            c if is_tone(c) && next.is_some_and(is_above_vowel) => {
                out.push(chars[i + 1].clone());
                out.push((c, from));
                i += 2;
                continue;
            }
            '\u{0EDC}' => out.extend([('\u{0EAB}', from.clone()), ('\u{0E99}', from)]),
            '\u{0EDD}' => out.extend([('\u{0EAB}', from.clone()), ('\u{0EA1}', from)]),
            '\u{0EBC}' => out.push(('\u{0EA5}', from)),
            '\u{0ED0}'..='\u{0ED9}' => {
                out.push((char::from(b'0' + (c as u32 - 0x0ED0) as u8), from));
            }
            c => out.push((c, from)),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(text: &str) -> String {
        fold(text).text
    }

    #[test]
    fn spelling_variants_fold_together() {
        // ໜ / ຫນ, ໝ / ຫມ
        assert_eq!(f("ໜ້າ"), f("ຫນ້າ"));
        assert_eq!(f("ໃໝ່"), f("ໃຫມ່"));
        // ຳ / ໍ + າ, with and without a tone mark between
        assert_eq!(f("ນຳ"), f("ນໍາ"));
        assert_eq!(f("ນ້ຳ"), f("ນ\u{0ECD}\u{0EC9}\u{0EB2}"));
        // tone mark typed before the above-vowel
        assert_eq!(f("ເພື່ອ"), f("ເພ\u{0EC8}\u{0EB7}ອ"));
        // ◌ຼ / ລ
        assert_eq!(f("ຫຼາຍ"), f("ຫລາຍ"));
        // zero-width space and Lao digits
        assert_eq!(f("ການ\u{200B}ເຄື່ອນຍ້າຍ"), f("ການເຄື່ອນຍ້າຍ"));
        assert_eq!(f("໒໐໒໒"), "2022");
        assert_eq!(f("Migration HEALTH"), "migration health");
    }

    #[test]
    fn minimal_pairs_stay_apart() {
        let (news, rice, white) = (f("ຂ່າວ"), f("ຂ້າວ"), f("ຂາວ"));
        assert_ne!(news, rice);
        assert_ne!(news, white);
        assert_ne!(rice, white);
    }

    #[test]
    fn offsets_point_into_the_original() {
        let original = "ໃໝ່ Café\u{200B}ນໍາ";
        let folded = fold(original);
        let at = folded.text.find("ຫມ").unwrap();
        let range = folded.original_range(at..at + "ຫມ".len());
        assert_eq!(&original[range], "ໝ");
        let at = folded.text.find("café").unwrap();
        assert_eq!(
            &original[folded.original_range(at..at + "café".len())],
            "Café"
        );
        let at = folded.text.find("ນຳ").unwrap();
        assert_eq!(
            &original[folded.original_range(at..folded.text.len())],
            "ນໍາ"
        );
    }

    #[test]
    fn decomposed_latin_is_composed() {
        assert_eq!(f("Cafe\u{0301}"), "café");
    }
}
