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

use alloc::vec::Vec;

pub(crate) use compact_str::CompactString;
pub use text::Str;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

mod number;
mod parse;
#[cfg(test)]
mod tests;
mod text;

pub(crate) use parse::parse_text_with;
pub use parse::{parse, parse_with, JsonError};

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
    String(Str),
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
    /// The nearest `f64` (ties to even, as `str::parse` and ECMAScript's
    /// `Number` read it); ±infinity beyond the largest double.
    ///
    /// ```
    /// let v = jwtlens::json::parse(b"[1.5e9, 1e400, 0.1]").unwrap();
    /// let n: Vec<f64> = v.as_array().unwrap().iter().filter_map(|x| x.as_f64()).collect();
    /// assert_eq!(n, [1.5e9, f64::INFINITY, 0.1]);
    /// ```
    pub fn as_f64(&self) -> f64 {
        number::to_f64(&self.raw).unwrap_or(f64::NAN)
    }
    /// The value as an `i64` when it is written as an integer that fits.
    pub fn as_i64(&self) -> Option<i64> {
        self.raw.parse::<i64>().ok()
    }
}

/// Up to this many members, duplicates are found by comparing pairs; above, by sorting.
const PAIRWISE: usize = 16;

/// Member names are short: comparing bytes inline beats a memcmp call per pair
/// (measured: memcmp was 2.7% of an HS256 verification).
fn same_name(x: &str, y: &str) -> bool {
    x.len() == y.len() && x.bytes().zip(y.bytes()).all(|(p, q)| p == q)
}

/// One `"name": value` pair of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The member name, unescaped (up to 24 bytes without an allocation).
    pub name: Str,
    /// The member value.
    pub value: Json,
    /// Byte range of the member (name through value) in the parsed text.
    pub span: core::ops::Range<usize>,
}

/// A JSON object that keeps member order and duplicates.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object {
    members: Vec<Member>,
    /// Whether a name occurs twice among `members` (not nested), and whether
    /// one does here or in any object nested in a member: found once, when
    /// the object is made, since the members never change after.
    repeats: Repeats,
}

/// Where an [`Object`]'s duplicate names are, as far as it knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Repeats {
    here: bool,
    anywhere: bool,
}

impl Object {
    /// An object of these members, in this order.
    pub fn from_members(members: Vec<Member>) -> Object {
        let nested = members.iter().any(|m| m.value.duplicate_anywhere().is_some());
        Object::made(members, nested)
    }

    /// An object of these members, where `nested` says whether any member's
    /// value holds a duplicate name at some depth (the parser knows it).
    pub(crate) fn made(members: Vec<Member>, nested: bool) -> Object {
        let mut o = Object { members, repeats: Repeats::default() };
        let here = o.pairwise_first_duplicate().is_some();
        o.repeats = Repeats { here, anywhere: here || nested };
        o
    }

    /// Whether some name occurs twice in this object or in an object nested in it.
    pub(crate) fn repeats_anywhere(&self) -> bool {
        self.repeats.anywhere
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
    /// their second occurrence. Nothing to do when the object has none (known
    /// since it was made); else O(n log n) in the number of members.
    ///
    /// ```
    /// let v = jwtlens::json::parse(br#"{"a":1,"b":2,"b":3,"a":4,"a":5}"#).unwrap();
    /// assert_eq!(v.as_object().unwrap().duplicates().collect::<Vec<_>>(), ["b", "a"]);
    /// ```
    pub fn duplicates(&self) -> impl Iterator<Item = &str> {
        self.duplicate_members().map(|m| m.name.as_str())
    }

    /// The member at the second occurrence of each name that occurs more than
    /// once, in source order (see [`Object::duplicates`]).
    pub fn duplicate_members(&self) -> impl Iterator<Item = &Member> {
        let m = if self.repeats.here { &self.members[..] } else { &[] };
        Object::second_occurrences(m)
    }

    /// The members of `m` at the second occurrence of a name, in source order.
    fn second_occurrences(m: &[Member]) -> impl Iterator<Item = &Member> {
        // Few members (every real header and claims set): compare pairs, no allocation
        // beyond the result. Many: sort the positions by name once.
        let mut seconds: Vec<usize> = Vec::new();
        if m.len() <= PAIRWISE {
            for (i, a) in m.iter().enumerate() {
                let earlier = m.get(..i).unwrap_or_default();
                if earlier.iter().filter(|e| same_name(&e.name, &a.name)).count() == 1 {
                    seconds.push(i);
                }
            }
        } else {
            let mut order: Vec<usize> = (0..m.len()).collect();
            let name = |i: usize| m.get(i).map_or("", |x| x.name.as_str());
            // Stable: within a name, positions stay in source order.
            crate::sort::sort_by(&mut order, |&a, &b| name(a).cmp(name(b)));
            // In each run of equal names, the run's second entry is the name's second occurrence.
            for k in 1..order.len() {
                let at = |j: usize| order.get(j).map_or("", |&i| name(i));
                let run_starts_at_previous = k == 1 || at(k - 2) != at(k - 1);
                if at(k) == at(k - 1) && run_starts_at_previous {
                    seconds.extend(order.get(k));
                }
            }
            crate::sort::sort(&mut seconds);
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
        if !self.repeats.anywhere {
            return None;
        }
        self.first_duplicate().or_else(|| self.members.iter().find_map(|m| m.value.duplicate_anywhere()))
    }

    /// `self.duplicates().next()`.
    fn first_duplicate(&self) -> Option<&str> {
        if !self.repeats.here {
            return None;
        }
        self.pairwise_first_duplicate()
    }

    /// The first duplicate name, stopping at the first: asked once of every
    /// object made, which almost never has one.
    fn pairwise_first_duplicate(&self) -> Option<&str> {
        if self.members.len() > PAIRWISE {
            return Object::second_occurrences(&self.members).next().map(|m| m.name.as_str());
        }
        // The second occurrence that comes first is the first member with an equal name before it.
        self.members.iter().enumerate().find_map(|(i, a)| {
            let earlier = self.members.get(..i).unwrap_or_default();
            earlier.iter().any(|e| same_name(&e.name, &a.name)).then_some(a.name.as_str())
        })
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
