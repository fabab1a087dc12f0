//! The Validator's key box: paste a secret, PEM, JWK or JWKS; see what it was read as.

use std::rc::Rc;

use jwtlens::key::{Detected, KeyError, KeySet};
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::state::{key_modes, Action, KeyMode, State};

#[derive(Properties)]
pub struct Props {
    pub value: AttrValue,
    pub mode: KeyMode,
    pub imported: Rc<Option<Result<(KeySet, Detected), KeyError>>>,
    pub dispatch: UseReducerDispatcher<State>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        // The import result is memoized: the same Rc means the same key.
        self.value == other.value
            && self.mode == other.mode
            && Rc::ptr_eq(&self.imported, &other.imported)
            && self.dispatch == other.dispatch
    }
}

fn detected(imported: &Option<Result<(KeySet, Detected), KeyError>>) -> Html {
    match imported {
        None => html! { <p class="muted small" id="key-status">{ "No key: the signature is not checked." }</p> },
        Some(Err(e)) => {
            html! { <p class="key-error" id="key-status" role="alert">{ format!("Not a usable key — {e}") }</p> }
        }
        Some(Ok((set, found))) => {
            let what = match found {
                Detected::Jwk if set.keys().len() > 1 => format!("JWK Set with {} keys", set.keys().len()),
                other => String::from(other.label()),
            };
            // A secret that is a public key's text never verifies: say so at once.
            let confusion = set.keys().iter().find_map(|k| match &k.material {
                jwtlens::key::Material::Hmac(h) => h.public_key().map(String::from),
                _ => None,
            });
            if let Some(public) = confusion {
                // The core's sentence (the verdict it would give), and where to go instead.
                let refusal = jwtlens::verify::VerifyError::PublicKeyAsSecret { key: public };
                return html! {
                    <p class="key-error" id="key-status" role="alert">{ format!(
                        "{}. Paste it with \"Detect\" to use it as the public key.",
                        crate::view::capital(&refusal.to_string())
                    ) }</p>
                };
            }
            html! {
                <div id="key-status" class="small">
                    <p class="key-ok">{ format!("Read as {what}:") }</p>
                    <ul class="key-list">{ for set.keys().iter().map(|k| html! { <li>{ k.describe() }</li> }) }</ul>
                    if !set.skipped.is_empty() {
                        <ul class="key-list skipped">{ for set.skipped.iter().map(|e| html! { <li>{ format!("skipped: {e}") }</li> }) }</ul>
                    }
                </div>
            }
        }
    }
}

#[function_component(KeyPanel)]
pub fn key_panel(props: &Props) -> Html {
    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetKey(area.value()));
        })
    };
    let onchange = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            if let Some((mode, _, _)) = key_modes().find(|(_, v, _)| *v == value) {
                dispatch.dispatch(Action::SetKeyMode(mode));
            }
        })
    };
    let example = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::LoadExampleKey))
    };
    html! {
        <div class="key-panel">
            <h2 class="label"><label for="key-input">{ "Verify with a key" }</label></h2>
            <textarea id="key-input" rows="4" spellcheck="false" autocomplete="off"
                value={props.value.clone()} {oninput}
                placeholder="HMAC secret, PEM public key or certificate, JWK, or JWK Set" />
            <div class="key-row">
                <label for="key-mode" class="small">{ "Read as " }</label>
                <select id="key-mode" {onchange}>
                    { for key_modes().map(|(mode, value, label)| html! {
                        <option value={value} selected={mode == props.mode}>{ label }</option>
                    }) }
                </select>
                <button type="button" id="example-key" onclick={example}>{ "Example secret" }</button>
            </div>
            { detected(&props.imported) }
        </div>
    }
}
