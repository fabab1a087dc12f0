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
        method: String::from("GET"),
        from_script: false,
        site_for_cookies: None,
        top_level: true,
    };
    let target = url(args.request.as_deref().unwrap_or(&args.from), "request")?;
    let site = args.site.as_deref().map(|s| url(s, "site")).transpose()?;
    let req = Request {
        url: target,
        method: args.method.to_ascii_uppercase(),
        from_script: args.script,
        site_for_cookies: site,
        top_level: !args.subresource,
    };
    let third_party: jwtlens_cookie::ThirdPartyCookies = args.third_party_cookies.parse()?;
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
