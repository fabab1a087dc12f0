//! The jar's clock: whole seconds since 1970, as cookie dates are written.

use serde::{Deserialize, Serialize};

/// A moment as the jar keeps it: whole seconds since 1970-01-01T00:00:00Z.
/// Cookie dates have one-second precision (RFC 6265bis §5.1.1), and the jar
/// reads no clock: every call takes `now`. Serialized (and read) as the plain number.
///
/// ```
/// use jwtlens_cookie::UnixTime;
/// let now = UnixTime::from_secs(1_700_000_000);
/// assert_eq!((now + 60) - now, 60);
/// assert!(UnixTime::EARLIEST < now);
/// assert_eq!(UnixTime::from_secs(i64::MAX) + 1, UnixTime::from_secs(i64::MAX), "saturates");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnixTime(i64);

impl UnixTime {
    /// RFC 6265bis §5.6.2, the Max-Age attribute: "If delta-seconds is less
    /// than or equal to zero (0), let expiry-time be the earliest
    /// representable date and time." A cookie expiring then is a deletion.
    pub const EARLIEST: UnixTime = UnixTime(i64::MIN);

    /// `seconds` after 1970-01-01T00:00:00Z (before it when negative).
    pub const fn from_secs(seconds: i64) -> UnixTime {
        UnixTime(seconds)
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub const fn secs(self) -> i64 {
        self.0
    }
}

/// Later by `seconds` (earlier when negative), saturating at the ends of the range.
impl core::ops::Add<i64> for UnixTime {
    type Output = UnixTime;
    fn add(self, seconds: i64) -> UnixTime {
        UnixTime(self.0.saturating_add(seconds))
    }
}

/// Later by `seconds` (earlier when negative), saturating.
impl core::ops::AddAssign<i64> for UnixTime {
    fn add_assign(&mut self, seconds: i64) {
        *self = *self + seconds;
    }
}

/// `a - b`: the seconds from `b` to `a`, saturating.
impl core::ops::Sub for UnixTime {
    type Output = i64;
    fn sub(self, earlier: UnixTime) -> i64 {
        self.0.saturating_sub(earlier.0)
    }
}

impl core::fmt::Display for UnixTime {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Display::fmt(&self.0, f)
    }
}
