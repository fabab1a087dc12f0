//! NumericDate values and where they stand relative to a `now` the caller gives.
//!
//! RFC 7519 §2: "NumericDate: A JSON numeric value representing the number
//! of seconds from 1970-01-01T00:00:00Z UTC until the specified UTC
//! date/time, ignoring leap seconds. [...] non-integer values can be
//! represented."
//!
//! The core reads no clock: every function here takes `now` as an argument.
//!
//! # Example
//! ```
//! use jwtlens::time::{iso_utc, humanize};
//! assert_eq!(iso_utc(1_300_819_380.0).as_deref(), Some("2011-03-22T18:43:00Z"));
//! assert_eq!(iso_utc(0.25).as_deref(), Some("1970-01-01T00:00:00.250Z"));
//! assert_eq!(humanize(3420.0), "57 min");
//! assert_eq!(humanize(3.0 * 3600.0 + 60.0), "3 h 1 min");
//! ```

use alloc::format;
use alloc::string::String;

use serde::Serialize;

/// Largest NumericDate shown as a date: 9999-12-31T23:59:59Z.
pub const MAX_DATE: f64 = 253_402_300_799.0;
/// Smallest NumericDate shown as a date: 0000-01-01T00:00:00Z.
pub const MIN_DATE: f64 = -62_167_219_200.0;

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian
/// calendar (H. Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The largest `now` taken as seconds: 10^11 s is the year 5138, while
/// `Date.now()` (milliseconds) is about 1.8 × 10^12.
pub const MAX_NOW_SECONDS: f64 = 1e11;

/// Why a time given as "now" cannot be used.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum NowError {
    /// NaN or infinite.
    NotFinite,
    /// So large it can only be milliseconds (or microseconds).
    Milliseconds(f64),
}

impl core::fmt::Display for NowError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            NowError::NotFinite => f.write_str("must be a finite number of seconds since 1970 (a NumericDate)"),
            NowError::Milliseconds(v) => write!(
                f,
                "is {}, which as seconds is after the year 5000: it looks like milliseconds (Date.now()); give seconds (Date.now() / 1000) or a Date",
                Seconds(*v)
            ),
        }
    }
}

impl core::error::Error for NowError {}

/// A NumericDate (RFC 7519 §2): "A JSON numeric value representing the
/// number of seconds from 1970-01-01T00:00:00Z UTC until the specified UTC
/// date/time, ignoring leap seconds. [...] non-integer values can be
/// represented." Always finite: the type is the proof, so nothing that takes a
/// `NumericDate` has to ask whether it is NaN.
///
/// A token's `exp`, `nbf` and `iat` are NumericDates, and so is the `now` every
/// time check is made against (the core reads no clock). Serialized as the
/// plain number.
///
/// ```
/// use jwtlens::time::{NumericDate, NowError};
/// let exp = NumericDate::from_secs(1_300_819_380);
/// assert_eq!(exp.iso().as_deref(), Some("2011-03-22T18:43:00Z"));
/// assert_eq!(NumericDate::new(f64::NAN), None);
/// // A "now" is also checked for milliseconds given by mistake (Date.now()).
/// assert_eq!(NumericDate::now(1_795_000_000.0), Ok(NumericDate::from_secs(1_795_000_000)));
/// assert_eq!(NumericDate::now(1_795_000_000_000.0), Err(NowError::Milliseconds(1_795_000_000_000.0)));
/// assert_eq!(NumericDate::now(f64::INFINITY), Err(NowError::NotFinite));
/// // The difference of two dates is a signed number of seconds.
/// assert_eq!(exp - NumericDate::from_secs(1_300_819_320), 60.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct NumericDate(f64);

impl NumericDate {
    /// The date `seconds` whole seconds after 1970-01-01T00:00:00Z (before it when negative).
    pub const fn from_secs(seconds: i64) -> NumericDate {
        NumericDate(seconds as f64)
    }

    /// The date `seconds` after 1970 (may be fractional); `None` for NaN or infinity.
    pub fn new(seconds: f64) -> Option<NumericDate> {
        seconds.is_finite().then_some(NumericDate(seconds))
    }

    /// A "now" given in seconds since 1970: finite, and not a count of
    /// milliseconds by mistake (see [`MAX_NOW_SECONDS`]).
    pub fn now(seconds: f64) -> Result<NumericDate, NowError> {
        let date = NumericDate::new(seconds).ok_or(NowError::NotFinite)?;
        if seconds.abs() > MAX_NOW_SECONDS {
            return Err(NowError::Milliseconds(seconds));
        }
        Ok(date)
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub const fn seconds(self) -> f64 {
        self.0
    }

    /// ISO 8601 UTC (see [`iso_utc`]); `None` outside years 0000–9999.
    pub fn iso(self) -> Option<String> {
        iso_utc(self.0)
    }

    /// This date moved by `seconds` (a leeway, an age); `None` if the result is not finite.
    ///
    /// ```
    /// use jwtlens::time::NumericDate;
    /// assert_eq!(NumericDate::from_secs(100).plus(-60.0), Some(NumericDate::from_secs(40)));
    /// assert_eq!(NumericDate::from_secs(100).plus(f64::MAX * 2.0), None);
    /// ```
    pub fn plus(self, seconds: f64) -> Option<NumericDate> {
        NumericDate::new(self.0 + seconds)
    }
}

/// `a - b`: the seconds from `b` to `a` (negative when `a` is earlier).
impl core::ops::Sub for NumericDate {
    type Output = f64;
    fn sub(self, earlier: NumericDate) -> f64 {
        self.0 - earlier.0
    }
}

impl core::fmt::Display for NumericDate {
    /// The number of seconds, as JSON writes it.
    ///
    /// ```
    /// use jwtlens::time::NumericDate;
    /// let date = |s| NumericDate::new(s).unwrap().to_string();
    /// assert_eq!(date(1_516_239_022.0), "1516239022");
    /// assert_eq!(date(-3.0), "-3");
    /// assert_eq!(date(1.5), "1.5");
    /// assert_eq!(date(1e300), "1e+300");
    /// ```
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        Seconds(self.0).fmt(f)
    }
}

/// A number of seconds written as JSON writes it: whole seconds as an
/// integer, others in the shortest form that reads back the same (`1.5`,
/// `1e+300`). Through serde_json's number writer, which every report
/// already links, rather than core's f64 formatting (14 KB of wasm).
pub(crate) struct Seconds(pub f64);

impl core::fmt::Display for Seconds {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let x = self.0;
        // Whole and within 2^53 (exact as an integer); `f64::fract` is not in `core`.
        if x.abs() < 9_007_199_254_740_992.0 && x == (x as i64) as f64 {
            write!(f, "{}", x as i64)
        } else {
            f.write_str(&serde_json::to_string(&x).unwrap_or_default())
        }
    }
}

/// An ISO 8601 UTC timestamp for a NumericDate, with milliseconds when it
/// has a fraction; `None` outside years 0000–9999 or for NaN/infinity.
pub fn iso_utc(t: f64) -> Option<String> {
    if !t.is_finite() || !(MIN_DATE..=MAX_DATE).contains(&t) {
        return None;
    }
    let whole = floor(t);
    let millis = ((t - whole) * 1000.0 + 0.5) as i64;
    let (whole, millis) = if millis >= 1000 { (whole + 1.0, 0) } else { (whole, millis) };
    let secs = whole as i64;
    let (y, mo, d) = civil_from_days(secs.div_euclid(86_400));
    let sod = secs.rem_euclid(86_400);
    let (h, mi, s) = (sod / 3600, sod % 3600 / 60, sod % 60);
    // By hand rather than format!: a report formats every time claim.
    let mut out = String::with_capacity(24);
    let two = |out: &mut String, n: i64, sep: char| {
        out.push(sep);
        crate::text::push_decimal(out, n.unsigned_abs(), 2);
    };
    crate::text::push_decimal(&mut out, y.unsigned_abs(), 4);
    two(&mut out, mo.into(), '-');
    two(&mut out, d.into(), '-');
    two(&mut out, h, 'T');
    two(&mut out, mi, ':');
    two(&mut out, s, ':');
    if millis != 0 {
        out.push('.');
        crate::text::push_decimal(&mut out, millis.unsigned_abs(), 3);
    }
    out.push('Z');
    Some(out)
}

fn floor(x: f64) -> f64 {
    // `f64::floor` lives in std; this is exact for the range iso_utc accepts.
    let t = x as i64 as f64;
    if t > x {
        t - 1.0
    } else {
        t
    }
}

/// A duration in words, at most two units: "45 s", "57 min", "3 h 1 min",
/// "2 d 4 h", "1 y 12 d". The sign is ignored.
pub fn humanize(seconds: f64) -> String {
    if !seconds.is_finite() {
        return String::from("forever");
    }
    let s = if seconds < 0.0 { -seconds } else { seconds };
    if s >= 1e15 {
        return String::from("millions of years");
    }
    let s = (s + 0.5) as u64;
    const MIN: u64 = 60;
    const HOUR: u64 = 3600;
    const DAY: u64 = 86_400;
    const YEAR: u64 = 365 * DAY;
    let two = |big: u64, bu: &str, small: u64, su: &str| {
        if small == 0 {
            format!("{big} {bu}")
        } else {
            format!("{big} {bu} {small} {su}")
        }
    };
    match s {
        0..MIN => format!("{s} s"),
        MIN..HOUR => format!("{} min", s / MIN),
        HOUR..DAY => two(s / HOUR, "h", s % HOUR / MIN, "min"),
        DAY..YEAR => two(s / DAY, "d", s % DAY / HOUR, "h"),
        _ => two(s / YEAR, "y", s % YEAR / DAY, "d"),
    }
}

/// Which time claim a [`Moment`] describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum TimeClaim {
    /// `exp`
    Exp,
    /// `nbf`
    Nbf,
    /// `iat`
    Iat,
}

/// One NumericDate claim, as a date and relative to `now`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Moment {
    /// The NumericDate as written (seconds since the epoch, maybe fractional).
    pub value: NumericDate,
    /// ISO 8601 UTC, or `None` when outside years 0000–9999.
    pub iso: Option<String>,
    /// `value - now` in seconds, when `now` was given.
    pub delta: Option<f64>,
    /// A phrase such as "expires in 57 min" or "expired 3 h ago", when `now` was given.
    pub relative: Option<String>,
}

impl Moment {
    /// Describe claim `which` with value `value` relative to `now`.
    ///
    /// ```
    /// use jwtlens::time::{Moment, NumericDate, TimeClaim};
    /// let exp = NumericDate::from_secs(1000);
    /// let m = Moment::new(TimeClaim::Exp, exp, Some(NumericDate::from_secs(1000 - 3 * 3600)));
    /// assert_eq!(m.relative.as_deref(), Some("expires in 3 h"));
    /// let m = Moment::new(TimeClaim::Exp, exp, Some(NumericDate::from_secs(1060)));
    /// assert_eq!(m.relative.as_deref(), Some("expired 1 min ago"));
    /// ```
    pub fn new(which: TimeClaim, value: NumericDate, now: Option<NumericDate>) -> Moment {
        let delta = now.map(|n| value - n);
        let relative = delta.map(|d| {
            let h = humanize(d);
            match (which, d > 0.0) {
                (TimeClaim::Exp, true) => format!("expires in {h}"),
                (TimeClaim::Exp, false) => format!("expired {h} ago"),
                (TimeClaim::Nbf, true) => format!("valid in {h}"),
                (TimeClaim::Nbf, false) => format!("valid since {h} ago"),
                (TimeClaim::Iat, true) => format!("issued {h} in the future"),
                (TimeClaim::Iat, false) => format!("issued {h} ago"),
            }
        });
        Moment { value, iso: value.iso(), delta, relative }
    }
}

/// Where the token stands in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum TimeStatus {
    /// `now` was not given, so nothing was judged.
    Unchecked,
    /// Within `nbf`..`exp` (or those claims are absent).
    Valid,
    /// `now` is at or after `exp` (RFC 7519 §4.1.4: the current time MUST be before it).
    Expired,
    /// `now` is before `nbf` (RFC 7519 §4.1.5).
    NotYetValid,
}

/// The token's time claims relative to `now`, with no leeway.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TimeReport {
    /// The `now` the caller gave.
    pub now: Option<NumericDate>,
    /// `now` as ISO 8601 UTC.
    pub now_iso: Option<String>,
    /// Expiration time.
    pub exp: Option<Moment>,
    /// Not-before time.
    pub nbf: Option<Moment>,
    /// Issued-at time.
    pub iat: Option<Moment>,
    /// `exp - iat` in seconds, when both are present.
    pub lifetime: Option<f64>,
    /// `lifetime` in words.
    pub lifetime_text: Option<String>,
    /// Overall verdict.
    pub status: TimeStatus,
    /// `iat` is after `now`.
    pub issued_in_future: bool,
    /// One sentence summing it up.
    pub summary: String,
}

/// Whether the token has expired or is not yet valid at `now`, with the sentence
/// saying so; `None` when it is within its time (or `now` is not given). The
/// status part of [`TimeReport`] alone, for verdicts that need nothing else.
///
/// RFC 7519 §4.1.4: "the current date/time MUST be before the expiration date/time";
/// §4.1.5: "the current date/time MUST be after or equal to the not-before date/time".
///
/// ```
/// use jwtlens::time::{failure, NumericDate, TimeStatus};
/// let (exp, s) = (Some(NumericDate::from_secs(1000)), NumericDate::from_secs);
/// assert_eq!(failure(exp, None, Some(s(2500))), Some((TimeStatus::Expired, "Expired 25 min ago.".into())));
/// assert_eq!(failure(exp, None, Some(s(999))), None);
/// ```
pub fn failure(
    exp: Option<NumericDate>,
    nbf: Option<NumericDate>,
    now: Option<NumericDate>,
) -> Option<(TimeStatus, String)> {
    let n = now?;
    match (exp, nbf) {
        (Some(e), _) if n >= e => Some((TimeStatus::Expired, format!("Expired {} ago.", humanize(n - e)))),
        (_, Some(b)) if n < b => Some((TimeStatus::NotYetValid, format!("Not valid for another {}.", humanize(b - n)))),
        _ => None,
    }
}

impl TimeReport {
    /// Judge `exp`, `nbf` and `iat` against `now` (no leeway: that is a policy choice).
    ///
    /// ```
    /// use jwtlens::time::{NumericDate, TimeReport, TimeStatus};
    /// let s = |t| Some(NumericDate::from_secs(t));
    /// // exp, nbf, iat, now
    /// let t = TimeReport::new(s(1000), None, s(0), s(2500));
    /// assert_eq!(t.status, TimeStatus::Expired);
    /// assert_eq!(t.lifetime, Some(1000.0));
    /// assert_eq!(t.summary, "Expired 25 min ago.");
    /// ```
    pub fn new(
        exp: Option<NumericDate>,
        nbf: Option<NumericDate>,
        iat: Option<NumericDate>,
        now: Option<NumericDate>,
    ) -> TimeReport {
        let exp_m = exp.map(|v| Moment::new(TimeClaim::Exp, v, now));
        let nbf_m = nbf.map(|v| Moment::new(TimeClaim::Nbf, v, now));
        let iat_m = iat.map(|v| Moment::new(TimeClaim::Iat, v, now));
        let lifetime = match (exp, iat) {
            (Some(e), Some(i)) => Some(e - i),
            _ => None,
        };
        let (status, summary) = match now {
            None => (TimeStatus::Unchecked, String::from("No current time given, so expiry was not checked.")),
            Some(n) => failure(exp, nbf, now).unwrap_or_else(|| match exp {
                Some(e) => (TimeStatus::Valid, format!("Valid; expires in {}.", humanize(e - n))),
                None => (TimeStatus::Valid, String::from("Valid, and it never expires: there is no exp claim.")),
            }),
        };
        let issued_in_future = matches!((iat, now), (Some(i), Some(n)) if i > n);
        TimeReport {
            now,
            now_iso: now.and_then(NumericDate::iso),
            exp: exp_m,
            nbf: nbf_m,
            iat: iat_m,
            lifetime,
            lifetime_text: lifetime.map(humanize),
            status,
            issued_in_future,
            summary,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (year, month, day) to days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(m);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn d(seconds: f64) -> Option<NumericDate> {
        NumericDate::new(seconds)
    }

    #[test]
    fn dates_round_trip_over_the_calendar() {
        for days in (-719_528..2_932_896).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(iso_utc(MAX_DATE).as_deref(), Some("9999-12-31T23:59:59Z"));
        assert_eq!(iso_utc(MIN_DATE).as_deref(), Some("0000-01-01T00:00:00Z"));
        assert_eq!(iso_utc(-1.5).as_deref(), Some("1969-12-31T23:59:58.500Z"));
        assert_eq!(iso_utc(951_782_400.0).as_deref(), Some("2000-02-29T00:00:00Z"));
        assert_eq!(iso_utc(MAX_DATE + 1.0), None);
        assert_eq!(iso_utc(f64::NAN), None);
    }

    #[test]
    fn humanize_units() {
        assert_eq!(humanize(0.0), "0 s");
        assert_eq!(humanize(-59.0), "59 s");
        assert_eq!(humanize(86_400.0 * 2.0 + 3600.0 * 4.0), "2 d 4 h");
        assert_eq!(humanize(86_400.0 * 377.0), "1 y 12 d");
        assert_eq!(humanize(f64::INFINITY), "forever");
        assert_eq!(humanize(1e300), "millions of years");
    }

    #[test]
    fn statuses() {
        let t = TimeReport::new(d(100.0), d(50.0), d(40.0), d(45.0));
        assert_eq!(t.status, TimeStatus::NotYetValid);
        let t = TimeReport::new(d(100.0), None, d(40.0), d(100.0));
        assert_eq!(t.status, TimeStatus::Expired, "exp is exclusive");
        let t = TimeReport::new(None, None, d(400.0), d(100.0));
        assert!(t.issued_in_future);
        assert_eq!(t.status, TimeStatus::Valid);
        let t = TimeReport::new(d(1.0), None, None, None);
        assert_eq!(t.status, TimeStatus::Unchecked);
        assert_eq!(t.exp.unwrap().relative, None);
    }
}
