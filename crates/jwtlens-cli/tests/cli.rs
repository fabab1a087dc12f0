//! Run the `jwtlens` binary as a user would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const JWT: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
// {"alg":"HS256"}.{"exp":1700003600,"iat":1700000000}
const WITH_EXP: &str = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3MDAwMDM2MDAsImlhdCI6MTcwMDAwMDAwMH0.c2ln";

fn jwtlens(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jwtlens"))
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    // A usage error exits before it reads its input, closing the pipe: the write may then fail
    // with BrokenPipe (a race, not the test's subject); the exit status and output tell the rest.
    match pipe.write_all(stdin.unwrap_or("").as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r.unwrap(),
    }
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn inspect_argument_human_output() {
    let o = jwtlens(&["inspect", JWT, "--now", "1516242622"], None);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.starts_with("Signed token (JWS)  HS256 — HMAC using SHA-256"), "{out}");
    assert!(out.contains("\"1234567890\""), "{out}");
    assert!(out.contains("2018-01-18T01:30:22Z (issued 1 h ago)"), "{out}");
    assert!(!out.contains('\x1b'), "no colours when stdout is not a terminal");
}

#[test]
fn color_always_paints() {
    let o = jwtlens(&["inspect", JWT, "--color", "always", "--now", "0"], None);
    assert!(stdout(&o).contains("\x1b[1m"));
}

#[test]
fn stdin_when_absent_or_dash() {
    for args in [&["inspect"][..], &["inspect", "-"][..]] {
        let o = jwtlens(args, Some(&format!("Bearer {WITH_EXP}\n")));
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(stdout(&o).contains("bearer_prefix_stripped"));
    }
}

#[test]
fn json_is_the_report() {
    let o = jwtlens(&["inspect", "--json", "--now", "2023-11-14T22:16:20Z", WITH_EXP], None);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["kind"], "jws");
    assert_eq!(v["time"]["status"], "valid");
    assert_eq!(v["time"]["exp"]["relative"], "expires in 57 min");
    assert_eq!(v["claims"]["exp"], 1_700_003_600.0);
    // the same JSON the core makes
    let now = jwtlens::time::NumericDate::from_secs(1_700_000_180);
    let core = jwtlens::inspect(WITH_EXP, &jwtlens::Options::at(now)).to_json();
    assert_eq!(String::from_utf8(o.stdout).unwrap().trim_end(), core);
    // The same instant written with an offset, a space, a lowercase t, or as seconds.
    for now in ["2023-11-14 23:16:20+01:00", "2023-11-14t22:16:20z", "2023-11-14T17:16:20.000-05:00", "1700000180"] {
        let o = jwtlens(&["inspect", "--json", "--now", now, WITH_EXP], None);
        assert_eq!(String::from_utf8(o.stdout).unwrap().trim_end(), core, "--now {now}");
    }
    for bad in ["2023-02-30T00:00:00Z", "2023-11-14T22:16:20", "1700000180000", "yesterday"] {
        let o = jwtlens(&["inspect", "--now", bad, WITH_EXP], None);
        assert_eq!(o.status.code(), Some(2), "--now {bad}");
    }
}

#[test]
fn broken_token_exits_1_with_located_error() {
    let broken = format!("{}*{}", &JWT[..40], &JWT[41..]);
    let o = jwtlens(&["inspect", &broken, "--now", "0"], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("[bad_base64url] payload at byte 40"), "{out}");
    assert!(out.contains("Header") && out.contains("\"HS256\""), "the header still shows: {out}");
    let o = jwtlens(&["inspect", "--json", "not a token"], None);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["errors"][0]["code"], "wrong_segment_count");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(jwtlens(&["inspect", "--now", "soon", JWT], None).status.code(), Some(2));
    assert_eq!(jwtlens(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(jwtlens(&[], None).status.code(), Some(2));
    let o = Command::new(env!("CARGO_BIN_EXE_jwtlens"))
        .args(["inspect"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin.take().unwrap().write_all(b"\xff\xfe").unwrap();
            c.wait_with_output()
        })
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not UTF-8"));
}

#[test]
fn help_and_version_exit_0() {
    let o = jwtlens(&["--help"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Exit codes"));
    assert_eq!(jwtlens(&["--version"], None).status.code(), Some(0));
}

fn vector(name: &str) -> String {
    format!("{}/../../tests/vectors/latchset-jose/tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn verify_with_a_jwk_file_exits_0_and_json_has_the_verdict() {
    let token = std::fs::read_to_string(vector("rfc7515_A.2.jwsc")).unwrap();
    let key = vector("rfc7515_A.2.jwk");
    let o = jwtlens(&["verify", "--key", &key, "--now", "1300000000", &token], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("Signature verified with the RSA public key, 2048 bits (JWK)."));
    let o =
        jwtlens(&["verify", "--json", "--jwks", &vector("rfc7515_A.6.jwkset"), "--now", "1300000000", &token], None);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["verification"]["status"], "verified");
    // RFC 7515 A.2's exp is 1300819380: a later now fails the time check.
    assert_eq!(jwtlens(&["verify", "--key", &key, "--now", "1400000000", &token], None).status.code(), Some(1));
}

#[test]
fn verify_with_secrets_in_encodings() {
    let token = std::fs::read_to_string(vector("rfc7515_A.1.jwsc")).unwrap();
    let k = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
    let ok = jwtlens(&["verify", "--secret", k, "--secret-encoding", "base64url", "--now", "1300000000", &token], None);
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    let wrong =
        jwtlens(&["verify", "--secret", "not-the-secret-not-the-secret-xx", "--now", "1300000000", &token], None);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(stdout(&wrong).contains("Invalid signature: the signature does not match."), "{}", stdout(&wrong));
}

#[test]
fn verify_usage_errors_exit_2() {
    let token = std::fs::read_to_string(vector("rfc7515_A.1.jwsc")).unwrap();
    assert_eq!(jwtlens(&["verify", &token], None).status.code(), Some(2), "a key source is required");
    let o = jwtlens(&["verify", "--key", "/nonexistent/key.pem", &token], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read"));
    let o = jwtlens(&["verify", "--secret", "zz", "--secret-encoding", "hex", &token], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("hex secret (character 0)"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn verify_checks_the_policy() {
    let token = std::fs::read_to_string(vector("rfc7515_A.1.jwsc")).unwrap();
    let k = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
    let base = ["verify", "--secret", k, "--secret-encoding", "base64url", "--now", "1300000000"];
    let run = |extra: &[&str]| {
        let mut args: Vec<&str> = base.to_vec();
        args.extend_from_slice(extra);
        args.push(&token);
        jwtlens(&args, None)
    };
    let ok = run(&["--iss", "joe", "--alg", "HS256", "--require", "exp"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    assert!(stdout(&ok).contains("✓ iss      The issuer \"joe\" is accepted."), "{}", stdout(&ok));
    let bad = run(&["--aud", "api"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stdout(&bad).contains("✗ aud      The token has no aud; expected one of [\"api\"]."), "{}", stdout(&bad));
    assert!(stdout(&bad).contains("INVALID  Signature verified, but the claims fail"), "{}", stdout(&bad));
    assert_eq!(run(&["--alg", "RS256"]).status.code(), Some(1));
    for bad_flag in [
        &["--leeway", "NaN"][..],
        &["--leeway", "-1"],
        &["--leeway", "3600"],
        &["--alg", "HS999"],
        &["--max-age", "inf"],
    ] {
        let o = run(bad_flag);
        assert_eq!(o.status.code(), Some(2), "{bad_flag:?}: {}", String::from_utf8_lossy(&o.stderr));
    }
    // Durations are read by the core (policy::seconds), with its sentences.
    for (flag, said) in [
        (&["--leeway", "ten"][..], "--leeway must be a number of seconds, found \"ten\""),
        (&["--leeway", "3600"], "--leeway must be at most 600 seconds, found 3600"),
        (&["--max-age", "1e999"], "--max-age must be a finite number of seconds"),
        (&["--kb-max-age", "soon"], "--kb-max-age must be a number of seconds, found \"soon\""),
    ] {
        let o = run(flag);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{flag:?}: {err}");
        assert!(err.contains(said), "{flag:?}: {err}");
    }
}

#[test]
fn keygen_sign_verify_round_trip() {
    let dir = std::env::temp_dir().join(format!("jwtlens-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for alg in ["ES256", "EdDSA", "PS256"] {
        let o = jwtlens(&["keygen", "--alg", alg], None);
        assert_eq!(o.status.code(), Some(0));
        let keys: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let private = dir.join(format!("{alg}.private.jwk"));
        let public = dir.join(format!("{alg}.public.jwk"));
        std::fs::write(&private, keys["privateJwk"].to_string()).unwrap();
        std::fs::write(&public, keys["publicJwk"].to_string()).unwrap();
        let o = jwtlens(
            &["sign", "--alg", alg, "--key", private.to_str().unwrap(), "--iat", "--expires-in", "600"],
            Some(r#"{"sub":"ada"}"#),
        );
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        let token = stdout(&o).trim().to_owned();
        let o = jwtlens(&["verify", "--key", public.to_str().unwrap(), "--json", &token], None);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["verdict"]["status"], "valid", "{alg}: {}", v["verdict"]["message"]);
        assert_eq!(v["claims"]["sub"], "ada");
        assert_eq!(o.status.code(), Some(0));
    }
    let o = jwtlens(&["sign", "--alg", "HS256", "--secret", "short", "--claims", "{}"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("at least 32 bytes"));
    assert_eq!(
        jwtlens(&["sign", "--alg", "HS256", "--secret", &"x".repeat(32), "--claims", "[1]"], None).status.code(),
        Some(2)
    );
    assert_eq!(jwtlens(&["keygen", "--alg", "none"], None).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn cookie_verdicts() {
    let lines = "Set-Cookie: sid=abc; Secure; HttpOnly; SameSite=Lax\ntheme=dark\nbad=1; Domain=co.uk\n";
    let base = ["cookie", "--from", "https://bank.example/login", "--now", "1700000000"];
    let o = jwtlens(
        &[
            &base[..],
            &[
                "--request",
                "https://bank.example/x",
                "--method",
                "POST",
                "--site",
                "https://evil.example",
                "--subresource",
            ],
        ]
        .concat(),
        Some(lines),
    );
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    assert!(out.contains("-> rejected: Domain=co.uk is a public suffix"), "{out}");
    assert!(out.contains("NOT SENT sid  (domain bank.example, path /): SameSite=Lax"), "{out}");
    assert!(out.ends_with("Cookie: (nothing)\n"), "{out}");
    let o = jwtlens(&[&base[..], &["--script", "--json"]].concat(), Some(lines));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["header"], "theme=dark", "HttpOnly is hidden from document.cookie");
    assert_eq!(v["set"][2]["result"]["reason"]["code"], "public_suffix");
    assert_eq!(jwtlens(&["cookie", "--from", "nope"], Some("a=1")).status.code(), Some(2));
    // Frames and mixed content: a link in an evil.example frame of the bank's own page keeps
    // Strict cookies home; an http: image from the https: page is upgraded, an http: fetch blocked.
    let four = "st=1; Secure; SameSite=Strict; Path=/\nlx=1; Secure; SameSite=Lax; Path=/\n";
    let from = ["cookie", "--from", "https://bank.example/", "--now", "1700000000", "--json"];
    let frame_link =
        ["--request", "https://bank.example/t", "--site", "https://bank.example/", "--frame", "https://evil.example/f"];
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&jwtlens(&[&from[..], &frame_link[..]].concat(), Some(four)))).unwrap();
    assert_eq!(v["header"], "lx=1");
    assert_eq!(v["request"]["frames"][0]["host"], "evil.example");
    let img = [
        "--request",
        "http://bank.example/logo",
        "--site",
        "https://bank.example/",
        "--subresource",
        "--destination",
        "image",
    ];
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&jwtlens(&[&from[..], &img[..]].concat(), Some(four)))).unwrap();
    assert_eq!(v["header"], "st=1; lx=1");
    let fetch = ["--request", "http://bank.example/api", "--site", "https://bank.example/", "--subresource"];
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&jwtlens(&[&from[..], &fetch[..]].concat(), Some(four)))).unwrap();
    assert_eq!(v["cookies"][0]["reason"]["code"], "mixed_content_blocked");
    assert_eq!(jwtlens(&[&from[..], &["--frame", "nope"]].concat(), Some(four)).status.code(), Some(2));
    assert_eq!(jwtlens(&[&from[..], &["--destination", "video"]].concat(), Some(four)).status.code(), Some(2));
}

#[test]
fn simulate_prints_the_story_and_its_numbers() {
    let o = jwtlens(
        &["simulate", "--strategy", "jwt-local-storage", "login", "xss", "advance:600", "logout", "replay"],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("2. XSS script runs on the page [2026-11-18T11:06:40Z]"), "{out}");
    assert!(out.contains("=> The script read the token from localStorage and can now call the API from anywhere until 12:06 UTC (1 h from now)."), "{out}");
    assert!(
        out.contains("=> The token from localStorage still works: accepted until 12:06 UTC (50 min from now)."),
        "{out}"
    );
    // The same run as JSON equals the core's.
    let o =
        jwtlens(&["simulate", "--json", "--deny-list", "--strategy", "jwt-cookie", "login", "logout", "replay"], None);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let core = jwtlens_flows::simulate(
        jwtlens_flows::Config { strategy: jwtlens_flows::Strategy::JwtCookie, deny_list: true, ..Default::default() },
        &["login".parse().unwrap(), "logout".parse().unwrap(), "replay".parse().unwrap()],
    );
    assert_eq!(v, serde_json::to_value(&core).unwrap());
    // A session cookie under SameSite=None is sent with a cross-site POST.
    let o = jwtlens(&["simulate", "--same-site", "none", "login", "csrf-post"], None);
    assert!(stdout(&o).contains("=> CSRF worked"), "{}", stdout(&o));
}

#[test]
fn simulate_usage_errors_exit_2() {
    for args in [
        &["simulate"][..],
        &["simulate", "advance"],
        &["simulate", "fly"],
        &["simulate", "request:9"],
        &["simulate", "--servers", "0", "login"],
    ] {
        let o = jwtlens(args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
    }
    let o = jwtlens(&["simulate", "advance"], None);
    assert!(String::from_utf8_lossy(&o.stderr).contains("advance needs the seconds, as advance:600"));
}

#[test]
fn compare_prints_the_measured_table() {
    let o = jwtlens(&["compare"], None);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.starts_with(
        "| Factor | Server session (cookie) | JWT in localStorage | JWT in a cookie | Access + refresh tokens |"
    ));
    assert!(out.contains("| 36 bytes per request | 311 bytes per request |"), "{out}");
    let o = jwtlens(&["compare", "--json", "--deny-list"], None);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let logout = v["rows"].as_array().unwrap().iter().find(|r| r["factor"] == "Logout").unwrap();
    assert_eq!(logout["cells"][1], "a copy is refused at once (0 s)");
}

// ---- issue 9: the seven holes, through the CLI ----

const NOW: &str = "1795000000";
const SECRET: &str = "a-long-and-random-shared-secret-0123456789";
/// An Ed25519 public key (RFC 8410 §10.1).
const ED25519_PEM: &str =
    "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n";

fn hs256(secret: &[u8], header: &str, payload: &str) -> String {
    let b = |x: &[u8]| jwtlens::b64::encode(x);
    let input = format!("{}.{}", b(header.as_bytes()), b(payload.as_bytes()));
    let mac = jwtlens::verify::hmac(jwtlens::alg::Algorithm::HS256, secret, input.as_bytes());
    format!("{input}.{}", b(&mac))
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("jwtlens-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

fn verdict_json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)))
}

#[test]
fn hole_1_public_key_text_is_never_an_hmac_secret() {
    for (what, text) in [
        ("BOM", format!("\u{feff}{ED25519_PEM}")),
        ("subject= preamble", format!("subject=CN = x\n{ED25519_PEM}")),
        ("JSON quotes", serde_json::to_string(ED25519_PEM).unwrap()),
        ("bare body", String::from("MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=")),
    ] {
        let forged = hs256(text.as_bytes(), r#"{"alg":"HS256"}"#, r#"{"sub":"admin"}"#);
        // Given as --secret: refused as key confusion.
        let o = jwtlens(&["verify", "--json", "--secret", &text, "--now", NOW, &forged], None);
        assert_eq!(o.status.code(), Some(1), "{what}");
        let v = verdict_json(&o);
        assert_eq!(v["verdict"]["status"], "invalid_signature", "{what}");
        assert_eq!(v["findings"][0]["code"], "key_confusion", "{what}");
        // Given as --key: read as the Ed25519 key it is, which cannot verify HS256.
        let path = temp_file("wrapped.pem", &text);
        let o = jwtlens(&["verify", "--json", "--key", path.to_str().unwrap(), "--now", NOW, &forged], None);
        assert_eq!(o.status.code(), Some(1), "{what}");
        assert_ne!(verdict_json(&o)["verdict"]["status"], "valid", "{what}");
    }
    // A --key file that is not key material is a usage error, never a secret.
    let path = temp_file("plain.txt", SECRET);
    let o = jwtlens(&["verify", "--key", path.to_str().unwrap(), "--now", NOW, JWT], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad key"));
}

#[test]
fn holes_2_and_3_unreadable_payloads_and_bad_crit_are_not_valid() {
    for (header, payload, want) in [
        (r#"{"alg":"HS256"}"#, r#"{"sub":"\ud800"}"#, "malformed"),
        (r#"{"alg":"HS256"}"#, r#"[1]"#, "malformed"),
        (r#"{"alg":"HS256","cty":"JWT"}"#, r#"{"sub":"x"}"#, "nested"),
        (r#"{"alg":"HS256","crit":[]}"#, r#"{"sub":"x"}"#, "malformed"),
        (r#"{"alg":"HS256","crit":["b64"]}"#, r#"{"sub":"x"}"#, "malformed"),
    ] {
        let token = hs256(SECRET.as_bytes(), header, payload);
        let o = jwtlens(&["verify", "--json", "--secret", SECRET, "--now", NOW, &token], None);
        assert_eq!(o.status.code(), Some(1), "{header} {payload}");
        assert_eq!(verdict_json(&o)["verdict"]["status"], want, "{header} {payload}");
    }
}

#[test]
fn hole_5_the_clock_is_the_system_clock_unless_skipped_explicitly() {
    let expired_2001 = hs256(SECRET.as_bytes(), r#"{"alg":"HS256"}"#, r#"{"exp":978307200}"#);
    let o = jwtlens(&["verify", "--json", "--secret", SECRET, &expired_2001], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(verdict_json(&o)["verdict"]["status"], "claims_fail");
    let o = jwtlens(&["verify", "--json", "--secret", SECRET, "--skip-time-checks", &expired_2001], None);
    assert_eq!(o.status.code(), Some(0));
    let v = verdict_json(&o);
    assert!(v["verdict"]["message"].as_str().unwrap().contains("skipped"), "{v}");
    // Skipping and a time together is a usage error.
    let o = jwtlens(&["verify", "--secret", SECRET, "--skip-time-checks", "--now", NOW, &expired_2001], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn hole_4_a_kid_picks_the_key_and_another_keys_signature_fails() {
    let other = "another-long-and-random-shared-secret-987";
    let k =
        |s: &str, kid: &str| format!(r#"{{"kty":"oct","kid":"{kid}","k":"{}"}}"#, jwtlens::b64::encode(s.as_bytes()));
    let path = temp_file("set.jwks", &format!(r#"{{"keys":[{},{}]}}"#, k(SECRET, "A"), k(other, "B")));
    let by_a_claiming_b = hs256(SECRET.as_bytes(), r#"{"alg":"HS256","kid":"B"}"#, "{}");
    let by_b = hs256(other.as_bytes(), r#"{"alg":"HS256","kid":"B"}"#, "{}");
    let run = |t: &str| jwtlens(&["verify", "--jwks", path.to_str().unwrap(), "--now", NOW, t], None).status.code();
    assert_eq!(run(&by_a_claiming_b), Some(1));
    assert_eq!(run(&by_b), Some(0));
}

#[test]
fn hole_6_a_huge_payload_is_refused_with_a_located_error() {
    let payload = format!("{{{}\"a\":0}}", "\"a\":0,".repeat(19_999));
    let token = hs256(SECRET.as_bytes(), r#"{"alg":"HS256"}"#, &payload);
    // From stdin: one argument may not pass 128 KiB.
    let o = jwtlens(&["verify", "--json", "--secret", SECRET, "--now", NOW], Some(&token));
    assert_eq!(o.status.code(), Some(1));
    let v = verdict_json(&o);
    assert_eq!(v["errors"][0]["code"], "too_complex");
    assert_eq!(v["errors"][0]["part"], "payload");
}

#[test]
fn hole_7_one_leeway_and_milliseconds_refused() {
    // Expired 30 s before --now: inside the default leeway of 60 s.
    let token = hs256(SECRET.as_bytes(), r#"{"alg":"HS256"}"#, r#"{"exp":1794999970}"#);
    assert_eq!(jwtlens(&["verify", "--secret", SECRET, "--now", NOW, &token], None).status.code(), Some(0));
    assert_eq!(jwtlens(&["verify", "--secret", SECRET, "--now", "1795000060", &token], None).status.code(), Some(1));
    let o = jwtlens(&["verify", "--secret", SECRET, "--now", "1795000000000", &token], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("milliseconds"));
}

#[test]
fn sd_jwt_verify_and_inspect() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/sd-jwt");
    let presentation = std::fs::read_to_string(format!("{dir}/rfc9901/simple/presentation.txt")).unwrap();
    let key = format!("{dir}/keys/issuer.public.jwk.json");
    let base =
        ["verify", "--key", &key, "--now", "1748537243", "--kb-aud", "https://verifier.example.org", "--require-kb"];
    let o = jwtlens(&[&base[..], &["--nonce", "1234567890", &presentation]].concat(), None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("Disclosure 4: array element \"US\" -> /nationalities/0"), "{}", stdout(&o));
    let o = jwtlens(&[&base[..], &["--nonce", "another", "--json", &presentation]].concat(), None);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!((v["status"].as_str(), v["error"]["code"].as_str()), (Some("invalid"), Some("key_binding")));
    // inspect: the parts and the payload, said to be unverified.
    let o = jwtlens(&["inspect", &presentation], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("SD-JWT, NOT VERIFIED"), "{}", stdout(&o));
    let o = jwtlens(&["inspect", "--json", &presentation], None);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["verified"], false);
    assert_eq!(v["processed"]["payload"]["given_name"], "John");
}

#[test]
fn decrypt_a_jwe() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/jwe");
    let a3: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/rfc7516/A.3.json")).unwrap()).unwrap();
    let key_file = std::env::temp_dir().join(format!("jwtlens-a3-{}.jwk", std::process::id()));
    std::fs::write(&key_file, a3["input"]["key"].to_string()).unwrap();
    let jwe = a3["output"]["compact"].as_str().unwrap();
    let o = jwtlens(&["decrypt", "--key", key_file.to_str().unwrap(), jwe], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("Live long and prosper."), "{}", stdout(&o));
    let tampered = jwe.replace(".U0m_", ".U1m_");
    let o = jwtlens(&["decrypt", "--json", "--key", key_file.to_str().unwrap(), &tampered], None);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["error"]["code"], "decryption");
    assert_eq!(jwtlens(&["decrypt", jwe], None).status.code(), Some(2), "a key or a password is required");
    std::fs::remove_file(key_file).ok();
}

#[test]
fn encrypt_a_signed_jwt_then_decrypt_and_verify_it_nested() {
    // The sender's signing key and the recipient's encryption key, both made by the CLI.
    let keygen = |alg: &str| -> serde_json::Value {
        let o = jwtlens(&["keygen", "--alg", alg], None);
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let signer = keygen("ES256");
    let recipient = keygen("ES384");
    let signing_key = temp_file("nest-sign.jwk", &signer["privateJwk"].to_string());
    let verify_key = temp_file("nest-verify.jwk", &signer["publicJwk"].to_string());
    // ECDH-ES needs an EC key for agreement: the recipient's keys, read as ECDH keys.
    let recipient_public = temp_file("nest-enc.jwk", &recipient["publicJwk"].to_string());
    let recipient_private = temp_file("nest-dec.jwk", &recipient["privateJwk"].to_string());
    let now = "1795000000";
    let claims = r#"{"sub":"ada","exp":1795003600}"#;
    let o = jwtlens(&["sign", "--alg", "ES256", "--key", signing_key.to_str().unwrap()], Some(claims));
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let jws = stdout(&o).trim().to_owned();
    let o = jwtlens(
        &[
            "encrypt",
            "--alg",
            "ECDH-ES+A256KW",
            "--enc",
            "A256GCM",
            "--cty",
            "JWT",
            "--key",
            recipient_public.to_str().unwrap(),
            &jws,
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let jwe = stdout(&o).trim().to_owned();
    assert_eq!(jwe.split('.').count(), 5);
    // Decrypted and the nested JWT verified: exit 0, the inner report in the JSON.
    let dec = |extra: &[&str], token: &str| {
        let mut args = vec!["decrypt", "--json", "--now", now, "--key", recipient_private.to_str().unwrap()];
        args.extend_from_slice(extra);
        args.push(token);
        jwtlens(&args, None)
    };
    let o = dec(&["--verify-key", verify_key.to_str().unwrap()], &jwe);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["nested"], true);
    // The core's serialization of the decryption (the plaintext as text and as base64url), and the inner report.
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["alg", "enc", "findings", "header", "inner", "nested", "plaintext", "plaintextBase64url", "steps"]
    );
    assert_eq!(v["plaintext"].as_str(), Some(jws.as_str()));
    assert_eq!(v["plaintextBase64url"].as_str(), Some(jwtlens::b64::encode(jws.as_bytes()).as_str()));
    assert_eq!(v["inner"]["verdict"]["status"], "valid");
    assert_eq!(v["inner"]["claims"]["sub"], "ada");
    // Another signer's key: decrypted, but the nested JWT is not valid, and the exit code says so.
    let other = temp_file("nest-other.jwk", &keygen("ES256")["publicJwk"].to_string());
    let o = dec(&["--verify-key", other.to_str().unwrap()], &jwe);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["inner"]["verdict"]["status"], "invalid_signature");
    // Without a key the nested JWT is inspected only (exit 0: decryption succeeded), and said to be unchecked.
    let o = dec(&[], &jwe);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["inner"]["verdict"]["status"], "no_key");
    // A password, PBES2: round trip in text mode.
    let o = jwtlens(
        &[
            "encrypt",
            "--alg",
            "PBES2-HS256+A128KW",
            "--enc",
            "A128CBC-HS256",
            "--password",
            "pw",
            "--p2c",
            "1000",
            "hello",
        ],
        None,
    );
    let jwe = stdout(&o).trim().to_owned();
    let o = jwtlens(&["decrypt", "--password", "pw", &jwe], None);
    assert!(stdout(&o).contains("hello"), "{}", stdout(&o));
    // An unknown enc is a usage error.
    let o = jwtlens(&["encrypt", "--alg", "dir", "--enc", "A64GCM", "--password", "pw", "x"], None);
    assert_eq!(o.status.code(), Some(2));
    for f in [signing_key, verify_key, recipient_public, recipient_private, other] {
        std::fs::remove_file(f).ok();
    }
}

/// One casing: every member name the CLI's `--json` outputs write is camelCase,
/// as the npm package's are (`tests/npm/types.test.mjs`). Member names read
/// from a token or a key (`given_name`, `key_ops`) are data, not ours.
#[test]
fn json_output_names_are_camel_case() {
    fn walk(v: &serde_json::Value, path: &str, names: &mut usize, bad: &mut Vec<String>) {
        const DATA: [&str; 7] = ["json", "claims", "jwk", "privateJwk", "publicJwk", "payload", "header"];
        match v {
            serde_json::Value::Array(items) => {
                items.iter().enumerate().for_each(|(i, x)| walk(x, &format!("{path}[{i}]"), names, bad))
            }
            serde_json::Value::Object(members) => {
                for (k, x) in members {
                    *names += 1;
                    let camel = k.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                        && k.chars().all(|c| c.is_ascii_alphanumeric());
                    if !camel {
                        bad.push(format!("{path}.{k}"));
                    }
                    if !DATA.contains(&k.as_str()) {
                        walk(x, &format!("{path}.{k}"), names, bad);
                    }
                }
            }
            _ => {}
        }
    }
    // A token whose claims have snake_case names of their own (data).
    let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2EuZXhhbXBsZSIsImdpdmVuX25hbWUiOiJBZGEiLCJleHAiOjE3MDAwMDM2MDAsImlhdCI6MTcwMDAwMDAwMH0.c2ln";
    let secret = "a-long-and-random-shared-secret-0123456789";
    let cookie_input = "Set-Cookie: sid=abc; Secure; HttpOnly; SameSite=Lax\nbad=1; Domain=co.uk\n";
    let runs: Vec<(Vec<&str>, Option<&str>)> = vec![
        (vec!["inspect", "--json", "--now", "1700000100", token], None),
        (vec!["inspect", "--json", "not a token"], None),
        (
            vec![
                "verify",
                "--json",
                "--secret",
                secret,
                "--iss",
                "https://a.example",
                "--aud",
                "api",
                "--max-age",
                "60",
                "--now",
                "1700000100",
                token,
            ],
            None,
        ),
        (vec!["keygen", "--alg", "ES256"], None),
        (
            vec!["cookie", "--from", "https://bank.example/", "--now", "1700000000", "--script", "--json"],
            Some(cookie_input),
        ),
        (
            vec!["simulate", "--json", "--deny-list", "--strategy", "jwt-cookie", "login", "xss", "logout", "replay"],
            None,
        ),
        (vec!["compare", "--json"], None),
    ];
    let mut names = 0;
    let mut bad = Vec::new();
    for (args, input) in runs {
        let o = jwtlens(&args, input);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: {e}: {}{}", stdout(&o), String::from_utf8_lossy(&o.stderr)));
        walk(&v, args[0], &mut names, &mut bad);
    }
    println!("{names} member names in the --json outputs, all camelCase");
    assert_eq!(bad, Vec::<String>::new(), "member names that are not camelCase");
    assert!(names > 300, "{names} member names checked");
}
