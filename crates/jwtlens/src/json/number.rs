//! A JSON number's text to the nearest `f64`.
//!
//! RFC 8259 §6: "This specification allows implementations to set limits on
//! the range and precision of numbers accepted. Since software that
//! implements IEEE 754 binary64 (double precision) numbers is generally
//! available and widely used, good interoperability can be achieved by
//! implementations that expect no more precision or range than these
//! provide, in the sense that implementations will approximate JSON numbers
//! within the expected precision."
//!
//! The answer is the one `str::parse::<f64>` and ECMAScript's `Number(text)`
//! give: the nearest double, ties to even, ±infinity beyond the largest.
//! Core's parser reaches it through the Eisel–Lemire algorithm, whose table
//! of powers of five is 10 KB of the npm wasm (`tests/bench` size report:
//! 14 KB with its code); almost every number in a token is an integer or a
//! short decimal, which the exact fast path below answers with one
//! multiplication or division. The rest (more than 15 significant digits, or
//! an exponent past 10^±22) start from an estimate within a few units in the
//! last place and are settled by at most five exact comparisons in big
//! integers (`slow_path_is_a_few_comparisons` counts them); at most 800
//! significant digits are kept, so a number costs time linear in its length
//! (`number_matches_core_parse` holds the answers to core's parser).

use alloc::vec;
use alloc::vec::Vec;
use core::cmp::Ordering;

/// Significant digits kept exactly; the rest count only as "more than zero".
/// A double or a point halfway between two doubles has at most 768
/// significant digits ((2m + 1) · 5^1075 with 2m + 1 < 2^54), so 800 digits and
/// a nonzero tail never compare equal to one of them, and compare the same way
/// the whole number does.
const MAX_DIGITS: usize = 800;

/// The powers of ten that are exact doubles (10^22 = 5^22 · 2^22, and 5^22 < 2^53).
const EXACT_POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// The nearest `f64` to `text`, a number in RFC 8259 §6's grammar
/// (`-? int frac? exp?`); `None` for any other text.
pub(crate) fn to_f64(text: &str) -> Option<f64> {
    let s = text.as_bytes();
    let (negative, rest) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, s),
    };
    let magnitude = magnitude(rest)?;
    Some(if negative { -magnitude } else { magnitude })
}

/// The significant digits of a decimal number and the power of ten they are
/// scaled by: the value is `digits × 10^exponent`.
struct Decimal {
    digits: Vec<u8>,
    exponent: i64,
}

fn magnitude(s: &[u8]) -> Option<f64> {
    if let Some(x) = fast(s) {
        return Some(x);
    }
    let d = decimal(s)?;
    if d.digits.is_empty() {
        return Some(0.0);
    }
    let n = d.digits.len() as i64;
    // The value lies in [10^lead, 10^(lead+1)).
    let lead = n + d.exponent - 1;
    if lead > 308 {
        return Some(f64::INFINITY);
    }
    // Below 10^-324, under half the smallest subnormal (4.9e-324).
    if lead < -324 {
        return Some(0.0);
    }
    Some(nearest(&d))
}

/// Numbers of at most 15 significant digits scaled by at most 10^±22, read
/// without allocating: both operands are then exact doubles, so the one
/// rounding of the multiplication or division is the only one (Clinger's
/// fast path). `None` for any other text, which [`decimal`] then reads.
fn fast(s: &[u8]) -> Option<f64> {
    // The usual case, every NumericDate: an integer of at most 15 digits, exact in f64.
    if let [first, ..] = s {
        if s.len() <= 15 && (*first != b'0' || s.len() == 1) && s.iter().all(u8::is_ascii_digit) {
            return Some(s.iter().fold(0u64, |w, &c| w * 10 + u64::from(c - b'0')) as f64);
        }
    }
    let (mut w, mut digits, mut exponent, mut i) = (0u64, 0u32, 0i32, 0usize);
    let mut fraction = false;
    while let Some(&c) = s.get(i) {
        match c {
            b'0'..=b'9' => {
                if w != 0 || c != b'0' {
                    digits += 1;
                    w = w * 10 + u64::from(c - b'0');
                    if digits > 15 {
                        return None;
                    }
                }
                exponent -= i32::from(fraction);
            }
            b'.' if !fraction && i > 0 => fraction = true,
            _ => break,
        }
        i += 1;
    }
    // RFC 8259 §6: int = zero / ( digit1-9 *DIGIT ), frac = "." 1*DIGIT
    if s.first() == Some(&b'0') && s.get(1).is_some_and(u8::is_ascii_digit) || s.get(i.checked_sub(1)?) == Some(&b'.') {
        return None;
    }
    if let Some(b'e' | b'E') = s.get(i) {
        let (sign, start) = match s.get(i + 1) {
            Some(b'-') => (-1, i + 2),
            Some(b'+') => (1, i + 2),
            _ => (1, i + 1),
        };
        let tail = s.get(start..)?;
        if tail.is_empty() || tail.len() > 3 || !tail.iter().all(u8::is_ascii_digit) {
            return None;
        }
        exponent += sign * tail.iter().fold(0i32, |e, &c| e * 10 + i32::from(c - b'0'));
        i = s.len();
    }
    if i != s.len() {
        return None;
    }
    let p = *EXACT_POW10.get(exponent.unsigned_abs() as usize)?;
    let w = w as f64;
    Some(if exponent < 0 { w / p } else { w * p })
}

/// Read `int frac? exp?` into [`Decimal`], keeping [`MAX_DIGITS`] digits.
fn decimal(s: &[u8]) -> Option<Decimal> {
    let mut digits = Vec::new();
    let mut exponent: i64 = 0;
    let mut truncated = false;
    let mut i = 0;
    let mut push = |digit: u8, fraction: bool, digits: &mut Vec<u8>, exponent: &mut i64| {
        if digits.is_empty() && digit == 0 {
            // A leading zero: only its place (after the point) counts.
            *exponent -= i64::from(fraction);
        } else if digits.len() < MAX_DIGITS {
            digits.push(digit);
            *exponent -= i64::from(fraction);
        } else {
            truncated |= digit != 0;
            *exponent += i64::from(!fraction);
        }
    };
    let int_start = i;
    while let Some(&c @ b'0'..=b'9') = s.get(i) {
        push(c - b'0', false, &mut digits, &mut exponent);
        i += 1;
    }
    let int_len = i - int_start;
    // RFC 8259 §6: int = zero / ( digit1-9 *DIGIT )
    if int_len == 0 || (int_len > 1 && s.get(int_start) == Some(&b'0')) {
        return None;
    }
    if s.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while let Some(&c @ b'0'..=b'9') = s.get(i) {
            push(c - b'0', true, &mut digits, &mut exponent);
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    if let Some(b'e' | b'E') = s.get(i) {
        i += 1;
        let negative = match s.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        // Saturates far beyond any double's range; the digits still count as read.
        let mut e: i64 = 0;
        while let Some(&c @ b'0'..=b'9') = s.get(i) {
            e = (e * 10 + i64::from(c - b'0')).min(1 << 40);
            i += 1;
        }
        if i == start {
            return None;
        }
        exponent += if negative { -e } else { e };
    }
    if i != s.len() {
        return None;
    }
    if truncated {
        // Strictly between the kept digits and the next number of that length.
        digits.push(1);
        exponent -= 1;
    }
    Some(Decimal { digits, exponent })
}

/// The bit pattern of infinity, read by [`parts`] as 2^1024: the double after the largest.
const INFINITY_BITS: u64 = 0x7ff0_0000_0000_0000;

/// Exact comparisons [`nearest`] makes from its estimate before it falls back to a
/// binary search; the estimate is within a few units in the last place, so the
/// fallback is never taken by a correct estimate (`slow_path_is_a_few_comparisons`).
const SETTLE_STEPS: usize = 8;

/// The double nearest `d` (which is above zero and below 10^309), ties to even.
fn nearest(d: &Decimal) -> f64 {
    nearest_counted(d).0
}

/// [`nearest`] and the number of exact comparisons it made: the largest double
/// not above `d`, found from an estimate in a few steps over the bit patterns
/// (ordered like the values, for positive doubles), then one comparison with
/// the point halfway to the next double. Each comparison is linear in the
/// size of the numbers, so a number costs linear time with a small constant
/// (a payload of 10,000 such numbers is read as fast as the limits allow).
fn nearest_counted(d: &Decimal) -> (f64, usize) {
    let exact = Exact::new(d);
    let start = exact.estimate();
    nearest_from(&exact, start)
}

/// [`nearest_counted`] from the pattern `start` (the estimate; tests give others).
fn nearest_from(exact: &Exact, start: u64) -> (f64, usize) {
    let mut count = 0;
    let mut below = |bits: u64| {
        // f(bits) <= d
        count += 1;
        let (m, k) = parts(bits);
        exact.cmp(m, k) != Ordering::Less
    };
    let mut lo = start.min(INFINITY_BITS - 1);
    let mut settled = false;
    if below(lo) {
        // Up while the next double is still not above d.
        for _ in 0..SETTLE_STEPS {
            if lo + 1 < INFINITY_BITS && below(lo + 1) {
                lo += 1;
            } else {
                settled = true;
                break;
            }
        }
    } else {
        // Down to the first that is not above d (f(0) = 0 is not, so lo stays above 0).
        for _ in 0..SETTLE_STEPS {
            lo -= 1;
            if below(lo) {
                settled = true;
                break;
            }
        }
    }
    if !settled {
        // Never for a correct estimate; kept so that the answer never rests on it.
        let (mut l, mut h) = (0u64, INFINITY_BITS);
        while h - l > 1 {
            let mid = l + (h - l) / 2;
            if below(mid) {
                l = mid;
            } else {
                h = mid;
            }
        }
        lo = l;
    }
    let (m, k) = parts(lo);
    // Halfway to the next double: (2m + 1) · 2^(k-1), within a binade and across
    // one; past the largest double, the next is infinity (its pattern, 2^1024).
    count += 1;
    let bits = match exact.cmp(2 * m + 1, k - 1) {
        Ordering::Greater => lo + 1,
        Ordering::Equal => lo + (lo & 1),
        Ordering::Less => lo,
    };
    (f64::from_bits(bits), count)
}

/// A positive double's bit pattern as `m · 2^k` (infinity's as 2^1024).
fn parts(bits: u64) -> (u64, i64) {
    let fraction = bits & ((1 << 52) - 1);
    match (bits >> 52) as i64 {
        0 => (fraction, -1074),
        e => (fraction | 1 << 52, e - 1075),
    }
}

/// A decimal as an exact ratio of big integers, to compare with `m · 2^k`.
struct Exact {
    /// `digits · 10^max(exponent, 0)`.
    numerator: Big,
    /// `10^max(-exponent, 0)`.
    denominator: Big,
}

impl Exact {
    fn new(d: &Decimal) -> Exact {
        let mut numerator = Big::from_digits(&d.digits);
        let mut denominator = Big::one();
        if d.exponent >= 0 {
            numerator.mul_pow10(d.exponent.unsigned_abs());
        } else {
            denominator.mul_pow10(d.exponent.unsigned_abs());
        }
        Exact { numerator, denominator }
    }

    /// A double within a few units in the last place of the decimal, as a bit
    /// pattern: the top 96 bits of numerator and denominator divided in `f64`
    /// (relative error under 2^-51), scaled by the power of two between them
    /// in exact steps, the last one rounding once into the subnormals if it must.
    fn estimate(&self) -> u64 {
        let (n, n_limbs) = self.numerator.top96();
        let (d, d_limbs) = self.denominator.top96();
        let mut x = n / d;
        let mut e = 32 * (n_limbs - d_limbs);
        let pow2 = |k: i64| f64::from_bits(((k + 1023) as u64) << 52);
        while e > 1000 {
            x *= pow2(1000);
            e -= 1000;
        }
        while e < -1000 {
            x *= pow2(-1000);
            e += 1000;
        }
        (x * pow2(e)).to_bits()
    }

    /// How the decimal compares with `m · 2^k`.
    fn cmp(&self, m: u64, k: i64) -> Ordering {
        let mut left = self.numerator.clone();
        let mut right = self.denominator.clone();
        right.mul_small(m as u32);
        let mut high = self.denominator.clone();
        high.mul_small((m >> 32) as u32);
        high.shl(32);
        right.add(&high);
        if k >= 0 {
            right.shl(k.unsigned_abs());
        } else {
            left.shl(k.unsigned_abs());
        }
        left.cmp(&right)
    }
}

/// An unsigned big integer, 32-bit limbs, least significant first, no high zero limbs.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn one() -> Big {
        Big(vec![1])
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut b = Big(Vec::with_capacity(digits.len() / 9 + 1));
        for chunk in digits.chunks(9) {
            let value = chunk.iter().fold(0u32, |v, &d| v * 10 + u32::from(d));
            b.mul_small(10u32.pow(chunk.len() as u32));
            b.add(&Big(vec![value]));
        }
        b
    }

    fn mul_small(&mut self, factor: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(factor) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }

    fn mul_pow10(&mut self, mut e: u64) {
        while e >= 9 {
            self.mul_small(1_000_000_000);
            e -= 9;
        }
        self.mul_small(10u32.pow(e as u32));
    }

    fn add(&mut self, other: &Big) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        let mut carry = 0u64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = u64::from(*limb) + u64::from(other.0.get(i).copied().unwrap_or(0)) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
    }

    fn shl(&mut self, bits: u64) {
        let (limbs, bits) = ((bits / 32) as usize, (bits % 32) as u32);
        if bits != 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let v = (u64::from(*limb) << bits) | u64::from(carry);
                *limb = v as u32;
                carry = (v >> 32) as u32;
            }
            if carry != 0 {
                self.0.push(carry);
            }
        }
        if !self.0.is_empty() {
            self.0.splice(0..0, core::iter::repeat_n(0, limbs));
        }
    }

    /// The top three limbs as a number (missing low limbs as zeros) and the
    /// limb count: `self ≈ value · 2^(32 (limbs − 3))`, from below, within 2^-64.
    fn top96(&self) -> (f64, i64) {
        let len = self.0.len();
        let limb = |j: usize| len.checked_sub(1 + j).and_then(|i| self.0.get(i)).map_or(0u128, |&l| u128::from(l));
        let value = limb(0) << 64 | limb(1) << 32 | limb(2);
        (value as f64, len as i64)
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0.len().cmp(&other.0.len()).then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::string::{String, ToString};

    fn check(text: &str) {
        let want: f64 = text.parse().unwrap();
        let got = to_f64(text).unwrap_or_else(|| panic!("{text} not read"));
        assert_eq!(got.to_bits(), want.to_bits(), "{text}: {got:e} vs core's {want:e}");
    }

    #[test]
    fn edges_match_core_parse() {
        for text in [
            "0",
            "-0",
            "0.0",
            "-0.0e5",
            "1",
            "-1",
            "1700000000",
            "1700000000.123",
            "1.5e9",
            "0.1",
            "0.30000000000000004",
            "9007199254740992",
            "9007199254740993",
            "9007199254740995",
            "18446744073709551615",
            "123456789012345678901234567890",
            "1e22",
            "1e23",
            "1e-22",
            "1e-23",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "179769313486231580793728971405301e276",
            "2e308",
            "1e309",
            "1e400",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "5e-324",
            "1e-324",
            "3e-324",
            "1e-325",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "2.2250738585072014e-308",
            "1E+2",
            "1e-0",
            "0e999999999999999999999",
            "1e999999999999999999999",
            "1e-999999999999999999999",
            "0.000000000000000000000000000001",
        ] {
            check(text);
        }
    }

    /// The exact point halfway between 0 and the smallest subnormal: ties to
    /// even give 0; one more digit far past the 800 kept ones gives 5e-324.
    #[test]
    fn a_tail_past_the_kept_digits_still_rounds() {
        let mut half = String::from("2.");
        // 2^-1075 exactly: 5^1075 with the point 1075 places in (its 751 digits start 24703282292...).
        let mut five = Big::one();
        for _ in 0..1075 {
            five.mul_small(5);
        }
        let digits = decimal_string(&five);
        assert!(digits.starts_with("24703282292062327"));
        half.push_str(&digits[1..]);
        half.push_str(&format!("e-{}", 1075 - digits.len() + 1));
        check(&half);
        assert_eq!(to_f64(&half), Some(0.0));
        let above = format!("{}{}1e-{}", &half[..half.find('e').unwrap()], "0".repeat(200), 1075 - digits.len() + 1);
        check(&above);
        assert_eq!(to_f64(&above), Some(5e-324));
    }

    fn decimal_string(b: &Big) -> String {
        let mut b = b.clone();
        let mut out = Vec::new();
        while !b.0.is_empty() {
            let mut rem = 0u64;
            for limb in b.0.iter_mut().rev() {
                let v = (rem << 32) | u64::from(*limb);
                *limb = (v / 10) as u32;
                rem = v % 10;
            }
            b.trim();
            out.push(b'0' + rem as u8);
        }
        out.reverse();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn not_numbers_are_refused() {
        for text in ["", "-", "+1", "01", "1.", ".5", "1e", "1e+", "0x10", "1 ", "NaN", "--1", "1.2.3", "١"] {
            assert_eq!(to_f64(text), None, "{text}");
        }
    }

    /// Halfway points between neighbouring doubles, written exactly: (2m+1)·2^j
    /// as an integer, or (2m+1)·5^j with the point j places in.
    fn halfway(m: u64, j: i32) -> String {
        let odd = u128::from(2 * m + 1);
        if j >= 0 {
            (odd << j).to_string()
        } else {
            let scaled = odd * 5u128.pow(j.unsigned_abs());
            format!("{scaled}e-{}", j.unsigned_abs())
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// Any number in JSON's grammar: the same double as core's parser.
        #[test]
        fn number_matches_core_parse(
            negative: bool,
            int in "(0|[1-9][0-9]{0,30})",
            frac in proptest::option::of("[0-9]{1,30}"),
            exp in proptest::option::of(-400i32..400),
        ) {
            let mut text = String::new();
            if negative { text.push('-'); }
            text.push_str(&int);
            if let Some(f) = frac { text.push('.'); text.push_str(&f); }
            if let Some(e) = exp { text.push_str(&format!("e{e}")); }
            check(&text);
            let body = text.strip_prefix('-').unwrap_or(&text);
            if let Some(d) = decimal(body.as_bytes()) {
                let lead = d.digits.len() as i64 + d.exponent - 1;
                if !d.digits.is_empty() && (-324..=308).contains(&lead) {
                    proptest::prop_assert!(nearest_counted(&d).1 <= 5);
                }
            }
        }

        /// Every double, printed shortest and printed with 17 to 40 digits.
        #[test]
        fn doubles_read_back(bits in 0u64..0x7ff0_0000_0000_0000, precision in 16usize..40) {
            let x = f64::from_bits(bits);
            check(&format!("{x:e}"));
            check(&format!("{x:.precision$e}"));
        }

        /// Exact halfway points (ties to even) and the numbers just either side.
        #[test]
        fn ties_go_to_even(m in (1u64 << 52)..(1u64 << 53), j in -20i32..70) {
            let text = halfway(m, j);
            check(&text);
            let (mantissa, exp) = text.split_once('e').map_or((text.as_str(), ""), |(a, b)| (a, b));
            let last = mantissa.len() - 1;
            let digit = mantissa.as_bytes()[last] - b'0';
            let e = if exp.is_empty() { String::new() } else { format!("e{exp}") };
            if digit > 0 { check(&format!("{}{}{e}", &mantissa[..last], digit - 1)); }
            if digit < 9 { check(&format!("{}{}{e}", &mantissa[..last], digit + 1)); }
            check(&format!("{mantissa}{}1{e}", "0".repeat(900)));
        }
    }

    /// Every number the slow path reads is settled in a few exact comparisons
    /// from the estimate (so 10,000 of them in a payload cost what 10,000 short
    /// numbers do, give or take a constant), never by the fallback search.
    #[test]
    fn slow_path_is_a_few_comparisons() {
        let mut worst = 0;
        let mut texts: Vec<String> = Vec::new();
        for e in -345..=310 {
            for m in
                ["1", "9", "4.9406564584124654", "2.4703282292062328", "1.7976931348623157", "123456789012345678901"]
            {
                texts.push(format!("{m}e{e}"));
            }
        }
        for bits in
            [1u64, 2, 3, 0x000f_ffff_ffff_ffff, 0x0010_0000_0000_0000, 0x7fef_ffff_ffff_ffff, 0x3ff0_0000_0000_0001]
        {
            let x = f64::from_bits(bits);
            texts.push(format!("{x:.40e}"));
        }
        for t in &texts {
            check(t);
            if let Some(d) = decimal(t.as_bytes()) {
                let n = d.digits.len() as i64;
                if !d.digits.is_empty() && (-324..=308).contains(&(n + d.exponent - 1)) {
                    let (_, count) = nearest_counted(&d);
                    worst = worst.max(count);
                }
            }
        }
        assert!(worst <= 5, "at most 5 exact comparisons, not {worst}");
    }

    /// From a wrong start the fallback search still finds the nearest double.
    #[test]
    fn a_wrong_start_falls_back_to_the_right_answer() {
        for t in ["1e-320", "2.4703282292062328e-324", "1.7976931348623158e308", "123456789012345678901e5", "0.1"] {
            let d = decimal(t.as_bytes()).unwrap();
            let exact = Exact::new(&d);
            for start in [0, 1 << 52, 0x3ff0_0000_0000_0000, INFINITY_BITS - 1, INFINITY_BITS] {
                let (x, count) = nearest_from(&exact, start);
                assert_eq!(x.to_bits(), t.parse::<f64>().unwrap().to_bits(), "{t} from {start:#x}");
                assert!(count <= SETTLE_STEPS + 66, "{t}: {count}");
            }
        }
    }

    /// 100,000 digits: read in linear time (a handful of milliseconds), as core's parser does.
    #[test]
    fn long_numbers_stay_linear() {
        let long = format!("1.{}", "3".repeat(100_000));
        check(&long);
        let long = format!("{}e-100000", "7".repeat(100_000));
        check(&long);
    }
}
