//! The Public Suffix List, read as data.
//!
//! The list's own format (<https://github.com/publicsuffix/list/wiki/Format>):
//! "A domain is said to match a rule if and only if all of the following
//! conditions are met: [...] If more than one rule matches, the prevailing rule
//! is the one which is an exception rule. If there is no matching exception
//! rule, the prevailing rule is the one with the most labels. If the prevailing
//! rule is a exception rule, modify it by removing the leftmost label. If no
//! rules match, the prevailing rule is "*"."
//!
//! The list is compiled in as text (about 160 KB) and sorted into three tables
//! on first use (about 1.6 ms natively, once). Compiled into code by the `psl`
//! crate, it made up 700 KB of the npm package's 2.4 MB wasm. Tests hold these
//! answers to the list project's own test cases and to `psl`'s.
//!
//! ```
//! use jwtlens_cookie::suffix::{public_suffix, registrable_domain};
//! assert_eq!(public_suffix("www.example.co.uk"), Some("co.uk"));
//! assert_eq!(registrable_domain("www.example.co.uk"), Some("example.co.uk"));
//! assert_eq!(registrable_domain("co.uk"), None);
//! // A wildcard rule (*.ck) and its exception (!www.ck).
//! assert_eq!(public_suffix("a.b.ck"), Some("b.ck"));
//! assert_eq!(public_suffix("www.ck"), Some("ck"));
//! // No rule: the prevailing rule is "*", the last label.
//! assert_eq!(public_suffix("example.unknowntld"), Some("unknowntld"));
//! // Rules written in Unicode match hosts written with A-labels (RFC 3492).
//! assert_eq!(registrable_domain("www.xn--85x722f.xn--55qx5d.cn"), Some("xn--85x722f.xn--55qx5d.cn"));
//! ```

use alloc::boxed::Box;
use alloc::vec::Vec;

static LIST: &str = include_str!("../data/public_suffix_list.txt");

/// The rules by kind, each sorted for binary search: `com`, `*.ck` kept as
/// `ck`, `!www.ck` kept as `www.ck`.
struct Rules {
    normal: Vec<&'static str>,
    wildcard: Vec<&'static str>,
    exception: Vec<&'static str>,
}

static RULES: once_cell::race::OnceBox<Rules> = once_cell::race::OnceBox::new();

fn rules() -> &'static Rules {
    RULES.get_or_init(|| {
        let mut r = Rules { normal: Vec::new(), wildcard: Vec::new(), exception: Vec::new() };
        for line in LIST.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("//")) {
            // "Each line is only read up to the first whitespace".
            let rule = line.split_whitespace().next().unwrap_or(line);
            if let Some(rest) = rule.strip_prefix("*.") {
                r.wildcard.push(rest);
            } else if let Some(rest) = rule.strip_prefix('!') {
                r.exception.push(rest);
            } else {
                r.normal.push(rule);
            }
        }
        for v in [&mut r.normal, &mut r.wildcard, &mut r.exception] {
            v.sort_unstable();
            v.dedup();
        }
        Box::new(r)
    })
}

/// Byte offsets where each suffix of `host` starts, longest first: 0 and after every dot.
fn label_starts(host: &str) -> impl Iterator<Item = usize> + '_ {
    core::iter::once(0).chain(host.match_indices('.').map(|(i, _)| i + 1))
}

/// The byte offset in `name` (no empty labels, lower case) at which its public suffix begins.
fn suffix_start_in(name: &str) -> usize {
    let r = rules();
    let has = |table: &[&str], s: &str| table.binary_search(&s).is_ok();
    // An exception prevails over every other rule: its suffix drops the leftmost label.
    for start in label_starts(name) {
        let candidate = name.get(start..).unwrap_or_default();
        if has(&r.exception, candidate) {
            if let Some(dot) = candidate.find('.') {
                return start + dot + 1;
            }
        }
    }
    // Otherwise the matching rule with the most labels: the first from the left.
    for start in label_starts(name) {
        let candidate = name.get(start..).unwrap_or_default();
        let parent = candidate.find('.').and_then(|dot| candidate.get(dot + 1..));
        if has(&r.normal, candidate) || parent.is_some_and(|p| has(&r.wildcard, p)) {
            return start;
        }
    }
    // The default rule "*": the last label.
    name.rfind('.').map_or(0, |dot| dot + 1)
}

/// `host` without one trailing dot (a fully qualified name), and the byte offset at
/// which its public suffix begins; `None` for an empty label (`a..b`, `.a`) or no label.
///
/// The list writes internationalized rules in Unicode (公司.cn); a host's
/// A-labels (`xn--55qx5d`) are decoded (RFC 3492) to match them.
fn suffix_start(host: &str) -> Option<(&str, usize)> {
    let name = host.strip_suffix('.').unwrap_or(host);
    if name.is_empty() || name.split('.').any(str::is_empty) {
        return None;
    }
    if !name.contains("xn--") {
        return Some((name, suffix_start_in(name)));
    }
    let labels: Vec<&str> = name.split('.').collect();
    let mut unicode = alloc::string::String::with_capacity(name.len() * 2);
    for (i, label) in labels.iter().enumerate() {
        if i > 0 {
            unicode.push('.');
        }
        match label.strip_prefix("xn--").and_then(punycode_decode) {
            Some(u) => unicode.push_str(&u),
            None => unicode.push_str(label),
        }
    }
    // The same number of labels from the right, in the host as written.
    let suffix_labels = unicode.get(suffix_start_in(&unicode)..).unwrap_or_default().split('.').count();
    let first = labels.len().saturating_sub(suffix_labels);
    let start = labels.iter().take(first).map(|l| l.len() + 1).sum();
    Some((name, start))
}

/// RFC 3492 §6.2: decode the part of an A-label after `xn--`; `None` when it is not Punycode.
fn punycode_decode(input: &str) -> Option<alloc::string::String> {
    const BASE: u32 = 36;
    const TMIN: u32 = 1;
    const TMAX: u32 = 26;
    // §6.1 bias adaptation.
    fn adapt(delta: u32, points: u32, first: bool) -> u32 {
        let mut delta = if first { delta / 700 } else { delta / 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - TMIN) * TMAX) / 2 {
            delta /= BASE - TMIN;
            k += BASE;
        }
        k + (BASE - TMIN + 1) * delta / (delta + 38)
    }
    // A DNS label is at most 63 octets (RFC 1035 §2.3.4); longer is not an A-label.
    if input.len() > 59 {
        return None;
    }
    // A delimiter first is not one (no basic code points precede it, RFC 3492 §3.1:
    // an encoder writes it only after some), so it is read as a digit, and refused,
    // as rust-url's idna does: "xn---00a" is not "Ш".
    let (basic, extended) = match input.rfind('-') {
        Some(i) if i > 0 => (input.get(..i)?, input.get(i + 1..)?),
        _ => ("", input),
    };
    if !basic.is_ascii() {
        return None;
    }
    let mut out: Vec<char> = basic.chars().collect();
    let (mut n, mut i, mut bias) = (128u32, 0u32, 72u32);
    let mut digits = extended.bytes().peekable();
    while digits.peek().is_some() {
        let (old_i, mut w, mut k) = (i, 1u32, BASE);
        loop {
            let digit = match digits.next()? {
                c @ b'a'..=b'z' => u32::from(c - b'a'),
                c @ b'A'..=b'Z' => u32::from(c - b'A'),
                c @ b'0'..=b'9' => u32::from(c - b'0') + 26,
                _ => return None,
            };
            i = i.checked_add(digit.checked_mul(w)?)?;
            let t = if k <= bias {
                TMIN
            } else if k >= bias + TMAX {
                TMAX
            } else {
                k - bias
            };
            if digit < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        let len = u32::try_from(out.len()).ok()? + 1;
        bias = adapt(i - old_i, len, old_i == 0);
        n = n.checked_add(i / len)?;
        i %= len;
        out.insert(usize::try_from(i).ok()?, char::from_u32(n)?);
        i += 1;
    }
    Some(out.into_iter().collect())
}

/// The public suffix of `host` ("co.uk" for "www.example.co.uk"), without a
/// trailing dot; `None` when `host` has an empty label. `host` is expected in
/// lower case, as the cookie jar keeps hosts.
pub fn public_suffix(host: &str) -> Option<&str> {
    let (name, start) = suffix_start(host)?;
    name.get(start..)
}

/// The registrable domain ("eTLD+1") of `host`: its public suffix and one more
/// label; `None` when `host` is itself a public suffix or has an empty label.
pub fn registrable_domain(host: &str) -> Option<&str> {
    let (name, start) = suffix_start(host)?;
    // The label before the suffix: back from the dot that ends it.
    let before = name.get(..start.checked_sub(1)?)?;
    let label_start = before.rfind('.').map_or(0, |dot| dot + 1);
    name.get(label_start..)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The answers of the `psl` crate, which compiles the same list into code, with its
    /// one known divergence: for a host X such that both `*.P` (X = label.P) and `*.X` are
    /// rules (`mtls.run.app` under `*.run.app` and `*.mtls.run.app`), psl lets the deeper
    /// rule hide the wildcard and answers "app"; the list's algorithm says `*.run.app`
    /// matches, so X is a public suffix, as libpsl and browsers have it.
    fn same_as_psl(host: &str) {
        let r = rules();
        let wildcard_parent = host.split_once('.').is_some_and(|(_, p)| r.wildcard.binary_search(&p).is_ok());
        if wildcard_parent && r.wildcard.binary_search(&host).is_ok() {
            assert_eq!(public_suffix(host), Some(host), "{host:?}");
            return;
        }
        assert_eq!(public_suffix(host), psl::suffix_str(host), "suffix of {host:?}");
        assert_eq!(registrable_domain(host), psl::domain_str(host), "domain of {host:?}");
    }

    #[test]
    fn every_rule_agrees_with_psl() {
        let r = rules();
        assert!(r.normal.len() > 9_000 && r.wildcard.len() > 100 && r.exception.len() >= 8);
        for rule in LIST.lines().filter(|l| !l.is_empty() && !l.starts_with("//")) {
            let name = rule.trim().trim_start_matches("*.").trim_start_matches('!');
            for host in [
                alloc::string::String::from(name),
                alloc::format!("x.{name}"),
                alloc::format!("www.x.{name}"),
                alloc::format!("a.b.c.{name}"),
                alloc::format!("x.{name}."),
            ] {
                same_as_psl(&host);
            }
        }
    }

    #[test]
    fn odd_hosts() {
        for host in [
            "com",
            "com.",
            "example.com.",
            "localhost",
            "127.0.0.1",
            "x.localhost",
            "a.b.c.d.e.f",
            "www.ck",
            "a.www.ck",
            "b.ck",
            "ck",
            "city.kawasaki.jp",
            "x.city.kawasaki.jp",
            "kawasaki.jp",
            "x.kawasaki.jp",
            "a.b.kawasaki.jp",
            "github.io",
            "user.github.io",
            "a.user.github.io",
            "blogspot.com",
            "example.blogspot.com",
            "-.com",
            "a b.com",
        ] {
            same_as_psl(host);
        }
        // An empty label has no suffix here (psl reads ".com" as "com"): the jar never
        // asks, since it strips Domain's leading dot and its URLs have no empty labels.
        for host in ["", ".", "..", ".com", "a..com", "example.com.."] {
            assert_eq!((public_suffix(host), registrable_domain(host)), (None, None), "{host:?}");
        }
    }

    #[test]
    fn punycode_decodes_rfc_3492_samples() {
        for (a, u) in
            [("85x722f", "食狮"), ("55qx5d", "公司"), ("fiqs8s", "中国"), ("p1ai", "рф"), ("bcher-kva", "bücher")]
        {
            assert_eq!(punycode_decode(a).as_deref(), Some(u), "{a}");
        }
        // RFC 3492 §7.1 (A) Arabic (Egyptian).
        assert_eq!(
            punycode_decode("egbpdaj6bu4bxfgehfvwxn").as_deref(),
            Some("\u{644}\u{64a}\u{647}\u{645}\u{627}\u{628}\u{62a}\u{643}\u{644}\u{645}\u{648}\u{634}\u{639}\u{631}\u{628}\u{64a}\u{61f}")
        );
        for bad in ["!", "zzzzzzzzzzzzzz", "a-\u{e9}", "-00a"] {
            assert_eq!(punycode_decode(bad), None, "{bad}");
        }
    }

    proptest::proptest! {
        /// Any text, A-labels included: no panic, and the answers are tails of the host
        /// (without one trailing dot), the registrable domain one label longer.
        #[test]
        fn any_host_gives_tails_of_itself(host in "(xn--[a-z0-9-]{0,12}|[a-z0-9\u{e9}\u{4e2d}-]{0,4}|\\.){0,8}") {
            let name = host.strip_suffix('.').unwrap_or(&host);
            if let Some(s) = public_suffix(&host) {
                proptest::prop_assert!(name.ends_with(s) && !s.is_empty());
                if let Some(d) = registrable_domain(&host) {
                    proptest::prop_assert!(name.ends_with(d));
                    proptest::prop_assert_eq!(d.split('.').count(), s.split('.').count() + 1);
                }
            } else {
                proptest::prop_assert_eq!(registrable_domain(&host), None);
            }
        }

        /// RFC 3492 decoding, held to rust-url's `idna::punycode` (the implementation
        /// url, reqwest and browsers' Rust stacks use): any text of the alphabet, and
        /// every Unicode label encoded by idna decoding back to itself.
        #[test]
        fn punycode_agrees_with_idna(text in "[a-zA-Z0-9-]{0,59}", label in "[a-z\u{e0}-\u{17f}\u{400}-\u{4ff}\u{4e00}-\u{4e80}\u{1f600}-\u{1f640}-]{0,16}") {
            proptest::prop_assert_eq!(punycode_decode(&text), idna::punycode::decode_to_string(&text), "{}", text);
            if let Some(encoded) = idna::punycode::encode_str(&label) {
                if encoded.len() <= 59 {
                    proptest::prop_assert_eq!(punycode_decode(&encoded), Some(label.clone()), "{}", encoded);
                }
            }
        }

        #[test]
        fn random_hosts_agree_with_psl(labels in proptest::collection::vec("[a-z0-9-]{1,3}|com|uk|co|jp|ck|www|io|github|kawasaki|city|run|app|mtls", 1..6)) {
            same_as_psl(&labels.join("."));
        }
    }
}
