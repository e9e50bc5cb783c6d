#!/usr/bin/env bash
# 兜底通: the two commands of the README.
#   ./do serve   build the CLI and the site, then serve build/site on 127.0.0.1
#   ./do test    build and run every test (native, sanitizers, fuzzers, browser)
# Both install what is missing on a Debian 12 machine (apt-get, npm ci).
set -euo pipefail
cd "$(dirname "$0")"
export NODE_PATH=/usr/share/nodejs   # Debian's emcc needs its acorn module (TOOLCHAIN.md)

say() { printf '\n== %s\n' "$*"; }

# What the project needs, as "test|Debian package": a command on PATH or a file.
NEEDS=(
  "cmake|cmake" "ninja|ninja-build" "g++|g++" "clang++|clang"
  "/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a|libclang-rt-14-dev"
  "/usr/include/nlohmann/json.hpp|nlohmann-json3-dev" "/usr/include/gtest/gtest.h|libgtest-dev"
  "/usr/include/benchmark/benchmark.h|libbenchmark-dev" "em++|emscripten" "chromium|chromium"
  "node|nodejs" "npm|npm"
  # Chinese glyphs for the browser tests' screenshots and layout checks (phones have Noto/PingFang)
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc|fonts-noto-cjk"
)

setup() {
  local missing=() test pkg
  for need in "${NEEDS[@]}"; do
    test=${need%%|*}; pkg=${need##*|}
    if [[ $test == /* ]]; then [ -e "$test" ] && continue; else command -v "$test" >/dev/null && continue; fi
    missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if [ -f package-lock.json ] && { [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
    say "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

build_native() {
  say "native build (build/native)"
  cmake --preset native >/dev/null
  cmake --build --preset native
}

build_site() {
  say "site build (build/site)"
  bash scripts/build-site.sh
}

cmd_serve() {
  setup
  build_native
  build_site
  say "serving build/site"
  exec node scripts/serve.mjs
}

cmd_test() {
  setup
  build_native
  say "native tests (GoogleTest under CTest)"
  ctest --preset native
  say "policy check"
  ./build/native/screen --check-policies
  say "sanitizer build and tests (ASan + UBSan)"
  bash scripts/sanitize.sh
  say "fuzzers, short runs"
  bash scripts/fuzz.sh "${FUZZ_SECONDS:-20}"
  build_site
  say "browser tests (headless Chromium)"
  node --test --test-concurrency=1 tests/browser/
  say "Lighthouse (mobile; accessibility and best practices at least 95)"
  node scripts/lighthouse.mjs --check
}

# The CPU that evaluates one household fastest now (a short native run on each),
# printing each CPU's time to stderr.
fastest_cpu() {
  local cpu best="" best_ns="" ns
  for cpu in $(seq 0 $(( $(nproc) - 1 ))); do
    ns=$(taskset -c "$cpu" build/bench/bench/bench_screen --benchmark_filter='BM_EvaluateStructs/0$' \
           --benchmark_min_time=0.2 --benchmark_format=json 2>/dev/null | grep -m1 '"real_time"' | grep -oE '[0-9.]+e[+-][0-9]+|[0-9.]+' | head -1)
    [ -n "$ns" ] || continue
    printf 'CPU %s: %.0f ns a household (evaluation)\n' "$cpu" "$ns" >&2
    if [ -z "$best" ] || awk "BEGIN{exit !($ns < $best_ns)}"; then best=$cpu best_ns=$ns; fi
  done
  echo "${best:-$(( $(nproc) - 1 ))}"
}

cmd_bench() {
  setup
  cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DDOUDI_TESTS=OFF -DDOUDI_BENCH=ON >/dev/null
  cmake --build build/bench --target bench_screen
  build_site
  # The same code at -O2, for the table's speed column (the site ships -Oz: wasm/CMakeLists.txt).
  if [ ! -f build/wasm-speed/build.ninja ]; then
    emcmake cmake --preset wasm -B build/wasm-speed -DDOUDI_WASM_COMPILE_FLAGS=-O2 -DDOUDI_WASM_OPT=-O2 -DDOUDI_WASM_ASMJS=OFF >/dev/null
  fi
  cmake --build build/wasm-speed --target screen roster_module
  cmake --build build/wasm --target screen_bench   # the site's build plus benchSplit (not shipped)
  node scripts/bench-wasm.mjs --write-roster build/bench/roster.csv   # the same roster for both
  # Both sides on one CPU (the fastest now; BENCH_CPU=N picks one), so that they are
  # compared on the same core: on this project's 2-core machines one vCPU at a
  # time ran 1.5-2x slower than the other, for minutes (taskset, 2026-12-02 and -03),
  # and an unpinned run could mix the two; on the slow one native code lost more
  # than WebAssembly, which made the ratio look better than it was. Repeat a run
  # before trusting a small change.
  # (Chromium, several processes, runs on all of them: scripts/bench-wasm.mjs.)
  local pin=()
  if command -v taskset >/dev/null && [ "$(nproc)" -gt 1 ]; then
    export DOUDI_BENCH_CPU="${BENCH_CPU:-$(fastest_cpu)}"
    pin=(taskset -c "$DOUDI_BENCH_CPU")
    say "benchmarks pinned to CPU $DOUDI_BENCH_CPU"
  fi
  say "native benchmarks (Google Benchmark)"
  DOUDI_BENCH_ROSTER=build/bench/roster.csv "${pin[@]}" build/bench/bench/bench_screen --benchmark_min_time=0.3 \
    --benchmark_out=build/bench/native.json --benchmark_out_format=json
  say "WebAssembly beside native (Node)"
  "${pin[@]}" node scripts/bench-wasm.mjs build/site --native build/bench/native.json --roster build/bench/roster.csv \
    --speed build/wasm-speed/wasm --split build/wasm/wasm --chromium
  say "the questionnaire's flow (Node)"
  "${pin[@]}" node scripts/bench-flow.mjs build/site
  say "the first visit on a slow network (Chromium)"
  node scripts/bench-start.mjs build/site
  say "sizes"
  node scripts/size.mjs build/site
  say "Lighthouse"
  node scripts/lighthouse.mjs
}

case "${1:-}" in
  serve) cmd_serve ;;
  bench) cmd_bench ;;
  test) cmd_test ;;
  setup) setup ;;
  *) echo "usage: ./do serve | ./do test | ./do bench"; exit 2 ;;
esac
