#!/usr/bin/env bash
# Install what building and testing jwtlens needs, skipping what is already there.
# Usage: scripts/setup.sh [--browser]   (--browser also installs Debian's chromium)
# Everything comes from the package registries (crates.io, npm, Debian) and rustup.
set -euo pipefail
source "$(dirname "$0")/env.sh"

installed_targets=$(rustup target list --installed)
for target in wasm32-unknown-unknown thumbv7em-none-eabihf; do
  grep -qx "$target" <<<"$installed_targets" || { step "rustup target add $target"; rustup target add "$target"; }
done

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: its lockfile names a crate version the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "cargo install trunk $TRUNK_VERSION (about 10 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION" --force
fi

# Node tooling for tests, benchmarks and wasm-opt (binaryen), pinned by tests/package-lock.json.
stamp="$ROOT/tests/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$ROOT/tests/package-lock.json" -nt "$stamp" ]; then
  step "npm ci (tests/)"
  (cd "$ROOT/tests" && npm ci --no-audit --no-fund)
fi

# zopfli packs the page's embedded wasm smaller than zlib (web/postbuild.mjs falls back to zlib).
if ! command -v zopfli >/dev/null; then
  step "apt-get install zopfli"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y zopfli; } ||
    echo "could not install zopfli: the page's wasm will be deflated by zlib instead"
fi

if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null; then
  step "apt-get install chromium"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium
fi
