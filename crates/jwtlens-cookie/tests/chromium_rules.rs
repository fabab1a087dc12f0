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

fn url(s: &str) -> jwtlens_cookie::Url {
    jwtlens_cookie::Url::parse(s).unwrap()
}

/// Four Secure cookies, one per SameSite value (and unset), on bank.example.
fn four(jar: &mut CookieJar) {
    for line in [
        "st=1; Secure; SameSite=Strict; Path=/",
        "lx=1; Secure; SameSite=Lax; Path=/",
        "no=1; Secure; SameSite=None; Path=/",
        "un=1; Secure; Path=/",
    ] {
        assert!(set(jar, line, "https://bank.example/").accepted(), "{line}");
    }
}

#[test]
fn a_top_level_navigation_makes_its_own_url_the_partition_whoever_started_it() {
    // Chromium 156 (scenario chips-top-level-then-x-nav): a Partitioned cookie set at top level on
    // bank.example is sent when evil.example's link navigates the tab there. The bug this fixes took
    // the page being left (evil.example) as the top-level site.
    let mut jar = CookieJar::new();
    assert!(set(&mut jar, "p=1; Secure; SameSite=None; Partitioned; Path=/", "https://bank.example/").accepted());
    let mut nav = Request::navigate("https://bank.example/target").unwrap();
    nav.site_for_cookies = Some(url("https://evil.example/"));
    assert_eq!(nav.top_level_site(), "https://bank.example");
    assert_eq!(header(&jar, &nav, NOW + 1).as_deref(), Some("p=1"));
    nav.method = "POST".into();
    assert_eq!(header(&jar, &nav, NOW + 1).as_deref(), Some("p=1"));
}

#[test]
fn every_frame_around_a_request_must_be_same_site() {
    // Scenarios chain-*: a same-site fetch from a bank.example frame is cross-site when any frame
    // between it and the top-level page is of another site; with third-party cookies blocked,
    // nothing is sent at all (not even SameSite=None).
    let mut jar = CookieJar::new();
    four(&mut jar);
    let chains: [(&str, &[&str], Option<&str>); 4] = [
        ("https://bank.example/", &["https://www.bank.example/f"], Some("st=1; lx=1; no=1; un=1")),
        ("https://bank.example/", &["https://evil.example/f", "https://www.bank.example/f"], None),
        ("https://bank.example/", &["https://evil.example/f"], None),
        ("https://evil.example/", &["https://bank.example/f"], None),
    ];
    for (page, frames, want) in chains {
        let mut fetch = Request::subresource("https://bank.example/target", "GET", page).unwrap();
        fetch.frames = frames.iter().map(|f| url(f)).collect();
        assert_eq!(header(&jar, &fetch, NOW + 1).as_deref(), want, "{page} {frames:?}");
        // document.cookie in a bank.example frame at the end of the chain sees the same.
        let mut read = fetch.clone();
        read.from_script = true;
        assert_eq!(header(&jar, &read, NOW + 1).as_deref(), want, "document.cookie in {page} {frames:?}");
    }
}

#[test]
fn a_navigation_started_in_a_frame_is_judged_by_that_frame() {
    // Scenarios chain-*-navigate: a target=_top link clicked in a frame. Chromium judges the
    // navigation by its initiator, the frame: an evil.example frame in bank.example's own page
    // makes it cross-site (Strict stays home); a bank.example frame in evil.example's page makes it
    // same-site.
    let mut jar = CookieJar::new();
    four(&mut jar);
    let nav = |page: &str, frames: &[&str]| {
        let mut r = Request::navigate("https://bank.example/target").unwrap();
        r.site_for_cookies = Some(url(page));
        r.frames = frames.iter().map(|f| url(f)).collect();
        r
    };
    let x_in_bank = nav("https://bank.example/", &["https://evil.example/f"]);
    assert_eq!(x_in_bank.initiator().map(|u| u.host.as_str()), Some("evil.example"));
    assert_eq!(header(&jar, &x_in_bank, NOW + 1).as_deref(), Some("lx=1; no=1; un=1"));
    let v = jar.cookies_for(&x_in_bank, NOW + 1);
    assert_eq!(v.iter().find(|v| v.name == "st").unwrap().reason, Reason::SameSiteStrictCrossSite);
    let bank_in_x = nav("https://evil.example/", &["https://bank.example/f"]);
    assert_eq!(header(&jar, &bank_in_x, NOW + 1).as_deref(), Some("st=1; lx=1; no=1; un=1"));
    let deep = nav("https://bank.example/", &["https://evil.example/f", "https://www.bank.example/f"]);
    assert_eq!(header(&jar, &deep, NOW + 1).as_deref(), Some("st=1; lx=1; no=1; un=1"));
}

#[test]
fn mixed_content_is_upgraded_or_blocked_before_cookies_are_chosen() {
    use jwtlens_cookie::{Destination, MixedContent};
    // Scenarios mixed-*: an http: image from an https: page goes out as https (so Secure cookies
    // ride it); an http: fetch or frame from an https: page is never made.
    let mut jar = CookieJar::new();
    for line in ["s=1; Secure; Path=/", "p=1; Path=/", "lx=1; SameSite=Lax; Path=/"] {
        assert!(set(&mut jar, line, "https://bank.example/").accepted());
    }
    let mut img = Request::subresource("http://bank.example:8080/target", "GET", "https://bank.example/").unwrap();
    img.destination = Destination::Image;
    let MixedContent::Upgraded(to) = img.mixed_content() else { panic!("{:?}", img.mixed_content()) };
    assert_eq!((to.scheme.as_str(), to.port), ("https", Some(8080)), "the port stays unless it is 80");
    assert_eq!(header(&jar, &img, NOW + 1).as_deref(), Some("s=1; p=1; lx=1"));
    let v = jar.cookies_for(&img, NOW + 1);
    assert!(v[0].message.contains("Mixed Content") && v[0].message.contains("RFC 6265bis"), "{}", v[0].message);
    for destination in [Destination::Fetch, Destination::Document] {
        let mut blocked = img.clone();
        blocked.destination = destination;
        assert_eq!(blocked.mixed_content(), MixedContent::Blocked);
        assert_eq!(header(&jar, &blocked, NOW + 1), None);
        assert!(jar.cookies_for(&blocked, NOW + 1).iter().all(|v| v.reason == Reason::MixedContentBlocked));
        assert_eq!(
            jar.clone().set("x=1; Path=/", &blocked, NOW),
            Outcome::Rejected { reason: Reject::MixedContentBlocked }
        );
    }
    // From an http: page it is no mixed content; to a loopback URL neither.
    let plain = Request { site_for_cookies: Some(url("http://bank.example/")), ..img.clone() };
    assert_eq!(plain.mixed_content(), MixedContent::None);
    assert_eq!(header(&jar, &plain, NOW + 1).as_deref(), Some("p=1; lx=1"));
    let local = Request { url: url("http://localhost:3000/x"), ..img.clone() };
    assert_eq!(local.mixed_content(), MixedContent::None);
    // A top-level navigation is never mixed content.
    let mut nav = Request::navigate("http://bank.example/").unwrap();
    nav.site_for_cookies = Some(url("https://bank.example/"));
    assert_eq!(nav.mixed_content(), MixedContent::None);
}

#[test]
fn an_overwrite_says_which_creation_time_it_takes() {
    let mut jar = CookieJar::new();
    set(&mut jar, "a=1; Path=/", "https://bank.example/");
    let o = set(&mut jar, "a=2; Path=/", "https://bank.example/");
    assert!(matches!(o, Outcome::Replaced { .. }));
    let s = o.to_string();
    assert!(s.contains("Chromium") && s.contains("RFC 6265bis §5.7 step 23"), "{s}");
}

#[test]
fn the_request_contract_is_the_cores() {
    // The faces (npm, page) hand the core this JSON; the core reads and checks it.
    let r: Request = serde_json::from_str(
        r#"{"url":"http://bank.example/logo.png","site":"https://bank.example/","topLevel":false,"frames":["https://ads.example/f"],"destination":"image"}"#,
    )
    .unwrap();
    assert_eq!((r.frames.len(), r.destination), (1, jwtlens_cookie::Destination::Image));
    assert!(!r.same_site());
    for (bad, field) in [
        (r#"{"url":"nope"}"#, "url: "),
        (r#"{"url":"https://a.example/","site":"x"}"#, "site: "),
        (
            r#"{"url":"https://a.example/","site":"https://a.example/","frames":["https://b.example/","x"]}"#,
            "frames[1]: ",
        ),
    ] {
        let e = serde_json::from_str::<Request>(bad).unwrap_err().to_string();
        assert!(e.starts_with(field), "{bad}: {e}");
    }
    assert!(serde_json::from_str::<Request>(r#"{"url":"https://a.example/","destination":"video"}"#).is_err());
    assert!(serde_json::from_str::<Request>(r#"{"url":"https://a.example/","frame":[]}"#).is_err());
}

#[test]
fn the_second_review_s_holes_are_closed() {
    use jwtlens_cookie::{registrable_domain, MixedContent, Url};
    // An IP address is a site of its own (it was "0.1" for every a.b.0.1).
    assert_eq!(registrable_domain("10.0.0.1"), "10.0.0.1");
    let mut jar = CookieJar::new();
    assert!(set(&mut jar, "c=1; SameSite=Strict; Path=/", "http://10.0.0.1/").accepted());
    let other_ip = Request::subresource("http://10.0.0.1/x", "GET", "http://192.168.0.1/").unwrap();
    assert!(!other_ip.same_site());
    assert_eq!(header(&jar, &other_ip, NOW + 1), None);
    // IPv6 literals parse with and without a port.
    assert_eq!(url("http://[::1]/").host, "[::1]");
    assert_eq!(url("http://[::1]:8080/x").port, Some(8080));
    assert!(Url::parse("http://[::1]x/").is_err());
    // A backslash is a path separator in http(s) URLs (WHATWG): this is evil.example's URL.
    assert_eq!(url("https://evil.example\\@bank.example/").host, "evil.example");
    // A plain-http frame inside an https page never loads: nothing it would request is made.
    let mut nav = Request::navigate("http://bank.example/target").unwrap();
    nav.site_for_cookies = Some(url("https://evil.example/"));
    nav.frames = vec![url("http://bank.example/f")];
    assert_eq!(nav.mixed_content(), MixedContent::Blocked);
    // ws: from an https page is blocked, not upgraded.
    let ws = Request::subresource("ws://bank.example/socket", "GET", "https://bank.example/").unwrap();
    assert_eq!(ws.mixed_content(), MixedContent::Blocked);
    // The JSON contract: script given a page of another site is in a frame unless it says otherwise;
    // frames need their page; a script inside frames is not top-level.
    let r: Request =
        serde_json::from_str(r#"{"url":"https://bank.example/f","fromScript":true,"site":"https://evil.example/"}"#)
            .unwrap();
    assert!(!r.top_level && !r.same_site());
    assert!(serde_json::from_str::<Request>(r#"{"url":"https://a.example/","frames":["https://b.example/"]}"#).is_err());
    let e = serde_json::from_str::<Request>(
        r#"{"url":"https://a.example/","fromScript":true,"topLevel":true,"site":"https://a.example/","frames":["https://b.example/"]}"#,
    )
    .unwrap_err();
    assert!(e.to_string().starts_with("topLevel: "), "{e}");
}

#[test]
fn a_partition_key_has_the_ancestor_chain_bit() {
    // Scenarios chips-aba, chips-aba-fetch (Chromium 156): a Partitioned cookie set under
    // bank.example at top level is not sent to bank.example inside an ad frame inside the bank's
    // own page (A-B-A): same top-level site, but a cross-site frame in the chain.
    let mut jar = CookieJar::new();
    assert!(set(&mut jar, "p=1; Secure; SameSite=None; Partitioned; Path=/", "https://bank.example/").accepted());
    assert!(!jar.cookies()[0].cross_site_ancestor);
    let mut aba = Request::subresource("https://bank.example/target", "GET", "https://bank.example/").unwrap();
    aba.frames = vec![url("https://ads.example/f"), url("https://bank.example/f")];
    assert!(aba.has_cross_site_ancestor());
    assert_eq!(header(&jar, &aba, NOW + 1), None);
    assert_eq!(jar.cookies_for(&aba, NOW + 1)[0].reason, Reason::OtherPartition);
    // Set there, it lives there: a second cookie of the same name, in the other partition.
    assert!(jar.set("p=2; Secure; SameSite=None; Partitioned; Path=/", &aba, NOW).accepted());
    assert_eq!(jar.cookies().len(), 2);
    assert_eq!(header(&jar, &aba, NOW + 1).as_deref(), Some("p=2"));
    assert_eq!(header(&jar, &Request::navigate("https://bank.example/").unwrap(), NOW + 1).as_deref(), Some("p=1"));
}
