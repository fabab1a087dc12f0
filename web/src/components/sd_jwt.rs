//! An SD-JWT (RFC 9901): its disclosures, the payload they make and, with the
//! issuer's key, the core's verdict. The panels below it show the issuer-signed JWT.
//!
//! Rendered by the labs module into the decoder's `#sd-jwt-root` (see
//! [`crate::bridge::show_sd_jwt`]): the disclosure processing and the SD-JWT
//! verification stay out of the page's first module.

use jwtlens::key::import_key;
use jwtlens::sdjwt::{decode_unverified, verify_with, KeyBinding, SdStatus};
use yew::prelude::*;

use crate::bridge::SdJwtRequest;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The SD-JWT, the key box, the policy fields and the time, as the page has them.
    pub request: SdJwtRequest,
}

#[function_component(SdJwtPanel)]
pub fn sd_jwt_panel(props: &Props) -> Html {
    let request = &props.request;
    let decoded = use_memo(request.input.clone(), |input| decode_unverified(input));
    // The key box read as the page reads it, once per change.
    let keys = use_memo((request.key.clone(), request.key_mode), |(key, mode)| {
        (!key.trim().is_empty()).then(|| import_key(key, *mode).ok()).flatten()
    });
    let policy = use_memo(request.policy.clone(), |p| p.to_policy().ok().flatten());
    // The issuer's public-key signature: the browser's WebCrypto, as on the page.
    let platform = crate::webcrypto::use_platform();
    let backend = platform.clone();
    let verdict = use_memo(
        (
            request.input.clone(),
            (request.key.clone(), request.key_mode),
            request.now.to_bits(),
            policy.clone(),
            platform.version(),
        ),
        move |(input, _, now, policy, _)| {
            let now = jwtlens::time::NumericDate::new(f64::from_bits(*now))?;
            let (keys, _) = keys.as_ref().as_ref()?;
            // A Key Binding JWT needs the verifier's nonce and audience, which this page
            // does not have: it judges the SD-JWT without it, and says so.
            let t = input.trim();
            let without_kb = t.get(..=t.rfind('~')?)?;
            let policy = policy.as_ref().clone().unwrap_or_default();
            Some(verify_with(without_kb, keys, &policy, now, &KeyBinding::default(), Some(&backend)))
        },
    );
    let u = match decoded.as_ref() {
        Ok(u) => u,
        Err(e) => {
            return html! {
                <section class="panel" id="panel-sd-jwt" aria-label="SD-JWT">
                    <div class="panel-head"><h2>{ "SD-JWT" }</h2><span class="status bad">{ "not readable" }</span></div>
                    <p class="message" role="alert">{ e.to_string() }</p>
                </section>
            };
        }
    };
    let form = match u.form {
        jwtlens::sdjwt::Form::SdJwt => "SD-JWT, no key binding",
        jwtlens::sdjwt::Form::SdJwtKb => "SD-JWT+KB (with a Key Binding JWT)",
    };
    let (badge_class, badge) = match verdict.as_ref() {
        None => ("status warn", String::from("not verified: give the issuer's key")),
        Some(r) if r.status == SdStatus::Valid && u.kb_jwt.is_some() => {
            ("status ok", String::from("issuer and disclosures valid; key binding not checked"))
        }
        Some(r) if r.status == SdStatus::Valid => ("status ok", String::from("valid")),
        Some(_) => ("status bad", String::from("not valid")),
    };
    html! {
        <section class="panel" id="panel-sd-jwt" aria-label="SD-JWT">
            <div class="panel-head"><h2>{ "SD-JWT (RFC 9901)" }</h2><span class={badge_class}>{ badge }</span></div>
            <p class="small muted">{ form }</p>
            if let Some(r) = verdict.as_ref() {
                <p class="message" id="sd-jwt-verdict" role="status">{ &r.message }</p>
                // The page judged it without its KB-JWT, so "no key binding" would be untrue.
                { for r.findings.iter().filter(|f| u.kb_jwt.is_none() || !f.starts_with("No Key Binding JWT")).map(|f| html! {
                    <p class="small finding-line">{ format!("Finding: {f}") }</p>
                }) }
            }
            // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too.
            <div class="table-wrap" tabindex="0" role="region" aria-label="Disclosures">
                <table class="sd-disclosures">
                    <caption class="small muted">{ format!("{} disclosure(s), decoded", u.disclosures.len()) }</caption>
                    <thead><tr><th scope="col">{ "#" }</th><th scope="col">{ "Claim" }</th><th scope="col">{ "Value" }</th><th scope="col">{ "Placed at" }</th></tr></thead>
                    <tbody>
                        { for u.disclosures.iter().enumerate().map(|(i, d)| {
                            let at = u.processed.as_ref().and_then(|p| p.placed_at.get(i).cloned()).unwrap_or_default();
                            html! {
                                <tr>
                                    <td>{ i + 1 }</td>
                                    <td><code>{ d.name.clone().unwrap_or_else(|| String::from("(array element)")) }</code></td>
                                    <td><code>{ d.value.to_string() }</code></td>
                                    <td><code>{ at }</code></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if let Some(p) = &u.processed {
                <p class="small">{ format!(
                    "{} digest(s) left undisclosed: withheld claims or decoys, which cannot be told apart.",
                    p.undisclosed_digests
                ) }</p>
                <h3 class="small">{ if verdict.as_ref().as_ref().is_some_and(|r| r.status == SdStatus::Valid) { "The payload with the disclosures in place" } else { "The payload with the disclosures in place (not verified)" } }</h3>
                <pre class="json" id="sd-jwt-payload">{ serde_json::to_string_pretty(&p.payload).unwrap_or_default() }</pre>
            }
            if let Some(e) = &u.error {
                <p class="message" role="alert">{ e.to_string() }</p>
            }
            if u.kb_jwt.is_some() {
                <p class="small muted">{ "A Key Binding JWT follows; checking it needs the verifier's nonce and audience (jwtlens verify --nonce --kb-aud, or the npm verifySdJwt)." }</p>
            }
        </section>
    }
}
