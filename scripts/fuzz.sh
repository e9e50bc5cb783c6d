#!/usr/bin/env bash
# Builds the libFuzzer targets in build/fuzz (clang, ASan + UBSan) and runs each
# for a fixed time: the household entry, the policy loader and the roster.
#   scripts/fuzz.sh [SECONDS]     default 30 seconds a target
# Prints executions and findings per target; exits 1 if any target found a
# crash, a hang (over 2 s) or a broken invariant. The corpus grows in
# build/fuzz/corpus/<target>; findings are written to build/fuzz/findings/.
set -euo pipefail

seconds="${1:-30}"
case "$seconds" in '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2 ;; esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build/fuzz"

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is needed (apt-get install -y clang libclang-rt-14-dev)" >&2; exit 2; }

instrument="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
# RelWithDebInfo without -DNDEBUG: the core's assert()s (the result writer's check
# that text needs no escaping) are findings too.
if [[ ! -f "$build/CMakeCache.txt" ]] || ! grep -q '^CMAKE_CXX_FLAGS_RELWITHDEBINFO:STRING=-O2 -g$' "$build/CMakeCache.txt"; then
  cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DDOUDI_FUZZ=ON -DDOUDI_TESTS=ON -DDOUDI_SANITIZE=OFF \
    "-DCMAKE_CXX_FLAGS=$instrument" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g" >/dev/null
fi
cmake --build "$build" --target fuzz_household fuzz_policy fuzz_roster fuzz_seeds -- >/dev/null

"$build/tests/fuzz/fuzz_seeds" "$root/tests/scenarios" "$root/policies" \
  "$build/seeds/fuzz_household" "$build/seeds/fuzz_policy" "$build/seeds/fuzz_roster"

mkdir -p "$build/findings"
status=0
summary=()
for target in fuzz_household fuzz_policy fuzz_roster; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  log="$build/$target.log"
  dict=()
  [[ "$target" == fuzz_household ]] && dict=("-dict=$root/tests/fuzz/household.dict")
  [[ "$target" == fuzz_roster ]] && dict=("-dict=$root/tests/fuzz/roster.dict")
  echo "== $target: ${seconds}s"
  set +e
  # -max_len: policy files are up to ~40 KB; households and fuzzed rosters are small.
  max_len=8192
  [[ "$target" == fuzz_policy ]] && max_len=65536
  ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    "$build/tests/fuzz/$target" "$corpus" "$build/seeds/$target" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 -max_len="$max_len" \
    -artifact_prefix="$build/findings/$target-" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  runs="$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)"
  rate="$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)"
  cov="$(grep -oE 'cov: [0-9]+' "$log" | tail -1)"
  if [[ $rc -eq 0 ]]; then
    line="$target: ${runs:-?} executions (${rate:-?}/s), ${cov:-cov: ?}, no findings"
  else
    status=1
    artifact="$(grep -oE 'Test unit written to [^ ]+' "$log" | tail -1 | sed 's/Test unit written to //')"
    kind="$(grep -m1 -oE 'ERROR: (AddressSanitizer|UndefinedBehaviorSanitizer|libFuzzer)[^(]*|runtime error: .*|invariant broken: .*|deadly signal|timeout' "$log" || true)"
    line="$target: FINDING after ${runs:-?} executions: ${kind:-exit $rc}; input: ${artifact:-see $log}"
    # The error and the project's own frames (nlohmann's are long and many).
    grep -E 'runtime error|ERROR:|invariant broken|#[0-9]+ 0x[0-9a-f]+ in .*(core/src|core/embedded|cli/|tests/fuzz)' "$log" |
      sed -E 's/^ *(#[0-9]+) 0x[0-9a-f]+ in ([^(<]*).* ([^ ]+:[0-9]+:[0-9]+)$/    \1 \2 \3/' | cut -c1-200 | head -12
  fi
  echo "$line"
  summary+=("$line")
done

echo "== fuzz summary (${seconds}s a target)"
printf '%s\n' "${summary[@]}"
exit $status
