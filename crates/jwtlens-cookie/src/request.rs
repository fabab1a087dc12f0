//! A request as the jar sees it: the URL, the method, and the browser context (top-level site, navigation or not, script).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::*;

/// Who makes a request, from where.
///
/// The context a browser has when it decides which cookies go: the page in
/// the tab, the frames between that page and the document making the request,
/// whether it is a top-level navigation, what is fetched, and whether the
/// "request" is script reading or writing `document.cookie`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Request {
    /// The URL requested (for script, the URL of the document whose `document.cookie` is used).
    pub url: Url,
    /// The method.
    pub method: String,
    /// From HTTP (a fetch, form or navigation) or from script (`document.cookie`).
    pub from_script: bool,
    /// The top-level page in the tab when the request is made: for a
    /// subresource, a frame or a script in a frame, the page they belong to; for
    /// a top-level navigation, the page it leaves (whose link or form started
    /// it). `None`: the request's own URL (same-site, or a navigation typed in
    /// the address bar).
    pub site_for_cookies: Option<Url>,
    /// A top-level navigation (the address bar, a link, a form that navigates the tab).
    pub top_level: bool,
    /// The frames between the top-level page and the request, outermost
    /// first: the document making a subresource request (or whose script uses
    /// `document.cookie`) sits inside all of them; a top-level navigation was
    /// started by the innermost one (a link with `target=_top` in a frame).
    /// Empty: directly in the top-level page.
    pub frames: Vec<Url>,
    /// What is fetched, which decides what mixed content does to an `http:` request from an `https:` page.
    pub destination: Destination,
}

/// What a request fetches, as far as cookies care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Destination {
    /// A document: a navigation, or a page loaded into a frame.
    #[default]
    Document,
    /// An image (`<img>`, CSS): mixed content that browsers upgrade to https.
    Image,
    /// Audio or video: upgraded like images.
    Media,
    /// fetch(), XHR, a script, a style sheet: mixed content that browsers block.
    Fetch,
}

impl Destination {
    /// Every destination, the default first.
    pub const ALL: [Destination; 4] =
        [Destination::Document, Destination::Image, Destination::Media, Destination::Fetch];

    /// Every destination's [`Destination::word`], in [`Destination::ALL`]'s order.
    pub const WORDS: [&'static str; 4] =
        [Destination::Document.word(), Destination::Image.word(), Destination::Media.word(), Destination::Fetch.word()];

    /// The word every face uses: `document`, `image`, `media` or `fetch`.
    pub const fn word(self) -> &'static str {
        match self {
            Destination::Document => "document",
            Destination::Image => "image",
            Destination::Media => "media",
            Destination::Fetch => "fetch",
        }
    }
}

impl core::str::FromStr for Destination {
    type Err = crate::UnknownWord;
    /// `document`, `image`, `media` or `fetch`.
    fn from_str(s: &str) -> Result<Destination, crate::UnknownWord> {
        Destination::ALL
            .into_iter()
            .find(|d| d.word() == s)
            .ok_or_else(|| crate::UnknownWord::new("destination", s, &Destination::WORDS))
    }
}

/// What mixed-content rules do to a request before any cookie is chosen.
///
/// Mixed Content (W3C, Level 2) §4.1: requests for "upgradeable" content
/// (images, audio, video) from a secure context are upgraded to `https`;
/// §4.4: other ("blockable") requests are blocked. A potentially trustworthy
/// URL (`http://localhost`) is not mixed content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MixedContent {
    /// Not mixed content: the request goes as it is.
    None,
    /// Upgraded: the request goes to this `https` URL instead.
    Upgraded(Url),
    /// Blocked: no request is made at all.
    Blocked,
}

impl Request {
    /// A same-site top-level GET navigation to `url`.
    pub fn navigate(url: &str) -> Result<Request, UrlError> {
        Ok(Request {
            url: Url::parse(url)?,
            method: String::from("GET"),
            from_script: false,
            site_for_cookies: None,
            top_level: true,
            frames: Vec::new(),
            destination: Destination::Document,
        })
    }
    /// A subresource request (a fetch) to `url` from a page on `from`.
    pub fn subresource(url: &str, method: &str, from: &str) -> Result<Request, UrlError> {
        Ok(Request {
            url: Url::parse(url)?,
            method: method.to_ascii_uppercase(),
            from_script: false,
            site_for_cookies: Some(Url::parse(from)?),
            top_level: false,
            frames: Vec::new(),
            destination: Destination::Fetch,
        })
    }
    /// `document.cookie` on a page at `url`.
    pub fn script(url: &str) -> Result<Request, UrlError> {
        Ok(Request {
            url: Url::parse(url)?,
            method: String::from("GET"),
            from_script: true,
            site_for_cookies: None,
            top_level: true,
            frames: Vec::new(),
            destination: Destination::Document,
        })
    }

    /// The document that started the request: the innermost frame, else
    /// the top-level page; `None` when the user did (the address bar).
    pub fn initiator(&self) -> Option<&Url> {
        self.frames.last().or(self.site_for_cookies.as_ref())
    }

    /// The top-level site the request is made under, as a partition key: the
    /// scheme and registrable domain of the top-level page (`https://news.example`).
    /// A top-level navigation makes its own URL the top-level page.
    ///
    /// ```
    /// use jwtlens_cookie::Request;
    /// let mut nav = Request::navigate("https://news.example/story").unwrap();
    /// nav.site_for_cookies = Some(jwtlens_cookie::Url::parse("https://evil.example/").unwrap());
    /// assert_eq!(nav.top_level_site(), "https://news.example");
    /// let img = Request::subresource("https://cdn.example/a.png", "GET", "https://news.example/").unwrap();
    /// assert_eq!(img.top_level_site(), "https://news.example");
    /// ```
    pub fn top_level_site(&self) -> String {
        let top = if self.top_level { &self.url } else { self.site_for_cookies.as_ref().unwrap_or(&self.url) };
        let domain = registrable_domain(&top.host);
        format!("{}://{}", top.scheme, domain)
    }

    /// CHIPS' "ancestor chain bit", the second half of a partition key: cross-site unless the
    /// request is a top-level navigation or is same-site with the page and every frame around it
    /// (Chromium: same-site when the site for cookies is first-party with the request's site).
    ///
    /// ```
    /// use jwtlens_cookie::{Request, Url};
    /// let mut r = Request::subresource("https://bank.example/x", "GET", "https://bank.example/").unwrap();
    /// assert!(!r.has_cross_site_ancestor());
    /// r.frames = vec![Url::parse("https://ads.example/f").unwrap(), Url::parse("https://bank.example/f").unwrap()];
    /// assert!(r.has_cross_site_ancestor(), "bank inside ads inside bank: A-B-A");
    /// ```
    pub fn has_cross_site_ancestor(&self) -> bool {
        !self.top_level && !self.same_site()
    }

    /// Whether the request is same-site (schemeful: https and http of one domain are different sites).
    ///
    /// RFC 6265bis §5.2.1: a document's "site for cookies" is the top-level
    /// origin only if every ancestor document is same-site with it; otherwise
    /// it is the null site and every request it makes is cross-site. A
    /// top-level navigation is judged by the document that started it (its
    /// initiator, as Chromium does): a link in a cross-site frame makes it
    /// cross-site even when the page around the frame is same-site.
    ///
    /// ```
    /// use jwtlens_cookie::{Request, Url};
    /// let u = |s: &str| Url::parse(s).unwrap();
    /// let mut fetch = Request::subresource("https://bank.example/api", "GET", "https://bank.example/").unwrap();
    /// assert!(fetch.same_site());
    /// fetch.frames = vec![u("https://ads.example/frame")]; // made by an ad frame inside the bank's page
    /// assert!(!fetch.same_site());
    /// let mut nav = Request::navigate("https://bank.example/account").unwrap();
    /// nav.site_for_cookies = Some(u("https://bank.example/"));
    /// nav.frames = vec![u("https://ads.example/frame")]; // a target=_top link in the ad frame
    /// assert!(!nav.same_site());
    /// ```
    pub fn same_site(&self) -> bool {
        let with_url = |site: &Url| {
            site.scheme_is_secure() == self.url.scheme_is_secure()
                && registrable_domain(&site.host) == registrable_domain(&self.url.host)
        };
        if self.top_level {
            return self.initiator().is_none_or(with_url);
        }
        self.site_for_cookies.iter().chain(&self.frames).all(with_url)
    }

    /// What mixed-content rules do to this request (see [`MixedContent`]):
    /// an `http:` request, not top-level, from a document in an `https:` page
    /// or frame is upgraded (images, media) or blocked (everything else).
    ///
    /// ```
    /// use jwtlens_cookie::{Destination, MixedContent, Request};
    /// let mut img = Request::subresource("http://bank.example/logo.png", "GET", "https://bank.example/").unwrap();
    /// img.destination = Destination::Image;
    /// let MixedContent::Upgraded(url) = img.mixed_content() else { panic!() };
    /// assert_eq!((url.scheme.as_str(), url.path.as_str()), ("https", "/logo.png"));
    /// let fetch = Request::subresource("http://bank.example/api", "GET", "https://bank.example/").unwrap();
    /// assert_eq!(fetch.mixed_content(), MixedContent::Blocked);
    /// ```
    pub fn mixed_content(&self) -> MixedContent {
        // A plain-http frame inside an https page or frame is itself blockable mixed content:
        // it never loads, so nothing is requested from it (not even a navigation it would start).
        let mut secure_above = self.site_for_cookies.as_ref().is_some_and(Url::scheme_is_secure);
        for frame in &self.frames {
            if secure_above && insecure(frame) {
                return MixedContent::Blocked;
            }
            secure_above |= frame.scheme_is_secure();
        }
        if self.top_level || self.from_script || !secure_above || !insecure(&self.url) {
            return MixedContent::None;
        }
        match self.destination {
            Destination::Image | Destination::Media if self.url.scheme == "http" => {
                // Mixed Content §4.1: "set request's URL's scheme to https", and port 80 to 443.
                let port = self.url.port.filter(|p| *p != 80);
                MixedContent::Upgraded(Url { scheme: String::from("https"), port, ..self.url.clone() })
            }
            _ => MixedContent::Blocked,
        }
    }
}

/// An `http:` or `ws:` URL that is not potentially trustworthy (`http://localhost` is).
fn insecure(url: &Url) -> bool {
    matches!(url.scheme.as_str(), "http" | "ws") && !url.is_potentially_trustworthy()
}

/// The most frames a request may sit in (Chromium allows deeper nesting; no test needs it).
const MAX_FRAMES: usize = 32;

/// A request as the faces write it (JSON from the npm package, the page):
/// `{ url, method?, fromScript?, site?, topLevel?, frames?, destination? }`,
/// with `site` the top-level page ([`Request::site_for_cookies`]). Unknown
/// names are refused, so a typo is never silently ignored.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RequestInput {
    url: String,
    #[serde(default)]
    method: Option<String>,
    #[serde(default)]
    from_script: bool,
    #[serde(default)]
    site: Option<String>,
    #[serde(default)]
    top_level: Option<bool>,
    #[serde(default)]
    frames: Vec<String>,
    #[serde(default)]
    destination: Option<Destination>,
}

impl<'de> serde::Deserialize<'de> for Request {
    /// Read a request; each URL is checked, and an error names its field.
    /// `topLevel` defaults to true, `method` to GET; `destination` to
    /// "document" for a top-level navigation and "fetch" otherwise.
    ///
    /// ```
    /// use jwtlens_cookie::{Destination, Request};
    /// let r: Request = serde_json::from_str(r#"{"url":"https://a.example/x","site":"https://b.example/","topLevel":false}"#).unwrap();
    /// assert_eq!((r.top_level, r.destination, r.same_site()), (false, Destination::Fetch, false));
    /// let e = serde_json::from_str::<Request>(r#"{"url":"https://a.example/","site":"https://a.example/","frames":["nope"]}"#).unwrap_err();
    /// assert!(e.to_string().starts_with("frames[0]: "), "{e}");
    /// assert!(serde_json::from_str::<Request>(r#"{"url":"https://a.example/","topLevle":false}"#).is_err());
    /// ```
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Request, D::Error> {
        use serde::de::Error;
        let r = RequestInput::deserialize(deserializer)?;
        let parse = |field: &str, text: &str| Url::parse(text).map_err(|e| D::Error::custom(format!("{field}: {e}")));
        if !r.frames.is_empty() && r.site.is_none() {
            return Err(D::Error::custom("frames: frames sit in a top-level page; give it as site"));
        }
        if r.frames.len() > MAX_FRAMES {
            return Err(D::Error::custom(format!("frames: at most {MAX_FRAMES} frames")));
        }
        // Script runs in a document: inside a page of another site (site or frames given), it is
        // in a frame, not the top-level page, unless the caller says otherwise.
        let in_frame = r.from_script && (r.site.is_some() || !r.frames.is_empty());
        let top_level = r.top_level.unwrap_or(!in_frame);
        if r.from_script && top_level && !r.frames.is_empty() {
            return Err(D::Error::custom("topLevel: a script inside frames is not in the top-level page"));
        }
        let frames = r
            .frames
            .iter()
            .enumerate()
            .map(|(i, f)| parse(&format!("frames[{i}]"), f))
            .collect::<Result<Vec<Url>, D::Error>>()?;
        Ok(Request {
            url: parse("url", &r.url)?,
            method: r.method.unwrap_or_else(|| String::from("GET")).to_ascii_uppercase(),
            from_script: r.from_script,
            site_for_cookies: r.site.as_deref().map(|s| parse("site", s)).transpose()?,
            top_level,
            frames,
            destination: r.destination.unwrap_or(if top_level { Destination::Document } else { Destination::Fetch }),
        })
    }
}
