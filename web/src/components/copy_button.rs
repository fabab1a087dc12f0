//! A button that copies text to the clipboard and says so.

use gloo_timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What to copy.
    pub text: AttrValue,
    /// What it is, for the accessible label ("Copy header JSON").
    pub label: AttrValue,
    /// The button's text, when "Copy" alone would not say what it copies.
    #[prop_or_default]
    pub caption: Option<AttrValue>,
}

/// Write `text` with `navigator.clipboard.writeText`, looked up at run time
/// so browsers without it only lose the button's effect.
fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator: JsValue = window.navigator().into();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")) else {
        return false;
    };
    let Ok(write) = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")) else {
        return false;
    };
    let Some(write) = write.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    write.call1(&clipboard, &JsValue::from_str(text)).is_ok()
}

#[function_component(CopyButton)]
pub fn copy_button(props: &Props) -> Html {
    let copied = use_state(|| false);
    let onclick = {
        let (text, copied) = (props.text.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if write_clipboard(&text) {
                copied.set(true);
                let copied = copied.clone();
                Timeout::new(1500, move || copied.set(false)).forget();
            }
        })
    };
    html! {
        <button type="button" class="copy" aria-label={props.label.clone()} {onclick}>
            { if *copied { AttrValue::from("Copied") } else { props.caption.clone().unwrap_or(AttrValue::from("Copy")) } }
        </button>
    }
}
