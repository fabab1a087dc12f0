//! `jwtlens`: inspect JSON Web Tokens in a terminal, offline.
//!
//! Exit codes: 0 the token decodes cleanly, 1 it does not (errors are
//! listed), 2 usage error (bad flags, unreadable stdin).

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use jwtlens::{inspect, Options};

mod render;

#[derive(Parser)]
#[command(
    name = "jwtlens",
    version,
    about = "Decode and explain JSON Web Tokens offline; nothing leaves your machine."
)]
#[command(
    after_help = "Exit codes: 0 = decodes cleanly, 1 = the token has errors, 2 = usage error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Decode a token and explain its header, claims, times and problems.
    Inspect(InspectArgs),
}

#[derive(clap::Args)]
struct InspectArgs {
    /// The token; read from stdin when absent or "-". A "Bearer " prefix and
    /// surrounding whitespace or quotes are removed (with a notice).
    token: Option<String>,
    /// Print the report as JSON (the shape the npm package returns).
    #[arg(long)]
    json: bool,
    /// The current time, as seconds since 1970 or RFC 3339
    /// (2026-11-22T10:00:00Z); default: the system clock.
    #[arg(long, value_parser = parse_now)]
    now: Option<f64>,
    /// When to use colours.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    /// Colours when stdout is a terminal and NO_COLOR is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

fn parse_now(s: &str) -> Result<f64, String> {
    if let Ok(n) = s.trim().parse::<f64>() {
        if n.is_finite() {
            return Ok(n);
        }
    }
    jwtlens::time::parse_rfc3339(s.trim())
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
        Command::Inspect(args) => run_inspect(args),
    }
}

fn read_token(arg: Option<String>) -> Result<String, String> {
    match arg.as_deref() {
        Some(t) if t != "-" => Ok(t.to_owned()),
        _ => {
            let mut stdin = std::io::stdin();
            if stdin.is_terminal() {
                eprintln!("jwtlens: reading the token from stdin (paste it, then Ctrl-D)");
            }
            let mut buf = Vec::new();
            stdin
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
            String::from_utf8(buf).map_err(|e| {
                format!(
                    "stdin is not UTF-8 text (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                )
            })
        }
    }
}

fn run_inspect(args: InspectArgs) -> ExitCode {
    let token = match read_token(args.token) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("jwtlens: {e}");
            return ExitCode::from(2);
        }
    };
    let now = args.now.unwrap_or_else(jwtlens::system_now);
    let report = inspect(
        &token,
        &Options {
            now: Some(now),
            keys: None,
        },
    );
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let text = if args.json {
        let mut s = report.to_json();
        s.push('\n');
        s
    } else {
        render::report(&token, &report, color)
    };
    let mut out = std::io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return ExitCode::from(2);
    }
    if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
