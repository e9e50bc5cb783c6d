#!/usr/bin/env bash
# The whole native test suite under AddressSanitizer and UndefinedBehaviorSanitizer:
# configures and builds the `sanitize` preset (clang++, build/sanitize) and runs
# its tests. Any sanitizer report fails the run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

command -v clang++ >/dev/null || { echo "sanitize.sh: clang++ is needed (apt-get install -y clang libclang-rt-14-dev)" >&2; exit 2; }

cmake --preset sanitize >/dev/null
cmake --build --preset sanitize
# halt_on_error: a report is a failure, not a warning in a log.
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --preset sanitize -j "${DOUDI_JOBS:-2}" "$@"
