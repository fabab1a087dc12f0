//! The jar: storing (RFC 6265bis §5.7) and sending (§5.8.3) cookies, each decision with its reason.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::Serialize;

use crate::*;

/// What storing one `Set-Cookie` line did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
pub enum Outcome {
    /// A new cookie was stored.
    Stored {
        /// The cookie.
        cookie: Cookie,
    },
    /// An existing cookie (same name, domain and path) was replaced.
    Replaced {
        /// The new cookie.
        cookie: Cookie,
    },
    /// The expiry is in the past: the matching cookie, if any, was removed.
    Deleted {
        /// Name of the cookie.
        name: String,
        /// Whether a cookie was actually removed.
        existed: bool,
    },
    /// Not stored.
    Rejected {
        /// Why.
        reason: Reject,
    },
}

impl fmt::Display for Outcome {
    /// "stored", "replaced an earlier one", "deleted (expiry in the past)" or "rejected: " and the reason.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Stored { .. } => f.write_str("stored"),
            // RFC 6265bis §5.7 step 23 would keep the old cookie's creation time.
            Outcome::Replaced { .. } => f.write_str(
                "replaced an earlier one, with a new creation time as in Chromium (RFC 6265bis §5.7 step 23 keeps the old one), so it now comes after older cookies whose paths are as long",
            ),
            Outcome::Deleted { existed: true, .. } => f.write_str("deleted (expiry in the past)"),
            Outcome::Deleted { existed: false, .. } => f.write_str("deleted (expiry in the past; there was none)"),
            Outcome::Rejected { reason } => write!(f, "rejected: {reason}"),
        }
    }
}

impl Outcome {
    /// True unless the line was rejected.
    pub fn accepted(&self) -> bool {
        !matches!(self, Outcome::Rejected { .. })
    }
}

/// A stored cookie (RFC 6265bis §5.7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cookie {
    /// Name.
    pub name: String,
    /// Value.
    pub value: String,
    /// The domain it belongs to.
    pub domain: String,
    /// True when set without Domain: sent only to exactly this host.
    pub host_only: bool,
    /// Path.
    pub path: String,
    /// Secure.
    pub secure: bool,
    /// HttpOnly.
    pub http_only: bool,
    /// SameSite as written (`None` = unset, behaves as Lax).
    pub same_site: Option<SameSite>,
    /// Expiry time, `None` for a session cookie.
    pub expires: Option<UnixTime>,
    /// For a `Partitioned` (CHIPS) cookie, the top-level site it was set under
    /// (`https://news.example`): it is sent only under that top-level site.
    pub partition: Option<String>,
    /// For a Partitioned cookie, the other half of its partition key (CHIPS' "ancestor chain
    /// bit"): whether it was set in a frame with a cross-site frame above it (or itself
    /// cross-site to the top). Chromium keeps such a cookie apart from one set directly under
    /// the top-level site: a bank frame inside an ad frame inside the bank's page sees neither
    /// the other's cookie.
    pub cross_site_ancestor: bool,
    /// When it was created (an overwrite takes a new creation time, as in Chromium).
    pub created: UnixTime,
    /// Creation order, for ties.
    pub seq: u64,
}

/// A cookie jar. Outcomes are values; nothing prints.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CookieJar {
    cookies: Vec<Cookie>,
    seq: u64,
    third_party: ThirdPartyCookies,
}

impl CookieJar {
    /// An empty jar, with third-party cookies blocked (Chromium's default here).
    pub fn new() -> CookieJar {
        CookieJar::default()
    }

    /// An empty jar with third-party cookies blocked or allowed.
    ///
    /// ```
    /// use jwtlens_cookie::{CookieJar, Request, ThirdPartyCookies, UnixTime};
    /// let mut jar = CookieJar::with_third_party_cookies(ThirdPartyCookies::Allowed);
    /// let now = UnixTime::from_secs(1_700_000_000);
    /// jar.set("id=1; SameSite=None; Secure", &Request::navigate("https://ads.example/").unwrap(), now);
    /// let img = Request::subresource("https://ads.example/pixel", "GET", "https://news.example/").unwrap();
    /// assert_eq!(jar.cookie_header(&img, now + 1).as_deref(), Some("id=1"));
    /// assert_eq!(CookieJar::new().third_party_cookies(), ThirdPartyCookies::Blocked);
    /// ```
    pub fn with_third_party_cookies(setting: ThirdPartyCookies) -> CookieJar {
        CookieJar { third_party: setting, ..CookieJar::default() }
    }

    /// Whether third-party cookies are blocked.
    pub fn third_party_cookies(&self) -> ThirdPartyCookies {
        self.third_party
    }

    /// Every stored cookie (expired ones included until the next store or lookup).
    pub fn cookies(&self) -> &[Cookie] {
        &self.cookies
    }

    /// Store one `Set-Cookie` line received in answer to `request` (or written to
    /// `document.cookie` when `request.from_script`), at time `now`.
    pub fn set(&mut self, line: &str, request: &Request, now: UnixTime) -> Outcome {
        match self.try_set(line, request, now) {
            Ok(o) => o,
            Err(reason) => Outcome::Rejected { reason },
        }
    }

    fn try_set(&mut self, line: &str, req: &Request, now: UnixTime) -> Result<Outcome, Reject> {
        let upgraded;
        let req = match req.mixed_content() {
            MixedContent::None => req,
            MixedContent::Upgraded(url) => {
                upgraded = Request { url, ..req.clone() };
                &upgraded
            }
            MixedContent::Blocked => return Err(Reject::MixedContentBlocked),
        };
        let sc = parse_set_cookie(line)?;
        let host = req.url.host.as_str();
        // Secure for cookies: https, or a potentially trustworthy origin such as http://localhost.
        let secure_origin = req.url.is_potentially_trustworthy();
        let lower = sc.name.to_ascii_lowercase();
        if sc.name.is_empty()
            && (sc.value.to_ascii_lowercase().starts_with("__secure-")
                || sc.value.to_ascii_lowercase().starts_with("__host-"))
        {
            return Err(Reject::NameLooksLikeAPrefix);
        }
        // A nameless cookie serializes as its value alone; with an '=' in it, it would read
        // back as a named cookie ("=a=b" as "a=b"). Chromium refuses it.
        if sc.name.is_empty() && sc.value.contains('=') {
            return Err(Reject::NamelessWithEquals);
        }
        // §5.7 step 3: expiry — Max-Age wins over Expires; both capped at 400 days.
        let expires = match (sc.max_age, sc.expires) {
            (Some(age), _) if age <= 0 => Some(UnixTime::EARLIEST),
            (Some(age), _) => Some(now + age.min(MAX_AGE_CAP)),
            (None, Some(t)) => Some(t.min(now + MAX_AGE_CAP)),
            (None, None) => None,
        };
        // §5.7 steps 5-6: Domain.
        let (domain, host_only) = match &sc.domain {
            Some(d) => {
                let d = d.as_str();
                let public = suffix::public_suffix(d) == Some(d);
                if public {
                    if d == host {
                        (String::from(host), true)
                    } else {
                        return Err(Reject::PublicSuffix { domain: String::from(d) });
                    }
                } else if domain_match(host, d) {
                    (String::from(d), false)
                } else {
                    return Err(Reject::DomainMismatch { domain: String::from(d), host: String::from(host) });
                }
            }
            None => (String::from(host), true),
        };
        let path = sc.path.clone().unwrap_or_else(|| default_path(&req.url.path));
        if sc.secure && !secure_origin {
            return Err(Reject::SecureFromInsecureOrigin);
        }
        if sc.http_only && req.from_script {
            return Err(Reject::HttpOnlyFromScript);
        }
        if sc.same_site == Some(SameSite::None) && !sc.secure {
            return Err(Reject::SameSiteNoneWithoutSecure);
        }
        // CHIPS: a Partitioned cookie must be Secure, and is kept under the top-level site.
        if sc.partitioned && !sc.secure {
            return Err(Reject::PartitionedWithoutSecure);
        }
        let partition = sc.partitioned.then(|| req.top_level_site());
        let cross_site_ancestor = partition.is_some() && req.has_cross_site_ancestor();
        let third_party = !req.same_site() && !req.top_level;
        // Blocking third-party cookies spares partitioned ones: they cannot follow a user across sites.
        if third_party && self.third_party == ThirdPartyCookies::Blocked && partition.is_none() {
            return Err(Reject::ThirdPartyBlocked);
        }
        if sc.same_site != Some(SameSite::None) && third_party {
            // §5.7 step 15: a non-None SameSite cookie from a cross-site subresource response is ignored
            // (unset SameSite counts, as it behaves as Lax).
            return Err(Reject::SameSiteFromCrossSite);
        }
        // §5.7 step 20: cookie name prefixes (case-insensitive).
        if lower.starts_with("__secure-") && !(sc.secure && secure_origin) {
            return Err(Reject::SecurePrefix);
        }
        // RFC 6265bis §5.7 step 21: the attribute list must contain Path, with the value "/";
        // a cookie set at "/" without the attribute does not qualify.
        if lower.starts_with("__host-")
            && !(sc.secure && secure_origin && host_only && sc.domain.is_none() && sc.path.as_deref() == Some("/"))
        {
            return Err(Reject::HostPrefix);
        }
        // §5.7 step 16: from an insecure origin, leave Secure cookies of the same name alone.
        if !secure_origin
            && self.cookies.iter().any(|c| {
                c.secure
                    && c.name == sc.name
                    && (domain_match(&c.domain, &domain) || domain_match(&domain, &c.domain))
                    && path_match(&path, &c.path)
            })
        {
            return Err(Reject::WouldShadowSecureCookie);
        }
        let existing = self.cookies.iter().position(|c| {
            c.name == sc.name
                && c.domain == domain
                && c.host_only == host_only
                && c.path == path
                && c.partition == partition
                && c.cross_site_ancestor == cross_site_ancestor
        });
        if let Some(i) = existing {
            if self.cookies.get(i).is_some_and(|c| c.http_only) && req.from_script {
                return Err(Reject::OverwritesHttpOnlyFromScript);
            }
        }
        // RFC 6265bis §5.7 step 23 keeps the old cookie's creation-time on an overwrite;
        // Chromium gives the new cookie its own, so it sorts after older ones in the
        // Cookie header. jwtlens follows Chromium here.
        let created = now;
        if expires.is_some_and(|e| e <= now) {
            if let Some(i) = existing {
                self.cookies.remove(i);
            }
            return Ok(Outcome::Deleted { name: sc.name, existed: existing.is_some() });
        }
        self.seq += 1;
        let cookie = Cookie {
            name: sc.name,
            value: sc.value,
            domain,
            host_only,
            path,
            secure: sc.secure,
            http_only: sc.http_only,
            same_site: sc.same_site,
            expires,
            partition,
            cross_site_ancestor,
            created,
            seq: self.seq,
        };
        let domain = cookie.domain.clone();
        let outcome = match existing {
            Some(i) => {
                if let Some(slot) = self.cookies.get_mut(i) {
                    *slot = cookie.clone();
                }
                Outcome::Replaced { cookie }
            }
            None => {
                self.cookies.push(cookie.clone());
                Outcome::Stored { cookie }
            }
        };
        self.evict(now, &domain);
        Ok(outcome)
    }

    /// §5.7 "Storage Model" limits: expired first, then the oldest of `domain` (the only
    /// domain that can have grown past its limit, since every store evicts), then the oldest overall.
    fn evict(&mut self, now: UnixTime, domain: &str) {
        self.cookies.retain(|c| c.expires.is_none_or(|e| e > now));
        let oldest = |cookies: &[Cookie], only: Option<&str>| {
            cookies
                .iter()
                .enumerate()
                .filter(|(_, c)| only.is_none_or(|d| c.domain == d))
                .min_by_key(|(_, c)| c.seq)
                .map(|(i, _)| i)
        };
        while self.cookies.iter().filter(|c| c.domain == domain).count() > PER_DOMAIN_LIMIT {
            let Some(i) = oldest(&self.cookies, Some(domain)) else { break };
            self.cookies.remove(i);
        }
        while self.cookies.len() > TOTAL_LIMIT {
            let Some(i) = oldest(&self.cookies, None) else { break };
            self.cookies.remove(i);
        }
    }

    /// For each stored cookie: is it sent with `request` at `now` (or, from script, visible), and why.
    /// Sent cookies come first, in Cookie-header order (§5.8.3: longer paths first, then older).
    pub fn cookies_for(&self, req: &Request, now: UnixTime) -> Vec<CookieVerdict> {
        // Mixed content is settled before any cookie is chosen: an upgraded request
        // is judged as the https: one it becomes; a blocked one is never made.
        let (upgraded, blocked) = match req.mixed_content() {
            MixedContent::None => (None, false),
            MixedContent::Upgraded(url) => (Some(Request { url, ..req.clone() }), false),
            MixedContent::Blocked => (None, true),
        };
        let was_upgraded = upgraded.is_some();
        let req = upgraded.as_ref().unwrap_or(req);
        let same_site = req.same_site();
        let safe_method = matches!(req.method.as_str(), "GET" | "HEAD" | "OPTIONS" | "TRACE");
        let lax_ok = req.top_level && safe_method;
        let secure_request = req.url.is_potentially_trustworthy();
        let third_party_blocked = !same_site && !req.top_level && self.third_party == ThirdPartyCookies::Blocked;
        let top_level_site = req.top_level_site();
        let cross_site_ancestor = req.has_cross_site_ancestor();
        let mut order: Vec<&Cookie> = self.cookies.iter().collect();
        order.sort_by(|a, b| b.path.len().cmp(&a.path.len()).then(a.created.cmp(&b.created)).then(a.seq.cmp(&b.seq)));
        let mut out: Vec<CookieVerdict> = order
            .into_iter()
            .map(|c| {
                let reason = if c.expires.is_some_and(|e| e <= now) {
                    Reason::Expired
                } else if blocked {
                    Reason::MixedContentBlocked
                } else if c.host_only && req.url.host != c.domain {
                    Reason::HostMismatch
                } else if !c.host_only && !domain_match(&req.url.host, &c.domain) {
                    Reason::DomainMismatch
                } else if !path_match(&req.url.path, &c.path) {
                    Reason::PathMismatch
                } else if c.secure && !secure_request {
                    Reason::SecureOnInsecure
                } else if c.http_only && req.from_script {
                    Reason::HttpOnlyFromScript
                } else if c.partition.as_ref().is_some_and(|p| *p != top_level_site || c.cross_site_ancestor != cross_site_ancestor) {
                    Reason::OtherPartition
                } else if third_party_blocked && c.same_site == Some(SameSite::None) && c.partition.is_none() {
                    Reason::ThirdPartyBlocked
                } else if !same_site && c.same_site == Some(SameSite::Strict) {
                    Reason::SameSiteStrictCrossSite
                } else if !same_site && c.same_site == Some(SameSite::Lax) && !lax_ok {
                    Reason::SameSiteLaxCrossSite
                } else if !same_site && c.same_site.is_none() && !lax_ok {
                    // Chromium's Lax-allowing-unsafe: a cookie without SameSite, at most
                    // 2 minutes old, still rides a cross-site top-level navigation with an
                    // unsafe method (a form POST), so that sign-in flows keep working.
                    if req.top_level && !safe_method && now - c.created <= LAX_ALLOWING_UNSAFE_SECONDS {
                        Reason::SentLaxAllowingUnsafe
                    } else {
                        Reason::SameSiteDefaultLaxCrossSite
                    }
                } else {
                    Reason::Sent
                };
                CookieVerdict {
                    name: c.name.clone(),
                    value: c.value.clone(),
                    domain: c.domain.clone(),
                    host_only: c.host_only,
                    path: c.path.clone(),
                    sent: matches!(reason, Reason::Sent | Reason::SentLaxAllowingUnsafe),
                    message: if was_upgraded {
                        format!("{reason} (judged as https: Chromium upgrades an http: image or media request from an https: page, as Mixed Content §4.1 says; RFC 6265bis alone would judge the http: request)")
                    } else {
                        reason.to_string()
                    },
                    reason,
                }
            })
            .collect();
        out.sort_by_key(|v| !v.sent);
        out
    }

    /// The `Cookie` header for `request` (or the `document.cookie` string from script), `None` when nothing is sent.
    pub fn cookie_header(&self, req: &Request, now: UnixTime) -> Option<String> {
        // Each verdict carries its own cookie's value: a host-only and a domain cookie can
        // share name, domain and path (RFC 6265bis §5.7 step 22 tells them apart by host-only-flag).
        let pair =
            |v: &CookieVerdict| if v.name.is_empty() { v.value.clone() } else { format!("{}={}", v.name, v.value) };
        let parts: Vec<String> = self.cookies_for(req, now).iter().filter(|v| v.sent).map(pair).collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}
