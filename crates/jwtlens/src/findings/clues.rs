//! What a finding recognises: well-known secrets, sensitive claim names,
//! card numbers and e-mail addresses, injection-shaped key IDs.

use alloc::vec::Vec;

/// Well-known HMAC secrets: defaults from documentation, tutorials and
/// frameworks, and the most common entries of public JWT secret lists.
/// Checked only against the secret the caller gives, never used to guess.
pub const COMMON_SECRETS: &[&str] = &[
    "secret",
    "your-256-bit-secret",
    "your-384-bit-secret",
    "your-512-bit-secret",
    "password",
    "123456",
    "12345678",
    "123456789",
    "1234567890",
    "changeme",
    "change_me",
    "changeit",
    "jwt",
    "jwtsecret",
    "jwt_secret",
    "jwt-secret",
    "JWT_SECRET",
    "jwtSecret",
    "jwtkey",
    "jwt_key",
    "secretkey",
    "secret_key",
    "secret-key",
    "secretKey",
    "SECRET_KEY",
    "mysecret",
    "my_secret",
    "my-secret",
    "mySecret",
    "mysecretkey",
    "my_secret_key",
    "mySecretKey",
    "supersecret",
    "super_secret",
    "super-secret",
    "supersecretkey",
    "topsecret",
    "key",
    "private",
    "privatekey",
    "private_key",
    "test",
    "testing",
    "test123",
    "dev",
    "development",
    "prod",
    "production",
    "admin",
    "administrator",
    "root",
    "default",
    "qwerty",
    "letmein",
    "welcome",
    "abc123",
    "passw0rd",
    "p@ssw0rd",
    "s3cr3t",
    "s3cret",
    "secr3t",
    "shhhhh",
    "shhhhhared-secret",
    "keyboard cat",
    "keyboardcat",
    "hello",
    "helloworld",
    "hello world",
    "foobar",
    "foo",
    "bar",
    "example",
    "sample",
    "demo",
    "token",
    "tokensecret",
    "token_secret",
    "auth",
    "authsecret",
    "auth_secret",
    "api",
    "apikey",
    "api_key",
    "app",
    "appsecret",
    "app_secret",
    "server",
    "node",
    "express",
    "nodejs",
    "django-insecure",
    "laravel",
    "rails",
    "spring",
    "flask",
    "fastapi",
    "your_jwt_secret",
    "your-secret-key",
    "your_secret_key",
    "yoursecretkey",
    "your-secret",
    "YOUR_SECRET_KEY",
    "replace-me",
    "replace_me",
    "changethis",
    "change-this",
    "change_this_super_secret_random_string",
    "secretOrPrivateKey",
    "ThisIsMySecret",
    "thisismysecret",
    "gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
    "jwtlens-example-secret-do-not-use-in-production",
];

/// RFC 7515 A.1's HMAC key, as bytes: public since 2015, so never secret.
pub(super) const RFC7515_A1_KEY: &str =
    "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";

pub(super) fn is_common_secret(secret: &[u8]) -> bool {
    COMMON_SECRETS.iter().any(|s| s.as_bytes() == secret)
        || crate::b64::decode(RFC7515_A1_KEY).is_ok_and(|d| d.bytes == secret)
}

/// Claim names that should never travel in a readable payload.
pub(super) const SENSITIVE_NAMES: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "pass",
    "secret",
    "client_secret",
    "api_key",
    "apikey",
    "private_key",
    "ssn",
    "social_security",
    "credit_card",
    "card_number",
    "cardnumber",
    "cc_number",
    "cvv",
    "cvc",
    "pin",
    "iban",
];

/// Luhn-valid 13–19 digit numbers (spaces and dashes allowed) look like card numbers.
pub(super) fn looks_like_card(s: &str) -> bool {
    let digits: Vec<u32> =
        s.chars().filter(|c| !matches!(c, ' ' | '-')).map(|c| c.to_digit(10).unwrap_or(99)).collect();
    if !(13..=19).contains(&digits.len())
        || digits.iter().any(|d| *d > 9)
        || s.chars().any(|c| !(c.is_ascii_digit() || c == ' ' || c == '-'))
    {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                *d
            }
        })
        .sum();
    sum % 10 == 0
}

pub(super) fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.') && !s.contains(' ')
}

/// kid values that look like a path, a URL or SQL: signs of injection into a key lookup (RFC 8725 §3.10).
pub(super) fn suspicious_kid(kid: &str) -> Option<&'static str> {
    let lower = kid.to_ascii_lowercase();
    if kid.contains('\0') {
        Some("a NUL byte")
    } else if kid.contains("../") || kid.contains("..\\") || kid.starts_with('/') || lower.starts_with("file:") {
        Some("a file path")
    } else if lower.contains("://") {
        Some("a URL")
    } else if kid.contains('\'')
        || kid.contains("--")
        || kid.contains(';')
        || lower.contains(" or ")
        || lower.contains("union select")
    {
        Some("SQL")
    } else if kid.contains('|') || kid.contains('`') || kid.contains("$(") {
        Some("a shell command")
    } else {
        None
    }
}
