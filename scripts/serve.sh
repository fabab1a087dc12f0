#!/usr/bin/env bash
# Build the playground (release, wasm-opt) and serve it on http://127.0.0.1:8080.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
step "trunk serve --release on http://127.0.0.1:8080"
exec trunk serve --release --no-autoreload --address 127.0.0.1 --port 8080
