// The strict policy loader on malformed files: each problem is an error naming
// the file and the JSON path, and a file with any error adds nothing.
#include <string>
#include <vector>

#include "policy.h"
#include "test_support.h"

namespace {

using doudi_test::json;
using doudi_test::parse;
using ptr = json::json_pointer;

constexpr const char* kFile = "testland-2020.json";

// A small valid policy: a 孤儿 allowance and a generic program with a condition.
json valid_policy() {
  return parse(R"({
    "schema": 1,
    "id": "testland-2020",
    "document": {"title": "测试办法", "doc": "测民〔2020〕1号", "issuer": "测试局", "region": "测试县",
                 "issued": "2020-01-01", "effective_from": "2020-01-01", "effective_to": "2020-12-31",
                 "seed": "test.txt"},
    "income": {
      "not_counted": {"label": "不计入的收入", "unit": "list", "value": ["pension_basic"],
                      "source": {"doc": "测民〔2020〕1号", "clause": "一、1"}}
    },
    "programs": [
      {"id": "orphan_allowance", "kind": "orphan_allowance", "name": "孤儿基本生活保障", "summary": "孤儿每月生活费。",
       "params": {"amount": {"label": "孤儿基本生活费", "unit": "yuan/person/month", "value": 790,
                             "source": {"doc": "测民〔2020〕1号", "clause": "一、1"}}},
       "apply": {"where": "民政局", "documents": ["户口簿"], "steps": ["申请", "审批"],
                 "sources": [{"doc": "测民〔2020〕1号", "clause": "三"}, {"doc": "《社会救助暂行办法》", "clause": "第十一条"}]}},
      {"id": "charity_aid", "kind": "generic", "name": "慈善救助", "summary": "孤儿家庭的慈善救助。",
       "conditions": [{"test": {"program": "orphan_allowance"}, "yes": "符合孤儿保障",
                       "source": {"doc": "测民〔2020〕1号", "clause": "二"}}],
       "apply": {"where": "慈善总会", "documents": ["申请书"], "steps": ["申请"], "note": "文件只写明由慈善总会负责。",
                 "sources": [{"doc": "测民〔2020〕1号", "clause": "二"}]}}
    ],
    "clauses": {"一、1": "孤儿基本生活费每人每月790元。", "二": "慈善救助。", "三": "向民政局申请。"}
  })");
}

std::string describe(const std::vector<doudi::PolicyError>& errors) {
  std::string s;
  for (const auto& e : errors) s += e.file + ": [" + e.path + "] " + e.message + "\n";
  return s;
}

// Loading `text` fails with an error at exactly `path` mentioning `says`, names
// the file, and leaves the set empty.
void expect_error(const std::string& text, const std::string& path, const std::string& says) {
  doudi::PolicySet set;
  const auto errors = set.add(kFile, text);
  EXPECT_TRUE(set.all().empty()) << "a policy with errors must not be added";
  EXPECT_EQ(set.find("testland-2020"), nullptr);
  bool found = false;
  for (const auto& e : errors) {
    EXPECT_EQ(e.file, kFile);
    EXPECT_FALSE(e.message.empty());
    if (e.path == path && e.message.find(says) != std::string::npos) found = true;
  }
  EXPECT_TRUE(found) << "expected an error at '" << path << "' saying '" << says << "'; got:\n" << describe(errors);
}

void expect_error(const json& policy, const std::string& path, const std::string& says) {
  SCOPED_TRACE(policy.dump());
  expect_error(policy.dump(), path, says);
}

json with(json p, const std::string& pointer, const json& value) {
  p[ptr(pointer)] = value;
  return p;
}

json without(json p, const std::string& pointer) {
  const ptr at(pointer);
  p[at.parent_pointer()].erase(at.back());
  return p;
}

const char* kAmount = "/programs/0/params/amount";
const std::string kAmountPath = "programs[0].params.amount";

TEST(PolicyLoader, TheValidTestPolicyLoads) {
  doudi::PolicySet set;
  const auto errors = set.add(kFile, valid_policy().dump());
  EXPECT_TRUE(errors.empty()) << describe(errors);
  ASSERT_NE(set.find("testland-2020"), nullptr);
  EXPECT_EQ(set.all().size(), 1u);
}

TEST(PolicyLoader, UnknownKeysAtEachLevel) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/extra", "extra"},
      {"/document/extra", "document.extra"},
      {"/programs/0/extra", "programs[0].extra"},
      {"/programs/0/params/amount/extra", "programs[0].params.amount.extra"},
      {"/programs/0/params/amount/source/extra", "programs[0].params.amount.source.extra"},
      {"/programs/0/apply/extra", "programs[0].apply.extra"},
      {"/programs/1/conditions/0/extra", "programs[1].conditions[0].extra"},
      {"/income/not_counted/extra", "income.not_counted.extra"},
  };
  for (const auto& [pointer, path] : cases) expect_error(with(valid_policy(), pointer, 1), path, "unknown key 'extra'");
}

TEST(PolicyLoader, UnknownKeyInADatedValue) {
  json p = valid_policy();
  p[ptr(kAmount)].erase("value");
  p[ptr(kAmount)]["values"] = json::array({{{"from", "2020-01-01"}, {"value", 790}, {"extra", 1}}});
  expect_error(p, kAmountPath + ".values[0].extra", "unknown key 'extra'");
}

TEST(PolicyLoader, UnknownParameterOfAKind) {
  expect_error(with(valid_policy(), "/programs/0/params/bonus", valid_policy()[ptr(kAmount)]),
               "programs[0].params.bonus", "unknown parameter 'bonus'");
  expect_error(with(valid_policy(), "/income/bonus", valid_policy()[ptr(kAmount)]), "income.bonus",
               "unknown parameter 'bonus'");
}

// Results carry the policy's text unescaped (JsonWriter::text): what would need
// escaping is refused where it stands, whatever the field.
TEST(PolicyLoader, TextThatWouldNeedEscapingIsRefused) {
  for (const char* bad : {"孤儿\"790\"元", "一行\n两行", "斜杠\\", "制表\t符"}) {
    SCOPED_TRACE(bad);
    expect_error(with(valid_policy(), "/programs/1/conditions/0/yes", bad), "programs[1].conditions[0].yes", "quote with “”");
    expect_error(with(valid_policy(), "/document/title", bad), "document.title", "must not contain control characters");
    expect_error(with(valid_policy(), "/programs/0/apply/documents/0", bad), "programs[0].apply.documents[0]", "'\"'");
  }
  json key = valid_policy();
  key["clauses"]["二\""] = "慈善救助。";
  expect_error(key, "clauses", "a key: text must not contain");
}

TEST(PolicyLoader, DuplicateKeysAreNamedByPath) {
  std::string text = valid_policy().dump();
  const std::string title = "\"title\":\"测试办法\"";
  ASSERT_NE(text.find(title), std::string::npos);
  text.replace(text.find(title), title.size(), title + "," + title);
  expect_error(text, "document.title", "duplicate key");

  std::string in_program = valid_policy().dump();
  const std::string value = "\"value\":790";
  in_program.replace(in_program.find(value), value.size(), value + ",\"value\":800");
  expect_error(in_program, kAmountPath + ".value", "duplicate key");
}

TEST(PolicyLoader, DatesMustBeIso) {
  expect_error(with(valid_policy(), "/document/issued", "2020-1-1"), "document.issued", "ISO date");
  expect_error(with(valid_policy(), "/document/effective_from", "2020/01/01"), "document.effective_from", "ISO date");
  expect_error(with(valid_policy(), "/document/effective_to", 20201231), "document.effective_to", "ISO date");
  expect_error(with(valid_policy(), "/document/issued", "2019-02-29"), "document.issued", "ISO date");
  json p = valid_policy();
  p[ptr(kAmount)].erase("value");
  p[ptr(kAmount)]["values"] = json::array({{{"from", "2020-1-1"}, {"value", 790}}});
  expect_error(p, kAmountPath + ".values[0].from", "ISO date");
}

TEST(PolicyLoader, ToBeforeFromIsAnError) {
  json p = valid_policy();
  p[ptr(kAmount)].erase("value");
  p[ptr(kAmount)]["values"] = json::array({{{"from", "2020-06-01"}, {"to", "2020-05-31"}, {"value", 790}}});
  expect_error(p, kAmountPath + ".values[0]", "`to` is before `from`");
  expect_error(with(valid_policy(), "/document/effective_to", "2019-12-31"), "document.effective_to",
               "before effective_from");
}

TEST(PolicyLoader, DatedValuesMustBeInOrder) {
  json p = valid_policy();
  p[ptr(kAmount)].erase("value");
  p[ptr(kAmount)]["values"] = json::array({{{"from", "2020-06-01"}, {"value", 800}}, {{"from", "2020-01-01"}, {"value", 790}}});
  expect_error(p, kAmountPath + ".values", "date order");
}

TEST(PolicyLoader, AParameterNeedsASourceWithDocAndClause) {
  expect_error(without(valid_policy(), std::string(kAmount) + "/source"), kAmountPath + ".source", "missing");
  expect_error(without(valid_policy(), std::string(kAmount) + "/source/clause"), kAmountPath + ".source.clause", "missing");
  expect_error(with(valid_policy(), std::string(kAmount) + "/source/doc", ""), kAmountPath + ".source.doc", "non-empty");
}

TEST(PolicyLoader, AParameterNeedsAUnit) {
  expect_error(without(valid_policy(), std::string(kAmount) + "/unit"), kAmountPath + ".unit", "missing");
}

TEST(PolicyLoader, AUnitMustBeAllowedForTheKind) {
  // The 孤儿 allowance is monthly; a yearly figure would be read wrongly.
  expect_error(with(valid_policy(), std::string(kAmount) + "/unit", "yuan/person/year"), kAmountPath + ".unit",
               "unit 'yuan/person/year' not allowed");
  expect_error(with(valid_policy(), std::string(kAmount) + "/unit", "ratio"), kAmountPath + ".unit", "not allowed");
}

TEST(PolicyLoader, AValueMustFitItsUnit) {
  expect_error(with(valid_policy(), std::string(kAmount) + "/value", "790"), kAmountPath + ".value", "amount in yuan");
  expect_error(with(valid_policy(), std::string(kAmount) + "/value", -1), kAmountPath + ".value", "amount in yuan");
  expect_error(with(valid_policy(), std::string(kAmount) + "/value", 790.005), kAmountPath + ".value", "amount in yuan");
  expect_error(with(valid_policy(), "/income/not_counted/value", json::array({"pension"})), "income.not_counted",
               "unknown income kind 'pension'");
}

TEST(PolicyLoader, ANullValueNeedsANote) {
  expect_error(with(valid_policy(), std::string(kAmount) + "/value", nullptr), kAmountPath + ".note",
               "needs a note");
  json noted = with(valid_policy(), std::string(kAmount) + "/value", nullptr);
  noted[ptr(kAmount)]["note"] = "文件未载明金额，以当地公布为准。";
  doudi::PolicySet set;
  EXPECT_TRUE(set.add(kFile, noted.dump()).empty());
}

// A bound stands in for an unstated figure: a positive amount with its own
// source and a note; never on a figure the document states.
json unstated_with_bound() {
  json p = with(valid_policy(), std::string(kAmount) + "/value", nullptr);
  p[ptr(kAmount)]["note"] = "文件未载明金额。";
  p[ptr(kAmount)]["bound"] = {{"max", 2000}, {"to", "2021-06-30"},
                              {"source", {{"doc", "某市通知"}, {"clause", "一"}}}, {"note", "不会超过全国最高标准。"}};
  return p;
}

TEST(PolicyLoader, ABoundOnAnUnstatedFigureLoads) {
  doudi::PolicySet set;
  EXPECT_TRUE(set.add(kFile, unstated_with_bound().dump()).empty());
  const doudi::Param* amount = set.find("testland-2020")->program("orphan_allowance")->param("amount");
  EXPECT_EQ(doudi::monthly_bound_at(amount, *doudi::parse_date("2021-06-30")), 200000);
  EXPECT_EQ(doudi::monthly_bound_at(amount, *doudi::parse_date("2021-07-01")), std::nullopt);
}

TEST(PolicyLoader, ABoundNeedsAmountSourceAndNote) {
  const std::string b = std::string(kAmount) + "/bound";
  const std::string at = kAmountPath + ".bound";
  expect_error(with(unstated_with_bound(), b + "/max", 0), at + ".max", "positive amount");
  expect_error(with(unstated_with_bound(), b + "/max", "2000"), at + ".max", "positive amount");
  expect_error(without(unstated_with_bound(), b + "/source"), at + ".source", "missing");
  expect_error(without(unstated_with_bound(), b + "/note"), at + ".note", "missing");
  expect_error(with(unstated_with_bound(), b + "/to", "2021-6-30"), at + ".to", "ISO date");
  expect_error(with(unstated_with_bound(), b + "/min", 1), at + ".min", "unknown key 'min'");
  expect_error(with(unstated_with_bound(), std::string(kAmount) + "/value", 790), at, "does not state");
}

// 鹤壁's 低保标准 after 2017: unstated, but never below the last stated figure.
TEST(PolicyLoader, AFloorOnAnUnstatedFigureLoads) {
  json p = unstated_with_bound();
  p[ptr(kAmount)]["floor"] = {{"min", 600}, {"source", {{"doc", "测民〔2020〕1号"}, {"clause", "一、1"}}},
                              {"note", "标准只升不降。"}};
  doudi::PolicySet set;
  const auto errors = set.add(kFile, p.dump());
  ASSERT_TRUE(errors.empty()) << describe(errors);
  const doudi::Param* amount = set.find("testland-2020")->program("orphan_allowance")->param("amount");
  EXPECT_EQ(doudi::monthly_floor_at(amount, *doudi::parse_date("2030-01-01")), 60000);
  const std::string f = std::string(kAmount) + "/floor";
  const std::string at = kAmountPath + ".floor";
  expect_error(with(p, f + "/min", 0), at + ".min", "positive amount");
  expect_error(with(p, f + "/max", 600), at + ".max", "unknown key 'max'");
  expect_error(without(p, f + "/note"), at + ".note", "missing");
  expect_error(with(p, f, 600), at, "must be an object {min, to, source, note}");
}

TEST(PolicyLoader, IfMayApplyIsAFlag) {
  json p = valid_policy();
  p["programs"][1]["notes"] = parse(R"([{"text": "说明。", "source": {"doc": "测民〔2020〕1号", "clause": "二"},
                                          "if_may_apply": "yes"}])");
  expect_error(p, "programs[1].notes[0].if_may_apply", "true or false");
  p["programs"][1]["notes"][0]["if_may_apply"] = true;
  doudi::PolicySet set;
  EXPECT_TRUE(set.add(kFile, p.dump()).empty());
}

// `narrows`: a condition that narrows the ones before it; the first has none to narrow.
TEST(PolicyLoader, NarrowsIsAFlagAfterTheFirstCondition) {
  json p = valid_policy();
  json& conditions = p["programs"][1]["conditions"];
  conditions.push_back(conditions[0]);
  conditions[1]["narrows"] = "yes";
  expect_error(p, "programs[1].conditions[1].narrows", "true or false");
  conditions[1]["narrows"] = true;
  doudi::PolicySet set;
  EXPECT_TRUE(set.add(kFile, p.dump()).empty()) << describe(set.add(kFile, p.dump()));
  conditions[0]["narrows"] = true;
  expect_error(p, "programs[1].conditions[0].narrows", "none before it");
}

// 临时救助's recognised groups may include a program's people (明溪: 城市孤儿), read from
// the results before it: the program must come earlier in the file.
TEST(PolicyLoader, TargetProgramsComeEarlierInTheFile) {
  json p = valid_policy();
  json aid = {{"id", "temporary_aid"}, {"kind", "temporary_aid"}, {"name", "临时救助"}, {"summary", "急难救助。"},
              {"apply", p["programs"][0]["apply"]}};
  const json source = {{"doc", "测试文件"}, {"clause", "一"}};
  aid["params"]["recent_months"] = {{"label", "期间"}, {"unit", "months"}, {"value", 12}, {"source", source}};
  aid["params"]["target_statuses"] = {{"label", "低保对象"}, {"unit", "list"}, {"value", {"dibao"}}, {"source", source}};
  aid["params"]["target_programs"] = {{"label", "孤儿家庭"}, {"unit", "list"}, {"value", {"orphan_allowance"}}, {"source", source}};
  p["programs"].insert(p["programs"].begin() + 1, aid);
  doudi::PolicySet set;
  EXPECT_TRUE(set.add(kFile, p.dump()).empty()) << describe(set.add(kFile, p.dump()));
  p["programs"][1]["params"]["target_programs"]["value"] = {"charity_aid"};
  expect_error(p, "programs[1].params.target_programs", "program \"charity_aid\" must come earlier in the file");
}

TEST(PolicyLoader, AMemberCriterionMayTestTheHousehold) {
  json p = valid_policy();
  p["programs"][1]["members_where"] = {{"household", {{"status_any", {"dibao"}}}}};
  doudi::PolicySet set;
  EXPECT_TRUE(set.add(kFile, p.dump()).empty()) << describe(set.add(kFile, p.dump()));
  p["programs"][1]["members_where"] = {{"household", {{"status_any", {"rich"}}}}};
  expect_error(p, "programs[1].members_where", "unknown status 'rich'");
}

TEST(PolicyLoader, UnknownKind) {
  expect_error(with(valid_policy(), "/programs/0/kind", "pension"), "programs[0].kind", "unknown kind 'pension'");
}

TEST(PolicyLoader, ALocalProgramIdMustBeMarkedLocal) {
  expect_error(with(valid_policy(), "/programs/1/id", "village_fund"), "programs[1].id",
               "not a contract program id");
  json local = with(valid_policy(), "/programs/1/id", "village_fund");
  local["programs"][1]["local"] = true;
  doudi::PolicySet set;
  EXPECT_TRUE(set.add(kFile, local.dump()).empty());
  expect_error(with(valid_policy(), "/programs/1/local", true), "programs[1].local", "is a contract program id");
}

TEST(PolicyLoader, DuplicateProgramIds) {
  expect_error(with(valid_policy(), "/programs/1/id", "orphan_allowance"), "programs[1].id",
               "duplicate program id 'orphan_allowance'");
}

TEST(PolicyLoader, ACitationOfTheDocumentNeedsTheClauseText) {
  expect_error(with(valid_policy(), std::string(kAmount) + "/source/clause", "九、9"), kAmountPath + ".source",
               "clause '九、9'");
  expect_error(without(valid_policy(), "/clauses/二"), "programs[1].conditions[0].source", "clause '二'");
  // Another document's clause need not be carried.
  json other = with(valid_policy(), std::string(kAmount) + "/source",
                    {{"doc", "《社会救助暂行办法》（国务院令第649号）"}, {"clause", "第九条"}});
  doudi::PolicySet set;
  EXPECT_TRUE(set.add(kFile, other.dump()).empty());
}

TEST(PolicyLoader, AConditionTestWithAnUnknownKey) {
  expect_error(with(valid_policy(), "/programs/1/conditions/0/test", {{"income_below", 500}}),
               "programs[1].conditions[0].test", "unknown test 'income_below'");
  expect_error(with(valid_policy(), "/programs/1/conditions/0/test", {{"member_any", {{"tall", true}}}}),
               "programs[1].conditions[0].test", "unknown member criterion 'tall'");
}

TEST(PolicyLoader, AProgramTestMustNameAnEarlierProgram) {
  json p = valid_policy();
  p["programs"][0]["conditions"] = json::array(
      {{{"test", {{"program", "charity_aid"}}}, {"yes", "x"}, {"source", {{"doc", "测民〔2020〕1号"}, {"clause", "二"}}}}});
  expect_error(p, "programs[0].conditions[0].test", "program 'charity_aid' must come earlier");
  // At any depth, and in member criteria (listed_by / not_listed_by) and notes' `when`.
  json q = valid_policy();
  q["programs"][0]["conditions"] = json::array({{{"test", {{"not", {{"member_any", {{"not_listed_by", "charity_aid"}}}}}}},
                                                 {"yes", "x"}, {"source", {{"doc", "测民〔2020〕1号"}, {"clause", "二"}}}}});
  expect_error(q, "programs[0].conditions[0].test", "program 'charity_aid' must come earlier");
  json r = valid_policy();
  r["programs"][0]["members_where"] = {{"listed_by", "nowhere"}};
  expect_error(r, "programs[0].members_where", "program 'nowhere' must come earlier");
  expect_error(with(valid_policy(), "/programs/1/members_where", {{"not_listed_by", 7}}), "programs[1].members_where",
               "not_listed_by must name a program id");
  json ok = valid_policy();
  ok["programs"][1]["members_where"] = {{"not_listed_by", "orphan_allowance"}};  // the program before: fine
  doudi::PolicySet set;
  EXPECT_TRUE(set.add(kFile, ok.dump()).empty());
}

TEST(PolicyLoader, TheIdMustMatchTheFileName) {
  doudi::PolicySet set;
  const auto errors = set.add("elsewhere-2020.json", valid_policy().dump());
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].path, "id");
  EXPECT_EQ(errors[0].file, "elsewhere-2020.json");
  EXPECT_TRUE(set.all().empty());
}

TEST(PolicyLoader, SchemaMustBeOne) { expect_error(with(valid_policy(), "/schema", 2), "schema", "must be 1"); }

TEST(PolicyLoader, EveryProgramNeedsWhereDocumentsAndSteps) {
  expect_error(without(valid_policy(), "/programs/0/apply"), "programs[0].apply", "missing");
  expect_error(with(valid_policy(), "/programs/0/apply/where", ""), "programs[0].apply.where", "non-empty");
  expect_error(with(valid_policy(), "/programs/0/apply/documents", json::array()), "programs[0].apply.documents",
               "non-empty list");
  expect_error(with(valid_policy(), "/programs/0/apply/steps", json::array({""})), "programs[0].apply.steps[0]",
               "non-empty");
}

// Where to go and the steps rest on clauses, as every figure does: cited in
// `apply.sources`, the document's own clauses with their text in `clauses`.
TEST(PolicyLoader, ApplyCitesItsSources) {
  doudi::PolicySet set;
  const auto errors = set.add(kFile, valid_policy().dump());
  ASSERT_TRUE(errors.empty()) << describe(errors);
  const doudi::Apply& a = set.find("testland-2020")->programs[0].apply;
  ASSERT_EQ(a.sources.size(), 2u);
  EXPECT_EQ(a.sources[0].doc, "测民〔2020〕1号");
  EXPECT_EQ(a.sources[0].clause, "三");
  EXPECT_EQ(a.sources[1].doc, "《社会救助暂行办法》");
  EXPECT_EQ(a.sources[1].clause, "第十一条");
  EXPECT_EQ(a.note, "");
  EXPECT_EQ(set.find("testland-2020")->programs[1].apply.note, "文件只写明由慈善总会负责。");
  expect_error(without(valid_policy(), "/programs/1/apply/sources"), "programs[1].apply.sources", "non-empty list");
  expect_error(with(valid_policy(), "/programs/1/apply/sources", json::array()), "programs[1].apply.sources",
               "non-empty list");
  expect_error(with(valid_policy(), "/programs/1/apply/sources/0", "二"), "programs[1].apply.sources[0]",
               "must be an object");
  expect_error(with(valid_policy(), "/programs/1/apply/sources/0/clause", ""), "programs[1].apply.sources[0].clause",
               "non-empty");
  expect_error(with(valid_policy(), "/programs/0/apply/sources/0/clause", "九"), "programs[0].apply.sources[0]",
               "clause '九' of 测民〔2020〕1号 has no text");
  expect_error(with(valid_policy(), "/programs/0/apply/sources/1/page", 3), "programs[0].apply.sources[1].page",
               "unknown key");
}

TEST(PolicyLoader, TextThatIsNotJsonOrNotAnObject) {
  expect_error(std::string("{\"schema\": 1,"), "", "not valid JSON");
  expect_error(std::string("[]"), "", "must be a JSON object");
}

TEST(PolicyLoader, ASecondFileWithTheSameIdIsRefused) {
  doudi::PolicySet set;
  ASSERT_TRUE(set.add(kFile, valid_policy().dump()).empty());
  const auto again = set.add(kFile, valid_policy().dump());
  ASSERT_EQ(again.size(), 1u);
  EXPECT_NE(again[0].message.find("already loaded"), std::string::npos);
  EXPECT_EQ(set.all().size(), 1u);
}

// Regressions: wrong types where the loader read with nlohmann's throwing
// accessors (an abort under JSON_NOEXCEPTION). Run in a child process so an
// abort fails this test instead of ending the suite.
void expect_error_without_abort(const json& policy, const std::string& path) {
  EXPECT_EXIT(
      {
        doudi::PolicySet set;
        const auto errors = set.add(kFile, policy.dump());
        bool found = false;
        for (const auto& e : errors) found = found || e.path == path;
        std::exit(found && set.all().empty() ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "")
      << "expected an error at '" << path << "' (exit 1: no such error; a signal: the loader aborted)";
}

TEST(PolicyLoaderRegression, LocalThatIsNotABooleanIsAnErrorNotAnAbort) {
  expect_error_without_abort(with(valid_policy(), "/programs/1/local", "yes"), "programs[1].local");
}

TEST(PolicyLoaderRegression, SchemaThatIsNotANumberIsAnErrorNotAnAbort) {
  expect_error_without_abort(with(valid_policy(), "/schema", "1"), "schema");
}

}  // namespace

namespace {

json real_policy(const std::string& id) {
  return json::parse(doudi_test::read_file(std::string(DOUDI_SOURCE_DIR) + "/policies/" + id + ".json"));
}

void expect_error_as(const std::string& id, const json& policy, const std::string& path, const std::string& says) {
  doudi::PolicySet set;
  const auto errors = set.add(id + ".json", policy.dump());
  bool found = false;
  for (const auto& e : errors) found = found || (e.path == path && e.message.find(says) != std::string::npos);
  EXPECT_TRUE(found) << "expected an error at '" << path << "' saying '" << says << "'; got:\n" << describe(errors);
  EXPECT_EQ(set.find(id), nullptr);
}

// Found by fuzz_policy: "age_bands": 0 passed the loader (a money figure is a
// valid yuan value) and the 高龄津贴 evaluator then read it as a table and aborted.
TEST(PolicyLoader, MoneyTablesAndFiguresKeepTheirShape) {
  json xinmi = real_policy("xinmi-2016");
  xinmi["programs"][0]["params"]["age_bands"]["value"] = 0;
  expect_error_as("xinmi-2016", xinmi, "programs[0].params.age_bands.value", "age_bands must be a list");
  json mingxi = real_policy("mingxi-2019");
  mingxi["programs"][4]["params"]["amounts"]["value"] = 500;
  expect_error_as("mingxi-2019", mingxi, "programs[4].params.amounts.value", "amounts must be an object");
  expect_error(with(valid_policy(), std::string(kAmount) + "/value", json::array({{{"from_age", 0}, {"to_age", nullptr}, {"amount", 5}}})),
               kAmountPath + ".value", "must be one amount, not a list");
  expect_error(with(valid_policy(), std::string(kAmount) + "/value", {{"senior", 5}}), kAmountPath + ".value",
               "must be one amount, not an object");
}

}  // namespace

namespace {

// A county whose rules state the deposit limit (none of the five does) needs only
// the figure in its file: 低保 compares the deposits a head, 特困 one person's own,
// of which the family's deposits are the most (so above the limit decides only for
// a person alone), each with the file's clause.
TEST(PolicyLoader, AStatedDepositLimitDecidesTheProperty) {
  json policy = real_policy("quangang-2020");
  for (auto& program : policy["programs"])
    if (program["kind"] == "dibao" || program["kind"] == "tekun") {
      json& limit = program["params"]["deposits_max_per_person"];
      limit["value"] = 20000;
      limit["source"] = {{"doc", "泉港民〔2020〕40号"}, {"clause", "二、3"}};
    }
  doudi::PolicySet set;
  ASSERT_TRUE(set.add("quangang-2020.json", policy.dump()).empty());
  const std::string elder = R"({"age":66,"labor":"none","has_capable_supporter":false,"income_monthly":{}})";
  const auto screened = [&](int people, int deposits) {
    std::string members = elder;
    for (int i = 1; i < people; ++i) members += "," + elder;
    const std::string household = R"({"schema":1,"region":"quangang-2020","as_of":"2020-06-01","hukou":"rural","members":[)" +
                                  members + R"(],"assets":{"deposits":)" + std::to_string(deposits) + "}}";
    const json result = parse(doudi::screen(set, household).json);
    json found;
    for (const auto& p : result["programs"])
      if (p["id"] == "dibao" || p["id"] == "tekun") found[p["id"].get<std::string>()] = p;
    return found;
  };
  const auto says = [](const json& program, const std::string& text, const std::string& clause) {
    for (const auto& r : program["reasons"])
      if (r["text"] == text) return r["source"]["clause"] == clause;
    return false;
  };
  const json couple_within = screened(2, 40000), couple_above = screened(2, 40002);
  EXPECT_EQ(couple_within["dibao"]["status"], "eligible");
  EXPECT_EQ(couple_above["dibao"]["status"], "ineligible");
  EXPECT_TRUE(says(couple_within["dibao"], "家庭存款40000元（人均20000元），不超过每人20000元的存款限额", "二、3"));
  EXPECT_TRUE(says(couple_above["dibao"], "家庭存款40002元（人均20001元），超过每人20000元的存款限额", "二、3"));
  EXPECT_EQ(couple_within["tekun"]["status"], "maybe");  // whose are the 40000元?
  EXPECT_TRUE(says(couple_within["tekun"],
                   "家庭存款40000元，多于每人20000元的存款限额；其中本人的存款是否超过，由乡镇（街道）经济状况核对认定", "二、3"));
  const json alone_within = screened(1, 20000), alone_above = screened(1, 20001);
  EXPECT_EQ(alone_within["tekun"]["status"], "eligible");
  EXPECT_EQ(alone_above["tekun"]["status"], "ineligible");
  EXPECT_TRUE(says(alone_above["tekun"], "家庭存款20001元，超过每人20000元的存款限额", "二、3"));
}

// A note a file lists twice is told once, as criteria that say the same are (the
// policy fuzzer, 2026-12-04: 中卫's 二、（四）11 note on 残疾人生活补贴 repeated gave a
// result with the same reason twice).
TEST(PolicyLoader, ANoteListedTwiceIsToldOnce) {
  json policy = real_policy("zhongwei-2019");
  std::string note_text;
  for (auto& program : policy["programs"])
    if (program["id"] == "disability_living_allowance") {
      ASSERT_FALSE(program["notes"].empty());
      program["notes"].push_back(program["notes"].back());
      note_text = program["notes"].back()["text"].get<std::string>();
    }
  ASSERT_FALSE(note_text.empty());
  doudi::PolicySet set;
  ASSERT_TRUE(set.add("zhongwei-2019.json", policy.dump()).empty());
  const std::string household =
      R"({"schema":1,"region":"zhongwei-2019","hukou":"rural","members":[{"age":17,"orphan":true,"school":"senior","income_monthly":{}},)"
      R"({"age":8,"relation":"sibling","unsupported_child":false,"school":"primary","disability_grade":3,"disability_kind":"intellectual"}],)"
      R"("expenses_yearly":{"medical":30000,"education":5000},"status":{"poverty_registered":true}})";
  const json result = parse(doudi::screen(set, household).json);
  int told = 0, programs = 0;
  for (const auto& p : result["programs"])
    if (p["id"] == "disability_living_allowance") {
      ++programs;
      for (const auto& r : p["reasons"]) told += r["text"] == note_text;
    }
  EXPECT_EQ(programs, 1);
  EXPECT_EQ(told, 1);
}

// add_later (the embedded policies): a file is parsed when first asked for, with
// the same result as add(); one that fails is absent, never a crash.
TEST(PolicySet, FilesAddedForLaterAreParsedWhenFirstNeeded) {
  const std::string hebi = real_policy("hebi-2017").dump(), xinmi = real_policy("xinmi-2016").dump();
  const std::string broken = with(valid_policy(), "/schema", "one").dump();
  doudi::PolicySet now, later;
  ASSERT_TRUE(now.add("policies/hebi-2017.json", hebi).empty());
  ASSERT_TRUE(now.add("xinmi-2016.json", xinmi).empty());
  later.add_later("xinmi-2016.json", xinmi);
  later.add_later(kFile, broken);
  later.add_later("policies/hebi-2017.json", hebi);
  const doudi::Policy* h = later.find("hebi-2017");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->id, "hebi-2017");
  EXPECT_EQ(later.find("testland-2020"), nullptr);  // failed to load
  EXPECT_EQ(later.find("nowhere"), nullptr);
  EXPECT_EQ(later.find("hebi-2017"), h);  // parsed once
  ASSERT_EQ(later.all().size(), 2u);
  EXPECT_EQ(later.all()[0]->id, "hebi-2017");  // by id, whatever the order of loading
  EXPECT_EQ(later.all()[1]->id, "xinmi-2016");
  const std::string household = R"({"schema":1,"region":"xinmi-2016","as_of":"2017-03-01","hukou":"rural",)"
                                R"("members":[{"relation":"head","age":82,"labor":"none"}]})";
  EXPECT_EQ(doudi::screen(later, household).json, doudi::screen(now, household).json);
  EXPECT_EQ(doudi::regions_json(later), doudi::regions_json(now));
  EXPECT_EQ(later.add("xinmi-2016.json", xinmi).size(), 1u);  // already loaded
}

}  // namespace
