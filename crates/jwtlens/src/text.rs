//! Number and byte formatting for the hot paths of the report, without
//! `format!` (its padding and dispatch cost more than the work itself): thin
//! wrappers over `itoa`, `base16ct` and serde_json, crates the core already
//! links, so no digit loop of its own.

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt::Write as _;

/// Append `n` in decimal, zero-padded to at least `width` digits.
pub(crate) fn push_decimal(out: &mut String, n: u64, width: usize) {
    let mut buffer = itoa::Buffer::new();
    let digits = buffer.format(n);
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(digits);
}

/// `s` in double quotes, escaped as a JSON string: how an error message
/// quotes what it was given. Not `{:?}`, whose escaping links core's Unicode
/// printability tables (~10 KB of wasm) for a few messages.
pub(crate) fn quoted(s: &str) -> String {
    // serde_json escapes C0 controls, `"` and `\`; `escaped` the rest a terminal or a page acts on.
    escaped_string(serde_json::to_string(s).unwrap_or_default())
}

/// [`escaped`] for a string already owned: `s` itself when nothing needs an escape.
pub(crate) fn escaped_string(s: String) -> String {
    match escaped(&s) {
        Cow::Borrowed(_) => s,
        Cow::Owned(more) => more,
    }
}

/// Characters a terminal or a page would act on rather than show: controls
/// (C0, DEL, C1: an ESC starts a terminal command, U+009B is one) and the
/// bidirectional formatting characters (Unicode TR #9; U+202E reverses the
/// text after it, so a message could show other words than it holds).
pub(crate) fn acts(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every character that [`acts`] written as a JSON escape
/// (`\u001b`); borrowed when there is none, which is almost always. Every
/// error sentence that can hold text the caller gave passes through it once.
pub(crate) fn escaped(s: &str) -> Cow<'_, str> {
    if !s.chars().any(acts) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if acts(c) {
            // Every such character is in the Basic Multilingual Plane: one escape each.
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Where `needle` (not empty) first occurs in `hay`, a byte offset: `memchr` finds each
/// candidate first byte, then the rest is compared. `str::find` and
/// `str::contains` given a `&str` link core's Two-Way searcher (3 KB of wasm;
/// `memchr::memmem` 3 KB gzip more) for key detection alone. The comparison
/// makes this `O(hay × needle)` at worst: for key detection's short, fixed
/// needles (the longest is 23 bytes) and the PEM END line, whose shape keeps
/// it linear (`key::detect::pem_block`), not for any needle taken from the input.
#[inline(never)]
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    positions(hay, needle).next()
}

/// Every byte offset where `needle` (not empty) starts in `hay`, overlapping
/// ones included, in order ([`find`]'s search, its cost the same).
pub(crate) fn positions<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    // An empty needle has no first byte: no positions (not every offset, as `str` has).
    let hay = if needle.is_empty() { &[][..] } else { hay.as_bytes() };
    let needle = needle.as_bytes();
    let first = needle.first().copied().unwrap_or_default();
    memchr::memchr_iter(first, hay).filter(move |&at| hay.get(at..).is_some_and(|from| from.starts_with(needle)))
}

/// Whether `needle` occurs in `hay` ([`find`]).
pub(crate) fn has(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// `hay` with every occurrence of `from` (not empty) replaced by `to`, left to
/// right without overlaps, as `str::replace` does ([`find`]).
pub(crate) fn replace(hay: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(hay.len());
    let mut rest = hay;
    while let Some(at) = find(rest, from).filter(|_| !from.is_empty()) {
        out.push_str(rest.get(..at).unwrap_or(""));
        out.push_str(to);
        rest = rest.get(at + from.len()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Lower-case hexadecimal, two digits per byte.
pub(crate) fn hex(bytes: &[u8]) -> String {
    base16ct::lower::encode_string(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    #[test]
    fn decimal_matches_format() {
        for n in [0u64, 7, 42, 999, 1000, 65_537, u64::MAX] {
            for width in [0, 1, 2, 3, 4, 25] {
                let mut s = String::new();
                push_decimal(&mut s, n, width);
                assert_eq!(s, format!("{n:0width$}"), "{n} {width}");
            }
        }
    }

    #[test]
    fn what_a_terminal_or_a_page_acts_on_is_escaped() {
        assert_eq!(quoted("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(quoted("\u{1b}[2J"), r#""\u001b[2J""#);
        for (c, e) in [('\u{7f}', "\\u007f"), ('\u{9b}', "\\u009b"), ('\u{202e}', "\\u202e"), ('\u{2066}', "\\u2066")] {
            assert_eq!(quoted(&format!("x{c}y")), format!("\"x{e}y\""));
            assert_eq!(escaped(&format!("x{c}y")), format!("x{e}y"));
        }
        // Text without them is not copied, and other scripts are kept as they are.
        assert!(matches!(escaped("kid é 鍵 🔑"), Cow::Borrowed(_)));
        assert_eq!(quoted("é"), "\"é\"");
    }

    // `find`, `has`, `positions` and `replace` against core's `str` methods
    // (the oracle), on text made of few characters so that needles recur,
    // overlap and half-match; multi-byte characters included.
    proptest::proptest! {
        #[test]
        fn search_and_replace_agree_with_str(hay in "[ab\\-é]{0,40}", needle in "[ab\\-é]{0,5}", to in "[xé]{0,2}") {
            proptest::prop_assert_eq!(find(&hay, &needle), hay.find(needle.as_str()));
            proptest::prop_assert_eq!(has(&hay, &needle), hay.contains(needle.as_str()));
            if !needle.is_empty() {
                let every: alloc::vec::Vec<usize> = (0..hay.len())
                    .filter(|&i| hay.get(i..).is_some_and(|rest| rest.starts_with(needle.as_str())))
                    .collect();
                proptest::prop_assert_eq!(positions(&hay, &needle).collect::<alloc::vec::Vec<_>>(), every);
                proptest::prop_assert_eq!(replace(&hay, &needle, &to), hay.replace(needle.as_str(), &to));
            }
        }
    }

    #[test]
    fn an_empty_needle_is_found_at_0_and_has_no_positions() {
        // `find` as `str::find`; `positions` and `replace` see nothing to match (a NUL is no match).
        assert_eq!(find("a\0b", ""), Some(0));
        assert_eq!(positions("a\0b", "").count(), 0);
        assert_eq!(replace("a\0b", "", "x"), "a\0b");
    }

    #[test]
    fn hex_matches_format() {
        let bytes: alloc::vec::Vec<u8> = (0..=255).collect();
        let expected: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex(&bytes), expected);
    }
}
