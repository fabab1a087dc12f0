//! The token with its parts in distinct colours and errors marked where they are.

use std::rc::Rc;

use jwtlens::diagnostic::Part;
use jwtlens::Report;
use yew::prelude::*;

use super::CopyButton;
use crate::view::runs;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub input: AttrValue,
    pub report: Rc<Report>,
    /// A member's base64url characters to light up.
    #[prop_or_default]
    pub highlight: Option<jwtlens::report::Span>,
    /// Pointing at a member's characters lights it up everywhere.
    #[prop_or_default]
    pub on_highlight: Callback<Option<jwtlens::report::Span>>,
}

fn part_class(part: Option<Part>) -> &'static str {
    match part {
        Some(Part::Header) => "seg seg-header",
        Some(Part::Payload) => "seg seg-payload",
        Some(Part::Signature) => "seg seg-signature",
        Some(Part::Extra) => "seg seg-extra",
        // A JWE's five parts (RFC 7516 §7.1), each its own colour.
        Some(Part::EncryptedKey) => "seg seg-payload",
        Some(Part::Iv) => "seg seg-jwe",
        Some(Part::Ciphertext) => "seg seg-signature",
        Some(Part::Tag) => "seg seg-tag",
        // Part is non-exhaustive; the input as a whole (Part::Input) is never a segment.
        Some(_) => "seg seg-other",
        None => "seg seg-other",
    }
}

#[function_component(TokenView)]
pub fn token_view(props: &Props) -> Html {
    let runs = runs(&props.input, &props.report, props.highlight);
    html! {
        <div class="token-view-wrap">
            <div class="label">{ "Parts" }
                if props.report.kind == jwtlens::token::Kind::Jwe {
                    <span class="legend">
                        <span class="seg-header">{ "header" }</span>{ " · " }
                        <span class="seg-payload">{ "encrypted key" }</span>{ " · " }
                        <span class="seg-jwe">{ "IV" }</span>{ " · " }
                        <span class="seg-signature">{ "ciphertext" }</span>{ " · " }
                        <span class="seg-tag">{ "tag" }</span>
                    </span>
                } else {
                    <span class="legend">
                        <span class="seg-header">{ "header" }</span>{ " · " }
                        <span class="seg-payload">{ "payload" }</span>{ " · " }
                        <span class="seg-signature">{ "signature" }</span>
                    </span>
                }
            </div>
            <pre class="token-view" id="token-view" aria-label="The token, coloured by part">
                { for runs.into_iter().map(|r| {
                    let class = part_class(r.part);
                    match r.error {
                        Some(i) => {
                            let title = props.report.errors.get(i).map(|e| e.message.clone()).unwrap_or_default();
                            // Whitespace is what usually breaks a pasted token: make it visible.
                            let text: String = r.text.chars().map(|c| if c.is_whitespace() { '␣' } else { c }).collect();
                            html! { <mark class={classes!(class, "error-mark")} title={title} data-error={i.to_string()}>{ text }</mark> }
                        }
                        None => match r.member {
                            Some(span) => {
                                let enter = props.on_highlight.reform(move |_: MouseEvent| Some(span));
                                let leave = props.on_highlight.reform(|_: MouseEvent| None);
                                html! { <span class={classes!(class, "member-chars", r.lit.then_some("lit"))} onmouseenter={enter} onmouseleave={leave}>{ r.text }</span> }
                            }
                            None => html! { <span class={classes!(class, r.lit.then_some("lit"))}>{ r.text }</span> },
                        },
                    }
                }) }
                if props.report.errors.iter().any(|e| e.offset >= props.input.len()) {
                    <mark class="error-mark end-mark" title="expected more here">{ "␣" }</mark>
                }
            </pre>
            <div class="buttons copy-parts">
                // Every part of a JWS or a JWE (RFC 7516 §7.1: header, encrypted key, IV, ciphertext, tag).
                { for props.report.segments.iter().filter(|s| s.part != Part::Extra && s.start < s.end).map(|s| {
                    let name = s.part.label();
                    let text = props.input.get(s.start..s.end).unwrap_or_default().to_string();
                    // The visible caption begins the accessible name (WCAG 2.5.3, label in name).
                    html! { <CopyButton {text} label={format!("Copy {name} (encoded)")} caption={AttrValue::from(format!("Copy {name}"))} /> }
                }) }
            </div>
        </div>
    }
}
