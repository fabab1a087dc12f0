//! One module per subcommand: its arguments (clap) and what it runs.

pub(crate) mod cookie;
pub(crate) mod decrypt;
pub(crate) mod encrypt;
pub(crate) mod flows;
pub(crate) mod inspect;
pub(crate) mod sdjwt;
pub(crate) mod sign;

/// The JWE key of `encrypt` and `decrypt`: a JWK file read with `from_jwk`, or a PBES2
/// password; a usage error (printed) when the file cannot be read or is not such a key.
pub(crate) fn jwe_key<K>(
    file: Option<&std::path::Path>,
    password: Option<&str>,
    from_jwk: impl Fn(&str) -> Result<K, jwtlens::jwe::JweError>,
    from_password: impl Fn(&str) -> K,
) -> Result<K, std::process::ExitCode> {
    let key = match (file, password) {
        (Some(path), _) => std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))
            .and_then(|text| from_jwk(&text).map_err(|e| e.to_string())),
        (None, Some(pw)) => Ok(from_password(pw)),
        (None, None) => Err(String::from("give --key FILE or --password TEXT")),
    };
    key.map_err(|e| {
        eprintln!("jwtlens: {e}");
        std::process::ExitCode::from(2)
    })
}
