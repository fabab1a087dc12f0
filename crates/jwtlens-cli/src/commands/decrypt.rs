//! `decrypt`: a JWE opened with a private JWK or a password, each step shown.

use std::process::ExitCode;

use jwtlens::jwe::{decrypt, DecryptionKey};

use crate::read_token;

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("decryptionkey").required(true).args(["key", "password"])))]
pub(crate) struct DecryptArgs {
    /// The JWE (compact, or JSON); read from stdin when absent or "-".
    pub(crate) token: Option<String>,
    /// A private JWK file: oct, RSA, EC (P-256/384/521) or OKP X25519.
    #[arg(long, value_name = "FILE")]
    pub(crate) key: Option<std::path::PathBuf>,
    /// A password, for PBES2-HS*+A*KW.
    #[arg(long, value_name = "TEXT")]
    pub(crate) password: Option<String>,
    /// Print JSON: the header, alg, enc, steps, findings, nested and the plaintext
    /// (and `inner`, the nested token's report, when there is one).
    #[arg(long)]
    pub(crate) json: bool,
    /// The public key (PEM, JWK or JWK Set file) to verify a nested JWT with; the exit
    /// code is then 0 only when the nested JWT is valid.
    #[arg(long, value_name = "FILE")]
    pub(crate) verify_key: Option<std::path::PathBuf>,
    /// The current time for the nested JWT's exp/nbf/iat, as seconds since 1970 or RFC 3339;
    /// default: the system clock.
    #[arg(long, value_parser = crate::parse_now)]
    pub(crate) now: Option<jwtlens::time::NumericDate>,
}

pub(crate) fn run_decrypt(args: DecryptArgs) -> ExitCode {
    let key = match super::jwe_key(
        args.key.as_deref(),
        args.password.as_deref(),
        DecryptionKey::from_jwk,
        DecryptionKey::password,
    ) {
        Ok(k) => k,
        Err(code) => return code,
    };
    let text = match read_token(args.token) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("jwtlens: {e}");
            return ExitCode::from(2);
        }
    };
    let verify_keys = match &args.verify_key {
        None => None,
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))
            .and_then(|t| {
                jwtlens::key::import_key(&t, jwtlens::key::KeyInput::Auto).map(|(k, _)| k).map_err(|e| e.to_string())
            }) {
            Ok(keys) => Some(keys),
            Err(e) => {
                eprintln!("jwtlens: --verify-key: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let d = match decrypt(&text, &key) {
        Ok(d) => d,
        Err(e) => {
            if args.json {
                println!("{}", serde_json::json!({ "error": e }));
            } else {
                println!("{e}");
            }
            return ExitCode::from(1);
        }
    };
    // RFC 7519 §5.2 / §7.2: a nested JWT is inspected, and verified when a key is given, as every token.
    let now = Some(args.now.unwrap_or_else(jwtlens::system_now));
    let inner = d.inner().map(|t| {
        let options = jwtlens::Options { now, keys: verify_keys.as_ref(), ..jwtlens::Options::default() };
        (t, jwtlens::inspect(t, &options))
    });
    let code = match (&inner, &verify_keys) {
        (Some((_, r)), Some(_)) if r.verdict.status != jwtlens::report::VerdictStatus::Valid => ExitCode::from(1),
        (None, Some(_)) => {
            eprintln!("jwtlens: --verify-key was given, but the plaintext is not a nested JWT");
            ExitCode::from(1)
        }
        _ => ExitCode::SUCCESS,
    };
    if args.json {
        // The core's serialization, and the nested token's report.
        #[derive(serde::Serialize)]
        struct Output<'a> {
            #[serde(flatten)]
            decrypted: &'a jwtlens::jwe::Decrypted,
            inner: Option<&'a jwtlens::Report>,
        }
        let output = Output { decrypted: &d, inner: inner.as_ref().map(|(_, r)| r) };
        println!("{}", crate::to_json(&output, false));
        return code;
    }
    let mut o = String::from("Decrypted.\n");
    for (i, s) in d.steps.iter().enumerate() {
        o.push_str(&format!("{}. {s}\n", i + 1));
    }
    for f in &d.findings {
        o.push_str(&format!("Finding: {f}\n"));
    }
    o.push_str(&format!("Header: {}\n", serde_json::Value::Object(d.header.clone())));
    match core::str::from_utf8(&d.plaintext).ok() {
        Some(p) => o.push_str(&format!("Plaintext:\n{p}\n")),
        None => o.push_str(&format!("Plaintext (not UTF-8, base64url): {}\n", jwtlens::b64::encode(&d.plaintext))),
    }
    print!("{o}");
    if let Some((t, r)) = &inner {
        println!(
            "\nThe plaintext is a JWT (nested){}:",
            if verify_keys.is_some() { ", verified with --verify-key" } else { "; give --verify-key to verify it" }
        );
        print!("{}", crate::render::report(t, r, false));
    }
    code
}
