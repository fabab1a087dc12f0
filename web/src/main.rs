//! The page's first module: header, tabs and the Decoder & Validator.

fn main() {
    jwtlens_web::app::start();
}
