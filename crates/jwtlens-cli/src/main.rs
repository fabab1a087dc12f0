//! `jwtlens`: inspect JSON Web Tokens in a terminal, offline.
//!
//! Exit codes: 0 the token decodes cleanly, 1 it does not (errors are
//! listed), 2 usage error (bad flags, unreadable stdin).

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use jwtlens::time::NumericDate;

mod commands;
mod render;

use commands::cookie::CookieArgs;
use commands::decrypt::DecryptArgs;
use commands::encrypt::EncryptArgs;
use commands::flows::{FlowArgs, SimulateArgs};
use commands::inspect::{InspectArgs, VerifyArgs};
use commands::sign::{KeygenArgs, SignArgs};

#[derive(Parser)]
#[command(
    name = "jwtlens",
    version,
    about = "Decode and explain JSON Web Tokens offline; nothing leaves your machine."
)]
#[command(after_help = "Exit codes: 0 = decodes cleanly, 1 = the token has errors, 2 = usage error.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Decode a token and explain its header, claims, times and problems.
    Inspect(InspectArgs),
    /// Verify a token's signature with a key, and check its times.
    /// Exit 0 when verified and within its validity, 1 otherwise, 2 on a usage error.
    Verify(Box<VerifyArgs>),
    /// Decrypt a JWE (RFC 7516) with a private JWK or a password, showing each step.
    /// Exit 0 when decrypted, 1 when not (one opaque reason for any cryptographic failure).
    Decrypt(DecryptArgs),
    /// Encrypt a plaintext (a JWT to nest, or any text) into a compact JWE for a JWK or a password.
    Encrypt(EncryptArgs),
    /// Sign claims into a token with a private key or secret.
    Sign(SignArgs),
    /// Generate a key for an algorithm: prints the private JWK, the public JWK and its thumbprint.
    Keygen(KeygenArgs),
    /// Store Set-Cookie lines (one per line, from a file or stdin) as a browser would, then say,
    /// for a request, which cookies are sent and why.
    Cookie(CookieArgs),
    /// Play the sessions-vs-JWT story: run steps (login, request:2, xss, logout, replay, ...)
    /// in the core's deterministic simulation and print what happened.
    Simulate(SimulateArgs),
    /// The sessions-vs-JWT comparison table, every cell measured by simulation (Markdown or --json).
    Compare(FlowArgs),
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ColorChoice {
    /// Colours when stdout is a terminal and NO_COLOR is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// `--now`: seconds since 1970, or an RFC 3339 time with its offset (read by
/// `jiff`, which also takes a space or a lowercase `t` for the `T`).
pub(crate) fn parse_now(s: &str) -> Result<NumericDate, String> {
    let s = s.trim();
    if let Ok(n) = s.parse::<f64>() {
        if n.is_finite() {
            return NumericDate::now(n).map_err(|e| format!("--now {e}"));
        }
    }
    s.parse::<jiff::Timestamp>()
        .ok()
        .and_then(|t| NumericDate::new(t.as_nanosecond() as f64 / 1e9))
        .ok_or_else(|| format!("expected seconds since 1970 (e.g. 1700000000) or an RFC 3339 time (e.g. 2026-11-22T10:00:00Z), found {s:?}"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Inspect(args) => commands::inspect::run_inspect(args),
        Command::Verify(args) => commands::inspect::run_verify(args),
        Command::Decrypt(args) => commands::decrypt::run_decrypt(args),
        Command::Encrypt(args) => commands::encrypt::run_encrypt(args),
        Command::Sign(args) => commands::sign::run_sign(args),
        Command::Keygen(args) => commands::sign::run_keygen(args),
        Command::Cookie(args) => commands::cookie::run(args),
        Command::Simulate(args) => commands::flows::simulate(args),
        Command::Compare(args) => commands::flows::compare(args),
    }
}

pub(crate) fn read_token(arg: Option<String>) -> Result<String, String> {
    match arg.as_deref() {
        Some(t) if t != "-" => Ok(t.to_owned()),
        _ => {
            let mut stdin = std::io::stdin();
            if stdin.is_terminal() {
                eprintln!("jwtlens: reading the token from stdin (paste it, then Ctrl-D)");
            }
            let mut buf = Vec::new();
            stdin.read_to_end(&mut buf).map_err(|e| format!("cannot read stdin: {e}"))?;
            String::from_utf8(buf).map_err(|e| {
                format!("stdin is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to())
            })
        }
    }
}

/// `value` as JSON; should serialization ever fail, a JSON object saying so, never an empty line.
pub(crate) fn to_json(value: &impl serde::Serialize, pretty: bool) -> String {
    let text = if pretty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) };
    text.unwrap_or_else(|e| {
        serde_json::json!({ "error": format!("jwtlens could not write its JSON: {e}") }).to_string()
    })
}

/// Print a command's output, or its error on stderr with exit code 2.
fn print_or_fail(result: Result<String, String>) -> ExitCode {
    match result {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("jwtlens: {e}");
            ExitCode::from(2)
        }
    }
}
