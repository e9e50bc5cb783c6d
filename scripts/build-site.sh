#!/usr/bin/env bash
# Builds the self-check site into build/site/ (idempotent):
#   1. the WebAssembly module (wasm/, through emcmake; build/wasm),
#   2. build/site/: site/ copied with a content hash in every file name but
#      index.html, a strict Content-Security-Policy, the policies' offices for the
#      no-WebAssembly page, and the contract's unhashed screen.js + screen.wasm;
#   3. a table of gzipped sizes and the first-visit total (budget 300 KB).
# Usage: scripts/build-site.sh   (from anywhere; needs emscripten, cmake, ninja, node)
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"   # Debian's emcc needs its acorn module

echo "-- WebAssembly module (build/wasm)"
if [ ! -f build/wasm/CMakeCache.txt ] || [ ! -f build/wasm/build.ninja ]; then
  mkdir -p build && emcmake cmake --preset wasm >build/wasm-configure.log 2>&1 || {
    mkdir -p build; cat build/wasm-configure.log >&2 2>/dev/null; echo "configure of build/wasm failed" >&2; exit 1; }
fi
cmake --build build/wasm

echo "-- site (build/site)"
node scripts/build-site.mjs --site site --wasm build/wasm/wasm --out build/site

echo "-- region pages, web app manifest, service worker (build/site)"
node scripts/region-pages.mjs --policies policies --site site --out build/site
