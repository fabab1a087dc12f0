//! The verdict banner: verified, invalid signature, no key, or claims fail.

use std::rc::Rc;

use jwtlens::report::VerdictStatus;
use jwtlens::Report;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Rc<Report>,
}

#[function_component(VerdictBanner)]
pub fn verdict_banner(props: &Props) -> Html {
    let r = &props.report;
    let (class, title) = match r.verdict.status {
        VerdictStatus::Valid => ("verdict ok", "Verified"),
        VerdictStatus::InvalidSignature => ("verdict bad", "Invalid signature"),
        VerdictStatus::NoKey => ("verdict none", "Signature not checked"),
        VerdictStatus::ClaimsFail => ("verdict warn", "Claims fail"),
        VerdictStatus::Unsecured => ("verdict bad", "Unsecured (alg none)"),
        VerdictStatus::Nested => ("verdict warn", "Nested token"),
        VerdictStatus::Malformed => ("verdict bad", "Not a valid JWT"),
    };
    let candidates = &r.verification.candidates;
    html! {
        <div class={class} id="verdict" role="status">
            <strong class="verdict-title">{ title }</strong>
            <span class="verdict-message">{ &r.verdict.message }</span>
            if candidates.len() > 1 {
                <ul class="candidates">
                    { for candidates.iter().map(|c| html! { <li>{ format!("key {}: {} — {}", c.index, c.key, c.reason) }</li> }) }
                </ul>
            }
        </div>
    }
}
