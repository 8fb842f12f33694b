//! `reader check`: everything wrong or behind in the content, in the spirit of Mozilla's
//! compare-locales. Errors are content that is wrong (it would show something unintended);
//! warnings are translations that are behind (missing, outdated, unreviewed).

use std::collections::BTreeSet;

use crate::catalog::{Catalog, EntryInfo};
use crate::error::{Diagnostic, DiagnosticKind as Kind};
use crate::library::Library;
use crate::locale::Locale;

/// All findings, each reported once, errors before warnings, then by file and line.
pub fn check(library: &Library) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = library.diagnostics().to_vec();
    found.extend(library.records().corrupt.iter().cloned());
    found.extend(library.records().obsolete.iter().cloned());
    let source = library.localizer().bundles()[0].catalog();

    manifest_against_resources(library, source, &mut found);
    for (n, bundle) in library.localizer().bundles().iter().enumerate() {
        // The source locale's bundle is the first.
        let is_source = n == 0;
        references(
            &bundle.code,
            is_source,
            bundle.catalog(),
            source,
            &mut found,
        );
        if let (false, Some(locale)) = (is_source, library.locale(&bundle.code)) {
            compare_with_source(library, &locale, bundle.catalog(), source, &mut found);
        }
    }
    found.sort_by(|a, b| {
        (!a.kind.is_error(), &a.file, a.line, a.column, a.kind).cmp(&(
            !b.kind.is_error(),
            &b.file,
            b.line,
            b.column,
            b.kind,
        ))
    });
    found
}

fn at(kind: Kind, entry: &EntryInfo, id: &str, text: String) -> Diagnostic {
    Diagnostic {
        kind,
        file: entry.file.to_string(),
        line: entry.line,
        column: 1,
        message_id: Some(id.to_string()),
        text,
    }
}

fn in_file(kind: Kind, file: &str, id: Option<&str>, text: String) -> Diagnostic {
    Diagnostic {
        kind,
        file: file.to_string(),
        line: 0,
        column: 0,
        message_id: id.map(str::to_string),
        text,
    }
}

/// Every manifest block has a source-language message, every page a source-language
/// resource, and every page resource (in any locale) a page in the manifest.
fn manifest_against_resources(library: &Library, source: &Catalog, found: &mut Vec<Diagnostic>) {
    let manifest = library.manifest();
    let files = library.files();
    for page in &manifest.pages {
        let resource = page.resource_path(library.source_locale());
        if files.get(&resource).is_none() {
            found.push(in_file(
                Kind::PageWithoutResource,
                "manifest.toml",
                None,
                format!("page `{}` has no resource {resource}", page.slug),
            ));
            continue;
        }
        for block in &page.blocks {
            match source.get(&block.id) {
                None => found.push(in_file(
                    Kind::BlockWithoutMessage,
                    &resource,
                    Some(&block.id),
                    format!(
                        "block `{}` of page `{}` has no message",
                        block.id, page.slug
                    ),
                )),
                // The reader reads a page's messages from its own resource only.
                Some(entry) if *entry.file != *resource => found.push(at(
                    Kind::BlockWithoutMessage,
                    entry,
                    &block.id,
                    format!(
                        "block `{}` of page `{}` is defined here, not in {resource}: the reader \
                         looks for it there",
                        block.id, page.slug
                    ),
                )),
                Some(_) => {}
            }
        }
    }
    for path in files.paths().filter(|p| p.ends_with(".ftl")) {
        let Some((locale, rest)) = path.split_once('/') else {
            continue;
        };
        let Some(slug) = rest
            .strip_prefix("pages/")
            .and_then(|s| s.strip_suffix(".ftl"))
        else {
            continue;
        };
        if library.locale(locale).is_some() && manifest.page(slug).is_none() {
            found.push(in_file(
                Kind::ResourceWithoutPage,
                path,
                None,
                format!("no page `{slug}` in manifest.toml"),
            ));
        }
    }
}

/// References to messages and terms the locale doesn't define. A term the locale lacks
/// but the source language has is reported once, as a missing term, not at each use.
fn references(
    locale: &str,
    is_source: bool,
    catalog: &Catalog,
    source: &Catalog,
    found: &mut Vec<Diagnostic>,
) {
    for (id, entry) in &catalog.entries {
        for reference in &entry.uses().references {
            let (target, attribute) = match reference.split_once('.') {
                Some((target, attribute)) => (target, Some(attribute)),
                None => (reference.as_str(), None),
            };
            let exists = catalog.get(target).is_some_and(|t| match attribute {
                Some(attribute) => t.attributes().contains(attribute),
                None => t.has_value(),
            });
            let reported_as_missing_term =
                target.starts_with('-') && !is_source && source.get(target).is_some();
            if !exists && !reported_as_missing_term {
                found.push(at(
                    Kind::UnknownReference,
                    entry,
                    id,
                    format!("`{id}` uses `{reference}`, which {locale} does not define"),
                ));
            }
        }
    }
}

/// A translation against the source language: terms, variables, attributes, and what is missing,
/// obsolete, outdated or unreviewed.
fn compare_with_source(
    library: &Library,
    locale: &Locale,
    catalog: &Catalog,
    source: &Catalog,
    found: &mut Vec<Diagnostic>,
) {
    let files = library.files();
    // Named as the language switch names it ("English").
    let source_name = library.locales()[0].native_name.as_str();
    // A message lost to a syntax error is reported there, not again as missing.
    let broken: BTreeSet<&str> = library
        .diagnostics()
        .iter()
        .filter(|d| d.kind == Kind::Syntax && d.file.starts_with(&format!("{locale}/")))
        .filter_map(|d| d.message_id.as_deref())
        .collect();
    let mut untranslated_pages = BTreeSet::new();
    for page in &library.manifest().pages {
        let resource = page.resource_path(locale);
        if files.get(&resource).is_none()
            && files
                .get(&page.resource_path(library.source_locale()))
                .is_some()
        {
            untranslated_pages.insert(page.resource_path(library.source_locale()));
            found.push(in_file(
                Kind::MissingPage,
                &resource,
                None,
                format!(
                    "page `{}` is not translated (shown in {source_name})",
                    page.slug
                ),
            ));
        }
    }
    for (id, english) in &source.entries {
        let Some(entry) = catalog.get(id) else {
            if id.starts_with('-') {
                found.push(in_file(
                    Kind::MissingTerm,
                    &translated_path(&english.file, locale),
                    Some(id),
                    format!(
                        "term `{id}` is missing (terms never fall back: messages using it fail)"
                    ),
                ));
            } else if !untranslated_pages.contains(&*english.file) && !broken.contains(id.as_str())
            {
                found.push(in_file(
                    Kind::MissingMessage,
                    &translated_path(&english.file, locale),
                    Some(id),
                    format!("`{id}` is not translated (shown in {source_name})"),
                ));
            }
            continue;
        };
        let (variables, english_variables) = (entry.uses().variables, english.uses().variables);
        if variables != english_variables {
            found.push(at(
                Kind::VariablesDiffer,
                entry,
                id,
                format!(
                    "variables {} differ from {source_name} {}",
                    list(&variables, "$"),
                    list(&english_variables, "$")
                ),
            ));
        }
        let (attributes, english_attributes) = (entry.attributes(), english.attributes());
        if attributes != english_attributes {
            found.push(at(
                Kind::AttributesDiffer,
                entry,
                id,
                format!(
                    "attributes {} differ from {source_name} {}",
                    list(&attributes, "."),
                    list(&english_attributes, ".")
                ),
            ));
        }
        let status = library.message_status(locale, id);
        if status.outdated {
            found.push(at(
                Kind::Outdated,
                entry,
                id,
                format!("the {source_name} changed since this was translated"),
            ));
        }
        if !status.reviewed {
            found.push(at(Kind::Unreviewed, entry, id, "not yet reviewed".into()));
        }
    }
    for (id, entry) in &catalog.entries {
        if source.get(id).is_none() {
            found.push(at(
                Kind::ObsoleteMessage,
                entry,
                id,
                format!("`{id}` is not in {source_name}: obsolete"),
            ));
        }
    }
}

/// `en/pages/home.ftl` → `lo/pages/home.ftl`.
fn translated_path(english_file: &str, locale: &str) -> String {
    match english_file.split_once('/') {
        Some((_, rest)) => format!("{locale}/{rest}"),
        None => english_file.to_string(),
    }
}

fn list(items: &BTreeSet<String>, prefix: &str) -> String {
    if items.is_empty() {
        return "(none)".into();
    }
    items
        .iter()
        .map(|i| format!("{prefix}{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}
