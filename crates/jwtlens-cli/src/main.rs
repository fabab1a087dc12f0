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

#[derive(clap::Args)]
struct FlowArgs {
    /// How the browser proves who it is (compare ignores it: every strategy is a column).
    #[arg(long, default_value = "session", value_parser = strategy_words())]
    strategy: String,
    /// SameSite of the auth cookies ("unset" leaves the attribute out).
    #[arg(long, default_value = "lax", value_parser = same_site_words())]
    same_site: String,
    /// Leave HttpOnly off the auth cookies.
    #[arg(long)]
    no_http_only: bool,
    /// Leave Secure off the auth cookies.
    #[arg(long)]
    no_secure: bool,
    /// Keep sessions in one store shared by every server.
    #[arg(long)]
    shared_store: bool,
    /// Servers keep a deny-list of logged-out tokens and revoked users.
    #[arg(long)]
    deny_list: bool,
    /// After a key rotation, keep accepting the previous key.
    #[arg(long)]
    keep_previous_key: bool,
    /// Servers behind the load balancer (1-8).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=8))]
    servers: u8,
    /// Seed of every random value (session IDs, token IDs, keys).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Print JSON (the run, or the table) instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct SimulateArgs {
    #[command(flatten)]
    flow: FlowArgs,
    /// Steps: login[:k] request[:k] logout revoke advance:SECONDS restart[:k] rotate-key xss
    /// csrf-get csrf-post hijack replay.
    #[arg(required = true, value_parser = parse_step)]
    steps: Vec<jwtlens_flows::Step>,
}

fn parse_step(s: &str) -> Result<jwtlens_flows::Step, String> {
    s.parse().map_err(|e: jwtlens_flows::StepError| e.to_string())
}

/// The strategies' words, from the core (the CLI keeps no list of its own).
fn strategy_words() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(jwtlens_flows::Strategy::ALL.map(jwtlens_flows::Strategy::word))
}

/// SameSite's values, from the core, and "unset".
fn same_site_words() -> clap::builder::PossibleValuesParser {
    let words = jwtlens_cookie::SameSite::ALL.map(|v| v.word().to_ascii_lowercase());
    clap::builder::PossibleValuesParser::new(words.into_iter().chain([String::from("unset")]))
}

impl FlowArgs {
    fn config(&self) -> jwtlens_flows::Config {
        use jwtlens_cookie::SameSite;
        use jwtlens_flows::Strategy;
        jwtlens_flows::Config {
            // clap has checked both against the core's words.
            strategy: self.strategy.parse().unwrap_or(Strategy::Session),
            same_site: self.same_site.parse::<SameSite>().ok(),
            http_only: !self.no_http_only,
            secure: !self.no_secure,
            shared_store: self.shared_store,
            deny_list: self.deny_list,
            keep_previous_key: self.keep_previous_key,
            servers: usize::from(self.servers),
            seed: self.seed,
            ..jwtlens_flows::Config::default()
        }
    }
}

fn run_simulate(args: SimulateArgs) -> ExitCode {
    let run = jwtlens_flows::simulate(args.flow.config(), &args.steps);
    if args.flow.json {
        println!("{}", serde_json::to_string_pretty(&run).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    let mut out = String::new();
    for (i, step) in run.steps.iter().enumerate() {
        let clock = jwtlens::time::iso_utc(step.at as f64).unwrap_or_default();
        out.push_str(&format!("{}. {} [{}]\n", i + 1, step.title, clock));
        for e in &step.events {
            out.push_str(&format!("   {:<18} {}\n", e.actor, e.text));
        }
        out.push_str(&format!("   => {}\n\n", step.outcome));
    }
    let m = run.metrics;
    out.push_str(&format!(
        "Server state: {} bytes. Last request: {} credential bytes, {} store lookup(s).\n",
        run.snapshot.server_state_bytes, m.credential_bytes, m.lookups
    ));
    print!("{out}");
    ExitCode::SUCCESS
}

fn run_compare(args: FlowArgs) -> ExitCode {
    let table = jwtlens_flows::compare(&args.config());
    if args.json {
        println!("{}", serde_json::to_string_pretty(&table).unwrap_or_default());
    } else {
        print!("{}", table.to_markdown());
    }
    ExitCode::SUCCESS
}

#[derive(clap::Args)]
struct CookieArgs {
    /// File of Set-Cookie lines ("Set-Cookie: " prefix optional); stdin when absent or "-".
    file: Option<std::path::PathBuf>,
    /// The URL whose response set the cookies.
    #[arg(long, value_name = "URL")]
    from: String,
    /// The URL requested afterwards (default: --from).
    #[arg(long, value_name = "URL")]
    request: Option<String>,
    /// The request method.
    #[arg(long, default_value = "GET")]
    method: String,
    /// The top-level page the request is made from (default: same-site).
    #[arg(long, value_name = "URL")]
    site: Option<String>,
    /// The request is a subresource (fetch, image, frame), not a top-level navigation.
    #[arg(long)]
    subresource: bool,
    /// Ask as document.cookie (script) instead of HTTP.
    #[arg(long)]
    script: bool,
    /// The time, as seconds since 1970 or RFC 3339; default: the system clock.
    #[arg(long, value_parser = parse_now)]
    now: Option<f64>,
    /// Print JSON: the outcome of each line, each cookie's verdict, and the header.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct SignArgs {
    /// The algorithm (HS256, RS256, PS256, ES256, ES256K, EdDSA, ...).
    #[arg(long)]
    alg: String,
    /// Private key file: PEM (PKCS#8, PKCS#1, SEC1) or a private JWK.
    #[arg(long, value_name = "FILE", conflicts_with = "secret", required_unless_present = "secret")]
    key: Option<std::path::PathBuf>,
    /// An HMAC secret as text.
    #[arg(long, value_name = "TEXT")]
    secret: Option<String>,
    /// The claims as a JSON object; read from stdin when absent.
    #[arg(long, value_name = "JSON")]
    claims: Option<String>,
    /// Extra header members as a JSON object (alg is set from --alg).
    #[arg(long, value_name = "JSON", default_value = r#"{"typ":"JWT"}"#)]
    header: String,
    /// Add "iat": the current time.
    #[arg(long)]
    iat: bool,
    /// Add "exp": now plus this many seconds.
    #[arg(long, value_name = "SECONDS")]
    expires_in: Option<u64>,
}

#[derive(clap::Args)]
struct KeygenArgs {
    /// The algorithm the key is for.
    #[arg(long)]
    alg: String,
}

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("keysource").required(true).args(["key", "secret", "jwks"])))]
struct VerifyArgs {
    #[command(flatten)]
    common: InspectArgs,
    /// A key file: PEM (PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE), a JWK / JWK Set, or
    /// the base64 of a DER key; never read as an HMAC secret (use --secret).
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
    /// Do not judge exp, nbf and iat (the report says so); without it, the
    /// system clock or --now is always used.
    #[arg(long, conflicts_with = "now")]
    skip_time_checks: bool,
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
            "maxAge" => String::from("--max-age"),
            other => format!("--{other}"),
        })
    })?;
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
            return jwtlens::time::now_seconds(n).map_err(|e| format!("--now {e}"));
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
        Command::Sign(args) => run_sign(args),
        Command::Keygen(args) => run_keygen(args),
        Command::Cookie(args) => run_cookie(args),
        Command::Simulate(args) => run_simulate(args),
        Command::Compare(args) => run_compare(args),
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
            (Some(p), _) => (p, KeyInput::Key),
            (_, Some(p)) => (p, KeyInput::Jwk),
            _ => return Err(String::from("give --key, --jwks or --secret")),
        };
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
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
    let skip = args.skip_time_checks;
    run(args.common, Some(&keys), Some(&policy), skip)
}

fn parse_alg(alg: &str) -> Result<jwtlens::alg::Algorithm, String> {
    alg.parse().map_err(|e: jwtlens::alg::UnknownAlgorithm| format!("--alg {alg:?}: {e}"))
}

fn sign_token(args: SignArgs) -> Result<String, String> {
    let alg = parse_alg(&args.alg)?;
    let key_text = match (&args.key, &args.secret) {
        (Some(path), _) => std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?,
        (_, Some(secret)) => secret.clone(),
        _ => return Err(String::from("give --key or --secret")),
    };
    let key = jwtlens::sign::import_signing_key(&key_text).map_err(|e| e.to_string())?;
    let claims_text = match args.claims {
        Some(c) => c,
        None => read_token(None)?,
    };
    let mut claims: serde_json::Value =
        serde_json::from_str(&claims_text).map_err(|e| format!("--claims is not JSON: {e}"))?;
    let obj = claims.as_object_mut().ok_or("--claims must be a JSON object")?;
    let now = jwtlens::system_now().floor() as i64;
    if args.iat {
        obj.insert(String::from("iat"), now.into());
    }
    if let Some(secs) = args.expires_in {
        obj.insert(String::from("exp"), (now + secs as i64).into());
    }
    jwtlens::sign::sign(alg, &args.header, &claims.to_string(), &key, &mut rand_core::OsRng).map_err(|e| e.to_string())
}

fn run_sign(args: SignArgs) -> ExitCode {
    match sign_token(args) {
        Ok(token) => {
            println!("{token}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("jwtlens: {e}");
            ExitCode::from(2)
        }
    }
}

fn run_keygen(args: KeygenArgs) -> ExitCode {
    let result = parse_alg(&args.alg).and_then(|alg| {
        let key = jwtlens::sign::generate(alg, &mut rand_core::OsRng).map_err(|e| e.to_string())?;
        serde_json::to_string_pretty(&jwtlens::sign::GeneratedKey::new(alg, &key)).map_err(|e| e.to_string())
    });
    match result {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("jwtlens: {e}");
            ExitCode::from(2)
        }
    }
}

fn cookie_report(args: CookieArgs) -> Result<String, String> {
    use jwtlens_cookie::{Request, Url};
    let text = match args.file.as_deref() {
        Some(p) if p.as_os_str() != "-" => {
            std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?
        }
        _ => read_token(None)?,
    };
    let now = args.now.unwrap_or_else(jwtlens::system_now).floor() as i64;
    let url = |s: &str, flag: &str| Url::parse(s).map_err(|e| format!("--{flag} {s:?}: {e}"));
    let origin = Request {
        url: url(&args.from, "from")?,
        method: String::from("GET"),
        from_script: false,
        site_for_cookies: None,
        top_level: true,
    };
    let target = url(args.request.as_deref().unwrap_or(&args.from), "request")?;
    let site = args.site.as_deref().map(|s| url(s, "site")).transpose()?;
    let req = Request {
        url: target,
        method: args.method.to_ascii_uppercase(),
        from_script: args.script,
        site_for_cookies: site,
        top_level: !args.subresource,
    };
    let run = jwtlens_cookie::replay(&text, &origin, &req, now);
    if args.json {
        return Ok(serde_json::json!({ "set": run.set, "request": req, "cookies": run.cookies, "header": run.header })
            .to_string());
    }
    let mut o = String::new();
    for stored in &run.set {
        o.push_str(&format!("{}\n  -> {}\n", stored.line, stored.result));
    }
    let kind = if args.script { "document.cookie" } else { "request" };
    o.push_str(&format!("\n{kind} {} {}\n", req.method, args.request.as_deref().unwrap_or(&args.from)));
    for v in &run.cookies {
        o.push_str(&format!(
            "  {} {}  (domain {}, path {}): {}\n",
            if v.sent { "SENT   " } else { "NOT SENT" },
            v.name,
            v.domain,
            v.path,
            v.message
        ));
    }
    let label = if args.script { "document.cookie" } else { "Cookie" };
    o.push_str(&format!("\n{label}: {}", run.header.unwrap_or_else(|| String::from("(nothing)"))));
    Ok(o)
}

fn run_cookie(args: CookieArgs) -> ExitCode {
    match cookie_report(args) {
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

fn run_inspect(args: InspectArgs) -> ExitCode {
    run(args, None, None, false)
}

fn run(
    args: InspectArgs,
    keys: Option<&jwtlens::key::KeySet>,
    policy: Option<&jwtlens::policy::Policy>,
    skip_time_checks: bool,
) -> ExitCode {
    let token = match read_token(args.token) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("jwtlens: {e}");
            return ExitCode::from(2);
        }
    };
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
