//! The Validator's claim policy: accepted issuers and audiences, leeway; and the checks it gives.

use std::rc::Rc;

use jwtlens::policy::Outcome;
use jwtlens::Report;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::{Action, PolicyInput, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub value: PolicyInput,
    pub error: Option<String>,
    pub dispatch: UseReducerDispatcher<State>,
}

#[function_component(PolicyPanel)]
pub fn policy_panel(props: &Props) -> Html {
    let field = |set: fn(&mut PolicyInput, String)| {
        let (dispatch, value) = (props.dispatch.clone(), props.value.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next = value.clone();
            set(&mut next, input.value());
            dispatch.dispatch(Action::SetPolicy(next));
        })
    };
    html! {
        <fieldset class="policy">
            <legend class="label">{ "Check claims (optional)" }</legend>
            <div class="policy-grid">
            <label for="policy-iss" class="small">{ "Accepted issuers" }</label>
            <input id="policy-iss" type="text" placeholder="https://issuer.example, …" value={props.value.iss.clone()} oninput={field(|p, v| p.iss = v)} />
            <label for="policy-aud" class="small">{ "Accepted audiences" }</label>
            <input id="policy-aud" type="text" placeholder="api, …" value={props.value.aud.clone()} oninput={field(|p, v| p.aud = v)} />
            <label for="policy-leeway" class="small">{ "Leeway, seconds (default 60, at most 600)" }</label>
            <input id="policy-leeway" type="text" inputmode="decimal" placeholder="60" value={props.value.leeway.clone()} oninput={field(|p, v| p.leeway = v)} />
            </div>
            if let Some(e) = &props.error {
                <p class="key-error" id="policy-error" role="alert">{ e }</p>
            }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChecksProps {
    pub report: Rc<Report>,
}

#[function_component(ChecksPanel)]
pub fn checks_panel(props: &ChecksProps) -> Html {
    let checks = &props.report.checks;
    if checks.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel" id="panel-checks" aria-label="Claim checks">
            <div class="panel-head"><h2>{ "Claim checks" }</h2></div>
            <div class="table-wrap"><table class="times checks">
                <thead><tr><th scope="col">{ "Check" }</th><th scope="col">{ "Result" }</th><th scope="col">{ "Expected" }</th><th scope="col">{ "Actual" }</th></tr></thead>
                <tbody>
                    { for checks.iter().map(|c| {
                        let (class, word) = match c.outcome {
                            Outcome::Passed => ("status ok", "passed"),
                            Outcome::Failed => ("status bad", "failed"),
                            Outcome::Skipped => ("status", "skipped"),
                        };
                        html! {
                            <tr id={format!("check-{}", c.name)} title={c.message.clone()}>
                                <th scope="row"><code>{ c.name.name() }</code></th>
                                <td><span class={class}>{ word }</span><div class="small">{ &c.message }</div></td>
                                <td><code>{ c.expected.clone().unwrap_or_default() }</code></td>
                                <td><code>{ c.actual.clone().unwrap_or_default() }</code></td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table></div>
        </section>
    }
}
