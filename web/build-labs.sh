#!/usr/bin/env bash
# Trunk build hook: the page's second module (src/bin/labs.rs: Encoder, Cookie
# lab, Sandbox), built and bound beside the first, into the staging directory.
# web/postbuild.mjs then embeds it in a script the page adds when a lab's tab
# is first opened.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run this as a Trunk hook}"
source "$(dirname "$0")/../scripts/env.sh"
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
profile=()
dir=debug
if [ "${TRUNK_PROFILE:-debug}" = "release" ]; then
  profile=(--release)
  dir=release
fi
cargo build -p jwtlens-web --bin jwtlens-labs --features labs --target wasm32-unknown-unknown "${profile[@]}"
target=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
wasm-bindgen --target web --no-typescript --out-dir "$TRUNK_STAGING_DIR" --out-name labs \
  "$target/wasm32-unknown-unknown/$dir/jwtlens-labs.wasm"
if [ "$dir" = release ]; then
  wasm-opt -Oz "${WASM_OPT_FEATURES[@]}" "$TRUNK_STAGING_DIR/labs_bg.wasm" -o "$TRUNK_STAGING_DIR/labs_bg.wasm"
fi
