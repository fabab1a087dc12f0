//! Unit tests of the JSON reader: order, spans, duplicates, escapes, located errors, limits.

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

/// An object of `null` members called `n0`, `n1`, ... as `names` says, in order.
fn named(names: &[u8]) -> Object {
    Object::from_members(
        names
            .iter()
            .map(|n| Member { name: Str::from(alloc::format!("n{n}")), value: Json::Null, span: 0..0 })
            .collect(),
    )
}

proptest::proptest! {
    /// The sorted path (many members) lists the same names in the same order as
    /// the definition: each name once, at its second occurrence.
    #[test]
    fn duplicates_by_sorting_match_the_definition(names in proptest::collection::vec(0u8..12, 0..60)) {
        let o = named(&names);
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

proptest::proptest! {
    /// The verdict's early-exit question answers what the full list's first entry says.
    #[test]
    fn first_duplicate_is_the_first_of_duplicates(names in proptest::collection::vec(0u8..6, 0..24)) {
        let o = named(&names);
        proptest::prop_assert_eq!(o.first_duplicate(), o.duplicates().next());
    }
}

/// A JSON text of nested objects and arrays whose member names come from a
/// small alphabet, so duplicates at every depth are common.
fn nested_text() -> impl proptest::strategy::Strategy<Value = alloc::string::String> {
    use proptest::prelude::*;
    let leaf = prop_oneof![Just(alloc::string::String::from("1")), Just(alloc::string::String::from("\"s\""))];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(|v| alloc::format!("[{}]", v.join(","))),
            proptest::collection::vec((0u8..4, inner), 0..7).prop_map(|v| {
                let members: Vec<alloc::string::String> =
                    v.iter().map(|(n, x)| alloc::format!("\"k{n}\":{x}")).collect();
                alloc::format!("{{{}}}", members.join(","))
            }),
        ]
    })
}

/// The first duplicate name anywhere, found by walking every member (no
/// remembered answers): what `duplicate_anywhere` must say.
fn walked_duplicate(v: &Json) -> Option<&str> {
    match v {
        Json::Object(o) => {
            let m = o.members();
            let here = m.iter().enumerate().find(|(i, a)| m[..*i].iter().any(|e| e.name == a.name));
            here.map(|(_, a)| a.name.as_str()).or_else(|| m.iter().find_map(|x| walked_duplicate(&x.value)))
        }
        Json::Array(items) => items.iter().find_map(walked_duplicate),
        _ => None,
    }
}

proptest::proptest! {
    /// What the parser remembers about duplicates (each object's, and whether
    /// any nested object has one) answers as walking the whole value does.
    #[test]
    fn remembered_duplicates_match_a_walk(text in nested_text()) {
        let v = parse(text.as_bytes()).unwrap();
        proptest::prop_assert_eq!(v.duplicate_anywhere(), walked_duplicate(&v));
        if let Json::Object(o) = &v {
            let rebuilt = Object::from_members(o.members().to_vec());
            proptest::prop_assert_eq!(&rebuilt, o);
            let m = o.members();
            let want: Vec<&str> = m
                .iter()
                .enumerate()
                .filter(|(i, a)| m[..*i].iter().filter(|e| e.name == a.name).count() == 1)
                .map(|(_, a)| a.name.as_str())
                .collect();
            proptest::prop_assert_eq!(o.duplicates().collect::<Vec<_>>(), want);
        }
    }
}

#[test]
fn characters_a_terminal_or_a_page_acts_on_are_named_not_written() {
    // After a member: ',' or '}' expected; an override or a C1 control is named by its code point.
    for (text, found) in [
        ("{\"a\":1\u{202e}}", "character U+202E"),
        ("{\"a\":1\u{9b}}", "character U+009B"),
        ("{\"a\":1\u{1b}}", "control character U+001B"),
        ("{\"a\":1é}", "'é'"),
    ] {
        let e = parse(text.as_bytes()).unwrap_err();
        assert_eq!(e.found, found, "{text:?}");
    }
}
