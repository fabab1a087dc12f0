//! The attacker's steps: XSS, CSRF, hijacking and replay.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use jwtlens_cookie::{Request as CookieRequest, SameSite, Url};

use super::*;
use crate::event::header;

impl Simulation {
    pub(crate) fn xss(&mut self) -> String {
        let actor = "attacker's script";
        self.note(actor, format!("Runs inside {APP}, with the page's privileges."));
        // document.cookie: what script may see.
        let visible = match CookieRequest::script(&format!("{APP}/")) {
            Ok(req) => self.attach_cookies(&req).unwrap_or_default(),
            Err(_) => String::new(),
        };
        self.event(
            actor,
            EventKind::Read { source: String::from("document.cookie"), value: visible.clone() },
            format!("document.cookie = \"{}\"", short(&visible)),
        );
        let storage: String = self.local_storage.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
        self.event(
            actor,
            EventKind::Read { source: String::from("localStorage"), value: storage.clone() },
            format!("localStorage: {}", if storage.is_empty() { String::from("empty") } else { short(&storage) }),
        );
        let memory = self.page_memory.as_ref().map(|(t, _)| t.clone()).unwrap_or_default();
        if self.config.strategy == Strategy::AccessRefresh {
            self.event(
                actor,
                EventKind::Read { source: String::from("page memory"), value: memory.clone() },
                format!(
                    "The page's variables: {}",
                    if memory.is_empty() { String::from("no token") } else { short(&memory) }
                ),
            );
        }
        let mut taken = Vec::new();
        for kv in visible.split("; ").filter(|kv| !kv.is_empty()) {
            let name = kv.split('=').next().unwrap_or("");
            if [SESSION_COOKIE, TOKEN_COOKIE, REFRESH_COOKIE].contains(&name) {
                taken.push((format!("the {name} cookie (from document.cookie)"), header("Cookie", kv)));
            }
        }
        if let Some((_, t)) = self.local_storage.iter().find(|(k, _)| k == "token") {
            taken.push((String::from("the token from localStorage"), header("Authorization", format!("Bearer {t}"))));
        }
        if !memory.is_empty() {
            taken.push((
                String::from("the access token from page memory"),
                header("Authorization", format!("Bearer {memory}")),
            ));
        }
        let mut sentences = Vec::new();
        for (what, h) in taken {
            let until = self.works_until(&h);
            let text = match until {
                Some(t) => format!("The attacker now holds {what}; it works from anywhere until {}.", self.at(t)),
                None => format!("The attacker now holds {what}, though it is not accepted now."),
            };
            self.event(actor, EventKind::Stolen { credential: what.clone(), works_until: until }, text);
            sentences.push(match until {
                Some(t) => {
                    format!("The script read {what} and can now call the API from anywhere until {}.", self.at(t))
                }
                None => format!("The script read {what}, but it is not accepted any more."),
            });
            self.stolen.push(Stolen { what, header: h, at: self.now });
        }
        // What the script can do without reading anything: call the API from the page itself.
        let url = format!("{APP}/api/profile");
        let req = page_request(&url, "GET");
        let mut headers: Vec<Header> = self.attach_cookies(&req).into_iter().map(|c| header("Cookie", c)).collect();
        if let Some(h) = self.stolen.iter().rev().find(|s| s.header.name == "Authorization" && s.at == self.now) {
            headers.push(h.header.clone());
        }
        self.send(actor, "GET", &url, APP, headers.clone());
        let mut lookups = 0;
        let riding = matches!(self.authenticate(0, &headers, &mut lookups), Auth::User { .. });
        self.respond(
            0,
            if riding { 200 } else { 401 },
            Vec::new(),
            None,
            String::from(if riding { "200 OK: the server cannot tell the script from ada." } else { "401." }),
        );
        if sentences.is_empty() {
            if riding {
                String::from("The script found no readable cookie or token, but its same-origin fetch still carried the cookie: it can act as ada while the page is open.")
            } else {
                String::from("The script found no readable credential, and its requests are not authenticated.")
            }
        } else {
            sentences.join(" ")
        }
    }

    /// A refresh token the servers would still exchange: until when.
    pub(crate) fn refresh_usable(&self, h: &Header) -> Option<UnixTime> {
        let id = h.value.strip_prefix("refresh=")?;
        let r = self.refresh.iter().find(|r| r.id == id)?;
        (!r.used && !r.revoked && r.expires > self.now).then_some(r.expires)
    }

    /// Until when a credential header would be accepted, judging as a server would now.
    pub(crate) fn works_until(&mut self, h: &Header) -> Option<UnixTime> {
        if h.name == "Cookie" && h.value.starts_with("refresh=") {
            return self.refresh_usable(h);
        }
        let saved = self.events.len();
        let mut lookups = 0;
        let auth = self.authenticate(0, core::slice::from_ref(h), &mut lookups);
        self.events.truncate(saved);
        match auth {
            Auth::User { until } => Some(until),
            Auth::Refused(_) => None,
        }
    }

    pub(crate) fn csrf(&mut self, method: &str) -> String {
        self.csrf_in(method, true, false)
    }

    /// A cross-site `fetch` with credentials: a subresource request, not a navigation.
    pub(crate) fn csrf_fetch(&mut self) -> String {
        self.csrf_in("POST", false, false)
    }

    /// The same fetch from a frame of the attacker's site inside the app's own page.
    pub(crate) fn ad_frame(&mut self) -> String {
        self.csrf_in("POST", false, true)
    }

    fn csrf_in(&mut self, method: &str, top_level: bool, in_frame: bool) -> String {
        let url = format!("{APP}/api/transfer?to=mallory&amount=100");
        if in_frame {
            self.note(
                "browser",
                format!("ada, still logged in, opens {APP}; the page embeds an ad frame from {EVIL}."),
            );
        } else {
            self.note("browser", format!("ada, still logged in, opens {EVIL}."));
        }
        let how = match (top_level, method) {
            (false, _) => "runs fetch(…, { method: \"POST\", credentials: \"include\" }) against",
            (true, "GET") => "navigates the tab to",
            (true, _) => "auto-submits a hidden form to",
        };
        let who = if in_frame { "The ad frame's script" } else { EVIL };
        self.note("attacker", format!("{who} {how} {APP}/api/transfer."));
        // In a frame the page around it is the app's own, but the frame is of another site,
        // and a request is same-site only if every frame around it is (RFC 6265bis §5.2.1).
        let (site, frames) = if in_frame { (APP, alloc::vec![format!("{EVIL}/ad")]) } else { (EVIL, Vec::new()) };
        let req = match Url::parse(&url) {
            Ok(u) => CookieRequest {
                url: u,
                method: String::from(method),
                from_script: false,
                site_for_cookies: Url::parse(site).ok(),
                top_level,
                frames: frames.iter().filter_map(|f| Url::parse(f).ok()).collect(),
                destination: if top_level {
                    jwtlens_cookie::Destination::Document
                } else {
                    jwtlens_cookie::Destination::Fetch
                },
            },
            Err(_) => return String::from("bad URL"),
        };
        let headers: Vec<Header> = self.attach_cookies(&req).into_iter().map(|c| header("Cookie", c)).collect();
        let origin = frames.first().map_or(if in_frame { APP } else { EVIL }, String::as_str);
        self.send("browser", method, &url, origin, headers.clone());
        let mut lookups = 0;
        let auth = self.authenticate(0, &headers, &mut lookups);
        let same_site = match self.config.same_site {
            Some(SameSite::Strict) => "SameSite=Strict",
            Some(SameSite::Lax) => "SameSite=Lax",
            Some(SameSite::None) => "SameSite=None",
            None => "no SameSite (Lax by default)",
        };
        match auth {
            Auth::User { .. } => {
                self.respond(0, 200, Vec::new(), None, String::from("200 OK: transfer made as ada."));
                let same_site = if !top_level {
                    "SameSite=None, and third-party cookies allowed"
                } else if self.config.same_site.is_none() && method != "GET" {
                    "no SameSite, and set under 2 minutes ago: Chromium's Lax-allowing-unsafe still sends it on a cross-site top-level POST"
                } else {
                    same_site
                };
                format!("CSRF worked: the browser attached ada's cookie ({same_site}) to the cross-site {method}, and the server made the transfer.")
            }
            Auth::Refused(why) => {
                let why = why.trim_end_matches('.');
                self.respond(0, 401, Vec::new(), None, format!("401: {why}."));
                if self.config.strategy.uses_jwt()
                    && matches!(self.config.strategy, Strategy::JwtLocalStorage | Strategy::AccessRefresh)
                {
                    if in_frame {
                        String::from("CSRF failed: the API wants an Authorization header, and the frame cannot read the app's localStorage or memory: it is another origin, not XSS.")
                    } else {
                        format!("CSRF failed: the API wants an Authorization header, which {EVIL} cannot read or set.")
                    }
                } else if in_frame && self.config.third_party_cookies == jwtlens_cookie::ThirdPartyCookies::Blocked {
                    format!("CSRF failed: {why} (the frame is of another site, so its fetch is a third-party request even inside the app's page, and third-party cookies are blocked).")
                } else {
                    if !top_level && self.config.third_party_cookies == jwtlens_cookie::ThirdPartyCookies::Blocked {
                        format!("CSRF failed: {why} (third-party cookies are blocked, and a cross-site fetch is a third-party request).")
                    } else {
                        format!("CSRF failed: {why} ({same_site} on the cross-site {method}).")
                    }
                }
            }
        }
    }

    /// The credential headers the page would send to the API now.
    pub(crate) fn api_credentials(&mut self) -> Vec<Header> {
        let req = page_request(&format!("{APP}/api/profile"), "GET");
        let mut headers: Vec<Header> =
            self.jar.cookie_header(&req, self.now).into_iter().map(|c| header("Cookie", c)).collect();
        if let Some(t) = self.page_bearer() {
            headers.push(header("Authorization", format!("Bearer {t}")));
        }
        headers
    }

    /// The token the page's script sends as `Authorization: Bearer`, when its strategy uses one.
    pub(crate) fn page_bearer(&self) -> Option<String> {
        match self.config.strategy {
            Strategy::JwtLocalStorage => self.local_storage.iter().find(|(k, _)| k == "token").map(|(_, t)| t.clone()),
            Strategy::AccessRefresh => self.page_memory.as_ref().map(|(t, _)| t.clone()),
            _ => None,
        }
    }

    pub(crate) fn hijack(&mut self) -> String {
        let headers = self.api_credentials();
        if headers.is_empty() {
            self.note("attacker", "Finds no credential to copy.");
            return String::from("There is nothing to copy: the browser holds no credential.");
        }
        let mut sentences = Vec::new();
        for h in headers {
            let what = format!("a copy of the {} header", h.name);
            let until = self.works_until(&h);
            let text = match until {
                Some(t) => {
                    format!("The attacker copies the {} header; as things stand it works until {}.", h.name, self.at(t))
                }
                None => format!("The attacker copies the {} header, though it is not accepted now.", h.name),
            };
            self.event("attacker", EventKind::Stolen { credential: what.clone(), works_until: until }, text.clone());
            sentences.push(text);
            self.stolen.push(Stolen { what, header: h, at: self.now });
        }
        sentences.join(" ")
    }

    pub(crate) fn replay(&mut self) -> String {
        if self.stolen.is_empty() {
            self.note("attacker", "Has nothing to replay.");
            return String::from("The attacker has nothing to replay: nothing readable was stolen.");
        }
        let url = format!("{APP}/api/profile");
        let stolen = self.stolen.clone();
        let mut sentences = Vec::new();
        for s in stolen {
            if s.header.value.starts_with("refresh=") {
                // A readable refresh cookie mints access tokens until it is spent or revoked.
                let text = match self.refresh_usable(&s.header) {
                    Some(t) => format!(
                        "{} still works: it can be exchanged for access tokens until {}.",
                        capitalize(&s.what),
                        self.at(t)
                    ),
                    None => format!("{} no longer works (spent, revoked or expired).", capitalize(&s.what)),
                };
                self.note("attacker", text.clone());
                sentences.push(text);
                continue;
            }
            self.send("attacker", "GET", &url, "the attacker's machine", alloc::vec![s.header.clone()]);
            let mut lookups = 0;
            match self.authenticate(0, core::slice::from_ref(&s.header), &mut lookups) {
                Auth::User { until } => {
                    self.respond(
                        0,
                        200,
                        Vec::new(),
                        Some(String::from(PROFILE)),
                        String::from("200 OK: ada's profile, to the attacker."),
                    );
                    sentences.push(format!("{} still works: accepted until {}.", capitalize(&s.what), self.at(until)));
                }
                Auth::Refused(why) => {
                    let why = why.trim_end_matches('.');
                    self.respond(0, 401, Vec::new(), None, format!("401: {why}."));
                    sentences.push(format!("{} no longer works ({why}).", capitalize(&s.what)));
                }
            }
        }
        sentences.join(" ")
    }
}
