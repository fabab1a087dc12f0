//! Small pure helpers for rendering: splitting the input into styled runs
//! and formatting a time in the browser's zone.

use jwtlens::diagnostic::Part;
use jwtlens::Report;

/// A core sentence as the page writes it: its first letter a capital.
pub fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
}

/// A run of input text with one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The text.
    pub text: String,
    /// The segment it belongs to, if any (else a separator or pasted extra).
    pub part: Option<Part>,
    /// Index of the error that covers it, if any.
    pub error: Option<usize>,
    /// Inside the highlighted span (a member lit up in the decoded JSON).
    pub lit: bool,
    /// The header or payload member whose base64url characters these are, if any.
    pub member: Option<jwtlens::report::Span>,
}

/// Cut `input` at every segment and error boundary, so each run has one part and one error state.
pub fn runs(input: &str, report: &Report, highlight: Option<jwtlens::report::Span>) -> Vec<Run> {
    let mut cuts = vec![0, input.len()];
    if let Some(h) = highlight {
        cuts.extend([h.start, h.end]);
    }
    for s in &report.segments {
        cuts.extend([s.start, s.end]);
    }
    let members: Vec<jwtlens::report::Span> = [&report.header, &report.payload]
        .into_iter()
        .flatten()
        .flat_map(|p| p.members.iter().map(|m| m.span))
        .collect();
    for m in &members {
        cuts.extend([m.start, m.end]);
    }
    for e in &report.errors {
        cuts.extend([e.offset, e.end]);
    }
    cuts.retain(|&c| c <= input.len() && input.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Run> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(text) = input.get(a..b) else {
            continue;
        };
        let part = report.segments.iter().find(|s| s.start <= a && b <= s.end && s.start < s.end).map(|s| s.part);
        let error =
            report.errors.iter().position(|e| e.offset <= a && b <= e.end.max(e.offset + 1) && e.offset < input.len());
        let lit = highlight.is_some_and(|h| h.start <= a && b <= h.end && h.start < h.end);
        // Top-level members follow one another, so their spans' starts and ends both grow:
        // the first that can hold [a, b) is found by binary search, not a scan per run
        // (a 64 KB payload can have thousands of members, and this runs on every keystroke).
        let first = members.partition_point(|m| m.end < b);
        let member = members.get(first).filter(|m| m.start <= a && b <= m.end && m.start < m.end).copied();
        match out.last_mut() {
            Some(last) if last.part == part && last.error == error && last.lit == lit && last.member == member => {
                last.text.push_str(text)
            }
            _ => out.push(Run { text: text.to_owned(), part, error, lit, member }),
        }
    }
    out
}

/// A NumericDate in the browser's time zone: "2026-11-18 13:06:40 (UTC+01:00)".
pub fn local_time(t: f64) -> Option<String> {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t * 1000.0));
    let offset_min = -date.get_timezone_offset(); // minutes east of UTC
    if !offset_min.is_finite() {
        return None;
    }
    let iso = jwtlens::time::iso_utc(t + offset_min * 60.0)?;
    let stamp = iso.trim_end_matches('Z').replacen('T', " ", 1);
    let sign = if offset_min < 0.0 { '-' } else { '+' };
    let m = offset_min.abs() as i64;
    Some(format!("{stamp} (UTC{sign}{:02}:{:02})", m / 60, m % 60))
}

/// The byte offset `byte` of `s` as a UTF-16 index, for textarea selections.
pub fn utf16_index(s: &str, byte: usize) -> u32 {
    let byte = byte.min(s.len());
    let mut b = byte;
    while !s.is_char_boundary(b) {
        b -= 1;
    }
    s[..b].encode_utf16().count() as u32
}
