//! The reader: RFC 8259's grammar, strictly, one pass, every error located.

use alloc::boxed::Box;
use alloc::string::String;
use core::fmt;

use super::*;

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct JsonError {
    /// Byte offset in the parsed text.
    pub offset: usize,
    /// What the grammar allowed at that place.
    pub expected: &'static str,
    /// What was there instead (a short, printable description).
    pub found: String,
    /// True when the text may be JSON but exceeds a [`JsonLimits`] bound.
    pub limit: bool,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {} at byte {}, found {}", self.expected, self.offset, self.found)
    }
}

/// Parse one JSON text (RFC 8259), allowing surrounding whitespace only.
///
/// Invalid UTF-8, unpaired surrogate escapes, control characters in strings,
/// trailing commas, comments, leading zeros, `NaN` and nesting deeper than
/// [`MAX_DEPTH`] are all errors with a byte offset.
pub fn parse(text: &[u8]) -> Result<Json, JsonError> {
    parse_with(text, &JsonLimits::default())
}

/// [`parse`] within `limits`.
///
/// ```
/// use jwtlens::json::{parse_with, JsonLimits};
/// let tight = JsonLimits { max_depth: 2, max_values: 3 };
/// assert!(parse_with(b"[[1]]", &tight).is_ok());
/// let e = parse_with(b"[[[1]]]", &tight).unwrap_err();
/// assert!(e.limit && e.offset == 2);
/// let e = parse_with(br#"{"a":1,"b":2,"c":3,"d":4}"#, &tight).unwrap_err();
/// assert_eq!((e.limit, e.offset, e.found.as_str()), (true, 19, "more than 3 values"));
/// ```
pub fn parse_with(text: &[u8], limits: &JsonLimits) -> Result<Json, JsonError> {
    // Valid UTF-8 throughout (the usual case): strings are then sliced, not re-validated.
    read(text, core::str::from_utf8(text).ok(), limits)
}

/// [`parse_with`] of text already known to be UTF-8 (a token's segment, checked
/// once where it was decoded), without checking it again.
pub(crate) fn parse_text_with(text: &str, limits: &JsonLimits) -> Result<Json, JsonError> {
    read(text.as_bytes(), Some(text), limits)
}

/// Read one JSON text from `s`; `text` is `s` when all of it is UTF-8.
fn read(s: &[u8], text: Option<&str>, limits: &JsonLimits) -> Result<Json, JsonError> {
    let mut p = Parser { s, text, i: 0, limits: *limits, values: 0, repeats: 0 };
    p.ws();
    let v = p.value(0).map_err(|e| *e)?;
    p.ws();
    if p.i < p.s.len() {
        return Err(*p.err("end of JSON text"));
    }
    Ok(v)
}

/// The parser's error, boxed: the `Ok` path moves small results.
type Fail = Box<JsonError>;

struct Parser<'a> {
    s: &'a [u8],
    /// `s` as text, when all of it is UTF-8.
    text: Option<&'a str>,
    i: usize,
    limits: JsonLimits,
    /// Values read so far (the root does not count).
    values: usize,
    /// Objects read so far with a duplicate name in them or nested in them.
    repeats: usize,
}

/// A printable description of what is at byte `i` of `s`.
fn describe_at(s: &[u8], i: usize) -> String {
    use alloc::format;
    let Some(&b) = s.get(i) else {
        return String::from("end of input");
    };
    match b {
        0x20..=0x7e => format!("'{}'", b as char),
        0x00..=0x1f | 0x7f => format!("control character U+{:04X}", b),
        _ => {
            let tail = s.get(i..).unwrap_or(&[]);
            let len = utf8_len(b).min(tail.len());
            match core::str::from_utf8(tail.get(..len).unwrap_or(&[])) {
                // A C1 control or a bidi formatting character (U+202E reverses the text
                // shown after it) is named, not written: the token is the attacker's text.
                Ok(ch) if ch.chars().any(crate::text::acts) => {
                    format!("character U+{:04X}", ch.chars().next().map_or(0, u32::from))
                }
                Ok(ch) => format!("'{ch}'"),
                Err(_) => format!("byte 0x{b:02X} (not UTF-8)"),
            }
        }
    }
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    }
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn err(&self, expected: &'static str) -> Fail {
        Box::new(JsonError { offset: self.i, expected, found: describe_at(self.s, self.i), limit: false })
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    fn eat(&mut self, lit: &[u8], expected: &'static str) -> Result<(), Fail> {
        for &c in lit {
            if self.peek() != Some(c) {
                return Err(self.err(expected));
            }
            self.i += 1;
        }
        Ok(())
    }

    fn value(&mut self, depth: usize) -> Result<Json, Fail> {
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.eat(b"true", "true").map(|()| Json::Bool(true)),
            Some(b'f') => self.eat(b"false", "false").map(|()| Json::Bool(false)),
            Some(b'n') => self.eat(b"null", "null").map(|()| Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number().map(Json::Number),
            _ => Err(self.err("a JSON value")),
        }
    }

    fn enter(&self, depth: usize) -> Result<(), Fail> {
        if depth > self.limits.max_depth {
            return Err(Box::new(JsonError {
                offset: self.i,
                expected: "less nesting (the limit is Limits::max_depth)",
                found: alloc::format!("more than {} nested arrays or objects", self.limits.max_depth),
                limit: true,
            }));
        }
        Ok(())
    }

    /// Count one member or element.
    fn count(&mut self) -> Result<(), Fail> {
        self.values += 1;
        if self.values > self.limits.max_values {
            return Err(Box::new(JsonError {
                offset: self.i,
                expected: "fewer values (the limit is Limits::max_values)",
                found: alloc::format!("more than {} values", self.limits.max_values),
                limit: true,
            }));
        }
        Ok(())
    }

    fn object(&mut self, depth: usize) -> Result<Json, Fail> {
        self.enter(depth)?;
        // Claims sets and headers mostly have a handful of members: one allocation, no regrowth.
        let mut members = Vec::with_capacity(8);
        let before = self.repeats;
        self.i += 1; // '{'
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Json::Object(Object::made(members, false)));
        }
        loop {
            self.ws();
            let start = self.i;
            if self.peek() != Some(b'"') {
                return Err(self.err("a member name in double quotes"));
            }
            self.count()?;
            let name = self.string()?;
            self.ws();
            if self.peek() != Some(b':') {
                return Err(self.err("':' after the member name"));
            }
            self.i += 1;
            self.ws();
            let value = self.value(depth)?;
            members.push(Member { name, value, span: start..self.i });
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    let object = Object::made(members, self.repeats > before);
                    if object.repeats_anywhere() {
                        self.repeats += 1;
                    }
                    return Ok(Json::Object(object));
                }
                _ => return Err(self.err("',' or '}'")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, Fail> {
        self.enter(depth)?;
        self.i += 1; // '['
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.ws();
            self.count()?;
            items.push(self.value(depth)?);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.err("',' or ']'")),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Number, Fail> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.i += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.err("'.', 'e' or the end of the number (no leading zeros)"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.err("a digit")),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(self.err("a digit after '.'"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(self.err("a digit in the exponent"));
            }
        }
        let raw = core::str::from_utf8(self.s.get(start..self.i).unwrap_or(&[])).unwrap_or("0");
        Ok(Number { raw: CompactString::from(raw) })
    }

    fn hex4(&mut self) -> Result<u32, Fail> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return Err(self.err("a hexadecimal digit in a \\u escape")),
            };
            v = v * 16 + u32::from(d);
            self.i += 1;
        }
        Ok(v)
    }

    /// The text from `start` to the current byte, which ends before an ASCII byte.
    fn run(&self, start: usize) -> Result<&str, Fail> {
        if let Some(text) = self.text {
            // Validated once in `parse`; the run ends at an ASCII byte, so on a char boundary.
            return Ok(text.get(start..self.i).unwrap_or_default());
        }
        core::str::from_utf8(self.s.get(start..self.i).unwrap_or(&[])).map_err(|e| {
            let offset = start + e.valid_up_to();
            Box::new(JsonError { offset, expected: "UTF-8 text", found: describe_at(self.s, offset), limit: false })
        })
    }

    fn string(&mut self) -> Result<Str, Fail> {
        self.i += 1; // opening quote
        let mut out = CompactString::default();
        loop {
            let run_start = self.i;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            let run = self.run(run_start)?;
            if out.is_empty() && self.peek() == Some(b'"') {
                // No escapes (the usual case): a copy, inline when short.
                let s = CompactString::from(run);
                self.i += 1;
                return Ok(Str::from_compact(s));
            }
            out.push_str(run);
            match self.peek() {
                None => return Err(self.err("'\"' to close the string")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(Str::from_compact(out));
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let at = self.i;
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if self.s.get(self.i..self.i + 2) != Some(b"\\u") {
                                    self.i = at;
                                    return Err(self.err("a low surrogate \\uDC00-\\uDFFF after a high surrogate"));
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    self.i -= 4;
                                    return Err(self.err("a low surrogate \\uDC00-\\uDFFF"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else if (0xDC00..0xE000).contains(&hi) {
                                self.i = at;
                                return Err(self.err("a code point, not a lone low surrogate"));
                            } else {
                                hi
                            };
                            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                            continue;
                        }
                        _ => return Err(self.err("an escape: one of \" \\ / b f n r t u")),
                    };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.err("a control character to be escaped")),
            }
        }
    }
}
