# Sourced by the other scripts: the project root, tool versions and PATH.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pin in Cargo.toml
TRUNK_VERSION=0.21.14          # 0.22 needs rustc >= 1.96.1
export PATH="$ROOT/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The wasm features rustc's wasm32 target emits, which wasm-opt must be told to accept.
WASM_OPT_FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
