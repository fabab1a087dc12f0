#!/usr/bin/env bash
# Build the npm package `jwtlens` into crates/jwtlens-wasm/pkg/: the JWT module
# (crates/jwtlens-wasm), the `jwtlens/sd-jwt` module (crates/jwtlens-wasm-sd-jwt),
# the `jwtlens/sign` module (crates/jwtlens-wasm-sign)
# and, for the `jwtlens/cookies` and `jwtlens/flows` subpaths, the sandbox
# module (crates/jwtlens-wasm-sandbox), each its own wasm (the JWT and SD-JWT
# ones twice: for servers, and smaller for browsers); and the ES256K
# module (crates/jwtlens-wasm-es256k) the JWT and SD-JWT modules load where the
# platform has no secp256k1. The verifying modules, the others and the ES256K one
# are built by separate cargo invocations: in one, features would be unified
# across them (the ES256K module's `es256k` into every `jwtlens`, the signing
# module's dependency features into the JWT wasm, 0.5 KB gzip).
set -euo pipefail
source "$(dirname "$0")/env.sh"
pkg="$ROOT/crates/jwtlens-wasm/pkg"
step "build the npm package into crates/jwtlens-wasm/pkg"
cargo build -p jwtlens-wasm -p jwtlens-wasm-sd-jwt --target wasm32-unknown-unknown --profile npm
cargo build -p jwtlens-wasm-sign -p jwtlens-wasm-sandbox --target wasm32-unknown-unknown --profile npm
cargo build -p jwtlens-wasm-es256k --target wasm32-unknown-unknown --profile npm
rm -rf "$pkg" && mkdir -p "$pkg"
for module in jwtlens_wasm:jwtlens_wasm jwtlens_wasm_sd_jwt:jwtlens_sd_jwt jwtlens_wasm_sign:jwtlens_sign jwtlens_wasm_sandbox:jwtlens_sandbox jwtlens_wasm_es256k:jwtlens_es256k; do
  crate=${module%%:*} name=${module##*:}
  wasm-bindgen --target web --weak-refs --out-dir "$pkg" --out-name "$name" \
    "$ROOT/target/wasm32-unknown-unknown/npm/$crate.wasm"
  wasm-opt -O3 "${WASM_OPT_FEATURES[@]}" "$pkg/${name}_bg.wasm" -o "$pkg/${name}_bg.wasm"
done
# The browsers' JWT and SD-JWT wasm (the "default" entries): the same code built
# with the npm-browser profile, for size (see Cargo.toml); one JS glue serves both
# builds, so it must come out byte-identical.
cargo build -p jwtlens-wasm -p jwtlens-wasm-sd-jwt --target wasm32-unknown-unknown --profile npm-browser
for module in jwtlens_wasm:jwtlens_wasm jwtlens_wasm_sd_jwt:jwtlens_sd_jwt; do
  crate=${module%%:*} name=${module##*:}
  tmp=$(mktemp -d)
  wasm-bindgen --target web --weak-refs --out-dir "$tmp" --out-name "$name" \
    "$ROOT/target/wasm32-unknown-unknown/npm-browser/$crate.wasm"
  if ! cmp -s "$tmp/$name.js" "$pkg/$name.js"; then
    echo "build-npm: $name.js differs between the npm and npm-browser builds" >&2
    exit 1
  fi
  wasm-opt -O3 "${WASM_OPT_FEATURES[@]}" "$tmp/${name}_bg.wasm" -o "$pkg/${name}_browser_bg.wasm"
  rm -rf "$tmp"
done
cp "$ROOT"/crates/jwtlens-wasm/js/* "$pkg/"
rm -f "$pkg/.gitignore"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -1)
sed "s/@VERSION@/$version/" "$ROOT/crates/jwtlens-wasm/package.template.json" > "$pkg/package.json"
cp "$ROOT/crates/jwtlens-wasm/README.md" "$pkg/README.md"
for name in jwtlens_wasm jwtlens_wasm_browser jwtlens_sd_jwt jwtlens_sd_jwt_browser jwtlens_sign jwtlens_sandbox jwtlens_es256k; do
  raw=$(wc -c <"$pkg/${name}_bg.wasm"); gz=$(gzip -9c "$pkg/${name}_bg.wasm" | wc -c)
  echo "${name}_bg.wasm: $raw bytes raw, $gz bytes gzip -9"
done
