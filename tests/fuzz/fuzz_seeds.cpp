// Writes the seed corpora for the fuzz targets:
//   fuzz_seeds SCENARIOS_DIR POLICIES_DIR HOUSEHOLD_OUT POLICY_OUT
// Households come from every case of tests/scenarios/*.json (with the file's
// region filled in), plus a few fixed ones; policies are the files as written.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const fs::path& dir, const std::string& name, const std::string& text) {
  std::ofstream(dir / name, std::ios::binary) << text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: fuzz_seeds SCENARIOS_DIR POLICIES_DIR HOUSEHOLD_OUT POLICY_OUT\n";
    return 2;
  }
  const fs::path scenarios = argv[1], policies = argv[2], households_out = argv[3], policies_out = argv[4];
  fs::create_directories(households_out);
  fs::create_directories(policies_out);
  int households = 0, files = 0;
  std::error_code ec;

  // The contract's example and the smallest valid household, for every region.
  const json example = json::parse(R"({"schema":1,"region":"quangang-2020","as_of":"2020-06-01","hukou":"rural",
    "members":[{"age":45,"relation":"head","labor":"full","self_care":"full","disability_grade":0,"disability_kind":null,
    "serious_illness":false,"school":"none","orphan":false,"unsupported_child":false,"in_institution":false,
    "has_capable_supporter":true,"employed":false,"newly_employed":false,"veteran_5lao":false,
    "income_monthly":{"wages":1500,"business":0,"property":0,"pension_basic":0,"pension_other":0,"honors":0,
    "student_aid":0,"transfers":0,"other":0}}],"assets":{"deposits":0,"housing_area_m2":60,"owns_home":true},
    "expenses_yearly":{"medical":0,"education":0,"disaster":0},"status":{"dibao":false,"tekun":false,"low_income":false,
    "dibao_marginal":false,"poverty_registered":false,"months_on_dibao":0},
    "events":[{"kind":"fire","months_ago":1,"cost":20000,"compensated":5000}],"aid_this_year":{"temporary":0}})",
                                   nullptr, false);
  for (const auto& e : fs::directory_iterator(policies, ec)) {
    if (e.path().extension() != ".json") continue;
    write(policies_out, e.path().filename().string(), slurp(e.path()));
    ++files;
    json h = example;
    h["region"] = e.path().stem().string();
    write(households_out, "example-" + e.path().stem().string() + ".json", h.dump());
    write(households_out, "minimal-" + e.path().stem().string() + ".json",
          json{{"schema", 1}, {"region", e.path().stem().string()}, {"hukou", "urban"}, {"members", {{{"age", 80}}}}}.dump());
    households += 2;
  }

  for (const auto& e : fs::directory_iterator(scenarios, ec)) {
    if (e.path().extension() != ".json") continue;
    const json doc = json::parse(slurp(e.path()), nullptr, false);
    if (!doc.is_object() || !doc.contains("cases") || !doc["cases"].is_array()) continue;
    const std::string region = doc.value("region", std::string());
    int i = 0;
    for (const auto& c : doc["cases"]) {
      if (!c.is_object() || !c.contains("household") || !c["household"].is_object()) continue;
      json h = c["household"];
      if (!h.contains("region")) h["region"] = region;
      write(households_out, e.path().stem().string() + "-" + std::to_string(i++) + ".json", h.dump());
      ++households;
    }
  }
  std::cout << "seeds: " << households << " households, " << files << " policies\n";
  return 0;
}
