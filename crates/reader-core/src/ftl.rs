//! Fluent text parsed safely: the one place `.ftl` text reaches the parser. Two inputs
//! break fluent-syntax 0.12 itself, so they are found first and their entries left out,
//! each reported at its line like a syntax error:
//! - a `\u`/`\U` escape cut short just before a multi-byte character makes the parser
//!   slice inside that character and panic (fluent-rs #389; docs/known-issues.md);
//! - placeables or selectors nested deeper than [`MAX_NESTING`] overflow the stack of the
//!   parser (and of everything that walks the tree after it), which no `catch_unwind` can
//!   catch. Real messages nest two or three deep.
//!
//! An entry left out is blanked in place (its bytes become spaces), so every offset, line
//! and column the parser reports for the rest stays true.

use fluent_bundle::FluentResource;

/// How deep `{` may nest inside one entry (placeables, selectors, their variants).
pub const MAX_NESTING: usize = 20;

/// Why a part of the text could not be used, or was read with a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseProblem {
    pub kind: ProblemKind,
    /// 1-based, in characters.
    pub line: usize,
    pub column: usize,
    /// The entry it belongs to, when one can be named (`id`, `-term`).
    pub entry: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// The entry is left out (a parser error, or one of the inputs above).
    Syntax,
    /// The text started with a byte-order mark, which was dropped (a warning).
    ByteOrderMark,
}

/// Parses `.ftl` text into a resource (the whole text, less what could not be read) and the
/// problems found, in text order. Never panics and never recurses deeper than
/// [`MAX_NESTING`].
pub fn parse(text: String) -> (FluentResource, Vec<ParseProblem>) {
    // A byte-order mark (some Windows editors write one) is not Fluent: the first entry
    // would be lost in a syntax error.
    let (text, bom) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest.to_string(), true),
        None => (text, false),
    };
    let lines = LineIndex::new(&text);
    let (text, mut problems) = leave_out_unsafe_entries(text, &lines);
    if bom {
        problems.push(ParseProblem {
            kind: ProblemKind::ByteOrderMark,
            line: 1,
            column: 1,
            entry: None,
            message: "starts with a byte-order mark (ignored): save the file as UTF-8 without BOM"
                .into(),
        });
    }
    let resource = match FluentResource::try_new(text) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            let source = resource.source();
            problems.extend(errors.into_iter().map(|error| {
                let (line, column) = lines.position(source, error.pos.start);
                let entry = error
                    .slice
                    .as_ref()
                    .and_then(|slice| entry_id_at(&source[slice.clone()]));
                ParseProblem {
                    kind: ProblemKind::Syntax,
                    line,
                    column,
                    entry,
                    message: error.kind.to_string(),
                }
            }));
            resource
        }
    };
    problems.sort_by_key(|p| (p.line, p.column));
    (resource, problems)
}

#[cfg(test)]
thread_local! {
    /// Bytes read to index lines, on this thread: the work the linearity test counts.
    static INDEXED_BYTES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Start offsets of the lines of a text: positions from byte offsets in O(log n), so
/// reporting every error of a large file stays linear.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        #[cfg(test)]
        INDEXED_BYTES.with(|bytes| bytes.set(bytes.get() + text.len()));
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { starts }
    }

    /// 1-based line and column (in characters) of a byte offset of `text` (the text the
    /// index was made from, or one with the same line breaks).
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let column = text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line, column + 1)
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

/// The entry spans (from a line that starts an entry to the next such line) holding a
/// hazard are blanked; one problem per entry.
fn leave_out_unsafe_entries(text: String, lines: &LineIndex) -> (String, Vec<ParseProblem>) {
    let hazards = find_hazards(&text);
    if hazards.is_empty() {
        return (text, Vec::new());
    }
    let mut bytes = text.into_bytes();
    let mut problems = Vec::new();
    let mut blanked_until = 0;
    for (offset, message) in hazards {
        if offset < blanked_until {
            continue;
        }
        let (start, end) = entry_span(&bytes, offset);
        let source = std::str::from_utf8(&bytes).expect("blanking keeps UTF-8");
        let entry = entry_id_at(&source[start..end]);
        let (line, column) = lines.position(source, offset);
        problems.push(ParseProblem {
            kind: ProblemKind::Syntax,
            line,
            column,
            entry,
            message,
        });
        for byte in &mut bytes[start..end] {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
        blanked_until = end;
    }
    let text = String::from_utf8(bytes).expect("only whole characters were replaced");
    (text, problems)
}

/// Offsets, in text order, of what the parser can't survive, and why.
fn find_hazards(text: &str) -> Vec<(usize, String)> {
    let bytes = text.as_bytes();
    let mut hazards = Vec::new();
    let mut depth = 0usize;
    let mut entry_start = 0;
    let mut too_deep_reported = false;
    let mut i = 0;
    while i < bytes.len() {
        if (i == 0 || bytes[i - 1] == b'\n') && starts_entry(&bytes[i..]) {
            depth = 0;
            entry_start = i;
            too_deep_reported = false;
        }
        match bytes[i] {
            b'{' => {
                depth += 1;
                if depth > MAX_NESTING && !too_deep_reported {
                    hazards.push((
                        entry_start,
                        format!("nested deeper than {MAX_NESTING} levels of {{ }}: entry left out"),
                    ));
                    too_deep_reported = true;
                }
            }
            b'}' => depth = depth.saturating_sub(1),
            // Checked wherever it stands (inside a string literal or not): a false alarm
            // needs a backslash, `u`, fewer than 4 hex digits and a non-ASCII letter in a
            // row, which no real text has.
            b'\\' if matches!(bytes.get(i + 1), Some(b'u' | b'U')) => {
                let wanted = if bytes[i + 1] == b'u' { 4 } else { 6 };
                let digits = bytes[i + 2..]
                    .iter()
                    .take(wanted)
                    .take_while(|b| b.is_ascii_hexdigit())
                    .count();
                if digits < wanted && bytes.get(i + 2 + digits).is_some_and(|b| *b >= 0x80) {
                    hazards.push((
                        i,
                        format!(
                            "invalid escape `\\{}` followed by a non-ASCII character: entry left out",
                            char::from(bytes[i + 1])
                        ),
                    ));
                }
            }
            _ => {}
        }
        i += 1;
    }
    hazards.sort_by_key(|(offset, _)| *offset);
    hazards
}

/// Whether a line begins an entry: `id =`, `-term =` or a comment. Inside a placeable such a
/// line is a syntax error, after which the parser starts afresh at the next entry: nesting
/// can't continue across it, so depth is counted from there. (Any other line — indented,
/// `}`, `[`, `*`, `.`, or a bare word — may continue the entry before.)
fn starts_entry(line: &[u8]) -> bool {
    if line.first() == Some(&b'#') {
        return true;
    }
    let name = line.strip_prefix(b"-").unwrap_or(line);
    if !name.first().is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let rest = &name[name
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
        .unwrap_or(name.len())..];
    let rest = &rest[rest.iter().position(|b| *b != b' ').unwrap_or(rest.len())..];
    rest.first() == Some(&b'=')
}

/// The span of the entry holding `offset`: from the line that started it to the next line
/// that starts an entry.
fn entry_span(bytes: &[u8], offset: usize) -> (usize, usize) {
    let mut start = bytes[..offset]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    while start > 0 && !starts_entry(&bytes[start..]) {
        start = bytes[..start - 1]
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
    }
    let mut end = offset;
    loop {
        match bytes[end..].iter().position(|b| *b == b'\n') {
            None => return (start, bytes.len()),
            Some(newline) => {
                end += newline + 1;
                if end >= bytes.len() || starts_entry(&bytes[end..]) {
                    return (start, end);
                }
            }
        }
    }
}

/// The id of the entry a slice of text starts with (`id = …` or `-term = …`).
pub(crate) fn entry_id_at(slice: &str) -> Option<String> {
    slice.lines().find_map(|line| {
        let (id, _) = line.split_once('=')?;
        let id = id.trim();
        let bare = id.strip_prefix('-').unwrap_or(id);
        (!bare.is_empty()
            && !line.starts_with([' ', '#'])
            && bare
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .then(|| id.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(resource: &FluentResource) -> Vec<String> {
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                fluent_syntax::ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
                _ => None,
            })
            .collect()
    }

    /// Fault 2 of the hostile-input review: these made fluent-syntax panic (exit 101 in
    /// every command, the app down at start).
    #[test]
    fn short_unicode_escapes_before_multibyte_text_are_refused_not_a_panic() {
        for bad in [
            "bad = {\"\\u0ອ\"}",
            "bad = {\"\\uອ\"}",
            "bad = {\"\\U00ເ\"}",
            "bad = {\"\\u12é\"}",
        ] {
            let text = format!("before = Before\n{bad}\nafter = After\n");
            let (resource, problems) = parse(text);
            assert_eq!(ids(&resource), ["before", "after"], "{bad}");
            assert_eq!(problems.len(), 1, "{bad}: {problems:?}");
            assert_eq!(problems[0].line, 2);
            assert_eq!(problems[0].entry.as_deref(), Some("bad"));
            assert!(problems[0].message.contains("escape"), "{problems:?}");
        }
        // Whole escapes still work.
        let (resource, problems) = parse("ok = {\"\\u0041ອ\"}\n".into());
        assert_eq!(
            (ids(&resource), problems.len()),
            (vec!["ok".to_string()], 0)
        );
    }

    /// The input the fuzzer found (44 s, 1.4 million runs, against the parser without the
    /// guard): a Lao file whose mutations hold a short `\u` escape.
    #[test]
    fn fuzzer_crash_input_parses_without_a_panic() {
        let input = include_bytes!("../tests/fixtures/fuzz-ftl-parse-crash-1.ftl");
        let (_, problems) = parse(String::from_utf8_lossy(input).into_owned());
        assert!(
            problems.iter().any(|p| p.message.contains("escape")),
            "{problems:?}"
        );
    }

    /// Fault 3: nesting that overflowed the stack (300 placeables in English, 1,000 in Lao,
    /// 1,000 nested selectors) is refused at its line; the rest loads.
    #[test]
    fn deep_nesting_is_refused_at_its_line() {
        let placeables = format!("deep = {}x{}", "{".repeat(1000), "}".repeat(1000));
        let mut selectors = String::from("sel = ");
        for _ in 0..1000 {
            selectors.push_str("{ $n ->\n *[other] ");
        }
        selectors.push('x');
        for _ in 0..1000 {
            selectors.push_str("\n}");
        }
        // Lines that start with a word but not `word =` do not stop the count.
        let calls = format!("call = {{\n{}", "FOO(\n{\n".repeat(1000));
        for deep in [placeables, selectors, calls] {
            let text = format!("first = One\n{deep}\nlast = Two\n");
            let (resource, problems) = parse(text);
            assert_eq!(ids(&resource), ["first", "last"]);
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(problems[0].line, 2);
            assert!(
                problems[0].message.contains("nested deeper"),
                "{problems:?}"
            );
        }
        // At the limit: parsed as it is.
        let ok = format!(
            "ok = {}\"x\"{}\n",
            "{".repeat(MAX_NESTING),
            "}".repeat(MAX_NESTING)
        );
        let (resource, problems) = parse(ok);
        assert_eq!((ids(&resource), problems), (vec!["ok".to_string()], vec![]));
    }

    /// Fault 5 of the hostile-input review: each error's position rescanned the file, so
    /// 50,000 junk lines took 41 s. Now the lines are indexed once per file, whatever the
    /// number of errors (counted in bytes read, not in time).
    #[test]
    fn every_error_position_comes_from_one_index() {
        let text = "junk line\n".repeat(50_000);
        let before = INDEXED_BYTES.with(|bytes| bytes.get());
        let (_, problems) = parse(text.clone());
        let indexed = INDEXED_BYTES.with(|bytes| bytes.get()) - before;
        assert_eq!(problems.len(), 50_000);
        assert_eq!(
            problems.last().unwrap().line,
            50_000,
            "{:?}",
            problems.last()
        );
        assert_eq!(indexed, text.len());
    }

    /// A byte-order mark is dropped wherever Fluent text is parsed (the loader, and the
    /// reading of UI message ids), with a warning, so the first entry is never lost.
    #[test]
    fn a_byte_order_mark_is_dropped_with_a_warning() {
        let (resource, problems) = parse("\u{feff}first = First\nsecond = Second\n".into());
        assert_eq!(ids(&resource), ["first", "second"]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].kind, ProblemKind::ByteOrderMark);
        assert_eq!((problems[0].line, problems[0].column), (1, 1));
    }

    #[test]
    fn broken_entry_names_its_id() {
        assert_eq!(
            entry_id_at("home-intro = { oops\n"),
            Some("home-intro".into())
        );
        assert_eq!(entry_id_at("-org-name = {\n"), Some("-org-name".into()));
        assert_eq!(entry_id_at("   continued line\n"), None);
    }

    #[test]
    fn positions_count_characters_from_one_index() {
        let text = "a = x\nບ = ຍ\nຍຍ";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), (1, 1));
        let offset = text.rfind('ຍ').unwrap();
        assert_eq!(index.position(text, offset), (3, 2));
        assert_eq!(index.position(text, text.len()), (3, 3));
        assert_eq!(index.line(offset), 3);
    }
}
