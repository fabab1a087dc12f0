//! `cookie`: Set-Cookie lines stored as a browser would, then a request's cookies.

use std::process::ExitCode;

use crate::{parse_now, read_token};

#[derive(clap::Args)]
pub(crate) struct CookieArgs {
    /// File of Set-Cookie lines ("Set-Cookie: " prefix optional); stdin when absent or "-".
    pub(crate) file: Option<std::path::PathBuf>,
    /// The URL whose response set the cookies.
    #[arg(long, value_name = "URL")]
    pub(crate) from: String,
    /// The URL requested afterwards (default: --from).
    #[arg(long, value_name = "URL")]
    pub(crate) request: Option<String>,
    /// The request method.
    #[arg(long, default_value = "GET")]
    pub(crate) method: String,
    /// The top-level page the request is made from (default: same-site).
    #[arg(long, value_name = "URL")]
    pub(crate) site: Option<String>,
    /// The request is a subresource (fetch, image, frame), not a top-level navigation.
    #[arg(long)]
    pub(crate) subresource: bool,
    /// A frame between the top-level page (--site) and the request, outermost first; repeat for
    /// nested frames. A subresource is made by (a script runs in) the innermost; a navigation
    /// was started by it.
    #[arg(long = "frame", value_name = "URL")]
    pub(crate) frames: Vec<String>,
    /// What the request fetches (document, image, media, fetch): decides whether an http: request
    /// from an https: page is upgraded or blocked as mixed content. Default: document for a
    /// navigation, fetch for a subresource.
    #[arg(long, value_parser = destination_words())]
    pub(crate) destination: Option<String>,
    /// Ask as document.cookie (script) instead of HTTP.
    #[arg(long)]
    pub(crate) script: bool,
    /// The time, as seconds since 1970 or RFC 3339; default: the system clock.
    #[arg(long, value_parser = parse_now)]
    pub(crate) now: Option<jwtlens::time::NumericDate>,
    /// Third-party cookies: blocked (Chromium's default in a fresh profile) or allowed.
    #[arg(long, default_value = "blocked", value_parser = third_party_words())]
    pub(crate) third_party_cookies: String,
    /// Print JSON: the outcome of each line, each cookie's verdict, and the header.
    #[arg(long)]
    pub(crate) json: bool,
}

/// The third-party cookie settings' words, from the core.
fn third_party_words() -> clap::builder::PossibleValuesParser {
    use jwtlens_cookie::ThirdPartyCookies;
    clap::builder::PossibleValuesParser::new(ThirdPartyCookies::ALL.map(ThirdPartyCookies::word))
}

/// The destinations' words, from the core.
fn destination_words() -> clap::builder::PossibleValuesParser {
    use jwtlens_cookie::Destination;
    clap::builder::PossibleValuesParser::new(Destination::ALL.map(Destination::word))
}

fn report(args: CookieArgs) -> Result<String, String> {
    use jwtlens_cookie::{Request, Url};
    let text = match args.file.as_deref() {
        Some(p) if p.as_os_str() != "-" => {
            std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?
        }
        _ => read_token(None)?,
    };
    let now =
        jwtlens_cookie::UnixTime::from_secs(args.now.unwrap_or_else(jwtlens::system_now).seconds().floor() as i64);
    let url = |s: &str, flag: &str| Url::parse(s).map_err(|e| format!("--{flag} {s:?}: {e}"));
    let origin = Request {
        url: url(&args.from, "from")?,
        ..Request::navigate("https://example.com/").map_err(|e| e.to_string())?
    };
    let target = url(args.request.as_deref().unwrap_or(&args.from), "request")?;
    let site = args.site.as_deref().map(|s| url(s, "site")).transpose()?;
    let frames = args.frames.iter().map(|f| url(f, "frame")).collect::<Result<Vec<Url>, String>>()?;
    let destination = match args.destination.as_deref() {
        Some(word) => word.parse().map_err(|e| format!("--destination: {e}"))?,
        None if args.subresource => jwtlens_cookie::Destination::Fetch,
        None => jwtlens_cookie::Destination::Document,
    };
    let req = Request {
        url: target,
        method: args.method.to_ascii_uppercase(),
        from_script: args.script,
        site_for_cookies: site,
        top_level: !args.subresource,
        frames,
        destination,
    };
    let third_party: jwtlens_cookie::ThirdPartyCookies =
        args.third_party_cookies.parse().map_err(|e| format!("--third-party-cookies: {e}"))?;
    let run = jwtlens_cookie::replay(&text, &origin, &req, now, third_party);
    if args.json {
        return Ok(serde_json::json!({ "set": run.set, "request": req, "cookies": run.cookies, "header": run.header })
            .to_string());
    }
    let mut o = String::new();
    for stored in &run.set {
        o.push_str(&format!("{}\n  -> {}\n", stored.line, stored.result));
    }
    let kind = if args.script { "document.cookie" } else { "request" };
    o.push_str(&format!("\n{kind} {} {}\n", req.method, args.request.as_deref().unwrap_or(&args.from)));
    for v in &run.cookies {
        o.push_str(&format!(
            "  {} {}  (domain {}, path {}): {}\n",
            if v.sent { "SENT   " } else { "NOT SENT" },
            v.name,
            v.domain,
            v.path,
            v.message
        ));
    }
    let label = if args.script { "document.cookie" } else { "Cookie" };
    o.push_str(&format!("\n{label}: {}", run.header.unwrap_or_else(|| String::from("(nothing)"))));
    Ok(o)
}

pub(crate) fn run(args: CookieArgs) -> ExitCode {
    crate::print_or_fail(report(args))
}
