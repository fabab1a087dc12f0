//! `inspect` and `verify` on an SD-JWT (a token with '~'): the core's SD-JWT
//! report, rendered or as JSON.

use std::process::ExitCode;

use jwtlens::key::KeySet;
use jwtlens::policy::Policy;
use jwtlens::sdjwt::{KeyBinding, SdJwtReport, SdStatus};

use super::inspect::InspectArgs;

fn print(text: &str) -> ExitCode {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if out.write_all(text.as_bytes()).and_then(|()| out.flush()).is_err() {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

/// `jwtlens verify` on an SD-JWT: exit 0 only for a valid one.
pub(crate) fn run_verify(token: &str, args: &InspectArgs, keys: &KeySet, policy: &Policy, kb: &KeyBinding) -> ExitCode {
    let now = args.now.unwrap_or_else(jwtlens::system_now);
    let report = jwtlens::sdjwt::verify(token, keys, policy, now, kb);
    let text = if args.json { format!("{}\n", crate::to_json(&report, false)) } else { render(&report) };
    if print(&text) != ExitCode::SUCCESS {
        return ExitCode::from(2);
    }
    if report.status == SdStatus::Valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The report in words.
fn render(r: &SdJwtReport) -> String {
    let mut o = String::new();
    let form = match r.form {
        Some(jwtlens::sdjwt::Form::SdJwt) => "SD-JWT (no Key Binding JWT)",
        Some(jwtlens::sdjwt::Form::SdJwtKb) => "SD-JWT+KB",
        None => "not an SD-JWT",
    };
    o.push_str(&format!("{form}\n"));
    if let Some(v) = &r.issuer {
        o.push_str(&format!("Issuer-signed JWT: {}\n", v.message));
    }
    for (i, d) in r.disclosures.iter().enumerate() {
        let what = match &d.disclosure.name {
            Some(n) => format!("{n} = {}", d.disclosure.value),
            None => format!("array element {}", d.disclosure.value),
        };
        let at = d.placed_at.as_deref().map(|p| format!(" -> {p}")).unwrap_or_default();
        o.push_str(&format!("Disclosure {}: {what}{at}  (digest {})\n", i + 1, d.digest));
    }
    if let Some(p) = &r.processed {
        o.push_str(&format!(
            "{} digest(s) left undisclosed: withheld claims or decoys, which cannot be told apart.\n",
            p.undisclosed_digests
        ));
        o.push_str(&format!("Processed payload:\n{}\n", serde_json::to_string_pretty(&p.payload).unwrap_or_default()));
    }
    if let Some(kb) = &r.key_binding {
        o.push_str(&format!("Key Binding JWT: {}\n", kb.verdict.message));
    }
    for f in &r.findings {
        o.push_str(&format!("Finding: {f}\n"));
    }
    let status = if r.status == SdStatus::Valid { "VALID" } else { "NOT VALID" };
    o.push_str(&format!("{status}: {}\n", r.message));
    o
}

/// `jwtlens inspect` on an SD-JWT: the parts and the payload the disclosures
/// make, **unverified** (no key was given), or the located error.
pub(crate) fn run_inspect(token: &str, args: &InspectArgs) -> ExitCode {
    let u = match jwtlens::sdjwt::decode_unverified(token) {
        Ok(u) => u,
        Err(e) => {
            print(&format!("{e}\n"));
            return ExitCode::from(1);
        }
    };
    if args.json {
        return print(&format!("{}\n", crate::to_json(&u, false)));
    }
    let mut o = String::from("SD-JWT, NOT VERIFIED (use jwtlens verify with the issuer's key)\n");
    for (i, d) in u.disclosures.iter().enumerate() {
        let name = d.name.as_deref().unwrap_or("(array element)");
        o.push_str(&format!("Disclosure {}: {name} = {}\n", i + 1, d.value));
    }
    match (&u.processed, &u.error) {
        (Some(p), _) => o.push_str(&format!(
            "Payload with the disclosures in place ({} digest(s) undisclosed):\n{}\n",
            p.undisclosed_digests,
            serde_json::to_string_pretty(&p.payload).unwrap_or_default()
        )),
        (None, Some(e)) => o.push_str(&format!("{e}\n")),
        (None, None) => {}
    }
    if u.kb_jwt.is_some() {
        o.push_str("A Key Binding JWT follows (checked by verify --nonce --kb-aud).\n");
    }
    print(&o)
}
