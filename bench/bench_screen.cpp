// Native benchmarks: one household through the public JSON entry, and the two
// halves apart (parsing + validation, evaluation on structs), for each region.
// Prints figures; it is not a test and asserts nothing about speed.
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "doudi/roster.h"
#include "doudi/screen.h"
#include "evaluate.h"
#include "household.h"
#include "roster_flags.h"
#include "strict_json.h"

namespace {

// A three-person household with every field answered: the site's usual input.
std::string household(const std::string& region) {
  return R"({"schema":1,"region":")" + region + R"(","hukou":"rural","members":[)"
         R"({"age":45,"relation":"head","labor":"full","self_care":"full","disability_grade":0,"serious_illness":false,"school":"none","orphan":false,"unsupported_child":false,"in_institution":false,"has_capable_supporter":true,"employed":true,"newly_employed":false,"veteran_5lao":false,"income_monthly":{"wages":1500,"business":0,"property":0,"pension_basic":0,"pension_other":0,"honors":0,"student_aid":0,"transfers":0,"other":0}},)"
         R"({"age":70,"relation":"parent","labor":"none","self_care":"partial","disability_grade":2,"disability_kind":"physical","serious_illness":true,"school":"none","orphan":false,"unsupported_child":false,"in_institution":false,"has_capable_supporter":true,"employed":false,"newly_employed":false,"veteran_5lao":false,"income_monthly":{"pension_basic":150}},)"
         R"({"age":16,"relation":"child","labor":"none","self_care":"full","disability_grade":0,"serious_illness":false,"school":"senior","orphan":false,"unsupported_child":false,"in_institution":false,"has_capable_supporter":true,"employed":false,"newly_employed":false,"veteran_5lao":false,"income_monthly":{}}],)"
         R"("assets":{"deposits":2000,"housing_area_m2":36,"owns_home":true},"expenses_yearly":{"medical":6000,"education":1200,"disaster":0},)"
         R"("status":{"dibao":false,"tekun":false,"low_income":false,"dibao_marginal":false,"poverty_registered":true,"months_on_dibao":0},)"
         R"("events":[{"kind":"illness","months_ago":3,"cost":20000,"compensated":12000}],"aid_this_year":{"temporary":0}})";
}

const char* kRegions[] = {"xinmi-2016", "zhongwei-2019", "mingxi-2019", "hebi-2017", "quangang-2020"};

void BM_ScreenJson(benchmark::State& state) {
  const std::string in = household(kRegions[state.range(0)]);
  const auto& set = doudi::embedded_policies();
  size_t bytes = 0;
  for (auto _ : state) {
    auto out = doudi::screen(set, in);
    bytes = out.json.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetLabel(std::string(kRegions[state.range(0)]) + " result " + std::to_string(bytes) + " B");
}

void BM_ParseHousehold(benchmark::State& state) {
  const std::string in = household(kRegions[state.range(0)]);
  for (auto _ : state) benchmark::DoNotOptimize(doudi::parse_household(in));
  state.SetLabel(kRegions[state.range(0)]);
}

void BM_EvaluateStructs(benchmark::State& state) {
  const std::string in = household(kRegions[state.range(0)]);
  const doudi::Policy* policy = doudi::embedded_policies().find(kRegions[state.range(0)]);
  const doudi::Household h = doudi::parse_household(in).household;
  for (auto _ : state) benchmark::DoNotOptimize(doudi::evaluate_household(*policy, h));
  state.SetLabel(kRegions[state.range(0)]);
}

// The roster's decision for each household, on structs: statuses and amounts
// without reasons, and the lists it goes on (应保未保, 应退尽退, 需走访核实).
void BM_EvaluateStatuses(benchmark::State& state) {
  const std::string in = household(kRegions[state.range(0)]);
  const doudi::Policy* policy = doudi::embedded_policies().find(kRegions[state.range(0)]);
  const doudi::Household h = doudi::parse_household(in).household;
  const doudi::DibaoTekun at = doudi::dibao_tekun(*policy);
  for (auto _ : state) {
    const auto results = doudi::evaluate_household(*policy, h, nullptr, doudi::Detail::statuses);
    benchmark::DoNotOptimize(doudi::roster_flags(*policy, h, results, at));
  }
  state.SetLabel(kRegions[state.range(0)]);
}

// For scale: the JSON library's DOM, and the core's strict reader (json_value.h:
// policies, and households the one-pass reader declines), on the same household.
void BM_JsonLibraryParse(benchmark::State& state) {
  const std::string in = household("quangang-2020");
  for (auto _ : state) benchmark::DoNotOptimize(nlohmann::ordered_json::parse(in, nullptr, false));
}

void BM_StrictReaderParse(benchmark::State& state) {
  const std::string in = household("quangang-2020");
  for (auto _ : state) benchmark::DoNotOptimize(doudi::parse_json(in, 32));
}

// 台账比对: the roster scripts/bench-wasm.mjs writes (DOUDI_BENCH_ROSTER), through
// the same entry as `screen --csv` and the site's roster page: CSV in, statuses,
// amounts and flags per household, export CSV out.
void BM_Roster(benchmark::State& state) {
  const char* path = std::getenv("DOUDI_BENCH_ROSTER");
  std::ifstream in(path ? path : "");
  if (!in) {
    state.SkipWithError("set DOUDI_BENCH_ROSTER to a roster CSV (./do bench does)");
    return;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string csv = ss.str();
  size_t households = 0;
  for (auto _ : state) {
    auto out = doudi::screen_roster(doudi::embedded_policies(), csv, "");
    households = out.households;
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * households));
  state.SetLabel(std::to_string(households) + " households");
}

BENCHMARK(BM_ScreenJson)->DenseRange(0, 4);
BENCHMARK(BM_Roster)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JsonLibraryParse);
BENCHMARK(BM_StrictReaderParse);
BENCHMARK(BM_ParseHousehold)->DenseRange(0, 4);
BENCHMARK(BM_EvaluateStructs)->DenseRange(0, 4);
BENCHMARK(BM_EvaluateStatuses)->DenseRange(0, 4);

}  // namespace

BENCHMARK_MAIN();
