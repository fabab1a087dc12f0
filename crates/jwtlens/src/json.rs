//! A small, strict JSON reader that keeps what a JWT debugger needs and
//! `serde_json` (without `std`) throws away: member order, duplicate member
//! names, and the byte span of every member.
//!
//! RFC 8259 §4: "The names within an object SHOULD be unique." RFC 7515 §4
//! goes further for JOSE headers: "The Header Parameter names within the
//! JOSE Header MUST be unique; JWS parsers MUST either reject JWSs with
//! duplicate Header Parameter names or use a JSON parser that returns only
//! the lexically last duplicate member name". We keep every member so the
//! report can show the duplicates, and [`Object::get`] answers with the
//! lexically last one, as ECMAScript `JSON.parse` does.
//!
//! # Example
//! ```
//! use jwtlens::json::{parse, Json};
//! let v = parse(br#"{"b":1,"a":[true,null],"b":2}"#).unwrap();
//! let obj = v.as_object().unwrap();
//! assert_eq!(obj.members().len(), 3);
//! assert_eq!(obj.get("b").and_then(Json::as_f64), Some(2.0));
//! assert_eq!(obj.duplicates().collect::<Vec<_>>(), ["b"]);
//! ```

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

pub use compact_str::CompactString;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// Objects and arrays nested deeper than this are refused by default, so that
/// hostile input cannot exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// Values (object members and array elements, at any depth) one JSON text may
/// hold by default: far more than any real header or claims set, few enough
/// that reading them costs well under a millisecond.
pub const MAX_VALUES: usize = 10_000;

/// How deep and how large a JSON text [`parse_with`] reads; each excess is an
/// error at the byte where it happens. Parsing is linear in the input, so the
/// limits bound its time and memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonLimits {
    /// Deepest nesting of arrays and objects ([`MAX_DEPTH`] by default).
    pub max_depth: usize,
    /// Most values in the text ([`MAX_VALUES`] by default).
    pub max_values: usize,
}

impl Default for JsonLimits {
    fn default() -> JsonLimits {
        JsonLimits { max_depth: MAX_DEPTH, max_values: MAX_VALUES }
    }
}

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, kept as its source text so no precision is lost.
    Number(Number),
    /// A string, unescaped (up to 24 bytes without an allocation).
    String(CompactString),
    /// An array.
    Array(Vec<Json>),
    /// An object, members in source order, duplicates kept.
    Object(Object),
}

/// A JSON number, kept exactly as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    raw: CompactString,
}

impl Number {
    /// The number as it was written in the source.
    pub fn as_str(&self) -> &str {
        &self.raw
    }
    /// The nearest `f64`.
    pub fn as_f64(&self) -> f64 {
        self.raw.parse::<f64>().unwrap_or(f64::NAN)
    }
    /// The value as an `i64` when it is written as an integer that fits.
    pub fn as_i64(&self) -> Option<i64> {
        self.raw.parse::<i64>().ok()
    }
}

/// One `"name": value` pair of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The member name, unescaped (up to 24 bytes without an allocation).
    pub name: CompactString,
    /// The member value.
    pub value: Json,
    /// Byte range of the member (name through value) in the parsed text.
    pub span: core::ops::Range<usize>,
}

/// A JSON object that keeps member order and duplicates.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object {
    members: Vec<Member>,
}

impl Object {
    /// An object of these members, in this order.
    pub fn from_members(members: Vec<Member>) -> Object {
        Object { members }
    }
    /// Every member in source order, duplicates included.
    pub fn members(&self) -> &[Member] {
        &self.members
    }
    /// The value of the lexically last member called `name`.
    pub fn get(&self, name: &str) -> Option<&Json> {
        self.member(name).map(|m| &m.value)
    }
    /// The lexically last member called `name`.
    pub fn member(&self, name: &str) -> Option<&Member> {
        self.members.iter().rev().find(|m| m.name == name)
    }
    /// Names that occur more than once, each reported once, in order of
    /// their second occurrence. O(n log n) in the number of members.
    ///
    /// ```
    /// let v = jwtlens::json::parse(br#"{"a":1,"b":2,"b":3,"a":4,"a":5}"#).unwrap();
    /// assert_eq!(v.as_object().unwrap().duplicates().collect::<Vec<_>>(), ["b", "a"]);
    /// ```
    pub fn duplicates(&self) -> impl Iterator<Item = &str> {
        self.duplicate_members().map(|m| m.name.as_str())
    }

    /// The member at the second occurrence of each name that occurs more than
    /// once, in source order (see [`Object::duplicates`]). O(n log n).
    pub fn duplicate_members(&self) -> impl Iterator<Item = &Member> {
        // Few members (every real header and claims set): compare pairs, no allocation
        // beyond the result. Many: sort the positions by name once.
        const PAIRWISE: usize = 16;
        let m = &self.members;
        let mut seconds: Vec<usize> = Vec::new();
        if m.len() <= PAIRWISE {
            for (i, a) in m.iter().enumerate() {
                let earlier = m.get(..i).unwrap_or_default();
                if earlier.iter().filter(|e| e.name == a.name).count() == 1 {
                    seconds.push(i);
                }
            }
        } else {
            let mut order: Vec<usize> = (0..m.len()).collect();
            let name = |i: usize| m.get(i).map_or("", |x| x.name.as_str());
            // Stable: within a name, positions stay in source order.
            order.sort_by(|&a, &b| name(a).cmp(name(b)));
            // In each run of equal names, the run's second entry is the name's second occurrence.
            for k in 1..order.len() {
                let at = |j: usize| order.get(j).map_or("", |&i| name(i));
                let run_starts_at_previous = k == 1 || at(k - 2) != at(k - 1);
                if at(k) == at(k - 1) && run_starts_at_previous {
                    seconds.extend(order.get(k));
                }
            }
            seconds.sort_unstable();
        }
        seconds.into_iter().filter_map(move |i| m.get(i))
    }
    /// The first name that occurs twice in this object or in any object nested
    /// in it, depth first: where two JSON parsers could read different values.
    ///
    /// ```
    /// let v = jwtlens::json::parse(br#"{"a":{"r":[{"x":1,"x":2}]},"b":1}"#).unwrap();
    /// assert_eq!(v.as_object().unwrap().duplicate_anywhere(), Some("x"));
    /// ```
    pub fn duplicate_anywhere(&self) -> Option<&str> {
        self.duplicates().next().or_else(|| self.members.iter().find_map(|m| m.value.duplicate_anywhere()))
    }

    /// True when a member called `name` exists.
    pub fn contains(&self, name: &str) -> bool {
        self.member(name).is_some()
    }
    /// Number of members, duplicates included.
    pub fn len(&self) -> usize {
        self.members.len()
    }
    /// True when the object has no members.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

impl Json {
    /// The object inside, if this is an object.
    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Json::Object(o) => Some(o),
            _ => None,
        }
    }
    /// The string inside, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }
    /// The number as `f64`, if this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(n.as_f64()),
            _ => None,
        }
    }
    /// The boolean inside, if this is a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }
    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }
    /// The first name that occurs twice in any object inside this value (see [`Object::duplicate_anywhere`]).
    pub fn duplicate_anywhere(&self) -> Option<&str> {
        match self {
            Json::Object(o) => o.duplicate_anywhere(),
            Json::Array(items) => items.iter().find_map(Json::duplicate_anywhere),
            _ => None,
        }
    }

    /// The JSON type name: `"null"`, `"boolean"`, `"number"`, `"string"`,
    /// `"array"` or `"object"`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Number(_) => "number",
            Json::String(_) => "string",
            Json::Array(_) => "array",
            Json::Object(_) => "object",
        }
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Number(n) => {
                if let Some(i) = n.as_i64() {
                    s.serialize_i64(i)
                } else if let Ok(u) = n.raw.parse::<u64>() {
                    s.serialize_u64(u)
                } else {
                    let f = n.as_f64();
                    if f.is_finite() {
                        s.serialize_f64(f)
                    } else {
                        // 1e999 is valid JSON but not a finite double; keep the text.
                        s.serialize_str(&n.raw)
                    }
                }
            }
            Json::String(v) => s.serialize_str(v),
            Json::Array(a) => {
                let mut seq = s.serialize_seq(Some(a.len()))?;
                for v in a {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
            Json::Object(o) => o.serialize(s),
        }
    }
}

impl Serialize for Object {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.members.len()))?;
        for m in &self.members {
            map.serialize_entry(&m.name, &m.value)?;
        }
        map.end()
    }
}

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    let mut p = Parser { s: text, text: core::str::from_utf8(text).ok(), i: 0, limits: *limits, values: 0 };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.err("end of JSON text"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    /// `s` as text, when all of it is UTF-8.
    text: Option<&'a str>,
    i: usize,
    limits: JsonLimits,
    /// Values read so far (the root does not count).
    values: usize,
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

    fn err(&self, expected: &'static str) -> JsonError {
        JsonError { offset: self.i, expected, found: describe_at(self.s, self.i), limit: false }
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    fn eat(&mut self, lit: &[u8], expected: &'static str) -> Result<(), JsonError> {
        for &c in lit {
            if self.peek() != Some(c) {
                return Err(self.err(expected));
            }
            self.i += 1;
        }
        Ok(())
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
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

    fn enter(&self, depth: usize) -> Result<(), JsonError> {
        if depth > self.limits.max_depth {
            return Err(JsonError {
                offset: self.i,
                expected: "less nesting (the limit is Limits::max_depth)",
                found: alloc::format!("more than {} nested arrays or objects", self.limits.max_depth),
                limit: true,
            });
        }
        Ok(())
    }

    /// Count one member or element.
    fn count(&mut self) -> Result<(), JsonError> {
        self.values += 1;
        if self.values > self.limits.max_values {
            return Err(JsonError {
                offset: self.i,
                expected: "fewer values (the limit is Limits::max_values)",
                found: alloc::format!("more than {} values", self.limits.max_values),
                limit: true,
            });
        }
        Ok(())
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.enter(depth)?;
        // Claims sets and headers mostly have a handful of members: one allocation, no regrowth.
        let mut members = Vec::with_capacity(8);
        self.i += 1; // '{'
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Json::Object(Object { members }));
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
                    return Ok(Json::Object(Object { members }));
                }
                _ => return Err(self.err("',' or '}'")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
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

    fn number(&mut self) -> Result<Number, JsonError> {
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

    fn hex4(&mut self) -> Result<u32, JsonError> {
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
    fn run(&self, start: usize) -> Result<&str, JsonError> {
        if let Some(text) = self.text {
            // Validated once in `parse`; the run ends at an ASCII byte, so on a char boundary.
            return Ok(text.get(start..self.i).unwrap_or_default());
        }
        core::str::from_utf8(self.s.get(start..self.i).unwrap_or(&[])).map_err(|e| {
            let offset = start + e.valid_up_to();
            JsonError { offset, expected: "UTF-8 text", found: describe_at(self.s, offset), limit: false }
        })
    }

    fn string(&mut self) -> Result<CompactString, JsonError> {
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
                return Ok(s);
            }
            out.push_str(run);
            match self.peek() {
                None => return Err(self.err("'\"' to close the string")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn err(s: &str) -> JsonError {
        parse(s.as_bytes()).unwrap_err()
    }

    #[test]
    fn keeps_order_spans_and_duplicates() {
        let text = br#" {"z":1, "a":{"x":[1,2.5,-3e2]}, "z":"two"}"#;
        let v = parse(text).unwrap();
        let o = v.as_object().unwrap();
        let names: Vec<_> = o.members().iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["z", "a", "z"]);
        assert_eq!(o.get("z").and_then(Json::as_str), Some("two"));
        let first = &o.members()[0];
        assert_eq!(&text[first.span.clone()], br#""z":1"#);
        assert_eq!(o.duplicates().collect::<Vec<_>>(), ["z"]);
    }

    proptest::proptest! {
        /// The sorted path (many members) lists the same names in the same order as
        /// the definition: each name once, at its second occurrence.
        #[test]
        fn duplicates_by_sorting_match_the_definition(names in proptest::collection::vec(0u8..12, 0..60)) {
            let members = names
                .iter()
                .map(|n| Member { name: CompactString::from(alloc::format!("n{n}")), value: Json::Null, span: 0..0 })
                .collect();
            let o = Object::from_members(members);
            let want: Vec<&str> = o
                .members()
                .iter()
                .enumerate()
                .filter(|(i, m)| o.members()[..*i].iter().filter(|e| e.name == m.name).count() == 1)
                .map(|(_, m)| m.name.as_str())
                .collect();
            proptest::prop_assert_eq!(o.duplicates().collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn escapes_and_surrogates() {
        let v = parse(br#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#).unwrap();
        assert_eq!(v.as_str(), Some("a\"\\/\u{8}\u{c}\n\r\té😀"));
        assert_eq!(err(r#""\ud83d""#).expected, "a low surrogate \\uDC00-\\uDFFF after a high surrogate");
        assert_eq!(err(r#""\ude00""#).offset, 3);
    }

    #[test]
    fn located_errors() {
        assert_eq!(err("{\"a\":1,}").offset, 7);
        assert_eq!(err("{\"a\" 1}").expected, "':' after the member name");
        assert_eq!(err("[01]").offset, 2);
        assert_eq!(err("{} x").expected, "end of JSON text");
        assert_eq!(err("").found, "end of input");
        assert_eq!(err("\"a\u{1}\"").found, "control character U+0001");
        let e = parse(b"\"\xff\"").unwrap_err();
        assert_eq!((e.offset, e.expected), (1, "UTF-8 text"));
        assert_eq!(err("nul").expected, "null");
    }

    #[test]
    fn depth_is_limited() {
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert_eq!(err(&deep).offset, MAX_DEPTH);
        let ok = alloc::format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(ok.as_bytes()).is_ok());
    }

    #[test]
    fn numbers_keep_their_text() {
        let v = parse(b"[12345678901234567890123, 1.5e3, -0]").unwrap();
        let a = v.as_array().unwrap();
        assert!(matches!(&a[0], Json::Number(n) if n.as_str() == "12345678901234567890123"));
        assert_eq!(a[1].as_f64(), Some(1500.0));
        assert_eq!(serde_json::to_string(&v).unwrap(), "[1.2345678901234568e+22,1500.0,0]");
    }
}
