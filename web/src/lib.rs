//! The jwtlens playground: a Yew page that renders the core's Report.
//!
//! Private by construction: the token lives only in this page's memory. It
//! is never put in the URL, in storage or in any request, and the built
//! page's Content-Security-Policy (`connect-src 'none'`) forbids requests.
//!
//! Two WebAssembly modules, so the first view loads only what it needs: the
//! page (`src/main.rs`: header, tabs, the Decoder & Validator) and the labs
//! (`src/bin/labs.rs`: Encoder, Cookie lab, Sandbox — signing, the cookie jar
//! with the public suffix list, the simulation), loaded when one of their tabs
//! is first opened. [`bridge`] is how the two talk: DOM events, no shared memory.

pub mod app;
pub mod bridge;
pub mod components;
pub mod json_view;
pub mod labs;
pub mod state;
pub mod view;
pub mod webcrypto;
