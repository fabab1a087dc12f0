//! The jwtlens playground: a Yew page that renders the core's Report.
//!
//! Private by construction: the token lives only in this page's memory. It
//! is never put in the URL, in storage or in any request, and the built
//! page's Content-Security-Policy (`connect-src 'none'`) forbids requests.

mod app;
mod components;
mod json_view;
mod state;
mod view;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
