//! [`UnknownWord`]: a word that names none of a setting's values.

use alloc::string::String;
use core::fmt;

/// A word that names none of a setting's values (`SameSite`, a request's
/// destination, the third-party cookie setting). `Display` is the sentence
/// every face shows, with the words that are known. The jar's own type, so
/// that it needs no JWT code; `jwtlens::UnknownWord` has the same shape.
///
/// ```
/// use jwtlens_cookie::{Destination, SameSite, ThirdPartyCookies};
/// let e = "unset".parse::<SameSite>().unwrap_err();
/// assert_eq!(e.to_string(), r#"unknown SameSite value "unset" (Strict, Lax, None)"#);
/// assert_eq!((e.found.as_str(), e.known), ("unset", &SameSite::WORDS[..]));
/// assert!("iframe".parse::<Destination>().unwrap_err().to_string().ends_with("(document, image, media, fetch)"));
/// assert!("maybe".parse::<ThirdPartyCookies>().unwrap_err().to_string().ends_with("(blocked, allowed)"));
/// assert!("a\"b\u{1b}".parse::<SameSite>().unwrap_err().to_string().contains(r#""a\"b\u001b""#));
/// assert!("L\u{202e}ax".parse::<SameSite>().unwrap_err().to_string().contains(r#""L\u202eax""#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnknownWord {
    /// What the word names: "SameSite value", "destination", ...
    pub what: &'static str,
    /// The word given.
    pub found: String,
    /// The words that are known.
    pub known: &'static [&'static str],
}

impl UnknownWord {
    pub(crate) fn new(what: &'static str, found: &str, known: &'static [&'static str]) -> UnknownWord {
        UnknownWord { what, found: String::from(found), known }
    }
}

impl fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} \"", self.what)?;
        // Quoted as JSON quotes it, and what a terminal or a page would act on escaped:
        // controls (C0, DEL, C1) and the bidirectional formatting characters (Unicode TR #9).
        for c in self.found.chars() {
            let bidi =
                matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            match c {
                '"' | '\\' => write!(f, "\\{c}")?,
                c if c.is_control() || bidi => write!(f, "\\u{:04x}", u32::from(c))?,
                c => fmt::Write::write_char(f, c)?,
            }
        }
        write!(f, "\" ({})", self.known.join(", "))
    }
}

impl core::error::Error for UnknownWord {}
