//! A decoded header or payload: pretty JSON, a copy button, and each member explained.

use jwtlens::report::{Encoding, MemberReport, PartReport};
use yew::prelude::*;

use super::CopyButton;
use crate::json_view::{self, Highlight};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub title: AttrValue,
    pub class: AttrValue,
    pub part: PartReport,
    /// The member lit up anywhere on the page (by its span in the token).
    #[prop_or_default]
    pub highlight: Highlight,
    #[prop_or_default]
    pub on_highlight: Callback<Highlight>,
}

fn member_row(id: String, m: &MemberReport, lit: bool, on_highlight: &Callback<Highlight>) -> Html {
    let value = serde_json::to_string(&m.value).unwrap_or_default();
    let span = m.span;
    let enter = on_highlight.reform(move |_: MouseEvent| Some(span));
    let leave = on_highlight.reform(|_: MouseEvent| None);
    html! {
        <li {id} class={classes!("member", m.duplicate.then_some("duplicate"), lit.then_some("lit"))}
            onmouseenter={enter} onmouseleave={leave}>
            <div class="member-head">
                <code class="name">{ &m.name }</code>
                <code class="value">{ value }</code>
                if m.duplicate { <span class="tag warn">{ "duplicate" }</span> }
            </div>
            if let Some(note) = &m.note {
                <div class="note">{ note }</div>
            }
            if let Some(reg) = m.registered {
                <div class="explain"><strong>{ reg.title }</strong>{ ": " }{ reg.explanation }<span class="rfc">{ format!(" ({})", reg.rfc) }</span></div>
            }
        </li>
    }
}

#[function_component(PartPanel)]
pub fn part_panel(props: &Props) -> Html {
    let p = &props.part;
    let pretty = match &p.json {
        Some(j) => serde_json::to_string_pretty(j).unwrap_or_default(),
        None => p.text.clone(),
    };
    let kind = match p.encoding {
        Encoding::Json => "JSON",
        Encoding::Text => "text (not JSON)",
        Encoding::Binary => "binary (hex)",
    };
    let id = format!("panel-{}", props.title.to_ascii_lowercase());
    html! {
        <section class={classes!("panel", props.class.to_string())} id={id.clone()} aria-label={props.title.clone()}>
            <div class="panel-head">
                <h2>{ &props.title }</h2>
                <span class="muted small">{ format!("{kind} · {} bytes", p.bytes) }</span>
                <CopyButton text={pretty.clone()} label={format!("Copy the {} JSON", props.title.to_ascii_lowercase())} />
            </div>
            <pre class="json" tabindex="0">{
                match &p.json {
                    Some(j) => json_view::object(j, &p.members, &id, props.highlight, &props.on_highlight),
                    None => html! { pretty.clone() },
                }
            }</pre>
            if !p.members.is_empty() {
                <ul class="members">{ for p.members.iter().enumerate().map(|(i, m)| {
                    member_row(format!("{id}-{i}"), m, props.highlight == Some(m.span), &props.on_highlight)
                }) }</ul>
            }
        </section>
    }
}
