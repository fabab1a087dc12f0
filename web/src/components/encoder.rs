//! The Encoder: edit header and claims, choose the algorithm, generate or
//! paste a key, and watch the signed token update as you type.

use jwtlens::alg::{Algorithm, ALL};
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::CopyButton;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Open a token in the decoder.
    pub on_open: Callback<String>,
    /// The current time, for the default claims.
    pub now: f64,
}

#[derive(Clone, PartialEq)]
struct Generated {
    public_jwk: String,
    thumbprint: String,
}

fn textarea_value(e: InputEvent) -> String {
    let area: HtmlTextAreaElement = e.target_unchecked_into();
    area.value()
}

#[function_component(Encoder)]
pub fn encoder(props: &Props) -> Html {
    let alg = use_state(|| Algorithm::HS256);
    let header = use_state(|| String::from("{\n  \"typ\": \"JWT\"\n}"));
    let claims = use_state({
        let now = props.now.floor() as i64;
        move || {
            format!(
                "{{\n  \"sub\": \"user-1234\",\n  \"name\": \"Ada Lovelace\",\n  \"iat\": {now},\n  \"exp\": {}\n}}",
                now + 3600
            )
        }
    });
    let key = use_state(String::new);
    let generated = use_state(|| None::<Generated>);
    // SD-JWT (RFC 9901): the claims made selectively disclosable, decoys, and the subset presented.
    let disclosable = use_state(String::new);
    let decoys = use_state(|| 0usize);
    let keep = use_state(String::new);
    // Key binding: the holder's private key (its public half goes into cnf) and the verifier's nonce and audience.
    let holder = use_state(String::new);
    let kb_nonce = use_state(|| String::from("n-0S6_WzA2Mj"));
    let kb_aud = use_state(|| String::from("https://verifier.example"));
    let now = props.now;

    // The token is derived: signing is deterministic for every algorithm but PS*, ES512
    // (fresh randomness), so it is recomputed only when an input changes.
    let result = {
        let (a, h, c, k) = ((*alg), (*header).clone(), (*claims).clone(), (*key).clone());
        let (sd, n, kept) = ((*disclosable).clone(), *decoys, (*keep).clone());
        let kb = ((*holder).clone(), (*kb_nonce).clone(), (*kb_aud).clone());
        use_memo((a, h, c, k, sd, n, kept, kb), move |(a, h, c, k, sd, n, kept, (holder, nonce, aud))| {
            if k.trim().is_empty() {
                return Err(String::from("Paste a private key or secret, or generate one."));
            }
            let signing = jwtlens::sign::import_signing_key(k).map_err(|e| e.to_string())?;
            let names = |text: &str| -> Vec<String> {
                text.split([',', ' ', '\n']).map(str::trim).filter(|n| !n.is_empty()).map(String::from).collect()
            };
            let disclosable = names(sd);
            if disclosable.is_empty() {
                return jwtlens::sign::sign(*a, h, c, &signing, &mut rand_core::OsRng).map_err(|e| e.to_string());
            }
            // An SD-JWT: the header's typ is kept; the core sets the rest.
            let typ = serde_json::from_str::<serde_json::Value>(h)
                .ok()
                .and_then(|v| v.get("typ").and_then(|t| t.as_str()).map(String::from));
            // A holder key: its public JWK goes into cnf, and the presentation carries a KB-JWT it signs.
            let holder = if holder.trim().is_empty() {
                None
            } else {
                Some(jwtlens::sign::import_signing_key(holder).map_err(|e| format!("The holder key: {e}"))?)
            };
            let holder_jwk = match &holder {
                Some(h) => Some(serde_json::from_str(&h.public().to_jwk()).map_err(|e| e.to_string())?),
                None => None,
            };
            let options = jwtlens::sdjwt::Issue { disclosable: disclosable.clone(), decoys: *n, holder_jwk, typ };
            let issued =
                jwtlens::sdjwt::issue(*a, c, &options, &signing, &mut rand_core::OsRng).map_err(|e| e.to_string())?;
            let kept = names(kept);
            if kept.is_empty() && holder.is_none() {
                return Ok(issued.sd_jwt);
            }
            // With a holder key and no subset named, every disclosure is presented.
            let kept: Vec<&str> = if kept.is_empty() {
                disclosable.iter().map(String::as_str).collect()
            } else {
                kept.iter().map(String::as_str).collect()
            };
            let iat = jwtlens::time::NumericDate::new(now.floor()).ok_or("the clock")?;
            let bind = holder.as_ref().map(|key| jwtlens::sdjwt::Bind {
                key,
                alg: Algorithm::default_for(key.key_type()),
                nonce: nonce.as_str(),
                audience: aud.as_str(),
                iat,
            });
            jwtlens::sdjwt::present(&issued.sd_jwt, &kept, bind.as_ref(), &mut rand_core::OsRng)
                .map_err(|e| e.to_string())
        })
    };
    let text_input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    let on_decoys = {
        let decoys = decoys.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            decoys.set(v.trim().parse::<usize>().unwrap_or(0).min(jwtlens::sdjwt::MAX_DECOYS));
        })
    };

    let on_alg = {
        let (alg, generated) = (alg.clone(), generated.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(a) = select.value().parse::<Algorithm>() {
                alg.set(a);
                generated.set(None);
            }
        })
    };
    let generate = {
        let (alg, key, generated) = (alg.clone(), key.clone(), generated.clone());
        Callback::from(move |_: MouseEvent| {
            if let Ok(k) = jwtlens::sign::generate(*alg, &mut rand_core::OsRng) {
                let public = k.public();
                key.set(k.to_jwk());
                generated.set(Some(Generated { public_jwk: public.to_jwk(), thumbprint: public.thumbprint() }));
            }
        })
    };
    let on_holder = {
        let holder = holder.clone();
        Callback::from(move |e: InputEvent| holder.set(textarea_value(e)))
    };
    let generate_holder = {
        let holder = holder.clone();
        Callback::from(move |_: MouseEvent| {
            if let Ok(k) = jwtlens::sign::generate(Algorithm::ES256, &mut rand_core::OsRng) {
                holder.set(k.to_jwk());
            }
        })
    };
    let on_header = {
        let header = header.clone();
        Callback::from(move |e: InputEvent| header.set(textarea_value(e)))
    };
    let on_claims = {
        let claims = claims.clone();
        Callback::from(move |e: InputEvent| claims.set(textarea_value(e)))
    };
    let on_key = {
        let (key, generated) = (key.clone(), generated.clone());
        Callback::from(move |e: InputEvent| {
            key.set(textarea_value(e));
            generated.set(None);
        })
    };
    let open = {
        let (result, on_open) = (result.clone(), props.on_open.clone());
        Callback::from(move |_: MouseEvent| {
            if let Ok(t) = result.as_ref() {
                on_open.emit(t.clone());
            }
        })
    };

    html! {
        <main id="main" tabindex="-1" class="layout encoder">
            <section class="col" aria-label="Token contents">
                <div class="key-row">
                    <label for="enc-alg" class="label">{ "Algorithm" }</label>
                    <select id="enc-alg" onchange={on_alg}>
                        { for ALL.iter().filter(|a| **a != Algorithm::None).map(|a| html! {
                            <option value={a.name()} selected={*a == *alg}>{ format!("{} — {}", a.name(), a.description()) }</option>
                        }) }
                    </select>
                </div>
                <label for="enc-header" class="label">{ "Header (alg is set from the selector)" }</label>
                <textarea id="enc-header" rows="4" spellcheck="false" value={(*header).clone()} oninput={on_header} />
                <label for="enc-claims" class="label">{ "Claims" }</label>
                <textarea id="enc-claims" rows="9" spellcheck="false" value={(*claims).clone()} oninput={on_claims} />
                <details class="sd-options" open={!disclosable.is_empty()}>
                    <summary>{ "SD-JWT (RFC 9901): selective disclosure" }</summary>
                    <div class="policy-grid">
                        <label for="enc-sd" class="small">{ "Selectively disclosable claims" }</label>
                        <input id="enc-sd" type="text" placeholder="name, email" value={(*disclosable).clone()} oninput={text_input(&disclosable)} />
                        <label for="enc-decoys" class="small">{ "Decoy digests" }</label>
                        <input id="enc-decoys" type="number" min="0" max="100" value={decoys.to_string()} oninput={on_decoys} />
                        <label for="enc-keep" class="small">{ "Present only (empty: all)" }</label>
                        <input id="enc-keep" type="text" placeholder="email" value={(*keep).clone()} oninput={text_input(&keep)} />
                    </div>
                    <label for="enc-holder" class="small">{ "Holder's private key (optional): its public JWK goes into cnf, and the presentation carries a Key Binding JWT it signs" }</label>
                    <textarea id="enc-holder" rows="3" spellcheck="false" autocomplete="off" value={(*holder).clone()} oninput={on_holder} />
                    <div class="buttons">
                        <button type="button" id="enc-holder-generate" onclick={generate_holder}>{ "Generate a holder key (ES256)" }</button>
                    </div>
                    <div class="policy-grid">
                        <label for="enc-kb-nonce" class="small">{ "KB-JWT nonce (from the verifier)" }</label>
                        <input id="enc-kb-nonce" type="text" value={(*kb_nonce).clone()} oninput={text_input(&kb_nonce)} />
                        <label for="enc-kb-aud" class="small">{ "KB-JWT audience (the verifier)" }</label>
                        <input id="enc-kb-aud" type="text" value={(*kb_aud).clone()} oninput={text_input(&kb_aud)} />
                    </div>
                    <p class="small muted">{ "Each named top-level claim becomes a disclosure with a 128-bit salt, and its digest goes into _sd with the decoys. The holder presents a subset; with a holder key, a Key Binding JWT (typ kb+jwt, iat now, the nonce and audience, sd_hash over the presentation) ends it." }</p>
                </details>
                <label for="enc-key" class="label">{ "Private key or secret" }</label>
                <textarea id="enc-key" rows="5" spellcheck="false" autocomplete="off" value={(*key).clone()} oninput={on_key}
                    placeholder="HMAC secret text, PEM private key (PKCS#8, PKCS#1, SEC1) or private JWK" />
                <div class="buttons">
                    <button type="button" id="enc-generate" onclick={generate}>{ format!("Generate a {} key", alg.name()) }</button>
                </div>
                if let Some(g) = &*generated {
                    <div class="panel small" id="enc-public">
                        <div class="panel-head"><strong>{ "Public key (JWK) — give this to verifiers" }</strong><CopyButton text={g.public_jwk.clone()} label="Copy the public JWK" /></div>
                        <pre class="json hex">{ &g.public_jwk }</pre>
                        <p class="muted">{ format!("RFC 7638 thumbprint: {}", g.thumbprint) }</p>
                    </div>
                }
            </section>
            <section class="col" aria-label="Signed token" aria-live="polite">
                <h2 class="label">{ if disclosable.trim().is_empty() { "Signed token" } else if !holder.trim().is_empty() { "SD-JWT+KB presentation (with a Key Binding JWT)" } else if keep.trim().is_empty() { "Issued SD-JWT (every disclosure)" } else { "SD-JWT presentation" } }</h2>
                { match result.as_ref() {
                    Ok(token) => html! {
                        <>
                            <pre class="token-view" id="enc-token">{ token }</pre>
                            <div class="buttons">
                                <CopyButton text={token.clone()} label="Copy the token" />
                                <button type="button" id="enc-open" onclick={open}>{ "Open in the decoder" }</button>
                            </div>
                            <crate::components::JweEncrypt token={token.clone()} on_open={props.on_open.clone()} />
                        </>
                    },
                    Err(e) => html! { <p class="key-error" id="enc-error" role="alert">{ e }</p> },
                } }
                <p class="small muted">{ "Signed in this page with the core's own code; the key never leaves it. Generated keys use the browser's crypto.getRandomValues." }</p>
            </section>
        </main>
    }
}
