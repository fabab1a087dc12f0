//! Sharing a token by link, only when asked: the token goes in the URL
//! fragment (after `#`), which browsers never send to a server, and a page
//! opened from such a link shows the token only after the person says so.

use yew::prelude::*;

use super::CopyButton;

const PREFIX: &str = "#token=";

/// The link that carries `token`: this page's address with the token in the fragment.
fn share_link(token: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let (origin, path) = (location.origin().ok()?, location.pathname().ok()?);
    Some(format!("{origin}{path}{PREFIX}{}", String::from(js_sys::encode_uri_component(token.trim()))))
}

/// The token a link brought, taken out of the address bar at once — before it
/// is even decoded, so a malformed link leaves nothing there either. (The
/// browser's history, and any history it syncs, keeps the link as it was
/// opened; the share warning says so.)
pub fn take_shared_token() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    let encoded = hash.strip_prefix(PREFIX)?.to_owned();
    let clean = format!("{}{}", location.pathname().ok()?, location.search().ok()?);
    let _ = window.history().ok()?.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
    let token = js_sys::decode_uri_component(&encoded).ok().map(String::from)?;
    (!token.trim().is_empty()).then_some(token)
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub token: AttrValue,
}

/// "Share link…": a plain warning first, then the link to copy.
#[function_component(ShareButton)]
pub fn share_button(props: &ShareProps) -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let empty = props.token.trim().is_empty();
    html! {
        <>
            <button type="button" id="share" onclick={toggle.clone()} disabled={empty} aria-expanded={(*open && !empty).to_string()} aria-controls="share-panel">
                { "Share link…" }
            </button>
            if *open && !empty {
                <div class="share-panel panel small" id="share-panel" role="region" aria-label="Share link">
                    <p><strong>{ "A link carries the token itself." }</strong>{ " Anyone who has the link can read every claim in it, and can use the token wherever it is accepted until it expires. Share it only with people you would give the token to." }</p>
                    <p class="muted">{ "The token goes after the # in the link: browsers never send that part to any server, and jwtlens makes no requests. But the link stays wherever you paste it, and in the browser history (and synced history) of whoever opens it." }</p>
                    if let Some(link) = share_link(&props.token) {
                        <div class="buttons">
                            <CopyButton text={link.clone()} label="Copy the share link" />
                            <button type="button" onclick={toggle}>{ "Close" }</button>
                        </div>
                    }
                </div>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct IncomingProps {
    /// The token the link brought.
    pub token: AttrValue,
    pub on_open: Callback<()>,
    pub on_discard: Callback<()>,
}

/// A page opened from a share link: ask before showing the token.
#[function_component(IncomingShare)]
pub fn incoming_share(props: &IncomingProps) -> Html {
    let open = props.on_open.reform(|_: MouseEvent| ());
    let discard = props.on_discard.reform(|_: MouseEvent| ());
    html! {
        <div class="incoming panel" id="incoming-share" role="alertdialog" aria-labelledby="incoming-title" aria-describedby="incoming-text">
            <p id="incoming-title"><strong>{ "This link carries a token." }</strong></p>
            <p id="incoming-text">{ format!(
                "Someone shared a token ({} characters) in the link you opened. Open it to decode it here — nothing is sent anywhere — or discard it. It has already been removed from the address bar.",
                props.token.trim().chars().count()
            ) }</p>
            <div class="buttons">
                <button type="button" id="incoming-open" onclick={open}>{ "Open the token" }</button>
                <button type="button" id="incoming-discard" onclick={discard}>{ "Discard" }</button>
            </div>
        </div>
    }
}
