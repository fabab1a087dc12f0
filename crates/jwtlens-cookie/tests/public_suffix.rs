//! The Public Suffix List project's test cases (tests/vectors/publicsuffix/test_psl.txt)
//! against `jwtlens_cookie::suffix`: `checkPublicSuffix(input, registrable domain or null)`.
//! Every case must pass; there are no known divergences.

use std::path::Path;

use jwtlens_cookie::suffix::registrable_domain;

#[test]
fn test_psl() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/publicsuffix/test_psl.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (mut passed, mut failed) = (0, Vec::new());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("//")) {
        let (input, expected) = line.split_once(' ').unwrap_or_else(|| panic!("not a test case: {line}"));
        // `null` input: the checker's "no domain" case; here, an empty host.
        let input = if input == "null" { String::new() } else { input.to_lowercase() };
        let expected = (expected != "null").then_some(expected);
        let got = registrable_domain(&input);
        if got == expected {
            passed += 1;
        } else {
            failed.push(format!("{input}: expected {expected:?}, got {got:?}"));
        }
    }
    println!("publicsuffix test_psl.txt: {passed}/{} as expected", passed + failed.len());
    assert!(failed.is_empty(), "{failed:#?}");
    assert!(passed >= 70, "only {passed} cases read");
}
