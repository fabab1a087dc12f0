//! `inspect` and `verify`: the core's report, rendered or as JSON.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use jwtlens::policy::{Named, PolicyField};
use jwtlens::{inspect, Options};

use crate::{parse_now, read_token, render, ColorChoice};

#[derive(clap::Args)]
pub(crate) struct InspectArgs {
    /// The token; read from stdin when absent or "-". A "Bearer " prefix and
    /// surrounding whitespace or quotes are removed (with a notice).
    pub(crate) token: Option<String>,
    /// Print the report as JSON (the shape the npm package returns).
    #[arg(long)]
    pub(crate) json: bool,
    /// The current time, as seconds since 1970 or RFC 3339
    /// (2026-11-22T10:00:00Z); default: the system clock.
    #[arg(long, value_parser = parse_now)]
    pub(crate) now: Option<jwtlens::time::NumericDate>,
    /// When to use colours.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub(crate) color: ColorChoice,
}

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("keysource").required(true).args(["key", "secret", "jwks"])))]
pub(crate) struct VerifyArgs {
    #[command(flatten)]
    pub(crate) common: InspectArgs,
    /// A key file: PEM (PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE), a JWK / JWK Set, or
    /// the base64 of a DER key; never read as an HMAC secret (use --secret).
    #[arg(long, value_name = "FILE")]
    pub(crate) key: Option<std::path::PathBuf>,
    /// A JWK Set file; the key is chosen by kid, use, alg and type.
    #[arg(long, value_name = "FILE")]
    pub(crate) jwks: Option<std::path::PathBuf>,
    /// An HMAC secret, as text (see --secret-encoding).
    #[arg(long, value_name = "TEXT")]
    pub(crate) secret: Option<String>,
    /// How --secret is written.
    #[arg(long, default_value = "utf8", value_parser = encoding_words())]
    pub(crate) secret_encoding: String,
    /// Accepted issuer (repeat for several).
    #[arg(long)]
    pub(crate) iss: Vec<String>,
    /// Accepted audience (repeat for several); the token must name one.
    #[arg(long)]
    pub(crate) aud: Vec<String>,
    /// Required subject.
    #[arg(long)]
    pub(crate) sub: Option<String>,
    /// Required typ header (e.g. JWT, at+jwt).
    #[arg(long)]
    pub(crate) typ: Option<String>,
    /// Allowed algorithm (repeat for several); default: any the key can verify.
    #[arg(long = "alg")]
    pub(crate) algs: Vec<String>,
    /// Claim that must be present (repeat for several).
    #[arg(long = "require")]
    pub(crate) required: Vec<String>,
    /// Maximum age since iat, in seconds.
    #[arg(long, value_parser = max_age_seconds)]
    pub(crate) max_age: Option<f64>,
    /// Clock-skew leeway in seconds for exp/nbf/iat (0 to 600).
    #[arg(long, default_value_t = jwtlens::policy::DEFAULT_LEEWAY, value_parser = leeway_seconds)]
    pub(crate) leeway: f64,
    /// Do not judge exp, nbf and iat (the report says so); without it, the
    /// system clock or --now is always used.
    #[arg(long, conflicts_with = "now")]
    pub(crate) skip_time_checks: bool,
    /// SD-JWT (a token with '~'): the nonce this verifier gave; the Key Binding JWT must carry it.
    #[arg(long)]
    pub(crate) nonce: Option<String>,
    /// SD-JWT: this verifier's identifier; the Key Binding JWT's aud must be it.
    #[arg(long, value_name = "AUD")]
    pub(crate) kb_aud: Option<String>,
    /// SD-JWT: refuse a presentation without a Key Binding JWT.
    #[arg(long)]
    pub(crate) require_kb: bool,
    /// SD-JWT: the Key Binding JWT's maximum age since its iat, in seconds.
    #[arg(long, default_value_t = 300.0, value_parser = kb_max_age_seconds)]
    pub(crate) kb_max_age: f64,
}

/// A duration flag's value, read and judged by the core, its sentence naming the flag.
fn seconds(field: jwtlens::policy::PolicyField, flag: &str, text: &str) -> Result<f64, String> {
    jwtlens::policy::seconds(field, text).map_err(|e| e.render(&|_: Named<'_>| String::from(flag)))
}

fn leeway_seconds(text: &str) -> Result<f64, String> {
    seconds(jwtlens::policy::PolicyField::Leeway, "--leeway", text)
}

fn max_age_seconds(text: &str) -> Result<f64, String> {
    seconds(jwtlens::policy::PolicyField::MaxAge, "--max-age", text)
}

fn kb_max_age_seconds(text: &str) -> Result<f64, String> {
    seconds(jwtlens::policy::PolicyField::MaxAge, "--kb-max-age", text)
}

/// The secret encodings' words, from the core.
fn encoding_words() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(jwtlens::key::SecretEncoding::ALL.map(jwtlens::key::SecretEncoding::word))
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
    p.validate().map_err(|e| {
        e.render(&|name| match name {
            Named::Field(PolicyField::MaxAge) => String::from("--max-age"),
            Named::Field(PolicyField::Issuer) => String::from("--iss"),
            Named::Field(PolicyField::Audience) => String::from("--aud"),
            Named::Field(PolicyField::Subject) => String::from("--sub"),
            Named::Field(PolicyField::Algorithms) => String::from("--alg"),
            Named::Field(PolicyField::Required) => String::from("--require"),
            // --typ and --leeway are the members' own names.
            other => format!("--{other}"),
        })
    })?;
    Ok(p)
}

fn load_keys(args: &VerifyArgs) -> Result<jwtlens::key::KeySet, String> {
    use jwtlens::key::{import_key, KeyInput};
    let (text, input) = if let Some(secret) = &args.secret {
        // clap has checked the word against the core's.
        let enc =
            args.secret_encoding.parse().map_err(|e: jwtlens::key::UnknownWord| format!("--secret-encoding: {e}"))?;
        (secret.clone(), KeyInput::Secret(enc))
    } else {
        let (path, input) = match (&args.key, &args.jwks) {
            (Some(p), _) => (p, KeyInput::Key),
            (_, Some(p)) => (p, KeyInput::Jwk),
            _ => return Err(String::from("give --key, --jwks or --secret")),
        };
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        (text, input)
    };
    import_key(&text, input).map(|(set, _)| set).map_err(|e| format!("bad key: {e}"))
}

pub(crate) fn run_verify(args: Box<VerifyArgs>) -> ExitCode {
    let (keys, policy) = match load_keys(&args).and_then(|k| Ok((k, policy(&args)?))) {
        Ok(kp) => kp,
        Err(e) => {
            eprintln!("jwtlens: {e}");
            return ExitCode::from(2);
        }
    };
    let skip = args.skip_time_checks;
    let token = match read_token(args.common.token.clone()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("jwtlens: {e}");
            return ExitCode::from(2);
        }
    };
    if token.contains('~') {
        let kb = jwtlens::sdjwt::KeyBinding {
            required: args.require_kb,
            forbidden: false,
            nonce: args.nonce.clone(),
            audience: args.kb_aud.clone(),
            max_age: args.kb_max_age,
        };
        return super::sdjwt::run_verify(&token, &args.common, &keys, &policy, &kb);
    }
    run(args.common, token, Some(&keys), Some(&policy), skip)
}

pub(crate) fn run_inspect(args: InspectArgs) -> ExitCode {
    let token = match read_token(args.token.clone()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("jwtlens: {e}");
            return ExitCode::from(2);
        }
    };
    if token.contains('~') {
        return super::sdjwt::run_inspect(&token, &args);
    }
    run(args, token, None, None, false)
}

fn run(
    args: InspectArgs,
    token: String,
    keys: Option<&jwtlens::key::KeySet>,
    policy: Option<&jwtlens::policy::Policy>,
    skip_time_checks: bool,
) -> ExitCode {
    // The system clock unless --now is given; none at all only when asked for explicitly.
    let now = if skip_time_checks { None } else { Some(args.now.unwrap_or_else(jwtlens::system_now)) };
    let report = inspect(&token, &Options { now, skip_time_checks, keys, policy, ..Options::default() });
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
