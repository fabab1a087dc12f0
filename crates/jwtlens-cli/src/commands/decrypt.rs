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
    /// Print JSON: the header, alg, enc, steps, findings, nested and the plaintext.
    #[arg(long)]
    pub(crate) json: bool,
}

pub(crate) fn run_decrypt(args: DecryptArgs) -> ExitCode {
    let key = match (&args.key, &args.password) {
        (Some(path), _) => match std::fs::read_to_string(path) {
            Ok(text) => DecryptionKey::from_jwk(&text),
            Err(e) => {
                eprintln!("jwtlens: cannot read {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        (None, Some(pw)) => Ok(DecryptionKey::password(pw)),
        (None, None) => unreachable!("clap requires --key or --password"),
    };
    let key = match key {
        Ok(k) => k,
        Err(e) => {
            eprintln!("jwtlens: {e}");
            return ExitCode::from(2);
        }
    };
    let text = match read_token(args.token) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("jwtlens: {e}");
            return ExitCode::from(2);
        }
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
    let plaintext = String::from_utf8(d.plaintext.clone()).ok();
    if args.json {
        let v = serde_json::json!({
            "header": d.header, "alg": d.alg, "enc": d.enc, "steps": d.steps, "findings": d.findings,
            "nested": d.nested, "plaintext": plaintext, "plaintextBase64url": jwtlens::b64::encode(&d.plaintext),
        });
        println!("{v}");
        return ExitCode::SUCCESS;
    }
    let mut o = String::from("Decrypted.\n");
    for (i, s) in d.steps.iter().enumerate() {
        o.push_str(&format!("{}. {s}\n", i + 1));
    }
    for f in &d.findings {
        o.push_str(&format!("Finding: {f}\n"));
    }
    o.push_str(&format!("Header: {}\n", serde_json::Value::Object(d.header.clone())));
    match &plaintext {
        Some(p) => o.push_str(&format!("Plaintext:\n{p}\n")),
        None => o.push_str(&format!("Plaintext (not UTF-8, base64url): {}\n", jwtlens::b64::encode(&d.plaintext))),
    }
    if d.nested {
        o.push_str("The plaintext is a JWT (nested): inspect or verify it with jwtlens inspect / verify.\n");
    }
    print!("{o}");
    ExitCode::SUCCESS
}
