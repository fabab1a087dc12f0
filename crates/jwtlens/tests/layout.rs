//! The shape issue 10 asked of the three core crates, held by reading their
//! sources: no import cycle between a crate's top-level modules, and no source
//! file over 400 lines of code (tests, comments and blank lines not counted).
//!
//! A module "uses" another when its code (not its comments or tests) names
//! `crate::other`; `super::` paths stay inside a module's own directory.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const CRATES: [&str; 3] = ["jwtlens", "jwtlens-cookie", "jwtlens-flows"];
const MAX_CODE_LINES: usize = 400;

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's code: up to its `#[cfg(test)]` module, without comment lines.
/// Test files (`tests.rs`) have none.
fn code(path: &Path) -> Vec<String> {
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return Vec::new();
    }
    let text = fs::read_to_string(path).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("//")).map(String::from).collect()
}

/// The top-level module a source file belongs to (`key/jwk.rs` → `key`).
fn module_of(src: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(src).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_owned()
}

/// Every `crate::name` in the code.
fn uses(lines: &[String]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in lines {
        let mut rest = line.as_str();
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

/// A cycle in the graph, if there is one (depth-first search).
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

fn crate_src(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(name).join("src")
}

#[test]
fn no_import_cycle_between_top_level_modules() {
    for name in CRATES {
        let src = crate_src(name);
        let mut files = Vec::new();
        sources(&src, &mut files);
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for file in &files {
            let module = module_of(&src, file);
            if module == "lib" {
                continue;
            }
            let used = uses(&code(file));
            graph.entry(module.clone()).or_default().extend(used.into_iter().filter(|m| *m != module));
        }
        println!("{name}: {} top-level modules", graph.len());
        assert!(graph.len() > 3, "{name}: no modules read from {}", src.display());
        assert_eq!(cycle(&graph), None, "{name}: top-level modules import each other in a cycle");
    }
}

#[test]
fn no_source_file_over_400_lines_of_code() {
    let mut largest = (0, PathBuf::new());
    for name in CRATES {
        let mut files = Vec::new();
        sources(&crate_src(name), &mut files);
        for file in files {
            let n = code(&file).len();
            assert!(n <= MAX_CODE_LINES, "{} has {n} lines of code (at most {MAX_CODE_LINES})", file.display());
            if n > largest.0 {
                largest = (n, file);
            }
        }
    }
    println!("largest: {} lines of code in {}", largest.0, largest.1.display());
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let graph = |edges: &[(&str, &str)]| {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            g.entry((*a).to_owned()).or_default().insert((*b).to_owned());
        }
        g
    };
    assert_eq!(cycle(&graph(&[("a", "b"), ("b", "c")])), None);
    assert_eq!(
        cycle(&graph(&[("key", "rsa_mont"), ("rsa_mont", "alg"), ("alg", "key")])),
        Some(vec!["alg".into(), "key".into(), "rsa_mont".into(), "alg".into()])
    );
    assert_eq!(
        uses(&["use crate::alg::Hash;".into(), "x(crate::b64::decode(s))".into()]),
        BTreeSet::from(["alg".to_owned(), "b64".to_owned()])
    );
}
