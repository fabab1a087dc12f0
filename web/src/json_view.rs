//! Decoded JSON as the page shows it: pretty-printed like `serde_json`'s
//! `to_string_pretty`, every value coloured by its type, and each top-level
//! member a focusable span that lights up its explanation and the base64url
//! characters that hold it in the token.

use jwtlens::json::Json;
use jwtlens::report::{MemberReport, Span};
use yew::prelude::*;

/// What is lit up: the span, in the input, of the member under the pointer or focus.
pub type Highlight = Option<Span>;

fn indent(level: usize) -> String {
    "  ".repeat(level)
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// One value at `level` of nesting (its first line is already indented).
pub fn value(v: &Json, level: usize) -> Html {
    match v {
        Json::Null => html! { <span class="j-null">{ "null" }</span> },
        Json::Bool(b) => html! { <span class="j-bool">{ b.to_string() }</span> },
        Json::Number(n) => html! { <span class="j-num">{ n.as_str() }</span> },
        Json::String(s) => html! { <span class="j-str">{ quoted(s) }</span> },
        Json::Array(items) if items.is_empty() => html! { "[]" },
        Json::Array(items) => html! {
            <>
                { "[\n" }
                { for items.iter().enumerate().map(|(i, item)| html! {
                    <>{ indent(level + 1) }{ value(item, level + 1) }{ if i + 1 < items.len() { ",\n" } else { "\n" } }</>
                }) }
                { indent(level) }{ "]" }
            </>
        },
        Json::Object(obj) if obj.members().is_empty() => html! { "{}" },
        Json::Object(obj) => html! {
            <>
                { "{\n" }
                { for obj.members().iter().enumerate().map(|(i, m)| html! {
                    <>
                        { indent(level + 1) }<span class="j-key">{ quoted(&m.name) }</span>{ ": " }{ value(&m.value, level + 1) }
                        { if i + 1 < obj.members().len() { ",\n" } else { "\n" } }
                    </>
                }) }
                { indent(level) }{ "}" }
            </>
        },
    }
}

/// A decoded header or payload: the object's members linked to `members`
/// (the report's, in the same order) through `highlight`.
/// Member `i`'s explanation has the id `{id_prefix}-{i}`.
pub fn object(
    v: &Json,
    members: &[MemberReport],
    id_prefix: &str,
    highlight: Highlight,
    on_highlight: &Callback<Highlight>,
) -> Html {
    let Json::Object(obj) = v else {
        return value(v, 0);
    };
    if obj.members().is_empty() || obj.members().len() != members.len() {
        return value(v, 0);
    }
    let n = members.len();
    html! {
        <>
            { "{\n" }
            { for obj.members().iter().zip(members).enumerate().map(|(i, (m, r))| {
                let span = r.span;
                let lit = highlight == Some(span);
                let enter = on_highlight.reform(move |_: MouseEvent| Some(span));
                let leave = on_highlight.reform(|_: MouseEvent| None);
                let focus = on_highlight.reform(move |_: FocusEvent| Some(span));
                let blur = on_highlight.reform(|_: FocusEvent| None);
                let described = format!("{id_prefix}-{i}");
                html! {
                    <>
                        { indent(1) }
                        <span class={classes!("j-member", lit.then_some("lit"))} tabindex="0" aria-describedby={described}
                            onmouseenter={enter} onmouseleave={leave} onfocus={focus} onblur={blur}>
                            <span class="j-key">{ quoted(&m.name) }</span>{ ": " }{ value(&m.value, 1) }
                        </span>
                        { if i + 1 < n { ",\n" } else { "\n" } }
                    </>
                }
            }) }
            { "}" }
        </>
    }
}
