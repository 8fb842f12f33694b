//! What each locale's resources define, entry by entry: where (file, line), a fingerprint
//! of its source, its attributes, variables and references. The linter and the translation
//! status are built on it; rendering never needs it.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;
use sha2::{Digest, Sha256};

/// One message or term (`-name`) of one locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryInfo {
    /// Shared by every entry of the file (a big site has ~100,000 entries).
    pub file: std::sync::Arc<str>,
    pub line: usize,
    /// Fingerprint of the entry's source (value and attributes, not comments): changes when
    /// its text changes, not when a term it uses does.
    pub fingerprint: String,
    pub has_value: bool,
    pub attributes: BTreeSet<String>,
    pub variables: BTreeSet<String>,
    /// Referenced messages (`msg`, `msg.attr`) and terms (`-term`).
    pub references: BTreeSet<String>,
}

/// Every entry of one locale, by id.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub entries: BTreeMap<String, EntryInfo>,
}

impl Catalog {
    /// Adds the entries of one resource; returns the ids it already had (duplicates) with
    /// the line of the new definition.
    pub fn add<'a>(
        &mut self,
        file: &str,
        source: &str,
        entries: impl Iterator<Item = &'a ast::Entry<&'a str>>,
    ) -> Vec<(String, usize)> {
        let mut duplicates = Vec::new();
        let mut search_from = 0;
        let file: std::sync::Arc<str> = file.into();
        for entry in entries {
            let (id, value, attributes) = match entry {
                ast::Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref(), &m.attributes),
                ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
                _ => continue,
            };
            let (line, next) = definition_line(source, &id, search_from);
            search_from = next;
            let mut info = EntryInfo {
                file: file.clone(),
                line,
                fingerprint: fingerprint(entry),
                has_value: value.is_some(),
                attributes: attributes.iter().map(|a| a.id.name.to_string()).collect(),
                variables: BTreeSet::new(),
                references: BTreeSet::new(),
            };
            for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
                walk_pattern(pattern, &mut info);
            }
            match self.entries.entry(id) {
                std::collections::btree_map::Entry::Occupied(first) => {
                    duplicates.push((first.key().clone(), line))
                }
                std::collections::btree_map::Entry::Vacant(slot) => {
                    slot.insert(info);
                }
            }
        }
        duplicates
    }

    pub fn get(&self, id: &str) -> Option<&EntryInfo> {
        self.entries.get(id)
    }
}

/// 16 hex digits of SHA-256 over the entry serialized alone (fluent-syntax's serializer
/// normalizes layout, and comments are not part of the entry as FluentResource keeps it).
pub fn fingerprint(entry: &ast::Entry<&str>) -> String {
    let entry = match entry {
        ast::Entry::Message(m) => ast::Entry::Message(ast::Message {
            comment: None,
            ..m.clone()
        }),
        ast::Entry::Term(t) => ast::Entry::Term(ast::Term {
            comment: None,
            ..t.clone()
        }),
        other => other.clone(),
    };
    let text = fluent_syntax::serializer::serialize(&ast::Resource { body: vec![entry] });
    let digest = Sha256::digest(text.trim_end().as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// The 1-based line where `id` is defined (`id =` at the start of a line), searching from a
/// byte offset; and the offset to search the next entry from.
pub(crate) fn definition_line(source: &str, id: &str, from: usize) -> (usize, usize) {
    let mut offset = from;
    for line in source[from..].split_inclusive('\n') {
        let rest = line.strip_prefix(id).map(str::trim_start);
        if rest.is_some_and(|rest| rest.starts_with('=')) {
            let number = source[..offset].matches('\n').count() + 1;
            return (number, offset + line.len());
        }
        offset += line.len();
    }
    (0, from)
}

fn walk_pattern(pattern: &ast::Pattern<&str>, info: &mut EntryInfo) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, info);
        }
    }
}

fn walk_expression(expression: &ast::Expression<&str>, info: &mut EntryInfo) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, info);
            for variant in variants {
                walk_pattern(&variant.value, info);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, info),
    }
}

fn walk_inline(inline: &ast::InlineExpression<&str>, info: &mut EntryInfo) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            info.variables.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, attribute } => {
            let name = match attribute {
                Some(attr) => format!("{}.{}", id.name, attr.name),
                None => id.name.to_string(),
            };
            info.references.insert(name);
        }
        ast::InlineExpression::TermReference { id, arguments, .. } => {
            info.references.insert(format!("-{}", id.name));
            if let Some(arguments) = arguments {
                walk_arguments(arguments, info);
            }
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            walk_arguments(arguments, info)
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, info),
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

fn walk_arguments(arguments: &ast::CallArguments<&str>, info: &mut EntryInfo) {
    for positional in &arguments.positional {
        walk_inline(positional, info);
    }
    for named in &arguments.named {
        walk_inline(&named.value, info);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(source: &str) -> Catalog {
        let resource = fluent_syntax::parser::parse(source).unwrap();
        let mut catalog = Catalog::default();
        catalog.add("x.ftl", source, resource.body.iter());
        catalog
    }

    #[test]
    fn records_lines_variables_and_references() {
        let c = catalog(
            "# c\n-brand = IOM\n\nhello = Hi { $name }, { -brand } { other.nav }\n    .title = T\n",
        );
        let hello = c.get("hello").unwrap();
        assert_eq!(hello.line, 4);
        assert_eq!(hello.variables, BTreeSet::from(["name".to_string()]));
        assert_eq!(
            hello.references,
            BTreeSet::from(["-brand".to_string(), "other.nav".to_string()])
        );
        assert_eq!(hello.attributes, BTreeSet::from(["title".to_string()]));
        assert_eq!(c.get("-brand").unwrap().line, 2);
    }

    #[test]
    fn fingerprint_ignores_comments_and_layout_not_text() {
        let a = catalog("# one comment\nmsg = Hello { -brand }\n");
        let b = catalog("# another\nmsg =\n    Hello { -brand }\n");
        let c = catalog("msg = Hello, { -brand }\n");
        let fa = &a.get("msg").unwrap().fingerprint;
        assert_eq!(fa, &b.get("msg").unwrap().fingerprint);
        assert_ne!(fa, &c.get("msg").unwrap().fingerprint);
        assert_eq!(fa.len(), 16);
    }
}
