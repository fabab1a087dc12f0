//! Number and byte formatting for the hot paths of the report, without
//! `format!` (its padding and dispatch cost more than the work itself): thin
//! wrappers over `itoa`, `base16ct` and serde_json, crates the core already
//! links, so no digit loop of its own.

use alloc::string::String;

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
    serde_json::to_string(s).unwrap_or_default()
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
    fn hex_matches_format() {
        let bytes: alloc::vec::Vec<u8> = (0..=255).collect();
        let expected: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex(&bytes), expected);
    }
}
