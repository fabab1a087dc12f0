//! The cookie-date algorithm.
//!
//! RFC 6265bis §5.1.1: "Using the grammar below, divide the cookie-date into
//! date-tokens. Process each date-token sequentially in the order the
//! date-tokens appear in the cookie-date: 1. If the found-time flag is not
//! set and the token matches the time production [...] 2. [...] day-of-month
//! [...] 3. [...] month [...] 4. [...] year [...]. If the year-value is
//! greater than or equal to 70 and less than or equal to 99, increment the
//! year-value by 1900. If the year-value is greater than or equal to 0 and
//! less than or equal to 69, increment the year-value by 2000. Abort these
//! steps and fail to parse the cookie-date if: at least one of the
//! found-day-of-month, found-month, found-year, or found-time flags is not
//! set, the day-of-month-value is less than 1 or greater than 31, the
//! year-value is less than 1601, the hour-value is greater than 23, the
//! minute-value is greater than 59, or the second-value is greater than 59."
//!
//! # Example
//! ```
//! use jwtlens_cookie::{date::parse_cookie_date, UnixTime};
//! let secs = |s: &str| parse_cookie_date(s).map(UnixTime::secs);
//! assert_eq!(secs("Wed, 21 Oct 2015 07:28:00 GMT"), Some(1_445_412_480));
//! assert_eq!(secs("Thu, 10 Apr 1980 16:33:12 GMT"), Some(324_232_392));
//! assert_eq!(secs("Sat, 1 Jan 70 0:0:0"), Some(0));
//! assert_eq!(parse_cookie_date("not a date"), None);
//! ```

/// (year, month, day) to days since 1970-01-01 (H. Hinnant's `days_from_civil`;
/// the JWT crate's tests check its inverse the same way, kept apart so the jar
/// does not depend on the JWT core).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E
fn is_delimiter(b: u8) -> bool {
    matches!(b, 0x09 | 0x20..=0x2f | 0x3b..=0x40 | 0x5b..=0x60 | 0x7b..=0x7e)
}

/// Leading digits of `t` (between `min` and `max` of them), and whether more digits follow.
fn digits(t: &[u8], min: usize, max: usize) -> Option<(u32, usize)> {
    let n = t.iter().take_while(|b| b.is_ascii_digit()).count();
    if n < min || n > max {
        return None;
    }
    let v = t.get(..n)?.iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
    Some((v, n))
}

/// time = hms-time ( non-digit *OCTET ); hms-time = time-field ":" time-field ":" time-field
fn time(t: &[u8]) -> Option<(u32, u32, u32)> {
    let (h, a) = digits(t, 1, 2)?;
    let rest = t.get(a..)?.strip_prefix(b":")?;
    let (m, b) = digits(rest, 1, 2)?;
    let rest = rest.get(b..)?.strip_prefix(b":")?;
    let (s, c) = digits(rest, 1, 2)?;
    match rest.get(c) {
        Some(x) if x.is_ascii_digit() => None,
        _ => Some((h, m, s)),
    }
}

/// day-of-month = 1*2DIGIT ( non-digit *OCTET ); year = 2*4DIGIT ( non-digit *OCTET )
fn number(t: &[u8], min: usize, max: usize) -> Option<u32> {
    let (v, n) = digits(t, min, max)?;
    match t.get(n) {
        Some(x) if x.is_ascii_digit() => None,
        _ => Some(v),
    }
}

/// month = ( "jan" / "feb" / ... ) *OCTET, case-insensitive.
fn month(t: &[u8]) -> Option<u32> {
    const MONTHS: [&[u8; 3]; 12] =
        [b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec"];
    let head = t.get(..3)?;
    MONTHS.iter().position(|m| head.eq_ignore_ascii_case(&m[..])).map(|i| i as u32 + 1)
}

/// Parse a cookie-date to seconds since 1970, or `None` when the algorithm fails.
pub fn parse_cookie_date(s: &str) -> Option<crate::UnixTime> {
    let bytes = s.as_bytes();
    let (mut t, mut d, mut mo, mut y) = (None, None, None, None);
    for token in bytes.split(|b| is_delimiter(*b)).filter(|t| !t.is_empty()) {
        if t.is_none() {
            if let Some(v) = time(token) {
                t = Some(v);
                continue;
            }
        }
        if d.is_none() {
            if let Some(v) = number(token, 1, 2) {
                d = Some(v);
                continue;
            }
        }
        if mo.is_none() {
            if let Some(v) = month(token) {
                mo = Some(v);
                continue;
            }
        }
        if y.is_none() {
            if let Some(v) = number(token, 2, 4) {
                y = Some(v);
                continue;
            }
        }
    }
    let ((h, mi, sec), day, mon, mut year) = (t?, d?, mo?, y?);
    if (70..=99).contains(&year) {
        year += 1900;
    } else if year <= 69 {
        year += 2000;
    }
    if !(1..=31).contains(&day) || year < 1601 || h > 23 || mi > 59 || sec > 59 {
        return None;
    }
    // RFC 6265bis: "If the date does not exist (e.g. 31 February), fail to parse" —
    // not in the algorithm text, but every browser rejects it; http-state expects it.
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let max_day = match mon {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day > max_day {
        return None;
    }
    let days = days_from_civil(i64::from(year), mon, day);
    Some(crate::UnixTime::from_secs(days * 86_400 + i64::from(h * 3600 + mi * 60 + sec)))
}
