//! `encrypt`: a compact JWE of the plaintext, for a JWK or a password.

use std::process::ExitCode;

use jwtlens::jwe::{encrypt, Encrypt, EncryptionKey};

use crate::read_token;

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("encryptionkey").required(true).args(["key", "password"])))]
pub(crate) struct EncryptArgs {
    /// The plaintext (a JWT to nest, or any text); read from stdin when absent or "-".
    pub(crate) plaintext: Option<String>,
    /// Key management algorithm: dir, A128KW…, A128GCMKW…, RSA-OAEP, RSA-OAEP-256, RSA1_5,
    /// ECDH-ES, ECDH-ES+A128KW…, PBES2-HS256+A128KW…
    #[arg(long)]
    pub(crate) alg: String,
    /// Content encryption: A128GCM, A192GCM, A256GCM, A128CBC-HS256, A192CBC-HS384, A256CBC-HS512.
    #[arg(long)]
    pub(crate) enc: String,
    /// A JWK file: oct (dir, A*KW, A*GCMKW), or an RSA, EC (P-256/384/521) or X25519 public key.
    #[arg(long, value_name = "FILE")]
    pub(crate) key: Option<std::path::PathBuf>,
    /// A password, for PBES2-HS*+A*KW.
    #[arg(long, value_name = "TEXT")]
    pub(crate) password: Option<String>,
    /// Compress the plaintext first (zip: DEF).
    #[arg(long)]
    pub(crate) zip: bool,
    /// The cty header; "JWT" when the plaintext is a token to nest.
    #[arg(long)]
    pub(crate) cty: Option<String>,
    /// The kid header.
    #[arg(long)]
    pub(crate) kid: Option<String>,
    /// PBES2 iterations (p2c).
    #[arg(long, default_value_t = 10_000)]
    pub(crate) p2c: u64,
}

pub(crate) fn run_encrypt(args: EncryptArgs) -> ExitCode {
    let key = match super::jwe_key(
        args.key.as_deref(),
        args.password.as_deref(),
        EncryptionKey::from_jwk,
        EncryptionKey::password,
    ) {
        Ok(k) => k,
        Err(code) => return code,
    };
    let plaintext = match read_token(args.plaintext) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("jwtlens: {e}");
            return ExitCode::from(2);
        }
    };
    let mut options = Encrypt::new(&args.alg, &args.enc);
    options.zip = args.zip;
    options.cty = args.cty;
    options.kid = args.kid;
    options.p2c = args.p2c;
    match encrypt(plaintext.as_bytes(), &options, &key, &mut rand_core::OsRng) {
        Ok(jwe) => {
            println!("{jwe}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("jwtlens: {e}");
            ExitCode::from(2)
        }
    }
}
