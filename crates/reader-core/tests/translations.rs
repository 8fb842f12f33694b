//! The shipped Lao translation is complete and faithful in what a machine can check:
//! every English message and term exists in Lao, every Lao message is written in Lao
//! script, and numbers, e-mail addresses and link targets match the English source.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Pattern, PatternElement};

/// Every entry (message, term, attribute) of a locale: `id` or `id.attr` → its own text.
fn entries(locale: &str) -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../locales")
        .join(locale);
    let mut out = BTreeMap::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|ext| ext != "ftl") {
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            let resource = fluent_syntax::parser::parse(source.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
            for entry in resource.body {
                let (id, value, attributes) = match entry {
                    Entry::Message(m) => (m.id.name.to_string(), m.value, m.attributes),
                    Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
                    _ => continue,
                };
                if let Some(value) = value {
                    out.insert(id.clone(), own_text(&value));
                }
                for attribute in attributes {
                    out.insert(
                        format!("{id}.{}", attribute.id.name),
                        own_text(&attribute.value),
                    );
                }
            }
        }
    }
    out
}

/// The text a message writes itself (placeables such as terms are checked on their own).
fn own_text(pattern: &Pattern<&str>) -> String {
    pattern
        .elements
        .iter()
        .filter_map(|element| match element {
            PatternElement::TextElement { value } => Some(*value),
            PatternElement::Placeable { .. } => None,
        })
        .collect()
}

fn has_lao(text: &str) -> bool {
    text.chars().any(|c| ('\u{0E80}'..='\u{0EFF}').contains(&c))
}

/// Official Lao names that write a number the English name does not (the project's
/// terminology notes, `lao.md`): the 9th NSEDP is officially the "5 ປີ" (five-year) plan.
/// Their digits are not counted.
const OFFICIAL_NAMES_WITH_NUMBERS: [&str; 1] = ["ແຜນພັດທະນາເສດຖະກິດ-ສັງຄົມແຫ່ງຊາດ 5 ປີ"];

/// Month names, English and Lao, with their numbers.
const MONTHS: [(&str, &str, u32); 12] = [
    ("January", "ມັງກອນ", 1),
    ("February", "ກຸມພາ", 2),
    ("March", "ມີນາ", 3),
    ("April", "ເມສາ", 4),
    ("May", "ພຶດສະພາ", 5),
    ("June", "ມິຖຸນາ", 6),
    ("July", "ກໍລະກົດ", 7),
    ("August", "ສິງຫາ", 8),
    ("September", "ກັນຍາ", 9),
    ("October", "ຕຸລາ", 10),
    ("November", "ພະຈິກ", 11),
    ("December", "ທັນວາ", 12),
];

/// Numbers written in the text, as a set; in Lao, Roman numerals (ຄັ້ງທີ IX) and Lao digits
/// count as the numbers they write; in both languages a month named after a day's number
/// ("1 September", "24 ກຸມພາ") counts as its number, as in "24/02".
fn numbers(text: &str) -> BTreeSet<u32> {
    let mut found = BTreeSet::new();
    let mut text = text.to_string();
    for name in OFFICIAL_NAMES_WITH_NUMBERS {
        text = text.replace(name, "");
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    for pair in tokens.windows(2) {
        let day = pair[0].trim_start_matches(|c: char| !c.is_ascii_digit());
        let month = pair[1].trim_end_matches(|c: char| c.is_ascii_punctuation());
        if !day.is_empty() && day.bytes().all(|b| b.is_ascii_digit()) {
            if let Some(&(_, _, n)) = MONTHS
                .iter()
                .find(|(en, lo, _)| month == *en || month == *lo)
            {
                found.insert(n);
            }
        }
    }
    let text: String = text
        .chars()
        .map(|c| match c {
            '\u{0ED0}'..='\u{0ED9}' => char::from(b'0' + (c as u32 - 0x0ED0) as u8),
            c => c,
        })
        .collect();
    let mut words = text.split(|c: char| !c.is_ascii_alphanumeric());
    for word in words.by_ref() {
        if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
            found.insert(word.parse().unwrap());
        } else if let Some(n) = word.strip_suffix("th").and_then(|n| n.parse().ok()) {
            found.insert(n);
        } else if let Some(n) = roman(word) {
            found.insert(n);
        }
    }
    found
}

fn roman(word: &str) -> Option<u32> {
    if word.is_empty() || word.len() > 4 || !word.bytes().all(|b| b"IVX".contains(&b)) {
        return None;
    }
    let value = |c| match c {
        'I' => 1,
        'V' => 5,
        _ => 10,
    };
    let chars: Vec<u32> = word.chars().map(value).collect();
    Some(
        chars
            .iter()
            .enumerate()
            .map(|(i, &v)| {
                if chars.get(i + 1).is_some_and(|&next| next > v) {
                    -(v as i32)
                } else {
                    v as i32
                }
            })
            .sum::<i32>() as u32,
    )
}

fn emails(text: &str) -> BTreeSet<String> {
    text.split(|c: char| c.is_whitespace() || "<>\"':,()".contains(c))
        .filter(|w| w.contains('@'))
        .map(|w| {
            w.trim_start_matches("mailto")
                .trim_end_matches('.')
                .to_string()
        })
        .collect()
}

fn link_targets(text: &str) -> BTreeSet<String> {
    text.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_english_message_and_term_exists_in_lao() {
    let en = entries("en");
    let lo = entries("lo");
    let missing: Vec<_> = en.keys().filter(|id| !lo.contains_key(*id)).collect();
    assert!(missing.is_empty(), "missing in Lao: {missing:?}");
    let extra: Vec<_> = lo.keys().filter(|id| !en.contains_key(*id)).collect();
    assert!(extra.is_empty(), "only in Lao: {extra:?}");
}

#[test]
fn lao_messages_are_lao_with_the_same_numbers_addresses_and_links() {
    let en = entries("en");
    let lo = entries("lo");
    // Terms may keep a Latin acronym (IOM, UN) and messages may be only terms; every
    // message with text of its own must write Lao.
    for (id, lao) in &lo {
        let english = &en[id];
        let own_words = english.chars().any(|c| c.is_alphabetic());
        if own_words && !id.starts_with("-org-short") && !id.starts_with("-un-short") {
            assert!(has_lao(lao), "{id}: no Lao script in {lao:?}");
        }
        assert_eq!(numbers(english), numbers(lao), "{id}: numbers differ");
        assert_eq!(
            emails(english),
            emails(lao),
            "{id}: e-mail addresses differ"
        );
        assert_eq!(
            link_targets(english),
            link_targets(lao),
            "{id}: link targets differ"
        );
    }
}

#[test]
fn the_checks_themselves_can_fail() {
    assert_eq!(
        numbers("the 9th Plan, 2021-2025"),
        BTreeSet::from([9, 2021, 2025])
    );
    assert_eq!(
        numbers("ຄັ້ງທີ IX (2021-2025)"),
        BTreeSet::from([9, 2021, 2025])
    );
    assert_ne!(numbers("since 2001"), numbers("ຕັ້ງແຕ່ປີ 2002"));
    // A date's month, by number or by name.
    assert_eq!(numbers("today (24/02)"), BTreeSet::from([2, 24]));
    assert_eq!(
        numbers("ໃນວັນນີ້ (ວັນທີ 24 ກຸມພາ 2022)"),
        BTreeSet::from([2, 24, 2022])
    );
    assert_eq!(
        numbers("on 1 September 2021,"),
        numbers("ໃນວັນທີ 1 ກັນຍາ 2021,")
    );
    assert_ne!(numbers("(24/03)"), numbers("(ວັນທີ 24 ກຸມພາ)"));
    // Only the plan's official name may add its "5 ປີ"; any other 5 still counts.
    assert_eq!(
        numbers("ແຜນພັດທະນາເສດຖະກິດ-ສັງຄົມແຫ່ງຊາດ 5 ປີ ຄັ້ງທີ IX (2021-2025)"),
        BTreeSet::from([9, 2021, 2025])
    );
    assert_eq!(numbers("ແຜນງານໄລຍະ 5 ປີ"), BTreeSet::from([5]));
    assert_eq!(
        emails(r#"at <a href="mailto:shtuladhar@iom.int">shtuladhar@iom.int</a>."#),
        BTreeSet::from([
            "shtuladhar@iom.int".to_string(),
            ":shtuladhar@iom.int".to_string()
        ])
        .into_iter()
        .filter(|e| !e.starts_with(':'))
        .collect()
    );
    assert!(!has_lao("IOM"));
}

#[test]
fn only_iom_sites_and_the_seed_addresses_are_linked() {
    let allowed = [
        "https://laopdr.iom.int",
        "https://www.iom.int",
        "mailto:shtuladhar@iom.int",
        "mailto:tousavang@iom.int",
    ];
    for locale in ["en", "lo"] {
        for (id, text) in entries(locale) {
            for target in link_targets(&text) {
                assert!(
                    allowed.contains(&target.as_str()),
                    "{locale} {id}: link to {target}"
                );
            }
        }
    }
}
