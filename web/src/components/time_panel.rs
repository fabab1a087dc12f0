//! exp / nbf / iat as UTC, local time and relative, with the verdict.

use jwtlens::time::{Moment, TimeReport, TimeStatus};
use yew::prelude::*;

use crate::view::local_time;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub time: TimeReport,
}

fn row(label: &str, name: &str, m: &Option<Moment>, highlight: bool) -> Html {
    let Some(m) = m else { return html! {} };
    html! {
        <tr class={classes!(highlight.then_some("highlight"))} id={format!("time-{name}")}>
            <th scope="row">{ label }<code class="muted">{ format!(" {name}") }</code></th>
            <td class="rel">{ m.relative.clone().unwrap_or_default() }</td>
            <td><code>{ m.iso.clone().unwrap_or_else(|| "outside years 0000-9999".into()) }</code></td>
            <td class="local">{ local_time(m.value.seconds()).unwrap_or_default() }</td>
        </tr>
    }
}

#[function_component(TimePanel)]
pub fn time_panel(props: &Props) -> Html {
    let t = &props.time;
    let (class, badge) = match t.status {
        TimeStatus::Valid => ("status ok", "Valid now"),
        TimeStatus::Expired => ("status bad", "Expired"),
        TimeStatus::NotYetValid => ("status warn", "Not yet valid"),
        TimeStatus::Unchecked => ("status", "Unchecked"),
    };
    let no_times = t.exp.is_none() && t.nbf.is_none() && t.iat.is_none();
    html! {
        <section class="panel" id="panel-time" aria-label="Times">
            <div class="panel-head">
                <h2>{ "Times" }</h2>
                <span class={class} id="time-status">{ badge }</span>
            </div>
            <p id="time-summary">{ &t.summary }</p>
            if !no_times {
                <table class="times">
                    <thead><tr><th scope="col">{ "Claim" }</th><th scope="col">{ "Relative" }</th><th scope="col">{ "UTC" }</th><th scope="col">{ "Your time zone" }</th></tr></thead>
                    <tbody>
                        { row("Expires", "exp", &t.exp, t.status == TimeStatus::Expired) }
                        { row("Not before", "nbf", &t.nbf, t.status == TimeStatus::NotYetValid) }
                        { row("Issued at", "iat", &t.iat, t.issued_in_future) }
                    </tbody>
                </table>
            }
            if let Some(l) = &t.lifetime_text {
                <p class="small muted">{ format!("Lifetime (exp − iat): {l}.") }</p>
            }
            if t.issued_in_future {
                <p class="warn-text">{ "iat is in the future: the issuer's clock is ahead, or the token was forged." }</p>
            }
        </section>
    }
}
