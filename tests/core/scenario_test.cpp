// The scenario runner: every tests/scenarios/*.json is
//   {"region": "quangang-2020", "cases": [{"name": "泉港：…", "household": {…}, "expect": {…}}]}
// and each case becomes one test named by its `name`, in a suite per file.
//
// expect:
//   "errors":    [{"field": "members[0].age"}, …]  each among the result's errors; no programs
//   "household": {"size": 3, …}                    each key equals the result's household value
//   "programs":  {"dibao": {"status", "amount" ({value, per, up_to} or null = absent),
//                           "members", "missing", "clauses", "reason_contains", "reason_lacks"}}
// Without "errors" the household must be accepted. In every result, every reason
// cites a source document and clause.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "evaluate.h"
#include "household.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using doudi_test::json;
using doudi_test::read_file;
using doudi_test::str;

const std::string kRoot = DOUDI_SOURCE_DIR;

// DOUDI_SCENARIOS_DIR overrides the folder (to try the runner on other files).
std::string scenarios_dir() {
  const char* dir = std::getenv("DOUDI_SCENARIOS_DIR");
  return dir && *dir ? dir : kRoot + "/tests/scenarios";
}

struct Case {
  std::string file, region, name;
  json household, expect;
};

struct Scenarios {
  size_t files = 0;
  std::vector<Case> cases;
  std::vector<std::string> problems;  // files or cases that are not of the form above
};

const Scenarios& scenarios() {
  static const Scenarios all = [] {
    Scenarios s;
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(scenarios_dir(), ec))
      if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      ++s.files;
      const std::string name = f.filename().string();
      const json doc = doudi_test::parse(read_file(f.string()));
      if (!doc.is_object() || !doc.contains("cases") || !doc["cases"].is_array() || str(doc, "region").empty()) {
        s.problems.push_back(name + ": must be {\"region\": \"…\", \"cases\": [...]} (valid JSON)");
        continue;
      }
      for (size_t i = 0; i < doc["cases"].size(); ++i) {
        const json& c = doc["cases"][i];
        if (!c.is_object() || str(c, "name").empty() || !c.contains("household") || !c["household"].is_object() ||
            !c.contains("expect") || !c["expect"].is_object()) {
          s.problems.push_back(name + ": cases[" + std::to_string(i) + "] needs name, household and expect objects");
          continue;
        }
        s.cases.push_back({name, str(doc, "region"), str(c, "name"), c["household"], c["expect"]});
      }
    }
    return s;
  }();
  return all;
}

// The policies as the checkout has them (what `screen` reads by default).
const doudi::PolicySet& policies() {
  static const doudi::PolicySet set = [] {
    doudi::PolicySet s;
    for (const auto& e : fs::directory_iterator(kRoot + "/policies"))
      if (e.path().extension() == ".json") s.add(e.path().filename().string(), read_file(e.path().string()));
    return s;
  }();
  return set;
}

std::string unknown_keys(const json& obj, std::initializer_list<const char*> known) {
  std::string out;
  for (auto it = obj.begin(); it != obj.end(); ++it)
    if (std::none_of(known.begin(), known.end(), [&](const char* k) { return it.key() == k; })) out += " '" + it.key() + "'";
  return out;
}

const json* find_program(const json& result, const std::string& id) {
  if (!result.contains("programs")) return nullptr;
  for (const auto& p : result["programs"])
    if (str(p, "id") == id) return &p;
  return nullptr;
}

void check_program(const json& program, const std::string& id, const json& want) {
  json shown = program;
  shown.erase("apply");
  SCOPED_TRACE("program " + id + ": " + shown.dump());
  if (want.contains("status")) {
    EXPECT_EQ(program["status"], want["status"]) << id << ".status";
  }
  if (want.contains("amount")) {
    if (want["amount"].is_null()) {
      EXPECT_FALSE(program.contains("amount")) << id << ": amount must be absent";
    } else if (!program.contains("amount")) {
      ADD_FAILURE() << id << ": no amount, expected " << want["amount"].dump();
    } else {
      EXPECT_EQ(program["amount"], want["amount"]) << id << ".amount";
    }
  }
  for (const char* list : {"members", "missing"}) {
    if (want.contains(list)) {
      EXPECT_EQ(program.value(list, json()), want[list]) << id << "." << list;
    }
  }
  std::set<std::string> clauses;
  std::vector<std::string> texts;
  for (const auto& r : program.value("reasons", json::array())) {
    texts.push_back(str(r, "text"));
    if (r.contains("source")) clauses.insert(str(r["source"], "clause"));
  }
  for (const auto& c : want.value("clauses", json::array()))
    EXPECT_TRUE(c.is_string() && clauses.count(c.get<std::string>())) << id << ": no reason cites clause " << c.dump();
  for (const auto& sub : want.value("reason_contains", json::array())) {
    const bool found = sub.is_string() && std::any_of(texts.begin(), texts.end(), [&](const std::string& t) {
                         return t.find(sub.get<std::string>()) != std::string::npos;
                       });
    EXPECT_TRUE(found) << id << ": no reason says " << sub.dump();
  }
  for (const auto& sub : want.value("reason_lacks", json::array())) {
    const bool found = sub.is_string() && std::any_of(texts.begin(), texts.end(), [&](const std::string& t) {
                         return t.find(sub.get<std::string>()) != std::string::npos;
                       });
    EXPECT_FALSE(found) << id << ": a reason says " << sub.dump() << ", which should not be shown";
  }
}

// The roster's statuses-only evaluation (no reasons written) must decide every
// program exactly as the full one: status, amount, members, 渐退期.
void expect_same_without_reasons(const std::string& text, const json& result) {
  const doudi::HouseholdParse hp = doudi::parse_household(text);
  const doudi::Policy* policy = policies().find(hp.household.region);
  ASSERT_NE(policy, nullptr);
  const auto quick = doudi::evaluate_household(*policy, hp.household, nullptr, doudi::Detail::statuses);
  const json& programs = result["programs"];
  ASSERT_EQ(quick.size(), programs.size());
  for (size_t i = 0; i < quick.size(); ++i) {
    const doudi::ProgramResult& q = quick[i];
    const json& full = programs[i];
    SCOPED_TRACE("statuses only: " + std::string(q.id));
    EXPECT_EQ(q.id, str(full, "id"));
    EXPECT_EQ(doudi::status_name(q.status), str(full, "status"));
    ASSERT_EQ(q.amount.has_value(), full.contains("amount"));
    if (q.amount) {
      EXPECT_EQ(q.amount->value, std::llround(full["amount"]["value"].get<double>() * 100));
      EXPECT_EQ(std::string(q.amount->per), str(full["amount"], "per"));
      EXPECT_EQ(q.amount->up_to, full["amount"]["up_to"].get<bool>());
    }
    EXPECT_EQ(json(q.members), full["members"]);
    EXPECT_EQ(q.taper, full.value("taper", false));
    EXPECT_TRUE(q.reasons.empty() && q.missing.empty());
  }
}

// The questionnaire's brief entry must give what the full result gives, less the
// reasons: id, status, amount and `missing` of every program; errors the same.
void expect_brief_is_the_result_less_reasons(const std::string& text, const json& result) {
  const doudi::ScreenOutput brief = doudi::screen_brief(policies(), text);
  json want = result;
  if (want.contains("programs")) {
    for (const std::string key : {"policy", "as_of", "notices", "household"}) want.erase(key);
    for (json& p : want["programs"])
      for (const std::string key : {"name", "members", "reasons", "apply", "threshold", "taper"}) p.erase(key);
  }
  EXPECT_EQ(doudi_test::parse(brief.json), want) << "brief: " << brief.json;
}

// The WebAssembly module's entries write the same texts as UTF-16 units.
void expect_utf16_entries_write_the_same(const std::string& text, const doudi::ScreenOutput& out) {
  const doudi::ScreenOutput16 full = doudi::screen_utf16(policies(), text);
  EXPECT_EQ(full.ok, out.ok);
  EXPECT_TRUE(full.json() == doudi::utf16_from_utf8(out.json)) << "screen_utf16 differs from screen";
  const doudi::ScreenOutput16 brief = doudi::screen_brief_utf16(policies(), text);
  EXPECT_TRUE(brief.json() == doudi::utf16_from_utf8(doudi::screen_brief(policies(), text).json))
      << "screen_brief_utf16 differs from screen_brief";
}

void run_case(const Case& c) {
  const json& expect = c.expect;
  SCOPED_TRACE(c.file + ": " + c.name);
  const std::string odd = unknown_keys(expect, {"errors", "household", "programs"});
  ASSERT_TRUE(odd.empty()) << "unknown keys in expect:" << odd;
  json household = c.household;
  if (!household.contains("region")) household["region"] = c.region;
  const doudi::ScreenOutput out = doudi::screen(policies(), household.dump());
  const json result = doudi_test::parse(out.json);
  ASSERT_TRUE(result.is_object()) << "the result is not JSON: " << out.json;
  expect_brief_is_the_result_less_reasons(household.dump(), result);
  expect_utf16_entries_write_the_same(household.dump(), out);

  // Every reason rests on a cited clause, and is said once.
  for (const auto& p : result.value("programs", json::array())) {
    std::set<std::string> said;
    for (const auto& r : p.value("reasons", json::array())) {
      const json src = r.value("source", json::object());
      EXPECT_FALSE(str(src, "doc").empty() || str(src, "clause").empty())
          << str(p, "id") << ": a reason without source doc and clause: " << r.dump();
      EXPECT_TRUE(said.insert(r.dump()).second) << str(p, "id") << ": a reason given twice: " << r.dump();
    }
    // A refusal says why.
    if (str(p, "status") == "ineligible") {
      EXPECT_FALSE(said.empty()) << str(p, "id") << ": refused without a reason";
    }
  }

  if (expect.contains("errors")) {
    EXPECT_FALSE(out.ok);
    EXPECT_FALSE(result.contains("programs")) << "a rejected household has no programs";
    for (const auto& want : expect["errors"]) {
      const std::string field = str(want, "field");
      const auto hits = doudi_test::errors_at(result, field);
      EXPECT_FALSE(hits.empty()) << "no error at '" << field << "'; errors: " << doudi_test::fields_of(result);
    }
  } else {
    ASSERT_TRUE(out.ok) << "the household was rejected: " << doudi_test::fields_of(result);
    expect_same_without_reasons(household.dump(), result);
  }

  if (expect.contains("household")) {
    const json got = result.value("household", json::object());
    for (auto it = expect["household"].begin(); it != expect["household"].end(); ++it)
      EXPECT_EQ(got.value(it.key(), json()), it.value()) << "household." << it.key();
  }

  if (expect.contains("programs")) {
    for (auto it = expect["programs"].begin(); it != expect["programs"].end(); ++it) {
      const std::string odd_p = unknown_keys(it.value(), {"status", "amount", "members", "missing", "clauses", "reason_contains", "reason_lacks"});
      EXPECT_TRUE(odd_p.empty()) << "unknown keys in expect.programs." << it.key() << ":" << odd_p;
      const json* program = find_program(result, it.key());
      if (!program) {
        ADD_FAILURE() << "program '" << it.key() << "' is not in the result";
        continue;
      }
      check_program(*program, it.key(), it.value());
    }
  }
}

// GoogleTest filters treat '-', ':', '*', '?' and '.' specially; CTest names
// also dislike spaces. Chinese text is kept as written.
std::string gtest_name(const std::string& s) {
  std::string out;
  for (char c : s) out += std::string(" \t:-*?./\\,#=\"'").find(c) == std::string::npos ? c : '_';
  return out;
}

class ScenarioCase : public ::testing::Test {
 public:
  explicit ScenarioCase(Case c) : case_(std::move(c)) {}
  void TestBody() override { run_case(case_); }

 private:
  Case case_;
};

const bool kRegistered = [] {
  std::set<std::string> taken;
  for (const Case& c : scenarios().cases) {
    const std::string suite = "Scenario_" + gtest_name(fs::path(c.file).stem().string());
    std::string name = gtest_name(c.name);
    for (int n = 2; !taken.insert(suite + "." + name).second; ++n) name = gtest_name(c.name) + "_" + std::to_string(n);
    ::testing::RegisterTest(suite.c_str(), name.c_str(), nullptr, c.name.c_str(), __FILE__, __LINE__,
                            [c]() -> ::testing::Test* { return new ScenarioCase(c); });
  }
  return true;
}();

TEST(ScenarioFiles, AreWellFormedAndCounted) {
  ASSERT_TRUE(kRegistered);
  const Scenarios& s = scenarios();
  ::testing::Test::RecordProperty("scenario_files", static_cast<int>(s.files));
  ::testing::Test::RecordProperty("scenario_cases", static_cast<int>(s.cases.size()));
  std::cout << "[ SCENARIO ] " << s.cases.size() << " cases in " << s.files << " files in " << scenarios_dir() << "\n";
  for (const auto& p : s.problems) ADD_FAILURE() << p;
}

}  // namespace
