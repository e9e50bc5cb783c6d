// libFuzzer target: the strict policy loader on arbitrary text. A file the
// loader accepts is then used: a few households are screened against it and it
// is written back out, so evaluators meet every policy the loader lets through.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "json_mutator.h"

DOUDI_JSON_CUSTOM_MUTATOR

namespace {

// Households that reach most evaluators: a low-income couple, an elderly
// disabled member, an orphan in school, a sudden hardship, unknown facts.
const char* const kHouseholds[] = {
    R"({"schema":1,"hukou":"rural","members":[{"age":45,"income_monthly":{"wages":1000}},{"age":44,"income_monthly":{}}],"assets":{"deposits":0,"housing_area_m2":20,"owns_home":true}})",
    R"({"schema":1,"hukou":"urban","members":[{"age":91,"labor":"none","self_care":"none","disability_grade":1,"disability_kind":"physical","has_capable_supporter":false,"income_monthly":{"pension_basic":200}}],"status":{"dibao":true,"months_on_dibao":30}})",
    R"({"schema":1,"hukou":"rural","members":[{"age":17,"orphan":true,"school":"senior","income_monthly":{}},{"age":8,"relation":"sibling","unsupported_child":false,"school":"primary","disability_grade":3,"disability_kind":"intellectual"}],"expenses_yearly":{"medical":30000,"education":5000},"status":{"poverty_registered":true}})",
    R"({"schema":1,"as_of":"2020-04-01","hukou":"rural","members":[{"age":50,"serious_illness":true,"employed":true,"newly_employed":true,"veteran_5lao":true}],"events":[{"kind":"fire","months_ago":1,"cost":20000,"compensated":5000}],"aid_this_year":{"temporary":1}})",
};

std::string region_id(std::string_view text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_object() && j.contains("id") && j["id"].is_string()) return j["id"].get<std::string>();
  return "fuzz";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  doudi_fuzz::check_reader(text);
  const std::string id = region_id(text);
  doudi::PolicySet set;
  const auto errors = set.add(id + ".json", text);
  if (!errors.empty()) {
    if (!set.all().empty()) doudi_fuzz::fail("a policy with errors was added", errors[0].path + ": " + errors[0].message);
    return 0;
  }
  if (!set.find(id)) doudi_fuzz::fail("a policy without errors was not added", id);
  for (const char* h : kHouseholds) {
    nlohmann::json household = nlohmann::json::parse(h);
    household["region"] = id;
    const doudi::ScreenOutput out = doudi::screen(set, household.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    if (!out.ok) doudi_fuzz::fail("a valid household was rejected under a loaded policy", out.json);
    doudi_fuzz::check_result(out);
  }
  const std::string shown = doudi::policy_json(set, id);
  if (nlohmann::json::parse(shown, nullptr, false).is_discarded()) doudi_fuzz::fail("policy_json is not JSON", shown);
  if (nlohmann::json::parse(doudi::regions_json(set), nullptr, false).is_discarded())
    doudi_fuzz::fail("regions_json is not JSON", doudi::regions_json(set));
  return 0;
}
