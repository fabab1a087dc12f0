//! The registered JOSE header parameters and JWT claims, each explained in
//! one line, with the section of the RFC that defines it.
//!
//! # Example
//! ```
//! use jwtlens::registry::{claim, header_parameter};
//! assert_eq!(claim("exp").unwrap().title, "Expiration Time");
//! assert_eq!(header_parameter("alg").unwrap().rfc, "RFC 7515 §4.1.1");
//! assert!(claim("favourite_colour").is_none());
//! ```

use serde::Serialize;

/// A registered name with a title, a one-line explanation and its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Registered {
    /// The member name as it appears in JSON.
    pub name: &'static str,
    /// The name's title in the RFC.
    pub title: &'static str,
    /// One sentence on what it means for the token.
    pub explanation: &'static str,
    /// Where it is defined.
    pub rfc: &'static str,
}

const fn r(name: &'static str, title: &'static str, explanation: &'static str, rfc: &'static str) -> Registered {
    Registered { name, title, explanation, rfc }
}

/// JOSE header parameters (RFC 7515 §4.1, RFC 7519 §5, RFC 7797 §3).
pub const HEADER_PARAMETERS: &[Registered] = &[
    r("alg", "Algorithm", "The algorithm that signs or MACs the token; a verifier must check it against the algorithms it allows for its key.", "RFC 7515 §4.1.1"),
    r("typ", "Type", "The media type of the whole token, usually \"JWT\" (or e.g. \"at+jwt\" for access tokens).", "RFC 7515 §4.1.9"),
    r("cty", "Content Type", "The media type of the payload; \"JWT\" means the payload is itself a nested token.", "RFC 7515 §4.1.10"),
    r("kid", "Key ID", "A hint naming which key signed the token; it selects a key, it must never be used as a path or query.", "RFC 7515 §4.1.4"),
    r("jku", "JWK Set URL", "A URL of a key set; a verifier must never fetch or trust a key just because the token names it.", "RFC 7515 §4.1.2"),
    r("jwk", "JSON Web Key", "A public key embedded in the header; trusting it lets anyone sign tokens with their own key.", "RFC 7515 §4.1.3"),
    r("x5u", "X.509 URL", "A URL of a certificate chain; never fetched by jwtlens, and never to be trusted on the token's word.", "RFC 7515 §4.1.5"),
    r("x5c", "X.509 Certificate Chain", "Certificates embedded in the header; they prove nothing unless the chain is validated against a trusted root.", "RFC 7515 §4.1.6"),
    r("x5t", "X.509 Certificate SHA-1 Thumbprint", "The SHA-1 thumbprint of the signing certificate, a hint for key selection.", "RFC 7515 §4.1.7"),
    r("x5t#S256", "X.509 Certificate SHA-256 Thumbprint", "The SHA-256 thumbprint of the signing certificate, a hint for key selection.", "RFC 7515 §4.1.8"),
    r("crit", "Critical", "Header extensions the verifier must understand, or else reject the token.", "RFC 7515 §4.1.11"),
    r("b64", "Base64url-Encode Payload", "false means the payload is not base64url-encoded (unencoded payload option).", "RFC 7797 §3"),
    r("enc", "Encryption Algorithm", "The content encryption algorithm of an encrypted token (JWE).", "RFC 7516 §4.1.2"),
    r("zip", "Compression Algorithm", "The payload was compressed before encryption (JWE).", "RFC 7516 §4.1.3"),
    r("epk", "Ephemeral Public Key", "The sender's ephemeral key for ECDH key agreement (JWE).", "RFC 7518 §4.6.1.1"),
];

/// Registered JWT claims (RFC 7519 §4.1) and a few common ones.
pub const CLAIMS: &[Registered] = &[
    r(
        "iss",
        "Issuer",
        "Who issued the token; a verifier should accept only the issuers it expects.",
        "RFC 7519 §4.1.1",
    ),
    r("sub", "Subject", "Whom the token is about, usually a user ID, unique within the issuer.", "RFC 7519 §4.1.2"),
    r(
        "aud",
        "Audience",
        "Who the token is meant for; a recipient must reject a token whose audience does not name it.",
        "RFC 7519 §4.1.3",
    ),
    r("exp", "Expiration Time", "After this time the token must not be accepted.", "RFC 7519 §4.1.4"),
    r("nbf", "Not Before", "Before this time the token must not be accepted.", "RFC 7519 §4.1.5"),
    r("iat", "Issued At", "When the token was issued; tells its age.", "RFC 7519 §4.1.6"),
    r("jti", "JWT ID", "A unique ID for this token, usable to detect replay or to revoke it.", "RFC 7519 §4.1.7"),
    r("scope", "Scope", "The permissions granted, as space-separated scope names (OAuth 2.0).", "RFC 8693 §4.2"),
    r("client_id", "Client Identifier", "The OAuth 2.0 client the token was issued to.", "RFC 8693 §4.3"),
    r(
        "azp",
        "Authorized Party",
        "The party to which an ID token was issued (OpenID Connect).",
        "OpenID Connect Core §2",
    ),
    r(
        "nonce",
        "Nonce",
        "A value tying an ID token to the client's authentication request, against replay.",
        "OpenID Connect Core §2",
    ),
    r("auth_time", "Authentication Time", "When the user actually authenticated.", "OpenID Connect Core §2"),
    r(
        "name",
        "Full Name",
        "The user's full name (OpenID Connect standard claim); readable by anyone holding the token.",
        "OpenID Connect Core §5.1",
    ),
    r(
        "email",
        "Email",
        "The user's email address; readable by anyone holding the token, since a JWT is encoded, not encrypted.",
        "OpenID Connect Core §5.1",
    ),
    r("roles", "Roles", "Roles of the subject (a common private claim, RFC 9068 §2.2.3.1).", "RFC 9068 §2.2.3.1"),
    r("cnf", "Confirmation", "Binds the token to a key the presenter must prove possession of.", "RFC 7800 §3.1"),
];

fn find(table: &'static [Registered], name: &str) -> Option<&'static Registered> {
    table.iter().find(|e| e.name == name)
}

/// The registered header parameter called `name`.
pub fn header_parameter(name: &str) -> Option<&'static Registered> {
    find(HEADER_PARAMETERS, name)
}

/// The registered (or well-known) claim called `name`.
pub fn claim(name: &str) -> Option<&'static Registered> {
    find(CLAIMS, name)
}

/// The one-line description of a JWS algorithm name ([`crate::alg::Algorithm::description`]).
pub fn algorithm(name: &str) -> Option<&'static str> {
    crate::alg::ALL.iter().find(|a| a.name() == name).map(|a| a.description())
}
