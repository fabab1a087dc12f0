//! A JWE (RFC 7516): decrypted in the page with the key box's private JWK (or a
//! PBES2 password), each step shown; a nested JWT opens in the decoder.

use jwtlens::jwe::{decrypt, DecryptionKey};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The JWE as pasted.
    pub input: String,
    /// The key box: a private JWK, or a password for PBES2.
    pub key_text: String,
    /// Open the inner token (a nested JWT) in the decoder.
    pub on_open: Callback<String>,
}

#[function_component(JwePanel)]
pub fn jwe_panel(props: &Props) -> Html {
    let result = use_memo((props.input.clone(), props.key_text.clone()), |(input, key)| {
        let key = key.trim();
        if key.is_empty() {
            return None;
        }
        // A JSON object is a JWK; any other text is a password (PBES2-*).
        let (key, kind) = if key.starts_with('{') {
            (DecryptionKey::from_jwk(key), "the private JWK")
        } else {
            (Ok(DecryptionKey::password(key)), "the password")
        };
        Some((kind, key.and_then(|k| decrypt(input, &k))))
    });
    let body = match result.as_ref() {
        None => html! {
            <p class="small muted">{ "Encrypted: paste the recipient's private JWK (oct, RSA, EC, X25519) or, for PBES2, the password in the key box to decrypt it here. Nothing leaves this page." }</p>
        },
        Some((kind, Err(e))) => html! {
            <p class="message" role="alert">{ format!("With {kind}: {e}") }</p>
        },
        Some((kind, Ok(d))) => {
            let text = String::from_utf8(d.plaintext.clone()).ok();
            let open = {
                let (on_open, inner) = (props.on_open.clone(), text.clone().unwrap_or_default());
                Callback::from(move |_: MouseEvent| on_open.emit(inner.clone()))
            };
            html! {
                <>
                    <p class="message" id="jwe-status" role="status">{ format!("Decrypted with {kind}: {} with {}.", d.alg, d.enc) }</p>
                    <ol class="small" id="jwe-steps">{ for d.steps.iter().map(|s| html! { <li>{ s }</li> }) }</ol>
                    { for d.findings.iter().map(|f| html! { <p class="small finding-line">{ format!("Finding: {f}") }</p> }) }
                    <h3 class="small">{ "Plaintext" }</h3>
                    <pre class="json" id="jwe-plaintext">{ text.clone().unwrap_or_else(|| format!("(not UTF-8; base64url) {}", jwtlens::b64::encode(&d.plaintext))) }</pre>
                    if d.nested {
                        <button type="button" id="jwe-open-inner" onclick={open}>{ "Open the inner JWT in the decoder" }</button>
                    }
                </>
            }
        }
    };
    let badge = match result.as_ref() {
        Some((_, Ok(_))) => ("status ok", "decrypted"),
        Some((_, Err(_))) => ("status bad", "not decrypted"),
        None => ("status warn", "encrypted"),
    };
    html! {
        <section class="panel" id="panel-jwe" aria-label="JWE">
            <div class="panel-head"><h2>{ "JWE (RFC 7516)" }</h2><span class={badge.0}>{ badge.1 }</span></div>
            { body }
        </section>
    }
}
