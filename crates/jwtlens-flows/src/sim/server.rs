//! The servers' side: cookies set and sent, messages, JWTs and sessions checked.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use jwtlens::key::{Key, KeySet, SecretEncoding};
use jwtlens::report::{verdict, VerdictStatus};
use jwtlens_cookie::{Request as CookieRequest, SameSite, Url};

use super::*;
use crate::event::header;

impl Simulation {
    pub(crate) fn cookie_line(&self, name: &str, value: &str, path: &str, max_age: i64) -> String {
        let mut line = format!("{name}={value}; Path={path}");
        if self.config.secure {
            line.push_str("; Secure");
        }
        if self.config.http_only {
            line.push_str("; HttpOnly");
        }
        match self.config.same_site {
            Some(SameSite::Strict) => line.push_str("; SameSite=Strict"),
            Some(SameSite::Lax) => line.push_str("; SameSite=Lax"),
            Some(SameSite::None) => line.push_str("; SameSite=None"),
            None => {}
        }
        line.push_str(&format!("; Max-Age={max_age}"));
        line
    }

    /// The browser stores a Set-Cookie it received for `url`.
    pub(crate) fn receive_cookie(&mut self, line: &str, url: &str) -> Header {
        let name = line.split('=').next().unwrap_or("").to_string();
        let outcome = match Url::parse(url) {
            Ok(u) => {
                let req = CookieRequest {
                    url: u,
                    method: String::from("POST"),
                    from_script: false,
                    site_for_cookies: None,
                    top_level: false,
                    frames: Vec::new(),
                    destination: jwtlens_cookie::Destination::Fetch,
                };
                self.jar.set(line, &req, self.now).to_string()
            }
            Err(e) => format!("rejected: {}", e.message),
        };
        let text = format!("The browser's cookie jar: {name} {outcome}.");
        self.event("browser", EventKind::Stored { name, outcome }, text);
        header("Set-Cookie", line)
    }

    /// The cookies the browser attaches to a request, with a verdict per cookie.
    pub(crate) fn attach_cookies(&mut self, req: &CookieRequest) -> Option<String> {
        for v in self.jar.cookies_for(req, self.now) {
            let text = match (v.sent, req.from_script) {
                (true, false) if v.reason != jwtlens_cookie::Reason::Sent => {
                    format!("Cookie {} is sent — {}.", v.name, v.message.trim_start_matches("sent: "))
                }
                (true, false) => format!("Cookie {} is sent.", v.name),
                (false, false) => format!("Cookie {} is not sent: {}.", v.name, v.message),
                (true, true) => format!("Cookie {} is visible to document.cookie.", v.name),
                (false, true) => format!("Cookie {} is hidden from document.cookie: {}.", v.name, v.message),
            };
            self.event("browser", EventKind::Cookie { name: v.name, sent: v.sent, reason: v.message }, text);
        }
        self.jar.cookie_header(req, self.now)
    }

    pub(crate) fn send(&mut self, actor: &str, method: &str, url: &str, from: &str, headers: Vec<Header>) -> usize {
        let bytes: usize = headers.iter().map(|h| h.name.len() + 2 + h.value.len() + 2).sum();
        let shown: Vec<String> = headers.iter().map(|h| format!("{}: {}", h.name, short(&h.value))).collect();
        let text = if shown.is_empty() {
            format!("{method} {url} with no credentials.")
        } else {
            format!("{method} {url} with {} ({bytes} bytes).", shown.join(", "))
        };
        self.event(
            actor,
            EventKind::Request {
                method: String::from(method),
                url: String::from(url),
                from: String::from(from),
                headers,
                credential_bytes: bytes,
            },
            text,
        );
        bytes
    }

    pub(crate) fn respond(
        &mut self,
        server: usize,
        status: u16,
        headers: Vec<Header>,
        body: Option<String>,
        text: String,
    ) {
        self.event(&format!("server {}", server + 1), EventKind::Response { status, headers, body }, text);
    }

    // ----- tokens ----------------------------------------------------------------------------------

    pub(crate) fn issue_jwt(&mut self, lifetime: i64) -> (String, UnixTime) {
        let jti = self.random_id();
        let exp = self.now + lifetime;
        let Some(key) = self.keys.last() else {
            return (String::new(), exp);
        };
        // The core writes `alg` first, from the algorithm it signs with.
        let header = format!(r#"{{"typ":"JWT","kid":"{}"}}"#, key.kid);
        let claims = format!(
            r#"{{"iss":"{APP}","sub":"{USER}","name":"Ada Lovelace","role":"admin","iat":{},"exp":{exp},"jti":"{jti}"}}"#,
            self.now
        );
        let token =
            jwtlens::sign::sign_hmac(jwtlens::alg::Algorithm::HS256, &header, &claims, &key.secret).unwrap_or_default();
        (token, exp)
    }

    pub(crate) fn key_set(&self) -> KeySet {
        let accepted = if self.config.keep_previous_key { 2 } else { 1 };
        let keys = self
            .keys
            .iter()
            .rev()
            .take(accepted)
            .filter_map(|k| {
                let hex: String = k.secret.iter().map(|b| format!("{b:02x}")).collect();
                let mut key = Key::secret(&hex, SecretEncoding::Hex).ok()?;
                key.kid = Some(k.kid.clone());
                Some(key)
            })
            .collect();
        KeySet::from_keys(keys)
    }

    /// A server checks a JWT: signature and claims with jwtlens, then the deny-list.
    pub(crate) fn check_jwt(&mut self, server: usize, token: &str, lookups: &mut u32) -> Auth {
        let actor = format!("server {}", server + 1);
        let keys = self.key_set();
        let policy = jwtlens::policy::Policy {
            algorithms: alloc::vec![jwtlens::alg::Algorithm::HS256],
            issuers: alloc::vec![String::from(APP)],
            leeway: 0.0,
            ..jwtlens::policy::Policy::default()
        };
        let parsed = jwtlens::token::Token::parse(token);
        let options = jwtlens::Options {
            now: Some(jwtlens::time::NumericDate::from_secs(self.now.secs())),
            keys: Some(&keys),
            policy: Some(&policy),
            ..jwtlens::Options::default()
        };
        let v = verdict(&parsed, &options);
        let valid = v.status == VerdictStatus::Valid;
        let text = if valid {
            String::from("The JWT's signature and claims check out (no store consulted).")
        } else {
            format!("The JWT is refused: {}", v.message)
        };
        self.event(&actor, EventKind::Verify { valid, message: v.message.clone() }, text);
        if !valid {
            return Auth::Refused(v.message);
        }
        let claims = parsed.claims();
        let exp = moment(claims.and_then(|c| c.exp));
        let iat = moment(claims.and_then(|c| c.iat));
        let jti = jti_of(&parsed);
        if self.config.deny_list {
            *lookups += 1;
            let denied = self.deny.iter().any(|d| d.jti == jti);
            let revoked = self.revoked_users.iter().any(|(u, t)| u == USER && iat <= *t);
            let hit = denied || revoked;
            let text = if denied {
                format!("The deny-list has jti {}: refused.", short(&jti))
            } else if revoked {
                String::from("The user was revoked after this token was issued: refused.")
            } else {
                format!("The deny-list does not have jti {}.", short(&jti))
            };
            self.event(&actor, EventKind::Lookup { store: String::from("deny-list"), key: jti, hit }, text);
            if hit {
                return Auth::Refused(String::from("the token is on the deny-list"));
            }
        }
        Auth::User { until: exp }
    }

    /// A server looks a session ID up in its store.
    pub(crate) fn check_session(&mut self, server: usize, id: &str, lookups: &mut u32) -> Auth {
        *lookups += 1;
        let shared = self.config.shared_store;
        let now = self.now;
        let store = if shared { &self.shared } else { self.servers.get(server).map_or(&self.shared, |s| &s.sessions) };
        let found = store.iter().find(|s| s.id == id).cloned();
        let store_name =
            if shared { String::from("shared session store") } else { format!("server {}'s memory", server + 1) };
        let hit = found.as_ref().is_some_and(|s| s.expires > now);
        let text = match &found {
            Some(s) if s.expires > now => format!("Found session {} for {} in {store_name}.", short(id), s.user),
            Some(_) => format!("Session {} in {store_name} has expired.", short(id)),
            None => format!("No session {} in {store_name}.", short(id)),
        };
        self.event(
            &format!("server {}", server + 1),
            EventKind::Lookup { store: store_name, key: String::from(id), hit },
            text,
        );
        match found {
            Some(s) if hit => Auth::User { until: s.expires },
            Some(_) => Auth::Refused(String::from("the session has expired")),
            None => Auth::Refused(String::from("no such session")),
        }
    }

    /// How a server of this strategy authenticates a request with these headers.
    pub(crate) fn authenticate(&mut self, server: usize, headers: &[Header], lookups: &mut u32) -> Auth {
        let cookie = |name: &str| cookie_value(headers, name);
        let bearer = headers
            .iter()
            .find(|h| h.name == "Authorization")
            .and_then(|h| h.value.strip_prefix("Bearer ").map(String::from));
        match self.config.strategy {
            Strategy::Session => match cookie(SESSION_COOKIE) {
                Some(id) => self.check_session(server, &id, lookups),
                None => Auth::Refused(String::from("no session cookie")),
            },
            Strategy::JwtCookie => match cookie(TOKEN_COOKIE) {
                Some(t) => self.check_jwt(server, &t, lookups),
                None => Auth::Refused(String::from("no token cookie")),
            },
            Strategy::JwtLocalStorage | Strategy::AccessRefresh => match bearer {
                Some(t) => self.check_jwt(server, &t, lookups),
                None => Auth::Refused(String::from("no Authorization header")),
            },
        }
    }

    // ----- steps --------------------------------------------------------------------------------------
}
