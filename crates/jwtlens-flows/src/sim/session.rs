//! Logging in, requests, logging out, revocation, time, restarts and key rotation.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use jwtlens::time::{humanize, iso_utc};

use super::*;
use crate::event::header;

impl Simulation {
    pub(crate) fn login(&mut self, server: usize) -> String {
        let url = format!("{APP}/login");
        self.send("page", "POST", &url, APP, Vec::new());
        self.note(&format!("server {}", server + 1), "Checks ada's password.");
        match self.config.strategy {
            Strategy::Session => {
                let id = self.random_id();
                let session = Session {
                    id: id.clone(),
                    user: String::from(USER),
                    data: String::from(PROFILE),
                    created: self.now,
                    expires: self.now + self.config.session_lifetime,
                };
                let bytes = session.bytes();
                let place = if self.config.shared_store {
                    self.shared.push(session);
                    String::from("the shared store")
                } else {
                    if let Some(s) = self.servers.get_mut(server) {
                        s.sessions.push(session);
                    }
                    format!("server {}'s memory", server + 1)
                };
                self.note(
                    &format!("server {}", server + 1),
                    format!("Creates session {} ({bytes} bytes) in {place}.", short(&id)),
                );
                let line = self.cookie_line(SESSION_COOKIE, &id, "/", self.config.session_lifetime);
                let set = self.receive_cookie(&line, &url);
                self.respond(server, 200, alloc::vec![set], None, String::from("200 OK with the session cookie."));
                format!("Logged in: server {} keeps a session; the browser holds only its ID.", server + 1)
            }
            Strategy::JwtLocalStorage => {
                let (token, exp) = self.issue_jwt(self.config.token_lifetime);
                let body = format!(r#"{{"token":"{token}"}}"#);
                self.respond(
                    server,
                    200,
                    Vec::new(),
                    Some(body),
                    format!(
                        "200 OK with a signed JWT in the body ({} bytes); nothing stored on the server.",
                        token.len()
                    ),
                );
                self.local_storage.retain(|(k, _)| k != "token");
                self.local_storage.push((String::from("token"), token));
                self.note("page script", "localStorage.setItem(\"token\", …)");
                format!("Logged in: the JWT is in localStorage until {}.", self.at(exp))
            }
            Strategy::JwtCookie => {
                let (token, exp) = self.issue_jwt(self.config.token_lifetime);
                let line = self.cookie_line(TOKEN_COOKIE, &token, "/", self.config.token_lifetime);
                let set = self.receive_cookie(&line, &url);
                self.respond(
                    server,
                    200,
                    alloc::vec![set],
                    None,
                    String::from("200 OK with the JWT in a cookie; nothing stored on the server."),
                );
                format!("Logged in: the JWT is in a cookie until {}.", self.at(exp))
            }
            Strategy::AccessRefresh => {
                let (token, exp) = self.issue_jwt(self.config.access_lifetime);
                let family = self.random_id();
                let set = self.issue_refresh(&family, &url);
                self.page_memory = Some((token.clone(), exp));
                self.respond(
                    server,
                    200,
                    alloc::vec![set],
                    Some(format!(r#"{{"access_token":"{token}"}}"#)),
                    String::from("200 OK: an access JWT in the body, a refresh token in an HttpOnly cookie for /auth."),
                );
                self.note("page script", "Keeps the access token in a JavaScript variable.");
                format!("Logged in: the access token lasts until {}; the refresh cookie renews it.", self.at(exp))
            }
        }
    }

    pub(crate) fn issue_refresh(&mut self, family: &str, url: &str) -> Header {
        let id = self.random_id();
        self.refresh.push(RefreshRecord {
            id: id.clone(),
            family: String::from(family),
            user: String::from(USER),
            expires: self.now + self.config.refresh_lifetime,
            used: false,
            revoked: false,
        });
        let line = self.cookie_line(REFRESH_COOKIE, &id, "/auth", self.config.refresh_lifetime);
        self.receive_cookie(&line, url)
    }

    /// Strategy 4: exchange the refresh cookie for a new access token (and a new refresh token).
    pub(crate) fn refresh_access(&mut self, server: usize) -> bool {
        let url = format!("{APP}/auth/refresh");
        let req = page_request(&url, "POST");
        let cookies = self.attach_cookies(&req);
        let headers: Vec<Header> = cookies.into_iter().map(|c| header("Cookie", c)).collect();
        self.send("page", "POST", &url, APP, headers.clone());
        let Some(id) = cookie_value(&headers, REFRESH_COOKIE) else {
            self.respond(server, 401, Vec::new(), None, String::from("401: no refresh cookie."));
            return false;
        };
        let now = self.now;
        let record = self.refresh.iter().find(|r| r.id == id).cloned();
        let hit = record.is_some();
        self.event(
            &format!("server {}", server + 1),
            EventKind::Lookup { store: String::from("refresh tokens"), key: id.clone(), hit },
            format!("Looks up refresh token {}.", short(&id)),
        );
        match record {
            Some(r) if r.used && !r.revoked => {
                // OAuth 2.0 Security BCP §4.14.2: a reused refresh token means one of two parties
                // stole it; revoke the whole family.
                for x in self.refresh.iter_mut().filter(|x| x.family == r.family) {
                    x.revoked = true;
                }
                self.respond(
                    server,
                    401,
                    Vec::new(),
                    None,
                    String::from(
                        "401: this refresh token was already used, so it was stolen; the whole family is revoked.",
                    ),
                );
                false
            }
            Some(r) if !r.revoked && r.expires > now => {
                if let Some(x) = self.refresh.iter_mut().find(|x| x.id == id) {
                    x.used = true;
                }
                let (token, exp) = self.issue_jwt(self.config.access_lifetime);
                let set = self.issue_refresh(&r.family, &url);
                self.page_memory = Some((token.clone(), exp));
                self.respond(
                    server,
                    200,
                    alloc::vec![set],
                    Some(format!(r#"{{"access_token":"{token}"}}"#)),
                    String::from(
                        "200 OK: a new access token, and the refresh token rotated (the old one is now spent).",
                    ),
                );
                true
            }
            _ => {
                self.respond(
                    server,
                    401,
                    Vec::new(),
                    None,
                    String::from("401: the refresh token is revoked, expired or unknown: log in again."),
                );
                false
            }
        }
    }

    pub(crate) fn request(&mut self, server: usize) -> String {
        let first = self.request_once(server);
        if self.config.strategy == Strategy::AccessRefresh && first.is_err() && self.page_memory.is_some() {
            // A 401 with an access token in hand (the key rotated, say): renew it once and retry.
            self.note("page script", "401 with an access token: refresh it and retry once.");
            if self.refresh_access(server) {
                return self.request_once(server).unwrap_or_else(|e| e);
            }
            self.page_memory = None;
        }
        first.unwrap_or_else(|e| e)
    }

    /// One API call; `Err` carries the outcome of a 401.
    pub(crate) fn request_once(&mut self, server: usize) -> Result<String, String> {
        self.metrics.requests += 1;
        if self.config.strategy == Strategy::AccessRefresh {
            let fresh = matches!(self.page_memory, Some((_, exp)) if exp > self.now);
            if !fresh {
                self.note("page script", "The access token is missing or expired: refresh it first.");
                if !self.refresh_access(server) {
                    self.page_memory = None;
                }
            }
        }
        let url = format!("{APP}/api/profile");
        let req = page_request(&url, "GET");
        let mut headers: Vec<Header> = self.attach_cookies(&req).into_iter().map(|c| header("Cookie", c)).collect();
        if let Some(t) = self.page_bearer() {
            headers.push(header("Authorization", format!("Bearer {t}")));
        }
        let bytes = self.send("page", "GET", &url, APP, headers.clone());
        let mut lookups = 0;
        let auth = self.authenticate(server, &headers, &mut lookups);
        self.metrics.credential_bytes = bytes;
        self.metrics.lookups = lookups;
        match auth {
            Auth::User { .. } => {
                self.respond(
                    server,
                    200,
                    Vec::new(),
                    Some(String::from(PROFILE)),
                    String::from("200 OK: ada's profile."),
                );
                Ok(format!(
                    "Server {} answered 200 as ada: {bytes} credential bytes sent, {lookups} store lookup(s).",
                    server + 1
                ))
            }
            Auth::Refused(why) => {
                let why = String::from(why.trim_end_matches('.'));
                self.respond(server, 401, Vec::new(), None, format!("401: {why}."));
                let hint = if self.config.strategy == Strategy::Session
                    && !self.config.shared_store
                    && self.servers.len() > 1
                {
                    " Each server keeps sessions in its own memory: without a shared store (or sticky sessions) another server does not know this one."
                } else {
                    ""
                };
                Err(format!("Server {} answered 401: {why}.{hint}", server + 1))
            }
        }
    }

    pub(crate) fn logout(&mut self) -> String {
        let server = 0;
        let url = match self.config.strategy {
            Strategy::AccessRefresh => format!("{APP}/auth/logout"),
            _ => format!("{APP}/logout"),
        };
        let req = page_request(&url, "POST");
        let mut headers: Vec<Header> = self.attach_cookies(&req).into_iter().map(|c| header("Cookie", c)).collect();
        let bearer = self.page_bearer();
        if let Some(t) = &bearer {
            headers.push(header("Authorization", format!("Bearer {t}")));
        }
        self.send("page", "POST", &url, APP, headers.clone());
        let find = |name: &str| cookie_value(&headers, name);
        let mut set = Vec::new();
        let summary = match self.config.strategy {
            Strategy::Session => {
                if let Some(id) = find(SESSION_COOKIE) {
                    let before = self.shared.len() + self.servers.iter().map(|s| s.sessions.len()).sum::<usize>();
                    self.shared.retain(|s| s.id != id);
                    for s in &mut self.servers {
                        s.sessions.retain(|x| x.id != id);
                    }
                    let after = self.shared.len() + self.servers.iter().map(|s| s.sessions.len()).sum::<usize>();
                    self.note(
                        "server 1",
                        format!("Deletes session {} ({} record removed).", short(&id), before - after),
                    );
                }
                let line = self.cookie_line(SESSION_COOKIE, "", "/", 0);
                set.push(self.receive_cookie(&line, &url));
                String::from("Logged out: the session is deleted on the server, so its ID is worthless from now on.")
            }
            Strategy::JwtLocalStorage | Strategy::JwtCookie => {
                let token = if self.config.strategy == Strategy::JwtCookie { find(TOKEN_COOKIE) } else { bearer };
                self.local_storage.retain(|(k, _)| k != "token");
                if self.config.strategy == Strategy::JwtLocalStorage {
                    self.note("page script", "localStorage.removeItem(\"token\")");
                } else {
                    let line = self.cookie_line(TOKEN_COOKIE, "", "/", 0);
                    set.push(self.receive_cookie(&line, &url));
                }
                self.deny_token(token.as_deref())
            }
            Strategy::AccessRefresh => {
                if let Some(id) = find(REFRESH_COOKIE) {
                    if let Some(family) = self.refresh.iter().find(|r| r.id == id).map(|r| r.family.clone()) {
                        for r in self.refresh.iter_mut().filter(|r| r.family == family) {
                            r.revoked = true;
                        }
                        self.note("server 1", "Revokes the refresh token family.");
                    }
                }
                let line = self.cookie_line(REFRESH_COOKIE, "", "/auth", 0);
                set.push(self.receive_cookie(&line, &url));
                self.page_memory = None;
                let denied = self.deny_token(bearer.as_deref());
                format!("Logged out: the refresh tokens are revoked. {denied}")
            }
        };
        self.respond(server, 200, set, None, String::from("200 OK."));
        summary
    }

    /// Logout of a JWT: only a deny-list can make the server refuse it before exp.
    pub(crate) fn deny_token(&mut self, token: Option<&str>) -> String {
        let Some(token) = token else {
            return String::from("No token was sent, so the server could not deny-list it.");
        };
        let parsed = jwtlens::token::Token::parse(token);
        let exp = moment(parsed.claims().and_then(|c| c.exp));
        let jti = jti_of(&parsed);
        if self.config.deny_list {
            self.note("server 1", format!("Adds jti {} to the deny-list until {}.", short(&jti), self.at(exp)));
            self.deny.push(Denied { jti, until: exp });
            String::from("The token's ID is on the deny-list: every server now refuses it (one lookup per request).")
        } else {
            self.note("server 1", "Has no record of the token: nothing to delete.");
            format!(
                "The browser forgot the token, but the server keeps no record of it: a copy still works until {}.",
                self.at(exp)
            )
        }
    }

    pub(crate) fn revoke(&mut self) -> String {
        self.note("admin", "Revokes ada (say her laptop was stolen).");
        match self.config.strategy {
            Strategy::Session => {
                let mut removed = 0;
                let before = self.shared.len();
                self.shared.retain(|s| s.user != USER);
                removed += before - self.shared.len();
                for s in &mut self.servers {
                    let b = s.sessions.len();
                    s.sessions.retain(|x| x.user != USER);
                    removed += b - s.sessions.len();
                }
                self.note("server 1", format!("Deletes ada's sessions: {removed} removed."));
                String::from(
                    "Revoked at once: every session of ada is deleted, so every copy of her session ID is refused.",
                )
            }
            Strategy::JwtLocalStorage | Strategy::JwtCookie | Strategy::AccessRefresh => {
                let mut parts = Vec::new();
                if self.config.strategy == Strategy::AccessRefresh {
                    for r in self.refresh.iter_mut().filter(|r| r.user == USER) {
                        r.revoked = true;
                    }
                    parts.push(String::from("Her refresh tokens are revoked, so no new access token will be issued."));
                }
                if self.config.deny_list {
                    self.revoked_users.push((String::from(USER), self.now));
                    self.note("server 1", "Adds \"ada, tokens issued until now\" to the deny-list.");
                    parts.push(String::from("The deny-list refuses her tokens issued until now, on every request."));
                } else {
                    let lifetime = if self.config.strategy == Strategy::AccessRefresh {
                        self.config.access_lifetime
                    } else {
                        self.config.token_lifetime
                    };
                    parts.push(format!("Tokens already issued stay valid until they expire (up to {}): the servers keep no record of them.", humanize(lifetime as f64)));
                }
                parts.join(" ")
            }
        }
    }

    pub(crate) fn advance(&mut self, seconds: i64) -> String {
        let seconds = seconds.clamp(0, 400 * 86_400);
        self.now += seconds;
        // Expired entries fall off the deny-list: it only has to outlive the tokens it names.
        let now = self.now;
        self.deny.retain(|d| d.until > now);
        self.note("clock", format!("{} pass.", humanize(seconds as f64)));
        format!("The clock is now {}.", iso_utc(self.now.secs() as f64).unwrap_or_default())
    }

    pub(crate) fn restart(&mut self, server: usize) -> String {
        let Some(s) = self.servers.get_mut(server) else {
            return String::from("No such server.");
        };
        s.restarts += 1;
        let lost = s.sessions.len();
        s.sessions.clear();
        let name = format!("server {}", server + 1);
        if self.config.strategy == Strategy::Session && !self.config.shared_store {
            self.note(&name, format!("Restarts: the {lost} session(s) in its memory are gone."));
            format!("Server {} restarted and lost {lost} session(s): those users must log in again.", server + 1)
        } else {
            self.note(&name, "Restarts; it kept nothing about users in memory.");
            format!(
                "Server {} restarted; nobody is logged out (the state is in the token or a shared store).",
                server + 1
            )
        }
    }

    pub(crate) fn rotate_key(&mut self) -> String {
        self.new_key();
        let kid = self.keys.last().map(|k| k.kid.clone()).unwrap_or_default();
        self.note("server 1", format!("New signing key {kid}."));
        if !self.config.strategy.uses_jwt() {
            return format!("New key {kid}; sessions do not depend on it, so nobody notices.");
        }
        if self.config.keep_previous_key {
            format!("New tokens are signed with {kid}; tokens signed with the previous key are still accepted until they expire.")
        } else {
            format!("New tokens are signed with {kid}, and the previous key is dropped: every token issued before now is refused.")
        }
    }
}
