//! A JWE (RFC 7516): decrypted in the page with the key box's private JWK (or a
//! PBES2 password), each step shown; a nested JWT opens in the decoder.
//!
//! Part of the labs module (decryption needs private-key and AES code the first
//! view does without): the decoder keeps an empty `#jwe-root` where a JWE is
//! shown, and [`crate::bridge`] asks the labs to render this panel there.

use jwtlens::jwe::{decrypt, encrypt, DecryptionKey, Encrypt, EncryptionKey};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
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
            <p class="small muted">{ "Encrypted: paste the recipient's private JWK (oct, RSA, EC, X25519) or, for PBES2, the password in the key box to decrypt it here (PBES2: at most 10,000 iterations). Nothing leaves this page." }</p>
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
                    <pre class="json" id="jwe-plaintext" tabindex="0" role="region" aria-label="Plaintext">{ text.clone().unwrap_or_else(|| format!("(not UTF-8; base64url) {}", jwtlens::b64::encode(&d.plaintext))) }</pre>
                    if d.nested {
                        <p class="small">{ "The plaintext is a JWT (nested): decryption says nothing about its signature; open it to verify it with the sender's key." }</p>
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

#[derive(Properties, PartialEq)]
pub struct EncryptProps {
    /// The signed token to nest (`cty: JWT`).
    pub token: String,
    /// Open the JWE in the decoder.
    pub on_open: Callback<String>,
}

/// The Encoder's "Encrypt it" section: the signed token nested in a JWE for a recipient's key.
#[function_component(JweEncrypt)]
pub fn jwe_encrypt(props: &EncryptProps) -> Html {
    let alg = use_state(|| String::from("ECDH-ES+A256KW"));
    let enc = use_state(|| String::from("A256GCM"));
    let recipient = use_state(String::new);
    let private = use_state(|| None::<String>);
    let result = use_memo(
        (props.token.clone(), (*alg).clone(), (*enc).clone(), (*recipient).clone()),
        |(token, alg, enc, recipient)| {
            let r = recipient.trim();
            if r.is_empty() {
                return None;
            }
            // A JSON object is a JWK; any other text is a password (PBES2-*).
            let key = if r.starts_with('{') { EncryptionKey::from_jwk(r) } else { Ok(EncryptionKey::password(r)) };
            let mut options = Encrypt::new(alg, enc);
            options.cty = Some(String::from("JWT"));
            Some(
                key.and_then(|k| encrypt(token.as_bytes(), &options, &k, &mut rand_core::OsRng))
                    .map_err(|e| e.to_string()),
            )
        },
    );
    let select = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: Event| state.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))
    };
    let on_recipient = {
        let (recipient, private) = (recipient.clone(), private.clone());
        Callback::from(move |e: InputEvent| {
            recipient.set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value());
            private.set(None);
        })
    };
    let generate = {
        let (recipient, private, alg, enc) = (recipient.clone(), private.clone(), alg.clone(), enc.clone());
        Callback::from(move |_: MouseEvent| {
            use rand_core::RngCore as _;
            let random = |n: usize| {
                let mut b = vec![0u8; n];
                rand_core::OsRng.fill_bytes(&mut b);
                jwtlens::b64::encode(&b)
            };
            // ECDH-ES takes an EC key (an ES256 pair is a P-256 one), RSA-* an RSA pair;
            // PBES2 a password; the rest a secret of the size the algorithm needs.
            let pair = |kind| {
                jwtlens::sign::generate(kind, &mut rand_core::OsRng).ok().map(|k| (k.public().to_jwk(), k.to_jwk()))
            };
            let (public, secret) = if alg.starts_with("ECDH") {
                match pair(jwtlens::alg::Algorithm::ES256) {
                    Some(p) => p,
                    None => return,
                }
            } else if alg.starts_with("RSA") {
                match pair(jwtlens::alg::Algorithm::RS256) {
                    Some(p) => p,
                    None => return,
                }
            } else if alg.starts_with("PBES2") {
                let password = random(18);
                (password.clone(), password)
            } else {
                // The size the core says `alg` takes with `enc` (RFC 7518 §4.4, §4.7, §5).
                let n = jwtlens::jwe::secret_len(&alg, &enc).unwrap_or(32);
                let jwk = serde_json::json!({ "kty": "oct", "k": random(n) }).to_string();
                (jwk.clone(), jwk)
            };
            recipient.set(public);
            private.set(Some(secret));
        })
    };
    let open = {
        let (result, on_open) = (result.clone(), props.on_open.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(Ok(t)) = result.as_ref() {
                on_open.emit(t.clone());
            }
        })
    };
    html! {
        <details class="jwe-options" id="enc-jwe">
            <summary>{ "Encrypt it (JWE, RFC 7516): the signed token nested, cty JWT" }</summary>
            <div class="policy-grid">
                <label for="enc-jwe-alg" class="small">{ "Key management" }</label>
                <select id="enc-jwe-alg" onchange={select(&alg)}>
                    { for jwtlens::jwe::KEY_MANAGEMENT.iter().map(|a| html! { <option value={*a} selected={*a == alg.as_str()}>{ *a }</option> }) }
                </select>
                <label for="enc-jwe-enc" class="small">{ "Content encryption" }</label>
                <select id="enc-jwe-enc" onchange={select(&enc)}>
                    { for jwtlens::jwe::CONTENT_ENCRYPTION.iter().map(|e| html! { <option value={*e} selected={*e == enc.as_str()}>{ *e }</option> }) }
                </select>
            </div>
            <label for="enc-jwe-key" class="small">{ "The recipient's public JWK (EC or X25519 for ECDH-ES, RSA for RSA-OAEP), a shared secret as an oct JWK, or a password for PBES2" }</label>
            <textarea id="enc-jwe-key" rows="4" spellcheck="false" autocomplete="off" value={(*recipient).clone()} oninput={on_recipient} />
            <div class="buttons">
                <button type="button" id="enc-jwe-generate" onclick={generate}>{ "Generate a recipient key" }</button>
            </div>
            if let Some(p) = &*private {
                <div class="panel small" id="enc-jwe-private">
                    <div class="panel-head"><strong>{ "The recipient's private key — paste it in the decoder's key box to decrypt" }</strong><crate::components::CopyButton text={p.clone()} label="Copy the private JWK" /></div>
                    <pre class="json hex">{ p }</pre>
                </div>
            }
            { match result.as_ref() {
                None => html! {},
                Some(Ok(jwe)) => html! {
                    <>
                        <pre class="token-view" id="enc-jwe-token">{ jwe }</pre>
                        <div class="buttons">
                            <crate::components::CopyButton text={jwe.clone()} label="Copy the JWE" />
                            <button type="button" id="enc-jwe-open" onclick={open}>{ "Open the JWE in the decoder" }</button>
                        </div>
                    </>
                },
                Some(Err(e)) => html! { <p class="key-error" id="enc-jwe-error" role="alert">{ e }</p> },
            } }
        </details>
    }
}
