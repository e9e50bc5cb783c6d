// The real policies/ folder: every file loads without a single error, every
// figure cites its source, every program says where and how to apply, and each
// of the five documents is present.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "policy.h"
#include "programs.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using doudi_test::read_file;

const std::string kPolicies = std::string(DOUDI_SOURCE_DIR) + "/policies";

std::vector<fs::path> policy_files() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(kPolicies))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Every file in policies/, loaded into one set; errors fail the calling test.
const doudi::PolicySet& loaded() {
  static const doudi::PolicySet set = [] {
    doudi::PolicySet s;
    for (const auto& f : policy_files()) s.add(f.filename().string(), read_file(f.string()));
    return s;
  }();
  return set;
}

void expect_sourced(const doudi::Source& s, const std::string& where) {
  EXPECT_FALSE(s.doc.empty()) << where << ": source.doc is empty";
  EXPECT_FALSE(s.clause.empty()) << where << ": source.clause is empty";
}

void expect_param_sourced(const doudi::Param& p, const std::string& where) {
  expect_sourced(p.source, where + ".source");
  EXPECT_FALSE(p.unit.empty()) << where << ": no unit";
  EXPECT_FALSE(p.label.empty()) << where << ": no label";
  for (size_t i = 0; i < p.values.size(); ++i) {
    if (p.values[i].source) expect_sourced(*p.values[i].source, where + ".values[" + std::to_string(i) + "].source");
    if (p.values[i].value.is_null()) {
      EXPECT_FALSE(p.note.empty()) << where << ": a null value needs a note";
    }
  }
}

TEST(PolicyMetadata, EveryPolicyFileLoadsWithoutErrors) {
  const auto files = policy_files();
  ASSERT_FALSE(files.empty());
  for (const auto& f : files) {
    doudi::PolicySet set;
    const auto errors = set.add(f.filename().string(), read_file(f.string()));
    std::string listed;
    for (const auto& e : errors) listed += "  " + e.path + ": " + e.message + "\n";
    EXPECT_TRUE(errors.empty()) << f.filename() << ":\n" << listed;
  }
  EXPECT_EQ(loaded().all().size(), files.size());
}

TEST(PolicyMetadata, TheEmbeddedPoliciesAreThePolicyFiles) {
  EXPECT_EQ(doudi::embedded_policies().all().size(), policy_files().size())
      << "a policy file failed to load into the program (rebuild, or see EveryPolicyFileLoadsWithoutErrors)";
  for (const auto& p : loaded().all()) EXPECT_NE(doudi::embedded_policies().find(p->id), nullptr) << p->id;
}

TEST(PolicyMetadata, EveryParameterHasASource) {
  for (const auto& p : loaded().all()) {
    for (const auto& [name, param] : p->income) expect_param_sourced(param, p->id + ": income." + name);
    for (const auto& prog : p->programs)
      for (const auto& [name, param] : prog.params) expect_param_sourced(param, p->id + ": " + prog.id + ".params." + name);
  }
}

TEST(PolicyMetadata, EveryConditionAndNoteCitesItsClause) {
  for (const auto& p : loaded().all())
    for (const auto& prog : p->programs) {
      for (const auto& n : prog.notes) expect_sourced(n.source, p->id + ": " + prog.id + " note");
      for (const auto& c : prog.conditions) {
        expect_sourced(c.source, p->id + ": " + prog.id + " condition");
        EXPECT_FALSE(c.yes.empty() || c.no.empty() || c.unknown.empty()) << p->id << ": " << prog.id;
      }
    }
}

TEST(PolicyMetadata, EveryProgramSaysWhereWhatToBringAndTheSteps) {
  for (const auto& p : loaded().all())
    for (const auto& prog : p->programs) {
      const std::string at = p->id + ": " + prog.id;
      EXPECT_FALSE(prog.name.empty()) << at;
      EXPECT_FALSE(prog.apply.where.empty()) << at << ": apply.where";
      EXPECT_FALSE(prog.apply.documents.empty()) << at << ": apply.documents";
      EXPECT_FALSE(prog.apply.steps.empty()) << at << ": apply.steps";
      for (const auto& d : prog.apply.documents) EXPECT_FALSE(d.empty()) << at;
      for (const auto& s : prog.apply.steps) EXPECT_FALSE(s.empty()) << at;
      // …and the clauses the office and the steps rest on: the document's own, or a
      // national rule it builds on.
      EXPECT_FALSE(prog.apply.sources.empty()) << at << ": apply.sources";
      for (const auto& s : prog.apply.sources) {
        expect_sourced(s, at + ": apply.sources");
        EXPECT_TRUE(s.doc == p->document.doc || s.doc.rfind("《", 0) == 0) << at << ": apply cites " << s.doc;
      }
    }
}

TEST(PolicyMetadata, EveryProgramIdIsAContractIdOrMarkedLocal) {
  for (const auto& p : loaded().all()) {
    ASSERT_TRUE(p->raw.contains("programs"));
    for (const auto& prog : p->raw["programs"]) {
      const std::string id = prog["id"].get<std::string>();
      const bool local = prog.contains("local") && prog["local"] == true;
      EXPECT_TRUE(doudi::is_standard_program_id(id) != local)
          << p->id << ": '" << id << "' must be a contract id, or marked \"local\": true (and only then)";
    }
  }
}

TEST(PolicyMetadata, EveryCitedClauseOfTheDocumentHasItsText) {
  for (const auto& p : loaded().all())
    for (const auto& [clause, text] : p->clauses) EXPECT_FALSE(text.empty()) << p->id << ": " << clause;
}

TEST(PolicyMetadata, TheFiveDocumentsArePresent) {
  for (const char* id : {"xinmi-2016", "zhongwei-2019", "mingxi-2019", "hebi-2017", "quangang-2020"}) {
    EXPECT_TRUE(fs::exists(kPolicies + "/" + id + ".json")) << "policies/" << id << ".json is missing";
    const doudi::Policy* p = loaded().find(id);
    ASSERT_NE(p, nullptr) << id << " did not load";
    EXPECT_FALSE(p->document.doc.empty()) << id;
    EXPECT_FALSE(p->document.title.empty()) << id;
    EXPECT_FALSE(p->programs.empty()) << id;
    EXPECT_NE(doudi::embedded_policies().find(id), nullptr) << id << " is not compiled into the program";
  }
}

}  // namespace
