//! A request as the jar sees it: the URL, the method, and the browser context (top-level site, navigation or not, script).

use alloc::format;
use alloc::string::String;

use serde::Serialize;

use crate::*;

/// Who makes a request, from where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Request {
    /// The URL requested.
    pub url: Url,
    /// The method.
    pub method: String,
    /// From HTTP (a fetch, form or navigation) or from script (`document.cookie`).
    pub from_script: bool,
    /// The top-level site the request is made for ("site for cookies"), as a URL; `None` = same as `url`.
    pub site_for_cookies: Option<Url>,
    /// A top-level navigation (the address bar, a link, a form that navigates).
    pub top_level: bool,
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
        })
    }
    /// A subresource request (fetch, image, form POST in a frame) to `url` from a page on `from`.
    pub fn subresource(url: &str, method: &str, from: &str) -> Result<Request, UrlError> {
        Ok(Request {
            url: Url::parse(url)?,
            method: method.to_ascii_uppercase(),
            from_script: false,
            site_for_cookies: Some(Url::parse(from)?),
            top_level: false,
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
        })
    }
    /// The top-level site the request is made under, as a partition key: the
    /// scheme and registrable domain of the top-level page (`https://news.example`).
    pub fn top_level_site(&self) -> String {
        let top = self.site_for_cookies.as_ref().unwrap_or(&self.url);
        let domain = registrable_domain(&top.host);
        format!("{}://{}", top.scheme, domain)
    }

    /// Whether the request is same-site (schemeful: https and http of one domain are different sites).
    pub fn same_site(&self) -> bool {
        match &self.site_for_cookies {
            None => true,
            Some(site) => {
                site.scheme_is_secure() == self.url.scheme_is_secure()
                    && registrable_domain(&site.host) == registrable_domain(&self.url.host)
            }
        }
    }
}
