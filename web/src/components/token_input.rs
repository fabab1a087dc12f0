//! The token box and its buttons.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::ShareButton;
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub value: AttrValue,
    pub node: NodeRef,
    pub dispatch: UseReducerDispatcher<State>,
}

#[function_component(TokenInput)]
pub fn token_input(props: &Props) -> Html {
    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetInput(area.value()));
        })
    };
    let example = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::LoadExample))
    };
    let clear = {
        let (dispatch, node) = (props.dispatch.clone(), props.node.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::Clear);
            if let Some(area) = node.cast::<HtmlTextAreaElement>() {
                let _ = area.focus();
            }
        })
    };
    html! {
        <div class="token-input">
            <label for="token-input" class="label">{ "Encoded token" }</label>
            <textarea
                id="token-input"
                ref={props.node.clone()}
                value={props.value.clone()}
                {oninput}
                rows="8"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                placeholder="eyJhbGciOi… (paste a JWT; a Bearer prefix is fine)"
                aria-describedby="token-help"
            />
            <p id="token-help" class="muted small">{ "Paste or type. Whitespace, quotes and a \"Bearer \" prefix are removed with a notice." }</p>
            <div class="buttons">
                <button type="button" id="example" onclick={example}>{ "Example token" }</button>
                <button type="button" id="clear" onclick={clear}>{ "Clear" }</button>
                <ShareButton token={props.value.clone()} />
            </div>
        </div>
    }
}
