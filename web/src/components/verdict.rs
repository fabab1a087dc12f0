//! The verdict banner: verified, invalid signature, no key, or claims fail.

use std::rc::Rc;

use jwtlens::report::VerdictStatus;
use jwtlens::Report;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Rc<Report>,
    /// WebCrypto is still checking a signature the report could not judge yet.
    #[prop_or_default]
    pub checking: bool,
}

#[function_component(VerdictBanner)]
pub fn verdict_banner(props: &Props) -> Html {
    let r = &props.report;
    let class = match r.verdict.status {
        VerdictStatus::Valid => "verdict ok",
        VerdictStatus::NoKey | VerdictStatus::Unchecked => "verdict none",
        VerdictStatus::ClaimsFail | VerdictStatus::Nested => "verdict warn",
        // Invalid, unsecured, malformed, and any status a later core adds: not valid.
        _ => "verdict bad",
    };
    let checking = props.checking && r.verdict.status == VerdictStatus::Unchecked;
    // An SD-JWT's issuer-signed JWT is never valid on its own; the SD-JWT panel above judges the whole.
    let sd_jwt = r.notices.iter().any(|n| n.code == jwtlens::Code::SdJwt);
    let class = if checking || sd_jwt { "verdict none" } else { class };
    let (title, message) = if checking {
        ("Checking the signature…", "Your browser's WebCrypto is checking it; nothing leaves this page.")
    } else if sd_jwt {
        ("The issuer-signed JWT of an SD-JWT", r.verdict.message.as_str())
    } else {
        (r.verdict.status.title(), r.verdict.message.as_str())
    };
    let candidates = &r.verification.candidates;
    html! {
        <div class={class} id="verdict" role="status">
            <strong class="verdict-title">{ title }</strong>
            <span class="verdict-message">{ message }</span>
            if candidates.len() > 1 {
                <ul class="candidates">
                    { for candidates.iter().map(|c| html! { <li>{ format!("key {}: {} — {}", c.index, c.key, c.reason) }</li> }) }
                </ul>
            }
        </div>
    }
}
