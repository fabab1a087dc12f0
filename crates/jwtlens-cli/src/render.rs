//! Human-readable rendering of a [`Report`]; every judgement comes from the core.

use core::fmt::Write as _;

use jwtlens::diagnostic::{Diagnostic, Part};
use jwtlens::report::{MemberReport, PartReport, Report};
use jwtlens::verify::SignatureStatus;

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
    fn bold(&self, t: &str) -> String {
        self.paint("1", t)
    }
    fn dim(&self, t: &str) -> String {
        self.paint("2", t)
    }
    fn red(&self, t: &str) -> String {
        self.paint("31", t)
    }
    fn green(&self, t: &str) -> String {
        self.paint("32", t)
    }
    fn yellow(&self, t: &str) -> String {
        self.paint("33", t)
    }
    fn part(&self, part: Part, t: &str) -> String {
        match part {
            Part::Header => self.paint("31", t),
            Part::Payload => self.paint("35", t),
            Part::Signature => self.paint("36", t),
            _ => self.paint("34", t),
        }
    }
}

/// Render the report for a terminal. `input` is the text the report was made from.
pub fn report(input: &str, r: &Report, color: bool) -> String {
    let st = Style { on: color };
    let mut o = String::new();
    let kind = r.kind.title();
    let alg = r
        .algorithm
        .as_ref()
        .map(|a| format!("  {}{}", a.name, a.description.map(|d| format!(" — {d}")).unwrap_or_default()))
        .unwrap_or_default();
    let _ = writeln!(o, "{}{alg}", st.bold(kind));

    // The token, each part in its own colour.
    let mut line = String::new();
    for (i, s) in r.segments.iter().enumerate() {
        if i > 0 {
            line.push_str(&st.dim("."));
        }
        line.push_str(&st.part(s.part, &shorten(input.get(s.start..s.end).unwrap_or(""), 24)));
    }
    let _ = writeln!(o, "{}", line);

    if let Some(h) = &r.header {
        section(&mut o, &st, "Header", h);
    }
    if let Some(p) = &r.payload {
        section(&mut o, &st, "Claims", p);
    }
    if let Some(t) = &r.time {
        let verdict = match t.status {
            jwtlens::time::TimeStatus::Valid => st.green(&t.summary),
            jwtlens::time::TimeStatus::Unchecked => st.dim(&t.summary),
            _ => st.red(&t.summary),
        };
        let _ = writeln!(o, "\n{}  {verdict}", st.bold("Time"));
        if let Some(lt) = &t.lifetime_text {
            let _ = writeln!(o, "  lifetime {lt} (exp - iat)");
        }
        if t.issued_in_future {
            let _ = writeln!(o, "  {}", st.yellow("iat is in the future"));
        }
        if let Some(now) = &t.now_iso {
            let _ = writeln!(o, "  {}", st.dim(&format!("now = {now}")));
        }
    }
    if let Some(s) = &r.signature {
        let _ = writeln!(o, "\n{}  {} bytes  {}", st.bold("Signature"), s.bytes, st.dim(&shorten(&s.hex, 64)));
        let v = &r.verification;
        let line = match v.status {
            SignatureStatus::Verified => st.green(&v.message),
            SignatureStatus::NoKey => st.dim("not verified: no key given (use jwtlens verify)"),
            _ => st.red(&v.message),
        };
        let _ = writeln!(o, "  {line}");
        if v.status != SignatureStatus::NoKey && v.candidates.len() > 1 {
            for c in &v.candidates {
                let _ = writeln!(o, "    {} {}: {}", st.dim(&format!("key {}", c.index)), c.key, c.reason);
            }
        }
    }
    if !r.findings.is_empty() {
        let _ = writeln!(o, "\n{}", st.bold("Findings"));
        for f in &r.findings {
            let sev = jwtlens::report::json_name(&f.severity).to_uppercase();
            let code = jwtlens::report::json_name(&f.code);
            let sev = match f.severity {
                jwtlens::findings::Severity::Critical | jwtlens::findings::Severity::High => st.red(&sev),
                jwtlens::findings::Severity::Medium => st.yellow(&sev),
                _ => st.dim(&sev),
            };
            let _ = writeln!(o, "  {sev} {} {}", st.dim(&format!("[{code}]")), f.message);
        }
    }
    if !r.checks.is_empty() {
        let _ = writeln!(o, "\n{}", st.bold("Checks"));
        for c in &r.checks {
            let mark = match c.outcome {
                jwtlens::policy::Outcome::Passed => st.green("✓"),
                jwtlens::policy::Outcome::Failed => st.red("✗"),
                jwtlens::policy::Outcome::Skipped => st.dim("-"),
            };
            let _ = writeln!(o, "  {mark} {:<8} {}", c.name, c.message);
        }
    }
    if r.verification.status != SignatureStatus::NoKey {
        let v = &r.verdict;
        let line = match v.status {
            jwtlens::report::VerdictStatus::Valid => st.green(&format!("VALID  {}", v.message)),
            _ => st.red(&format!("INVALID  {}", v.message)),
        };
        let _ = writeln!(o, "\n{line}");
    }
    if !r.notices.is_empty() {
        let _ = writeln!(o, "\n{}", st.bold("Notices"));
        for n in &r.notices {
            let _ = writeln!(o, "  {} {} {}", st.yellow("!"), st.dim(&format!("[{}]", code(n))), n.message);
        }
    }
    if !r.errors.is_empty() {
        let _ = writeln!(o, "\n{}", st.bold(&st.red("Errors")));
        for e in &r.errors {
            diagnostic(&mut o, &st, input, e);
        }
    }
    o
}

/// The diagnostic's stable code, as the JSON report spells it.
fn code(d: &Diagnostic) -> String {
    jwtlens::report::json_name(&d.code)
}

fn section(o: &mut String, st: &Style, title: &str, p: &PartReport) {
    let _ = writeln!(o, "\n{}", st.bold(title));
    if p.members.is_empty() {
        let _ = writeln!(o, "  {}", shorten(&p.text, 400));
        return;
    }
    let width = p.members.iter().map(|m| m.name.chars().count()).max().unwrap_or(0);
    for m in &p.members {
        member(o, st, m, width);
    }
}

fn member(o: &mut String, st: &Style, m: &MemberReport, width: usize) {
    let value = serde_json::to_string(&m.value).unwrap_or_default();
    let dup = if m.duplicate { st.yellow(" (duplicate)") } else { String::new() };
    let pad = width.saturating_sub(m.name.chars().count());
    let _ = writeln!(o, "  {}{} {}{dup}", st.bold(&m.name), " ".repeat(pad), shorten(&value, 200));
    let indent = " ".repeat(width + 3);
    if let Some(note) = &m.note {
        let _ = writeln!(o, "{indent}{}", st.green(note));
    }
    if let Some(reg) = m.registered {
        let _ = writeln!(o, "{indent}{}", st.dim(&format!("{}: {}", reg.title, reg.explanation)));
    }
}

/// An error with the input excerpt around it and a caret under the byte it points at.
fn diagnostic(o: &mut String, st: &Style, input: &str, d: &Diagnostic) {
    let _ = writeln!(
        o,
        "  {} {} {} at byte {}: {}",
        st.red("✗"),
        st.dim(&format!("[{}]", code(d))),
        d.part.label(),
        d.offset,
        d.message
    );
    let (before, at, after) = excerpt(input, d.offset, d.end);
    let _ = writeln!(o, "      {}{}{}", before, st.red(&at), after);
    let _ =
        writeln!(o, "      {}{}", " ".repeat(before.chars().count()), st.red(&"^".repeat(at.chars().count().max(1))));
}

/// Up to 30 characters either side of `offset..end`, control characters shown as `·`.
fn excerpt(input: &str, offset: usize, end: usize) -> (String, String, String) {
    let clean = |s: &str| s.chars().map(|c| if c.is_control() { '·' } else { c }).collect::<String>();
    let at_start = offset.min(input.len());
    let at_end = end.clamp(at_start, input.len()).min(at_start + 8);
    let before: Vec<char> = input.get(..at_start).unwrap_or("").chars().collect();
    let skip = before.len().saturating_sub(30);
    let mut b: String = before.get(skip..).unwrap_or(&[]).iter().collect();
    if skip > 0 {
        b.insert(0, '…');
    }
    let at = input.get(at_start..at_end).unwrap_or("");
    let mut a: String = input.get(at_end..).unwrap_or("").chars().take(30).collect();
    if input.get(at_end..).unwrap_or("").chars().count() > 30 {
        a.push('…');
    }
    (clean(&b), clean(at), clean(&a))
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
}
