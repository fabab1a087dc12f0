#!/usr/bin/env bash
# Build the npm package `jwtlens` into crates/jwtlens-wasm/pkg/.
set -euo pipefail
source "$(dirname "$0")/env.sh"
pkg="$ROOT/crates/jwtlens-wasm/pkg"
step "build the npm package into crates/jwtlens-wasm/pkg"
cargo build -p jwtlens-wasm --target wasm32-unknown-unknown --profile npm
rm -rf "$pkg" && mkdir -p "$pkg"
wasm-bindgen --target web --weak-refs --out-dir "$pkg" --out-name jwtlens_wasm \
  "$ROOT/target/wasm32-unknown-unknown/npm/jwtlens_wasm.wasm"
wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$pkg/jwtlens_wasm_bg.wasm" -o "$pkg/jwtlens_wasm_bg.wasm"
cp "$ROOT"/crates/jwtlens-wasm/js/* "$pkg/"
rm -f "$pkg/.gitignore"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -1)
sed "s/@VERSION@/$version/" "$ROOT/crates/jwtlens-wasm/package.template.json" > "$pkg/package.json"
cp "$ROOT/crates/jwtlens-wasm/README.md" "$pkg/README.md"
raw=$(wc -c <"$pkg/jwtlens_wasm_bg.wasm"); gz=$(gzip -9c "$pkg/jwtlens_wasm_bg.wasm" | wc -c)
echo "jwtlens_wasm_bg.wasm: $raw bytes raw, $gz bytes gzip -9"
