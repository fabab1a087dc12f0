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
    let class = match r.verdict.status {
        VerdictStatus::Valid => "verdict ok",
        VerdictStatus::NoKey | VerdictStatus::Unchecked => "verdict none",
        VerdictStatus::ClaimsFail | VerdictStatus::Nested => "verdict warn",
        // Invalid, unsecured, malformed, and any status a later core adds: not valid.
        _ => "verdict bad",
    };
    let title = r.verdict.status.title();
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
