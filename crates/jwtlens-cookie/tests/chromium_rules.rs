//! Rules where the jar follows Chromium (documented behaviour of current
//! Chromium), each with the case that shows it. Where RFC 6265bis says
//! otherwise, the test says so.

use jwtlens_cookie::{CookieJar, Outcome, Reason, Reject, Request, UnixTime};

const NOW: UnixTime = UnixTime::from_secs(1_795_000_000);

fn set(jar: &mut CookieJar, line: &str, url: &str) -> Outcome {
    jar.set(line, &Request::navigate(url).unwrap(), NOW)
}

fn header(jar: &CookieJar, req: &Request, now: UnixTime) -> Option<String> {
    jar.cookie_header(req, now)
}

#[test]
fn a_host_only_and_a_domain_cookie_of_one_name_are_two_cookies_with_their_own_values() {
    let mut jar = CookieJar::new();
    assert!(set(&mut jar, "id=host; Path=/", "https://a.example/").accepted());
    assert!(set(&mut jar, "id=dom; Domain=a.example; Path=/", "https://a.example/").accepted());
    assert_eq!(jar.cookies().len(), 2);
    let req = Request::navigate("https://a.example/").unwrap();
    // The bug this replaces printed "id=host; id=host": the value was looked up by name, domain and path.
    assert_eq!(header(&jar, &req, NOW + 1).as_deref(), Some("id=host; id=dom"));
    let verdicts = jar.cookies_for(&req, NOW + 1);
    let seen: Vec<(&str, bool)> = verdicts.iter().map(|v| (v.value.as_str(), v.host_only)).collect();
    assert_eq!(seen, [("host", true), ("dom", false)]);
    // On a subdomain only the domain cookie applies.
    let sub = Request::navigate("https://www.a.example/").unwrap();
    assert_eq!(header(&jar, &sub, NOW + 1).as_deref(), Some("id=dom"));
}

#[test]
fn loopback_origins_are_trustworthy_for_secure_cookies_and_prefixes() {
    for origin in ["http://localhost:8080/", "http://app.localhost/", "http://127.0.0.1:3000/"] {
        let mut jar = CookieJar::new();
        assert!(set(&mut jar, "s=1; Secure; Path=/", origin).accepted(), "{origin}");
        assert!(set(&mut jar, "__Secure-a=1; Secure; Path=/", origin).accepted(), "{origin}");
        assert!(set(&mut jar, "__Host-b=1; Secure; Path=/", origin).accepted(), "{origin}");
        let req = Request::navigate(origin).unwrap();
        assert_eq!(header(&jar, &req, NOW + 1).as_deref(), Some("s=1; __Secure-a=1; __Host-b=1"), "{origin}");
    }
    // An ordinary http origin is not.
    let mut jar = CookieJar::new();
    assert_eq!(
        set(&mut jar, "s=1; Secure", "http://a.example/"),
        Outcome::Rejected { reason: Reject::SecureFromInsecureOrigin }
    );
    assert_eq!(
        set(&mut jar, "__Host-b=1; Secure; Path=/", "http://127.example/"),
        Outcome::Rejected { reason: Reject::SecureFromInsecureOrigin }
    );
}

#[test]
fn host_prefix_needs_an_explicit_path_attribute() {
    let mut jar = CookieJar::new();
    // Set at "/", so the default path would be "/": still refused (RFC 6265bis §5.7 step 21 and Chromium).
    assert_eq!(
        set(&mut jar, "__Host-a=1; Secure", "https://a.example/"),
        Outcome::Rejected { reason: Reject::HostPrefix }
    );
    assert_eq!(
        set(&mut jar, "__Host-a=1; Secure; Path=/x", "https://a.example/"),
        Outcome::Rejected { reason: Reject::HostPrefix }
    );
    assert!(set(&mut jar, "__Host-a=1; Secure; Path=/", "https://a.example/").accepted());
}

#[test]
fn a_nameless_cookie_is_kept_unless_its_value_would_read_back_as_a_name() {
    let mut jar = CookieJar::new();
    assert!(set(&mut jar, "foo", "https://a.example/").accepted(), "RFC 6265bis §5.6: a cookie with an empty name");
    assert!(set(&mut jar, "=a", "https://b.example/").accepted());
    for line in ["=a=bar", "===a=bar"] {
        assert_eq!(
            set(&mut jar, line, "https://c.example/"),
            Outcome::Rejected { reason: Reject::NamelessWithEquals },
            "{line}"
        );
    }
    let req = Request::navigate("https://a.example/").unwrap();
    assert_eq!(header(&jar, &req, NOW + 1).as_deref(), Some("foo"));
}

#[test]
fn lax_allowing_unsafe_sends_a_young_cookie_without_samesite_on_a_cross_site_top_level_post() {
    let mut jar = CookieJar::new();
    assert!(set(&mut jar, "sid=1; Secure; Path=/", "https://bank.example/").accepted());
    assert!(set(&mut jar, "lax=1; Secure; SameSite=Lax; Path=/", "https://bank.example/").accepted());
    let post = |top_level: bool| {
        let mut r = Request::subresource("https://bank.example/transfer", "POST", "https://evil.example/").unwrap();
        r.top_level = top_level;
        r
    };
    let verdict = |req: &Request, now: UnixTime, name: &str| {
        jar.cookies_for(req, now).into_iter().find(|v| v.name == name).map(|v| (v.sent, v.reason)).unwrap()
    };
    // Two minutes after it was set, a top-level cross-site POST still carries it (Chromium);
    // RFC 6265bis §5.8.3 would not send it.
    assert_eq!(verdict(&post(true), NOW + 120, "sid"), (true, Reason::SentLaxAllowingUnsafe));
    assert_eq!(verdict(&post(true), NOW + 121, "sid"), (false, Reason::SameSiteDefaultLaxCrossSite));
    // Never for an explicit SameSite=Lax, and never on a subresource POST.
    assert_eq!(verdict(&post(true), NOW + 1, "lax"), (false, Reason::SameSiteLaxCrossSite));
    assert_eq!(verdict(&post(false), NOW + 1, "sid"), (false, Reason::SameSiteDefaultLaxCrossSite));
}

#[test]
fn an_overwrite_takes_a_new_creation_time_and_so_sorts_after_older_cookies() {
    let mut jar = CookieJar::new();
    let req = Request::navigate("https://a.example/").unwrap();
    jar.set("a=1; Path=/", &req, NOW);
    jar.set("b=1; Path=/", &req, NOW + 1);
    assert_eq!(header(&jar, &req, NOW + 2).as_deref(), Some("a=1; b=1"));
    assert!(matches!(jar.set("a=2; Path=/", &req, NOW + 3), Outcome::Replaced { .. }));
    // Chromium: "b=1; a=2". RFC 6265bis §5.7 step 23 would keep a's creation-time: "a=2; b=1".
    assert_eq!(header(&jar, &req, NOW + 4).as_deref(), Some("b=1; a=2"));
}

#[test]
fn partitioned_cookies_live_under_their_top_level_site_even_with_third_party_cookies_blocked() {
    let mut jar = CookieJar::new();
    // Set by a frame of bank.example inside a news.example page.
    let mut in_news = Request::subresource("https://bank.example/widget", "GET", "https://news.example/").unwrap();
    in_news.top_level = false;
    let line = "p=1; Secure; SameSite=None; Partitioned; Path=/";
    assert!(jar.set(line, &in_news, NOW).accepted(), "CHIPS cookies are spared by third-party blocking");
    assert_eq!(jar.cookies()[0].partition.as_deref(), Some("https://news.example"));
    assert!(
        !jar.set("u=1; Secure; SameSite=None; Path=/", &in_news, NOW).accepted(),
        "an unpartitioned one is blocked"
    );
    // Sent to the frame under news.example, not under another site, not at top level.
    assert_eq!(header(&jar, &in_news, NOW + 1).as_deref(), Some("p=1"));
    let mut in_blog = Request::subresource("https://bank.example/widget", "GET", "https://blog.example/").unwrap();
    in_blog.top_level = false;
    assert_eq!(header(&jar, &in_blog, NOW + 1), None);
    let top = Request::navigate("https://bank.example/").unwrap();
    let v = jar.cookies_for(&top, NOW + 1);
    assert_eq!((v[0].sent, v[0].reason.clone()), (false, Reason::OtherPartition));
    // Partitioned needs Secure.
    assert_eq!(
        set(&mut jar, "q=1; Partitioned; Path=/", "https://bank.example/"),
        Outcome::Rejected { reason: Reject::PartitionedWithoutSecure }
    );
}
