#!/usr/bin/env bash
# Build the npm package `jwtlens` into crates/jwtlens-wasm/pkg/: the JWT module
# (crates/jwtlens-wasm) three times: without its explaining functions (inspect,
# verify), compiled for speed (`jwtlens_verify_bg.wasm`, what the servers'
# entries load to verify: js/backend.js); whole, compiled for speed
# (`jwtlens_wasm_bg.wasm`: the servers' inspect and verify, loaded on first use,
# and `jwtlens/init`); and whole, compiled for size (`jwtlens_wasm_browser_bg.wasm`,
# the browsers' entry). The `jwtlens/sd-jwt` module (crates/jwtlens-wasm-sd-jwt)
# for servers and, smaller, for browsers; the `jwtlens/sign` module
# (crates/jwtlens-wasm-sign); for the `jwtlens/cookies` and `jwtlens/flows`
# subpaths, the sandbox module (crates/jwtlens-wasm-sandbox); and the ES256K
# module (crates/jwtlens-wasm-es256k) the JWT and SD-JWT modules load where the
# platform has no secp256k1, and the Ed25519 module (crates/jwtlens-wasm-ed25519,
# its own profile: compiled for speed) Node loads for EdDSA keys that verify
# often (js/ed25519.js). Modules with different features are built by
# separate cargo invocations: in one, features would be unified across them
# (the ES256K module's `es256k` into every `jwtlens`, the signing module's
# dependency features into the JWT wasm, 0.5 KB gzip).
set -euo pipefail
source "$(dirname "$0")/env.sh"
pkg="$ROOT/crates/jwtlens-wasm/pkg"
step "build the npm package into crates/jwtlens-wasm/pkg"
rm -rf "$pkg" && mkdir -p "$pkg"
# The verifying build first: the whole one below writes the same file.
cargo build -p jwtlens-wasm --no-default-features --target wasm32-unknown-unknown --profile npm
wasm-bindgen --target web --weak-refs --out-dir "$pkg" --out-name jwtlens_verify \
  "$ROOT/target/wasm32-unknown-unknown/npm/jwtlens_wasm.wasm"
wasm-opt -O3 "${WASM_OPT_FEATURES[@]}" "$pkg/jwtlens_verify_bg.wasm" -o "$pkg/jwtlens_verify_bg.wasm"
cargo build -p jwtlens-wasm -p jwtlens-wasm-sd-jwt --target wasm32-unknown-unknown --profile npm
cargo build -p jwtlens-wasm-sign -p jwtlens-wasm-sandbox --target wasm32-unknown-unknown --profile npm
cargo build -p jwtlens-wasm-es256k --target wasm32-unknown-unknown --profile npm
cargo build -p jwtlens-wasm-ed25519 --target wasm32-unknown-unknown --profile npm-ed25519
for module in jwtlens_wasm:jwtlens_wasm jwtlens_wasm_sd_jwt:jwtlens_sd_jwt jwtlens_wasm_sign:jwtlens_sign jwtlens_wasm_sandbox:jwtlens_sandbox jwtlens_wasm_es256k:jwtlens_es256k; do
  crate=${module%%:*} name=${module##*:}
  wasm-bindgen --target web --weak-refs --out-dir "$pkg" --out-name "$name" \
    "$ROOT/target/wasm32-unknown-unknown/npm/$crate.wasm"
  wasm-opt -O3 "${WASM_OPT_FEATURES[@]}" "$pkg/${name}_bg.wasm" -o "$pkg/${name}_bg.wasm"
done
wasm-bindgen --target web --weak-refs --out-dir "$pkg" --out-name jwtlens_ed25519 \
  "$ROOT/target/wasm32-unknown-unknown/npm-ed25519/jwtlens_wasm_ed25519.wasm"
wasm-opt -O3 "${WASM_OPT_FEATURES[@]}" "$pkg/jwtlens_ed25519_bg.wasm" -o "$pkg/jwtlens_ed25519_bg.wasm"
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
for name in jwtlens_verify jwtlens_wasm jwtlens_wasm_browser jwtlens_sd_jwt jwtlens_sd_jwt_browser jwtlens_sign jwtlens_sandbox jwtlens_es256k jwtlens_ed25519; do
  raw=$(wc -c <"$pkg/${name}_bg.wasm"); gz=$(gzip -9c "$pkg/${name}_bg.wasm" | wc -c)
  echo "${name}_bg.wasm: $raw bytes raw, $gz bytes gzip -9"
done
