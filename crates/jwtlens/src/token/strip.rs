//! What people paste along with a token, removed, and the token split into
//! its segments (RFC 7516 §9: three segments for a JWS, five for a JWE).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;

use super::*;

impl<'a> Token<'a> {
    /// Remove what people paste along with a token: surrounding whitespace,
    /// quotes, an `Authorization:` header name and a `Bearer` scheme.
    pub(super) fn strip(&mut self) -> Range<usize> {
        let s = self.input;
        let trim = |r: Range<usize>| -> Range<usize> {
            let text = s.get(r.clone()).unwrap_or("");
            let start = r.start + (text.len() - text.trim_start().len());
            let end = r.end - (text.len() - text.trim_end().len());
            start..end.max(start)
        };
        let mut r = trim(0..s.len());
        if r != (0..s.len()) {
            self.notice(
                Code::WhitespaceTrimmed,
                Part::Input,
                0,
                s.len(),
                String::from("Whitespace around the token was removed."),
            );
        }
        let text = |r: &Range<usize>| s.get(r.clone()).unwrap_or("");
        for q in ['"', '\''] {
            let t = text(&r);
            if t.len() >= 2 && t.starts_with(q) && t.ends_with(q) {
                self.notice(
                    Code::QuotesStripped,
                    Part::Input,
                    r.start,
                    r.end,
                    String::from("Quotes around the token were removed."),
                );
                r = trim(r.start + 1..r.end - 1);
            }
        }
        let mut prefix_end = None;
        if starts_with_ignore_case(text(&r), "authorization:") {
            r = trim(r.start + "authorization:".len()..r.end);
            prefix_end = Some(r.start);
        }
        let t = text(&r);
        let bearer = "bearer";
        if starts_with_ignore_case(t, bearer)
            && t.get(bearer.len()..).is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
        {
            r = trim(r.start + bearer.len()..r.end);
            prefix_end = Some(r.start);
        }
        if let Some(end) = prefix_end {
            self.notice(
                Code::BearerPrefixStripped,
                Part::Input,
                0,
                end,
                String::from("A \"Bearer \" prefix was removed."),
            );
        }
        r
    }

    pub(super) fn split(&mut self) {
        let start = self.span.start;
        let text = self.text();
        // One allocation: the segments are made as the dots are found, then named.
        let mut segments = Vec::with_capacity(5);
        let mut from = start;
        for dot in memchr::memchr_iter(b'.', text.as_bytes()) {
            segments.push(Segment { part: Part::Extra, start: from, end: start + dot });
            from = start + dot + 1;
        }
        segments.push(Segment { part: Part::Extra, start: from, end: start + text.len() });
        let n = segments.len();
        self.kind = match n {
            3 => Kind::Jws,
            5 => Kind::Jwe,
            _ => Kind::Unknown,
        };
        let parts: &[Part] = if n == 5 {
            &[Part::Header, Part::EncryptedKey, Part::Iv, Part::Ciphertext, Part::Tag]
        } else {
            &[Part::Header, Part::Payload, Part::Signature]
        };
        for (segment, &part) in segments.iter_mut().zip(parts) {
            segment.part = part;
        }
        self.segments = segments;
        if self.kind == Kind::Unknown {
            // Point at the first extra dot, or at the end where a dot was expected.
            let (offset, found) = match self.segments.get(3) {
                Some(extra) if n != 5 => (extra.start - 1, format!("{n} segments ({} dots)", n - 1)),
                _ => (self.span.end, format!("{n} segment{} ({} dot{})", plural(n), n - 1, plural(n - 1))),
            };
            let message = match n {
                1 => String::from("This is not a JWT: it has no '.' separators. A JWT looks like xxxxx.yyyyy.zzzzz."),
                2 => String::from("The token is truncated: the signature part (after a second '.') is missing."),
                _ => format!("A JWT has 3 parts (JWS) or 5 parts (JWE) separated by '.', but this input has {n}."),
            };
            self.error(
                Code::WrongSegmentCount,
                Part::Input,
                offset,
                Some(String::from("3 segments (JWS) or 5 (JWE)")),
                Some(found),
                message,
            );
        }
    }
}
