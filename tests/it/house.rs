//! The shape of the source, as the README's "How it is built" describes it: layout knows no
//! PDF and no backend, the PDF writer knows no backend and its modules import one another
//! without a cycle, and no backend imports a sibling. Read from the `use` paths and the
//! `crate::`/`super::` paths of `src/`, comments left out.

use crate::util::repo;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A module: its path from the crate root, as `["backends", "slides", "pptx"]`.
type Module = Vec<String>;

/// Every module of `src/` and the modules its code names.
fn modules() -> BTreeMap<Module, BTreeSet<Module>> {
    let mut texts = BTreeMap::new();
    read_dir(&repo().join("src"), &mut Vec::new(), &mut texts);
    let known: BTreeSet<Module> = texts.keys().cloned().collect();
    texts
        .iter()
        .map(|(module, text)| {
            let named = paths(text).into_iter().filter_map(|p| resolve(module, &p, &known));
            (module.clone(), named.filter(|m| m != module).collect())
        })
        .collect()
}

/// Reads the code of the `.rs` files below `dir` (module `at`) into `texts`, by module.
fn read_dir(dir: &Path, at: &mut Module, texts: &mut BTreeMap<Module, String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            at.push(name);
            read_dir(&path, at, texts);
            at.pop();
        } else if path.extension().is_some_and(|e| e == "rs") && name != "main" {
            let mut module = at.clone();
            if name != "mod" && name != "lib" {
                module.push(name);
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code: Vec<&str> = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect();
            texts.insert(module, code.join("\n"));
        }
    }
}

/// The paths that start with `crate::`, `super::` or `self::` in `code`, a `{…}` group
/// spread into one path per member.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for start in ["crate::", "super::", "self::"] {
        for (at, _) in code.match_indices(start) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let rest = &code[at..];
            let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(rest.len());
            let path: Vec<String> = rest[..end].split("::").filter(|s| !s.is_empty()).map(String::from).collect();
            match rest[end..].starts_with('{') && rest[..end].ends_with("::") {
                true => {
                    let group = &rest[end + 1..rest[end..].find('}').map_or(rest.len(), |e| end + e)];
                    for member in group.split(',') {
                        let first = member.trim().split([':', ' ']).next().unwrap_or("");
                        found.push(path.iter().cloned().chain([first.to_string()]).collect());
                    }
                }
                false => found.push(path),
            }
        }
    }
    found
}

/// The module that `path`, written in `module`, names: the longest known module it begins with.
/// A `super` is the module's parent, whether its file is `x.rs` or `x/mod.rs`.
fn resolve(module: &Module, path: &[String], known: &BTreeSet<Module>) -> Option<Module> {
    let (mut base, mut rest) = match path.first().map(String::as_str) {
        Some("crate") => (Vec::new(), &path[1..]),
        _ => (module.clone(), path),
    };
    while let Some(step) = rest.first().filter(|s| *s == "super" || *s == "self") {
        if step == "super" {
            base.pop();
        }
        rest = &rest[1..];
    }
    (0..=rest.len()).rev().map(|n| [base.clone(), rest[..n].to_vec()].concat()).find(|m| known.contains(m))
}

/// Whether `module` is `prefix` or inside it.
fn below(module: &Module, prefix: &[impl AsRef<str>]) -> bool {
    module.len() >= prefix.len() && module.iter().zip(prefix).all(|(a, b)| a == b.as_ref())
}

/// Pairs of modules below `from` naming a module below one of `forbidden`.
fn crossings(graph: &BTreeMap<Module, BTreeSet<Module>>, from: &[&str], forbidden: &[&[&str]]) -> Vec<String> {
    let mut found = Vec::new();
    for (module, named) in graph.iter().filter(|(m, _)| below(m, from)) {
        for target in named.iter().filter(|t| forbidden.iter().any(|f| below(t, f))) {
            found.push(format!("{} names {}", module.join("::"), target.join("::")));
        }
    }
    found
}

#[test]
fn the_resolver_reads_super_and_groups_as_rust_does() {
    let known: BTreeSet<Module> =
        [vec!["pdf"], vec!["pdf", "info"], vec!["pdf", "svg"], vec!["pdf", "svg", "draw"], vec!["civil"]]
            .into_iter()
            .map(|m| m.into_iter().map(String::from).collect())
            .collect();
    let module = |m: &[&str]| m.iter().map(|s| s.to_string()).collect::<Module>();
    let names = |m: &[&str], code: &str| -> Vec<Module> {
        paths(code).iter().filter_map(|p| resolve(&module(m), p, &known)).collect()
    };
    assert_eq!(
        names(&["pdf", "xmp"], "use super::info::{Info, X};"),
        [module(&["pdf", "info"]), module(&["pdf", "info"])]
    );
    assert_eq!(names(&["pdf", "svg", "draw"], "use super::super::info::Info;"), [module(&["pdf", "info"])]);
    assert_eq!(names(&["pdf", "svg"], "use super::info;"), [module(&["pdf", "info"])]);
    assert_eq!(
        names(&["pdf", "svg", "draw"], "use super::{matrix, Drawer};"),
        [module(&["pdf", "svg"]), module(&["pdf", "svg"])]
    );
    assert_eq!(names(&["pdf"], "x: crate::civil::Civil, y: my_crate::civil"), [module(&["civil"])]);
}

#[test]
fn no_backend_names_a_sibling_backend() {
    let graph = modules();
    let backends: Vec<String> =
        graph.keys().filter(|m| m.len() == 2 && m[0] == "backends").map(|m| m[1].clone()).collect();
    for name in ["docx", "pdf", "slides", "xlsx", "json", "external"] {
        assert!(backends.iter().any(|b| b == name), "backends::{name} is read: {backends:?}");
    }
    let mut found = Vec::new();
    for backend in ["docx", "pdf", "slides", "xlsx", "json", "external"] {
        let others: Vec<[&str; 2]> = ["docx", "pdf", "slides", "xlsx", "json", "external"]
            .into_iter()
            .filter(|b| *b != backend)
            .map(|b| ["backends", b])
            .collect();
        let others: Vec<&[&str]> = others.iter().map(|o| &o[..]).collect();
        found.extend(crossings(&graph, &["backends", backend], &others));
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn layout_knows_no_pdf_and_the_pdf_writer_no_backend() {
    let graph = modules();
    assert!(graph.keys().filter(|m| below(m, &["pdf"])).count() > 10, "the PDF writer's modules are read");
    let found =
        [crossings(&graph, &["layout"], &[&["pdf"], &["backends"]]), crossings(&graph, &["pdf"], &[&["backends"]])];
    assert!(found.iter().all(Vec::is_empty), "{found:#?}");
}

#[test]
fn the_pdf_writer_has_no_import_cycle() {
    let graph = modules();
    let inside: BTreeMap<&Module, Vec<&Module>> = graph
        .iter()
        .filter(|(m, _)| below(m, &["pdf"]))
        .map(|(m, named)| (m, named.iter().filter(|t| below(t, &["pdf"]) && !below(m, t)).collect()))
        .collect();
    assert!(inside.values().map(Vec::len).sum::<usize>() > 20, "the writer's own imports are read");
    // A submodule's use of its parent's items is left out: the parent holds it. A module on a
    // cycle reaches itself: follow each module's imports and look for it.
    for start in inside.keys() {
        let (mut seen, mut todo) = (BTreeSet::new(), inside[start].clone());
        while let Some(next) = todo.pop() {
            assert_ne!(next, *start, "{} imports itself through a cycle", start.join("::"));
            if seen.insert(next) {
                todo.extend(inside.get(next).into_iter().flatten());
            }
        }
    }
}
