#!/usr/bin/env bash
# Run every check and test of jwtlens; CI (.ci/run) runs exactly this.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh" --browser
cd "$ROOT"

step "cargo fmt --check"
cargo fmt --all --check
step "cargo clippy (warnings are errors)"
cargo clippy --workspace --all-targets -- -D warnings
step "cargo doc of the three core crates (broken links and bad markup are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p jwtlens -p jwtlens-cookie -p jwtlens-flows
step "cargo test (unit, integration, conformance, property, doc tests)"
cargo test --workspace
step "the JWT core without its own public-key arithmetic (as the npm package and the page build it), against ring"
cargo test -p jwtlens --no-default-features --features std,es256k,ed25519 --test platform
step "each core crate's tests on its own (with only its own features, none unified from the workspace)"
cargo test -p jwtlens
cargo test -p jwtlens-cookie
cargo test -p jwtlens-flows
step "the three core crates build without std for thumbv7em-none-eabihf"
cargo build -p jwtlens -p jwtlens-cookie -p jwtlens-flows --no-default-features --target thumbv7em-none-eabihf

"$ROOT/scripts/build-npm.sh"
step "trunk build --release (the playground into dist/)"
trunk build --release

step "node tests: the packed npm package and the playground in headless Chromium"
node --test --test-reporter=spec tests/npm/ tests/browser/
