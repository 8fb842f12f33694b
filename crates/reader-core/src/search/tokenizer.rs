//! The tantivy tokenizer for English and Lao: fold (see `fold`), then split into words with
//! ICU4X's dictionary segmenter, which finds Lao words in text written without spaces and
//! follows UAX #29 for English. Offsets point into the original text; no length limit.

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::WordSegmenter;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::fold::fold;
use crate::line_breaks::is_lao;

/// One word of a text: its folded form and where it stands in the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub folded: String,
    pub original: std::ops::Range<usize>,
}

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word> {
    let folded = fold(text);
    let segmenter = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    let mut words = Vec::new();
    let mut start = 0;
    for end in segmenter.segment_str(&folded.text).skip(1) {
        let segment = &folded.text[start..end];
        if segment.chars().any(char::is_alphanumeric) {
            words.push(Word {
                folded: segment.to_string(),
                original: folded.original_range(start..end),
            });
        }
        start = end;
    }
    words
}

/// Overlapping pairs of characters of every run of Lao in the folded text, with positions
/// that leave a gap between runs. A Lao word then matches as a phrase of its pairs wherever
/// it stands, even where the dictionary cut the run differently (words joined without
/// spaces can be read more than one way); tone marks are characters, so minimal pairs stay
/// apart.
pub fn lao_pairs(folded: &str) -> Vec<(String, std::ops::Range<usize>, usize)> {
    let mut pairs = Vec::new();
    let mut position = 0;
    let chars: Vec<(usize, char)> = folded.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_lao(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_lao(chars[i].1) {
            i += 1;
        }
        for window in chars[start..i].windows(2) {
            let (from, a) = window[0];
            let (at, b) = window[1];
            pairs.push((format!("{a}{b}"), from..at + b.len_utf8(), position));
            position += 1;
        }
        position += 1; // no phrase across two runs
    }
    pairs
}

/// The tokenizer of the Lao pairs field (see `lao_pairs`).
#[derive(Clone, Default)]
pub struct LaoPairTokenizer;

impl Tokenizer for LaoPairTokenizer {
    type TokenStream<'a> = WordStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream {
        let folded = fold(text);
        let tokens = lao_pairs(&folded.text)
            .into_iter()
            .map(|(pair, range, position)| {
                let original = folded.original_range(range);
                Token {
                    offset_from: original.start,
                    offset_to: original.end,
                    position,
                    text: pair,
                    position_length: 1,
                }
            })
            .collect();
        WordStream { tokens, next: 0 }
    }
}

#[derive(Clone, Default)]
pub struct LaoEnglishTokenizer;

pub struct WordStream {
    tokens: Vec<Token>,
    next: usize,
}

impl Tokenizer for LaoEnglishTokenizer {
    type TokenStream<'a> = WordStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream {
        let tokens = words(text)
            .into_iter()
            .enumerate()
            .map(|(position, word)| Token {
                offset_from: word.original.start,
                offset_to: word.original.end,
                position,
                text: word.folded,
                position_length: 1,
            })
            .collect();
        WordStream { tokens, next: 0 }
    }
}

impl TokenStream for WordStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.folded).collect()
    }

    #[test]
    fn lao_sentence_splits_into_dictionary_words() {
        // lao.md's example: the dictionary keeps ເຄື່ອນຍ້າຍ and ຖິ່ນຖານ whole.
        assert_eq!(
            folded("ອົງການສາກົນເພື່ອການເຄື່ອນຍ້າຍຖິ່ນຖານໄດ້ເປີດຕົວຍຸດທະສາດປະຈຳປະເທດ"),
            [
                "ອົງການ",
                "ສາກົນ",
                "ເພື່ອ",
                "ການ",
                "ເຄື່ອນຍ້າຍ",
                "ຖິ່ນຖານ",
                "ໄດ້",
                "ເປີດ",
                "ຕົວ",
                "ຍຸດທະສາດ",
                "ປະຈຳ",
                "ປະເທດ"
            ]
        );
    }

    #[test]
    fn tone_marks_survive_and_long_words_are_kept() {
        let words = folded("ຂ່າວ ຂ້າວ ຂາວ ການເຄື່ອນຍ້າຍຖິ່ນຖານ");
        assert!(words.contains(&"ຂ່າວ".to_string()) && words.contains(&"ຂ້າວ".to_string()));
        assert!(words.contains(&"ຂາວ".to_string()));
        assert!(words.iter().all(|w| !w.is_empty()));
    }

    #[test]
    fn english_words_and_offsets() {
        let text = "IOM's Migration, Environment and Climate-Change";
        let words = words(text);
        let originals: Vec<&str> = words.iter().map(|w| &text[w.original.clone()]).collect();
        assert_eq!(
            originals,
            [
                "IOM's",
                "Migration",
                "Environment",
                "and",
                "Climate",
                "Change"
            ]
        );
        assert_eq!(words[1].folded, "migration");
    }

    #[test]
    fn lao_pairs_keep_tone_marks_and_break_between_runs() {
        let pairs: Vec<(String, usize)> = lao_pairs("ຂ່າວ ok ຂາວ")
            .into_iter()
            .map(|(p, _, pos)| (p, pos))
            .collect();
        assert_eq!(
            pairs,
            [
                ("ຂ່".into(), 0),
                ("່າ".into(), 1),
                ("າວ".into(), 2),
                ("ຂາ".into(), 4),
                ("າວ".into(), 5)
            ]
        );
    }

    #[test]
    fn lao_offsets_cover_the_original_spelling() {
        let text = "ຂ່າວໃໝ່";
        let words = words(text);
        let last = words.last().unwrap();
        assert_eq!(&text[last.original.clone()], "ໃໝ່");
        assert_eq!(last.folded, "ໃຫມ່");
    }
}
