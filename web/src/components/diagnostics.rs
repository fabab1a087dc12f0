//! Errors and notices, each with the place it points at.

use std::rc::Rc;

use jwtlens::{Diagnostic, Report};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::view::utf16_index;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub input: AttrValue,
    pub report: Rc<Report>,
    pub textarea: NodeRef,
}

fn code(d: &Diagnostic) -> String {
    jwtlens::report::json_name(&d.code)
}

/// The input around the diagnostic, with the pointed-at characters marked.
fn excerpt(input: &str, d: &Diagnostic) -> Html {
    let start = d.offset.min(input.len());
    let end = d.end.clamp(start, input.len());
    let from = (0..=start.saturating_sub(24)).rev().find(|&i| input.is_char_boundary(i)).unwrap_or(0);
    let to = (end + 24).min(input.len());
    let to = (to..=input.len()).find(|&i| input.is_char_boundary(i)).unwrap_or(input.len());
    let at = input.get(start..end).unwrap_or("");
    let at = if at.trim().is_empty() { "␣".to_owned() } else { at.to_owned() };
    html! {
        <code class="excerpt">
            { if from > 0 { "…" } else { "" } }
            { input.get(from..start).unwrap_or("") }
            <mark class="error-mark">{ at }</mark>
            { input.get(end..to).unwrap_or("") }
            { if to < input.len() { "…" } else { "" } }
        </code>
    }
}

#[function_component(Diagnostics)]
pub fn diagnostics(props: &Props) -> Html {
    let r = &props.report;
    let show = |d: &Diagnostic| {
        let (node, input) = (props.textarea.clone(), props.input.clone());
        let (start, end) = (d.offset, d.end);
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = node.cast::<HtmlTextAreaElement>() {
                let _ = area.focus();
                let _ = area.set_selection_range(utf16_index(&input, start), utf16_index(&input, end.max(start)));
            }
        })
    };
    html! {
        <div class="diagnostics">
            if !r.errors.is_empty() {
                <h2 class="label">{ "Errors" }</h2>
                <ul class="errors" id="errors">
                    { for r.errors.iter().map(|e| html! {
                        <li class="error">
                            <div class="where">
                                <span class="code">{ code(e) }</span>
                                { format!(" {} · byte {}", e.part.label(), e.offset) }
                                <button type="button" class="link" onclick={show(e)} aria-label={format!("Select byte {} in the token box", e.offset)}>{ "Show in token" }</button>
                            </div>
                            <p class="message">{ &e.message }</p>
                            { excerpt(&props.input, e) }
                            if let (Some(exp), Some(found)) = (&e.expected, &e.found) {
                                <p class="small muted">{ format!("Expected {exp}; found {found}.") }</p>
                            }
                        </li>
                    }) }
                </ul>
            }
            if !r.notices.is_empty() {
                <h2 class="label">{ "Notices" }</h2>
                <ul class="notices" id="notices">
                    { for r.notices.iter().map(|n| html! {
                        <li class="notice"><span class="code">{ code(n) }</span>{ " " }{ &n.message }</li>
                    }) }
                </ul>
            }
        </div>
    }
}
