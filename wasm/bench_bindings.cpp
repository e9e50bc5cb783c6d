// Benchmark-only additions to the module (target screen_bench; never shipped):
// the site's build of the core, with an entry that times the halves of one
// screening inside WebAssembly. scripts/bench-wasm.mjs subtracts: what the
// JSON entry costs in JavaScript minus what it costs inside the module is the
// crossing (the household in, the result handed to JavaScript as a string).
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <string>

#include "doudi/screen.h"
#include "evaluate.h"
#include "household.h"
#include "roster_flags.h"

namespace {

// µs a call of f, over n calls, on the module's own clock.
template <typename F>
double per_call(int n, F&& f) {
  const double t0 = emscripten_get_now();
  for (int i = 0; i < n; ++i) f();
  return (emscripten_get_now() - t0) * 1000.0 / n;
}

// {"parse":µs,"evaluate":µs,"screen":µs} for one household text, n calls each:
// parse = text to a validated Household; evaluate = every program with its
// reasons, on structs; statuses = the roster's decision (statuses, amounts, and
// its lists: roster_flags.h); screen = the whole JSON entry, result text included
// (as UTF-16, what the module hands to JavaScript).
std::string bench_split(const std::string& text, int n) {
  const doudi::PolicySet& set = doudi::embedded_policies();
  const doudi::HouseholdParse hp = doudi::parse_household(text);
  const doudi::Policy* policy = set.find(hp.household.region);
  if (!policy || !hp.errors.empty() || n <= 0) return "{}";
  volatile size_t sink = 0;  // keeps every call's work
  const double parse = per_call(n, [&] { sink = sink + doudi::parse_household(text).household.members.size(); });
  const double evaluate = per_call(n, [&] { sink = sink + doudi::evaluate_household(*policy, hp.household).size(); });
  const doudi::DibaoTekun at = doudi::dibao_tekun(*policy);
  const double statuses = per_call(n, [&] {
    const auto results = doudi::evaluate_household(*policy, hp.household, nullptr, doudi::Detail::statuses);
    sink = sink + results.size() + doudi::roster_flags(*policy, hp.household, results, at).visit;
  });
  const double screen = per_call(n, [&] { sink = sink + doudi::screen_utf16(set, text).size; });
  return "{\"parse\":" + std::to_string(parse) + ",\"evaluate\":" + std::to_string(evaluate) +
         ",\"statuses\":" + std::to_string(statuses) + ",\"screen\":" + std::to_string(screen) + "}";
}

}  // namespace

EMSCRIPTEN_BINDINGS(doudi_bench) { emscripten::function("benchSplit", &bench_split); }
