//! Security findings by severity, and the policy's claim checks.

use std::rc::Rc;

use jwtlens::Report;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: Rc<Report>,
}

fn label<T: serde::Serialize>(v: &T) -> String {
    jwtlens::report::json_name(v)
}

#[function_component(FindingsPanel)]
pub fn findings_panel(props: &Props) -> Html {
    let r = &props.report;
    if r.findings.is_empty() {
        return html! {
            <section class="panel" id="panel-findings" aria-label="Findings">
                <div class="panel-head"><h2>{ "Findings" }</h2><span class="status ok">{ "none" }</span></div>
                <p class="small muted">{ "No security findings for this token (and key, if given)." }</p>
            </section>
        };
    }
    html! {
        <section class="panel" id="panel-findings" aria-label="Findings">
            <div class="panel-head"><h2>{ "Findings" }</h2><span class="muted small">{ format!("{} found", r.findings.len()) }</span></div>
            <ul class="findings">
                { for r.findings.iter().map(|f| {
                    let sev = label(&f.severity);
                    html! {
                        <li class={classes!("finding", format!("sev-{sev}"))}>
                            <span class="sev">{ sev.to_ascii_uppercase() }</span>
                            <span class="code">{ label(&f.code) }</span>
                            <span class="small muted">{ format!(" {} · byte {}", f.part.label(), f.offset) }</span>
                            <p class="message">{ &f.message }</p>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
