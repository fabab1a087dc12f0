//! Example tokens the faces offer, so all of them show the same one.

/// An HS256 token for "Ada Lovelace", issued 2026-11-18T11:06:40Z and valid
/// for one hour, signed with [`EXAMPLE_SECRET`].
///
/// ```
/// let r = jwtlens::inspect(jwtlens::examples::EXAMPLE_TOKEN, &jwtlens::Options::at(jwtlens::time::NumericDate::from_secs(1_795_000_180)));
/// assert!(r.errors.is_empty());
/// assert_eq!(r.time.unwrap().exp.unwrap().relative.as_deref(), Some("expires in 57 min"));
/// ```
pub const EXAMPLE_TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImRlbW8tMjAyNiJ9.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20iLCJzdWIiOiJ1c2VyLTEyMzQiLCJhdWQiOiJhcGkuZXhhbXBsZS5jb20iLCJuYW1lIjoiQWRhIExvdmVsYWNlIiwicm9sZXMiOlsiYWRtaW4iXSwiaWF0IjoxNzk1MDAwMDAwLCJuYmYiOjE3OTUwMDAwMDAsImV4cCI6MTc5NTAwMzYwMCwianRpIjoiNWYxYzlhM2UtN2IyZC00ZThmLTlhNjEtMGMzZDJiNGU1ZjYwIn0.HQMah4sZ4BfgxZCI9LnlcW3beRk_C_NURV-jbmGTjHA";

/// The HMAC secret that signs [`EXAMPLE_TOKEN`]. Public, so never use it for anything real.
pub const EXAMPLE_SECRET: &str = "jwtlens-example-secret-do-not-use-in-production";
