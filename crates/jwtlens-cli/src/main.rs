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
}

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("keysource").required(true).args(["key", "secret", "jwks"])))]
struct VerifyArgs {
    #[command(flatten)]
    common: InspectArgs,
    /// A key file: PEM (PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE) or a JWK / JWK Set.
    #[arg(long, value_name = "FILE")]
    key: Option<std::path::PathBuf>,
    /// A JWK Set file; the key is chosen by kid, use, alg and type.
    #[arg(long, value_name = "FILE")]
    jwks: Option<std::path::PathBuf>,
    /// An HMAC secret, as text (see --secret-encoding).
    #[arg(long, value_name = "TEXT")]
    secret: Option<String>,
    /// How --secret is written.
    #[arg(long, value_enum, default_value_t = Encoding::Utf8)]
    secret_encoding: Encoding,
    /// Accepted issuer (repeat for several).
    #[arg(long)]
    iss: Vec<String>,
    /// Accepted audience (repeat for several); the token must name one.
    #[arg(long)]
    aud: Vec<String>,
    /// Required subject.
    #[arg(long)]
    sub: Option<String>,
    /// Required typ header (e.g. JWT, at+jwt).
    #[arg(long)]
    typ: Option<String>,
    /// Allowed algorithm (repeat for several); default: any the key can verify.
    #[arg(long = "alg")]
    algs: Vec<String>,
    /// Claim that must be present (repeat for several).
    #[arg(long = "require")]
    required: Vec<String>,
    /// Maximum age since iat, in seconds.
    #[arg(long)]
    max_age: Option<f64>,
    /// Clock-skew leeway in seconds for exp/nbf/iat (0 to 600).
    #[arg(long, default_value_t = jwtlens::policy::DEFAULT_LEEWAY)]
    leeway: f64,
}

fn policy(args: &VerifyArgs) -> Result<jwtlens::policy::Policy, String> {
    let algorithms = args
        .algs
        .iter()
        .map(|a| a.parse::<jwtlens::alg::Algorithm>().map_err(|_| format!("--alg {a:?} is not a JWS algorithm")))
        .collect::<Result<Vec<_>, _>>()?;
    let p = jwtlens::policy::Policy {
        algorithms,
        issuers: args.iss.clone(),
        audiences: args.aud.clone(),
        subject: args.sub.clone(),
        typ: args.typ.clone(),
        required: args.required.clone(),
        max_age: args.max_age,
        leeway: args.leeway,
    };
    p.validate().map_err(|e| format!("--{}", e).replace("--max_age", "--max-age"))?;
    Ok(p)
}

#[derive(Clone, Copy, ValueEnum)]
enum Encoding {
    Utf8,
    Base64,
    Base64url,
    Hex,
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
        Command::Verify(args) => run_verify(args),
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
            stdin.read_to_end(&mut buf).map_err(|e| format!("cannot read stdin: {e}"))?;
            String::from_utf8(buf).map_err(|e| {
                format!("stdin is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to())
            })
        }
    }
}

fn load_keys(args: &VerifyArgs) -> Result<jwtlens::key::KeySet, String> {
    use jwtlens::key::{import_key, KeyInput, SecretEncoding};
    let (text, input) = if let Some(secret) = &args.secret {
        let enc = match args.secret_encoding {
            Encoding::Utf8 => SecretEncoding::Utf8,
            Encoding::Base64 => SecretEncoding::Base64,
            Encoding::Base64url => SecretEncoding::Base64Url,
            Encoding::Hex => SecretEncoding::Hex,
        };
        (secret.clone(), KeyInput::Secret(enc))
    } else {
        let (path, input) = match (&args.key, &args.jwks) {
            (Some(p), _) => (p, KeyInput::Auto),
            (_, Some(p)) => (p, KeyInput::Jwk),
            _ => return Err(String::from("give --key, --jwks or --secret")),
        };
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if matches!(input, KeyInput::Auto) && !text.trim_start().starts_with(['-', '{']) {
            return Err(format!("{} is neither PEM nor a JWK; for an HMAC secret use --secret", path.display()));
        }
        (text, input)
    };
    import_key(&text, input).map(|(set, _)| set).map_err(|e| format!("bad key: {e}"))
}

fn run_verify(args: Box<VerifyArgs>) -> ExitCode {
    let (keys, policy) = match load_keys(&args).and_then(|k| Ok((k, policy(&args)?))) {
        Ok(kp) => kp,
        Err(e) => {
            eprintln!("jwtlens: {e}");
            return ExitCode::from(2);
        }
    };
    run(args.common, Some(&keys), Some(&policy))
}

fn run_inspect(args: InspectArgs) -> ExitCode {
    run(args, None, None)
}

fn run(args: InspectArgs, keys: Option<&jwtlens::key::KeySet>, policy: Option<&jwtlens::policy::Policy>) -> ExitCode {
    let token = match read_token(args.token) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("jwtlens: {e}");
            return ExitCode::from(2);
        }
    };
    let now = args.now.unwrap_or_else(jwtlens::system_now);
    let report = inspect(&token, &Options { now: Some(now), keys, policy });
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let text = if args.json {
        let mut s = report.to_json();
        s.push('\n');
        s
    } else {
        render::report(&token, &report, color)
    };
    let mut out = std::io::stdout().lock();
    if out.write_all(text.as_bytes()).and_then(|()| out.flush()).is_err() {
        return ExitCode::from(2);
    }
    let valid = match keys {
        None => report.errors.is_empty(),
        Some(_) => report.verdict.status == jwtlens::report::VerdictStatus::Valid,
    };
    if valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
