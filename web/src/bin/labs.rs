//! The page's second module, loaded when the Encoder, the Cookie lab or the
//! Sandbox tab is first opened.

fn main() {
    jwtlens_web::labs::start();
}
