//! `sign` and `keygen`: make tokens and keys (randomness from the OS).

use std::process::ExitCode;

use crate::read_token;

#[derive(clap::Args)]
pub(crate) struct SignArgs {
    /// The algorithm (HS256, RS256, PS256, ES256, ES256K, EdDSA, ...).
    #[arg(long)]
    pub(crate) alg: String,
    /// Private key file: PEM (PKCS#8, PKCS#1, SEC1) or a private JWK.
    #[arg(long, value_name = "FILE", conflicts_with = "secret", required_unless_present = "secret")]
    pub(crate) key: Option<std::path::PathBuf>,
    /// An HMAC secret as text.
    #[arg(long, value_name = "TEXT")]
    pub(crate) secret: Option<String>,
    /// The claims as a JSON object; read from stdin when absent.
    #[arg(long, value_name = "JSON")]
    pub(crate) claims: Option<String>,
    /// Extra header members as a JSON object (alg is set from --alg).
    #[arg(long, value_name = "JSON", default_value = r#"{"typ":"JWT"}"#)]
    pub(crate) header: String,
    /// Add "iat": the current time.
    #[arg(long)]
    pub(crate) iat: bool,
    /// Add "exp": now plus this many seconds.
    #[arg(long, value_name = "SECONDS")]
    pub(crate) expires_in: Option<u64>,
}

#[derive(clap::Args)]
pub(crate) struct KeygenArgs {
    /// The algorithm the key is for.
    #[arg(long)]
    pub(crate) alg: String,
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
    let now = jwtlens::system_now().seconds().floor() as i64;
    if args.iat {
        obj.insert(String::from("iat"), now.into());
    }
    if let Some(secs) = args.expires_in {
        obj.insert(String::from("exp"), (now + secs as i64).into());
    }
    jwtlens::sign::sign(alg, &args.header, &claims.to_string(), &key, &mut rand_core::OsRng).map_err(|e| e.to_string())
}

pub(crate) fn run_sign(args: SignArgs) -> ExitCode {
    crate::print_or_fail(sign_token(args))
}

pub(crate) fn run_keygen(args: KeygenArgs) -> ExitCode {
    crate::print_or_fail(parse_alg(&args.alg).and_then(|alg| {
        let key = jwtlens::sign::generate(alg, &mut rand_core::OsRng).map_err(|e| e.to_string())?;
        serde_json::to_string_pretty(&jwtlens::sign::GeneratedKey::new(alg, &key)).map_err(|e| e.to_string())
    }))
}
