//! Number and byte formatting for the hot paths of the report, without
//! `format!` (its padding and dispatch cost more than the work itself).

use alloc::string::String;

/// Append `n` in decimal, zero-padded to at least `width` digits.
pub(crate) fn push_decimal(out: &mut String, n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        if let Some(d) = digits.get_mut(i) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    let start = i.min(digits.len().saturating_sub(width));
    out.push_str(core::str::from_utf8(digits.get(start..).unwrap_or_default()).unwrap_or_default());
}

/// `s` in double quotes, escaped as a JSON string: how an error message
/// quotes what it was given. Not `{:?}`, whose escaping links core's Unicode
/// printability tables (~10 KB of wasm) for a few messages.
pub(crate) fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// Lower-case hexadecimal, two digits per byte.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        for nibble in [b >> 4, b & 0x0f] {
            s.push(char::from(DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0')));
        }
    }
    s
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
                assert_eq!(s, format!("{n:0width$}", width = width.min(20)), "{n} {width}");
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
