//! The page's first module: header, tabs and the Decoder & Validator.

// Talc, as the npm package uses: 5 KB smaller than the default dlmalloc in wasm.
#[cfg(target_family = "wasm")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    jwtlens_web::app::start();
}
