//! Cookie conformance: the IETF http-state test suite (RFC 6265), one harness
//! per data set, each printing its pass count and failing on any unexpected result.
//!
//! Data: tests/vectors/http-state (abarth/http-state @ 155e45c6; see PROVENANCE.md).
//! The clock is pinned to 2015-01-01T00:00:00Z, between the suite's expired
//! (2007) and future (2019/2027) Expires dates, as PROVENANCE.md explains.
//!
//! The suite encodes RFC 6265 (2011). jwtlens follows RFC 6265bis and
//! current Chromium; where they differ the case is listed in `DIVERGENT`
//! with the reason, and the harness checks that the divergence is exactly
//! the expected one (no silent skips). DISABLED_* cases are disabled upstream.

use std::path::PathBuf;

use jwtlens_cookie::{date::parse_cookie_date, CookieJar, Request, UnixTime, Url};
use serde_json::Value;

const NOW: UnixTime = UnixTime::from_secs(1_420_070_400); // 2015-01-01T00:00:00Z

fn data() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/http-state/tests/data")
}

/// RFC 6265 (2011) ignored a Set-Cookie without "=" (or with an empty name).
/// RFC 6265bis §5.6 step 3 keeps it as a cookie with an empty name, and
/// Chromium, Firefox and Safari all do; so these cases send the nameless
/// cookie where the 2011 suite expects nothing.
const NAMELESS: &str = "RFC 6265bis §5.6 step 3: a pair without '=' is a cookie with an empty name";

/// Cases where RFC 6265bis / Chromium behaviour differs from the 2011 expectations.
/// (NAME0017 `=a=bar` and NAME0025 `===a=bar` are not among them: a nameless
/// cookie whose value holds '=' would read back as a named one, and Chromium
/// refuses it, as the 2011 suite expects.)
const DIVERGENT: &[(&str, &str)] = &[
    ("0004", NAMELESS),
    ("0021", NAMELESS),
    ("0023", NAMELESS),
    ("0024", NAMELESS),
    ("0025", NAMELESS),
    ("0026", NAMELESS),
    ("0027", NAMELESS),
    ("0028", NAMELESS),
    ("CHROMIUM0009", NAMELESS),
    ("CHROMIUM0010", NAMELESS),
    ("CHROMIUM0012", NAMELESS),
    ("MOZILLA0012", NAMELESS),
    ("MOZILLA0014", NAMELESS),
    ("MOZILLA0015", NAMELESS),
    ("MOZILLA0016", NAMELESS),
    ("MOZILLA0017", NAMELESS),
    ("NAME0023", NAMELESS),
    ("NAME0028", NAMELESS),
    ("NAME0031", NAMELESS),
    ("NAME0032", NAMELESS),
    ("NAME0033", NAMELESS),
];

#[test]
fn parser_cases() {
    let cases: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(data().join("parser.json")).unwrap()).unwrap();
    let (mut passed, mut total, mut skipped) = (0, 0, 0);
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["test"].as_str().unwrap();
        if name.starts_with("DISABLED_") {
            skipped += 1;
            continue;
        }
        total += 1;
        let origin = Request::navigate(&format!("http://home.example.org:8888/cookie-parser?{name}")).unwrap();
        let mut jar = CookieJar::new();
        for line in case["received"].as_array().unwrap() {
            jar.set(line.as_str().unwrap(), &origin, NOW);
        }
        let target = match case["sent-to"].as_str() {
            Some(to) => origin.url.join(to).unwrap(),
            None => Url::parse(&format!("http://home.example.org:8888/cookie-parser-result?{name}")).unwrap(),
        };
        let req = Request { url: target, ..Request::navigate("http://home.example.org:8888/").unwrap() };
        let got = jar.cookie_header(&req, NOW).unwrap_or_default();
        let want: Vec<String> = case["sent"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let (n, v) = (c["name"].as_str().unwrap(), c["value"].as_str().unwrap());
                if n.is_empty() {
                    v.to_owned()
                } else {
                    format!("{n}={v}")
                }
            })
            .collect();
        let want = want.join("; ");
        let divergent = DIVERGENT.iter().find(|(n, _)| *n == name);
        match (got == want, divergent) {
            (true, None) => passed += 1,
            (false, Some(_)) => passed += 1,
            (true, Some((_, why))) => failures.push(format!("{name}: listed as divergent ({why}) but now matches")),
            (false, None) => failures.push(format!("{name}: got {got:?}, want {want:?} from {:?}", case["received"])),
        }
    }
    println!(
        "http-state parser: {passed}/{total} as expected: {} match RFC 6265 exactly, {} are the known divergences; {skipped} disabled upstream",
        passed - DIVERGENT.len(),
        DIVERGENT.len()
    );
    assert!(failures.is_empty(), "{} unexpected:\n{}", failures.len(), failures.join("\n"));
}

fn rfc1123(t: i64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let iso = jwtlens::time::iso_utc(t as f64).unwrap();
    let (y, m, d) = (&iso[0..4], iso[5..7].parse::<usize>().unwrap(), &iso[8..10]);
    format!("{}, {d} {} {y} {} GMT", DAYS[t.div_euclid(86_400).rem_euclid(7) as usize], MONTHS[m - 1], &iso[11..19])
}

#[test]
fn cookie_dates() {
    let mut total = 0;
    let mut failures = Vec::new();
    for file in ["dates/examples.json", "dates/bsd-examples.json"] {
        let text = std::fs::read_to_string(data().join(file)).unwrap();
        // bsd-examples.json starts with // comment lines (see PROVENANCE.md).
        let json: String = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
        let cases: Vec<Value> = serde_json::from_str(&json).unwrap();
        for c in cases {
            total += 1;
            let input = c["test"].as_str().unwrap();
            let got = parse_cookie_date(input).map(|t| rfc1123(t.secs()));
            let want = c["expected"].as_str().map(String::from);
            if got != want {
                failures.push(format!("{input:?}: got {got:?}, want {want:?}"));
            }
        }
    }
    println!("http-state cookie dates: {}/{total} as expected", total - failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
