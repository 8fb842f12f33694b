//! Data flows one way: no module of a crate depends on itself through others. The graph is
//! read from the source, lightly: a module is a file or folder directly under `src/`, and
//! it depends on every `crate::<module>` its code names (in `use` lines or inline paths),
//! tests left out. A folder's files count as one module (`pack/store.rs` is `pack`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The crates of the workspace, from this crate's folder.
const CRATES: [&str; 3] = ["crates/reader-core", "crates/reader-cli", "src-tauri"];

/// The crate root's own module name in the graph (`lib.rs` or `main.rs`).
const ROOT: &str = "(crate root)";

#[test]
fn every_crate_module_graph_is_acyclic() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for krate in CRATES {
        let graph = module_graph(&workspace.join(krate).join("src"));
        assert!(graph.len() > 2, "{krate}: no modules found");
        if let Some(cycle) = find_cycle(&graph) {
            panic!(
                "{krate}: modules depend on themselves: {}",
                cycle.join(" → ")
            );
        }
    }
}

/// The check itself can fail: a circle of two modules is found and named.
#[test]
fn a_circle_is_found() {
    let graph: Graph = [
        ("library", vec!["search", "l10n"]),
        ("search", vec!["library"]),
        ("l10n", vec![]),
    ]
    .into_iter()
    .map(|(m, deps)| (m.to_string(), deps.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(
        find_cycle(&graph).unwrap(),
        ["library", "search", "library"]
    );
    let mut graph = graph;
    graph.get_mut("search").unwrap().clear();
    assert_eq!(find_cycle(&graph), None);
}

type Graph = BTreeMap<String, BTreeSet<String>>;

fn module_graph(src: &Path) -> Graph {
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(src).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            for file in rust_files(&path) {
                files.push((stem.clone(), file));
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            let module = match stem.as_str() {
                "lib" | "main" => ROOT.to_string(),
                _ => stem,
            };
            files.push((module, path));
        }
    }
    let modules: BTreeSet<String> = files.iter().map(|(m, _)| m.clone()).collect();
    let mut graph: Graph = modules
        .iter()
        .map(|m| (m.clone(), BTreeSet::new()))
        .collect();
    for (module, file) in files {
        let code = without_tests(&std::fs::read_to_string(&file).unwrap());
        let mut names = crate_paths(&code);
        if module == ROOT {
            // The root names its modules without `crate::`.
            names.extend(modules.iter().filter(|m| names_module(&code, m)).cloned());
        }
        for name in names {
            // `crate::Item` names something defined or re-exported by the root.
            let target = if modules.contains(&name) {
                name
            } else {
                ROOT.to_string()
            };
            if target != module {
                graph.get_mut(&module).unwrap().insert(target);
            }
        }
    }
    graph
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The code before the `#[cfg(test)] mod tests` at the end, without comment lines.
fn without_tests(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let end = lines
        .windows(2)
        .position(|w| w[0].trim() == "#[cfg(test)]" && w[1].trim_start().starts_with("mod tests"))
        .unwrap_or(lines.len());
    lines[..end]
        .iter()
        .filter(|line| !line.trim_start().starts_with("//"))
        .copied()
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first segment after every `crate::`, and each first segment of a
/// `crate::{a::…, b}` group.
fn crate_paths(code: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut names = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue; // `reader_core::…`, `$crate::…`
        }
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    _ if item_start && !c.is_whitespace() => {
                        names.push(ident(&group[i..]));
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            names.push(ident(rest));
        }
    }
    names.retain(|n| !n.is_empty() && n != "self");
    names
}

/// Whether the root's code uses `module::…` (not only declares `mod module;`).
fn names_module(code: &str, module: &str) -> bool {
    let pattern = format!("{module}::");
    code.match_indices(&pattern).any(|(at, _)| {
        !code[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
    })
}

/// A path `a → b → … → a` if the graph has one.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}
