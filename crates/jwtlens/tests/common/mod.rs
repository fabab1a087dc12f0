//! Shared by the conformance harnesses: where the vectors are.

use std::path::{Path, PathBuf};

/// tests/vectors at the repository root.
pub fn vectors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

#[allow(dead_code)] // each test binary uses a subset
/// Every JSON example file of the JOSE cookbook sets used here (RFC 7520 §4, RFC 8037, RFC 7797), sorted.
pub fn cookbook_files() -> Vec<PathBuf> {
    let root = vectors().join("jose-cookbook");
    let mut files = Vec::new();
    for sub in ["jws", "curve25519", "rfc7797"] {
        for e in std::fs::read_dir(root.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "json") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

/// The cookbook examples that have a compact form: (file name relative to the set, the example, the compact JWS).
pub fn cookbook_compact() -> Vec<(String, serde_json::Value, String)> {
    let root = vectors().join("jose-cookbook");
    cookbook_files()
        .into_iter()
        .filter_map(|path| {
            let name = path.strip_prefix(&root).unwrap().display().to_string();
            let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let compact = v["output"]["compact"].as_str()?.to_owned();
            Some((name, v, compact))
        })
        .collect()
}
