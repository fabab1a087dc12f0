//! The real localStorage demonstration: what any script on the page can read.

use yew::prelude::*;

const DEMO_KEY: &str = "jwtlens-demo-token";
/// A made-up token for the demonstration, never a user's.
const DEMO_TOKEN: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vIiwibm90ZSI6InRoaXMgaXMgYSBkZW1vIn0.c2lnbmF0dXJl";

/// What any script on this page can read from this page's localStorage, listed by a
/// separate function from the one that stored it.
fn read_all_local_storage() -> Result<Vec<(String, String)>, String> {
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| String::from("localStorage is not available here"))?;
    let n = storage.length().map_err(|_| String::from("localStorage.length failed"))?;
    let mut out = Vec::new();
    for i in 0..n {
        if let Ok(Some(k)) = storage.key(i) {
            let v = storage.get_item(&k).ok().flatten().unwrap_or_default();
            out.push((k, v));
        }
    }
    Ok(out)
}

#[function_component(RealStorage)]
pub(super) fn real_storage() -> Html {
    let read = use_state(|| None::<Result<Vec<(String, String)>, String>>);
    let store = {
        let read = read.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
                let _ = s.set_item(DEMO_KEY, DEMO_TOKEN);
            }
            read.set(Some(read_all_local_storage()));
        })
    };
    let clear = {
        let read = read.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
                let _ = s.remove_item(DEMO_KEY);
            }
            read.set(Some(read_all_local_storage()));
        })
    };
    html! {
        <section class="panel" id="sb-real" aria-label="This page's real localStorage">
            <div class="panel-head"><h2>{ "For real: this page's localStorage" }</h2></div>
            <p class="small">{ "Everything above is simulated. This is not: the first button stores a made-up token in this page's own localStorage, then a different function, as any script running on this page could (an analytics tag, a browser extension, an injected XSS payload), lists every key with localStorage.key(i) and reads it back. Nothing is sent anywhere." }</p>
            <div class="sb-buttons">
                <button type="button" id="sb-real-store" class="button attack" onclick={store}>{ "Store a demo token, then read localStorage as another script" }</button>
                <button type="button" id="sb-real-clear" class="button" onclick={clear}>{ "Remove the demo token" }</button>
            </div>
            { match &*read {
                None => html! {},
                Some(Err(e)) => html! { <p class="key-error" id="sb-real-result">{ e }</p> },
                Some(Ok(items)) if items.is_empty() => html! { <p id="sb-real-result">{ "The script read localStorage and found nothing: it is empty again." }</p> },
                Some(Ok(items)) => html! {
                    <div id="sb-real-result">
                        <p><strong>{ format!("Another script on this page just read {} item(s) from localStorage:", items.len()) }</strong></p>
                        <ul class="sb-list">{ for items.iter().map(|(k, v)| html! { <li><code>{ k }</code>{ " = " }<code class="wrap">{ v }</code></li> }) }</ul>
                        <p class="small muted">{ "An HttpOnly cookie would not be in this list, nor in document.cookie: only the browser sends it, with requests." }</p>
                    </div>
                },
            } }
        </section>
    }
}
