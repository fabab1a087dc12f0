//! The signature bytes (not verified: verification arrives with the Validator).

use jwtlens::report::{Algorithm, SignatureReport};
use jwtlens::verify::{SignatureStatus, SignatureVerdict};
use yew::prelude::*;

use super::CopyButton;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub signature: SignatureReport,
    pub algorithm: Option<Algorithm>,
    pub verification: SignatureVerdict,
}

#[function_component(SignaturePanel)]
pub fn signature_panel(props: &Props) -> Html {
    let s = &props.signature;
    let alg = props.algorithm.as_ref().map(|a| a.name.clone()).unwrap_or_else(|| "?".into());
    html! {
        <section class="panel part-signature" id="panel-signature" aria-label="Signature">
            <div class="panel-head">
                <h2>{ "Signature" }</h2>
                <span class="muted small">{ format!("{alg} · {} bytes", s.bytes) }</span>
                <CopyButton text={s.hex.clone()} label="Copy the signature as hex" />
            </div>
            <pre class="json hex" tabindex="0">{ if s.hex.is_empty() { "(empty)".to_owned() } else { s.hex.clone() } }</pre>
            if props.verification.status == SignatureStatus::NoKey {
                <p class="small muted">{ "Shown, not verified: decoding a token proves nothing about who made it. Give a key to verify it." }</p>
            } else {
                <p class={classes!("small", if props.verification.status == SignatureStatus::Verified { "key-ok" } else { "key-error" })}>{ &props.verification.message }</p>
            }
        </section>
    }
}
