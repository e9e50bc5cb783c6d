// Household validation, rule by rule as CONTRACT.md states it: each bad input
// is rejected with an error at the exact field path, in Chinese and English,
// and no programs; the good edge values on the other side are accepted.
#include <cctype>
#include <string>
#include <tuple>
#include <vector>

#include "test_support.h"

namespace {

using doudi_test::errors_at;
using doudi_test::fields_of;
using doudi_test::json;
using doudi_test::minimal_household;
using doudi_test::parse;
using doudi_test::screen_json;
using doudi_test::screen_text;
using doudi_test::str;
using ptr = json::json_pointer;

// The contract's example household: every field given, all valid.
json full_household() {
  return parse(R"({
    "schema": 1, "region": "quangang-2020", "as_of": "2020-06-01", "hukou": "rural",
    "members": [{
      "age": 45, "relation": "head", "labor": "full", "self_care": "full",
      "disability_grade": 0, "disability_kind": null, "serious_illness": false, "school": "none",
      "orphan": false, "unsupported_child": false, "in_institution": false,
      "has_capable_supporter": true, "employed": false, "newly_employed": false, "veteran_5lao": false,
      "income_monthly": {"wages": 1500, "business": 0, "property": 0, "pension_basic": 0, "pension_other": 0,
                         "honors": 0, "student_aid": 0, "transfers": 0, "other": 0}
    }],
    "assets": {"deposits": 0, "housing_area_m2": 60, "owns_home": true},
    "expenses_yearly": {"medical": 0, "education": 0, "disaster": 0},
    "status": {"dibao": false, "tekun": false, "low_income": false, "dibao_marginal": false,
               "poverty_registered": false, "months_on_dibao": 0},
    "events": [{"kind": "fire", "months_ago": 1, "cost": 20000, "compensated": 5000}],
    "aid_this_year": {"temporary": 0}
  })");
}

json with(json h, const std::string& pointer, const json& value) {
  h[ptr(pointer)] = value;
  return h;
}

// Rejected with an error at exactly `field` whose messages mention the problem.
void expect_rejected(const json& household, const std::string& field, const std::string& en, const std::string& zh) {
  const auto s = screen_json(household);
  SCOPED_TRACE("household: " + household.dump());
  ASSERT_FALSE(s.result.is_discarded()) << "output is not JSON: " << s.raw;
  EXPECT_FALSE(s.ok);
  EXPECT_FALSE(s.result.contains("programs")) << "a rejected household must have no programs";
  const auto hits = errors_at(s.result, field);
  ASSERT_FALSE(hits.empty()) << "no error at '" << field << "'; errors: " << fields_of(s.result);
  const std::string message = str(hits[0], "message"), message_en = str(hits[0], "message_en");
  EXPECT_FALSE(message.empty());
  EXPECT_FALSE(message_en.empty());
  EXPECT_NE(message_en.find(en), std::string::npos) << "message_en: " << message_en << "\nexpected to mention: " << en;
  EXPECT_NE(message.find(zh), std::string::npos) << "message: " << message << "\nexpected to mention: " << zh;
}

void expect_accepted(const json& household) {
  const auto s = screen_json(household);
  SCOPED_TRACE("household: " + household.dump());
  ASSERT_FALSE(s.result.is_discarded()) << s.raw;
  EXPECT_TRUE(s.ok) << fields_of(s.result);
  ASSERT_TRUE(s.result.contains("errors"));
  EXPECT_EQ(s.result["errors"], json::array());
  ASSERT_TRUE(s.result.contains("programs"));
  EXPECT_FALSE(s.result["programs"].empty());
}

TEST(HouseholdValidation, AcceptsTheContractExampleAndTheMinimalHousehold) {
  expect_accepted(full_household());
  expect_accepted(minimal_household());
}

TEST(HouseholdValidation, ARejectedResultCarriesSchemaRegionAndErrorsOnly) {
  const auto s = screen_json(with(minimal_household(), "/members/0/age", -1));
  ASSERT_TRUE(s.result.is_object()) << s.raw;
  EXPECT_EQ(s.result["schema"], 1);
  EXPECT_EQ(s.result["region"], "quangang-2020");
  EXPECT_FALSE(s.result.contains("programs"));
  ASSERT_EQ(s.result["errors"].size(), 1u) << fields_of(s.result);
}

// ---- schema -------------------------------------------------------------

TEST(HouseholdValidation, SchemaIsRequired) {
  json h = minimal_household();
  h.erase("schema");
  expect_rejected(h, "schema", "schema is required", "schema");
}

TEST(HouseholdValidation, SchemaOtherThanOneIsRejected) {
  expect_rejected(with(minimal_household(), "/schema", 2), "schema", "unsupported schema", "schema");
  expect_rejected(with(minimal_household(), "/schema", 0), "schema", "unsupported schema", "schema");
  expect_rejected(with(minimal_household(), "/schema", "1"), "schema", "unsupported schema", "schema");
  expect_rejected(with(minimal_household(), "/schema", 1.5), "schema", "unsupported schema", "schema");
  expect_accepted(with(minimal_household(), "/schema", 1.0));
}

// ---- required fields --------------------------------------------------------

TEST(HouseholdValidation, RegionHukouMembersAndAgeAreRequired) {
  for (const char* key : {"region", "hukou", "members"}) {
    json h = minimal_household();
    h.erase(key);
    expect_rejected(h, key, std::string(key) + " is required", "必填");
  }
  expect_rejected(with(minimal_household(), "/members/0", json::object()), "members[0].age", "age is required", "年龄");
  expect_rejected(with(minimal_household(), "/members/0/age", nullptr), "members[0].age", "age is required", "年龄");
  expect_rejected(with(full_household(), "/events/0", json{{"months_ago", 1}}), "events[0].kind", "kind is required",
                  "事件类型");
}

TEST(HouseholdValidation, OptionalFieldsMayBeNullMeaningNotGiven) {
  json h = full_household();
  for (const char* p : {"/as_of", "/members/0/relation", "/members/0/labor", "/members/0/income_monthly",
                        "/members/0/disability_grade", "/assets/deposits", "/status/dibao", "/events",
                        "/aid_this_year/temporary"})
    h[ptr(p)] = nullptr;
  expect_accepted(h);
}

// ---- unknown fields at every level -------------------------------------------

TEST(HouseholdValidation, UnknownFieldsAreErrorsAtEveryLevel) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/nickname", "nickname"},
      {"/members/0/nickname", "members[0].nickname"},
      {"/members/0/income_monthly/salary", "members[0].income_monthly.salary"},
      {"/assets/car", "assets.car"},
      {"/expenses_yearly/rent", "expenses_yearly.rent"},
      {"/status/wubao", "status.wubao"},
      {"/events/0/when", "events[0].when"},
      {"/aid_this_year/charity", "aid_this_year.charity"},
  };
  for (const auto& [pointer, field] : cases) {
    const std::string key = field.substr(field.find_last_of('.') + 1);
    expect_rejected(with(full_household(), pointer, 1), field, "unknown field '" + key + "'", "未知字段“" + key + "”");
  }
}

TEST(HouseholdValidation, ATypoIsNotSilentlyIgnored) {
  json h = minimal_household();
  h["members"][0]["lab0r"] = "none";
  expect_rejected(h, "members[0].lab0r", "unknown field", "未知字段");
}

// ---- wrong types, one case per field --------------------------------------------

struct TypeCase {
  std::string pointer;  // into full_household()
  json value;
  std::string field;
  std::string en;       // what message_en must say
};

void PrintTo(const TypeCase& c, std::ostream* os) { *os << c.field << " = " << c.value.dump(); }

std::string test_name(const std::string& field) {
  std::string n;
  for (char c : field) n += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return n;
}

std::vector<TypeCase> type_cases() {
  std::vector<TypeCase> out;
  const std::string m = "/members/0/";
  for (const char* k : {"serious_illness", "orphan", "unsupported_child", "in_institution", "has_capable_supporter",
                        "employed", "newly_employed", "veteran_5lao"})
    out.push_back({m + k, "yes", std::string("members[0].") + k, "must be true or false, got string"});
  for (const char* k : {"owns_home"}) out.push_back({std::string("/assets/") + k, 1, std::string("assets.") + k, "must be true or false, got number"});
  for (const char* k : {"dibao", "tekun", "low_income", "dibao_marginal", "poverty_registered"})
    out.push_back({std::string("/status/") + k, "false", std::string("status.") + k, "must be true or false, got string"});
  for (const char* k : {"relation", "labor", "self_care", "school", "disability_kind"})
    out.push_back({m + k, 1, std::string("members[0].") + k, "must be a string, got number"});
  out.push_back({"/hukou", true, "hukou", "must be a string, got boolean"});
  out.push_back({"/events/0/kind", json::array({"fire"}), "events[0].kind", "must be a string, got array"});
  out.push_back({m + "age", "45", "members[0].age", "must be a whole number, got string"});
  out.push_back({m + "disability_grade", "1", "members[0].disability_grade", "must be a whole number, got string"});
  out.push_back({"/status/months_on_dibao", "3", "status.months_on_dibao", "must be a whole number, got string"});
  out.push_back({"/events/0/months_ago", true, "events[0].months_ago", "must be a whole number, got boolean"});
  out.push_back({"/aid_this_year/temporary", "1", "aid_this_year.temporary", "must be a whole number, got string"});
  for (const char* k : {"wages", "business", "property", "pension_basic", "pension_other", "honors", "student_aid",
                        "transfers", "other"})
    out.push_back({m + "income_monthly/" + k, "1500", std::string("members[0].income_monthly.") + k,
                   "must be an amount in yuan (a number), got string"});
  out.push_back({"/assets/deposits", json::object(), "assets.deposits", "must be an amount in yuan (a number), got object"});
  for (const char* k : {"medical", "education", "disaster"})
    out.push_back({std::string("/expenses_yearly/") + k, false, std::string("expenses_yearly.") + k,
                   "must be an amount in yuan (a number), got boolean"});
  out.push_back({"/events/0/cost", "20000", "events[0].cost", "must be an amount in yuan (a number), got string"});
  out.push_back({"/events/0/compensated", "0", "events[0].compensated", "must be an amount in yuan (a number), got string"});
  out.push_back({"/assets/housing_area_m2", "60", "assets.housing_area_m2", "must be a number, got string"});
  out.push_back({m + "income_monthly", 1500, "members[0].income_monthly", "must be an object, got number"});
  for (const char* k : {"assets", "expenses_yearly", "status", "aid_this_year"})
    out.push_back({std::string("/") + k, json::array(), k, "must be an object, got array"});
  out.push_back({"/members", json::object(), "members", "must be a list, got object"});
  out.push_back({"/events", json::object(), "events", "must be a list, got object"});
  out.push_back({"/members/0", 45, "members[0]", "each member must be an object, got number"});
  out.push_back({"/events/0", "fire", "events[0]", "each event must be an object, got string"});
  out.push_back({"/region", 2020, "region", "must be a string (region id), got number"});
  out.push_back({"/as_of", 20200601, "as_of", "must be a real ISO date"});
  return out;
}

class WrongType : public ::testing::TestWithParam<TypeCase> {};

TEST_P(WrongType, IsAnErrorAtTheField) {
  const TypeCase& c = GetParam();
  expect_rejected(with(full_household(), c.pointer, c.value), c.field, c.en, "实际是");
}

// as_of's message names the date format, not the type.
INSTANTIATE_TEST_SUITE_P(EveryFieldKind, WrongType, ::testing::ValuesIn([] {
                           auto v = type_cases();
                           v.pop_back();
                           return v;
                         }()),
                         [](const auto& info) { return test_name(info.param.field); });

TEST(HouseholdValidation, AsOfThatIsNotAStringIsRejected) {
  expect_rejected(with(full_household(), "/as_of", 20200601), "as_of", "must be a real ISO date", "YYYY-MM-DD");
}

// ---- values outside their lists ------------------------------------------------------

TEST(HouseholdValidation, EnumValuesOutsideTheirListsAreRejected) {
  const std::vector<std::tuple<std::string, std::string, std::string, std::string>> cases = {
      {"/hukou", "hukou", "city", "urban, rural"},
      {"/members/0/relation", "members[0].relation", "boss", "head, spouse, child, parent, grandchild, grandparent, sibling, other"},
      {"/members/0/labor", "members[0].labor", "some", "full, partial, none"},
      {"/members/0/self_care", "members[0].self_care", "half", "full, partial, none"},
      {"/members/0/school", "members[0].school", "university", "none, preschool, primary, junior, senior, vocational, college"},
      {"/members/0/disability_kind", "members[0].disability_kind", "blind",
       "physical, visual, hearing, speech, intellectual, mental, multiple"},
      {"/events/0/kind", "events[0].kind", "flood",
       "illness, injury, accident, fire, lightning, disaster, epidemic, unemployment, other"},
  };
  for (const auto& [pointer, field, bad, list] : cases)
    expect_rejected(with(full_household(), pointer, bad), field, "'" + bad + "' is not one of: " + list,
                    "“" + bad + "”不是可选值");
}

TEST(HouseholdValidation, EnumValuesAreCaseSensitive) {
  expect_rejected(with(minimal_household(), "/hukou", "Rural"), "hukou", "is not one of", "不是可选值");
}

// ---- money ------------------------------------------------------------------------

TEST(HouseholdValidation, MoneyOutsideZeroToOneHundredMillionIsRejected) {
  const std::string wages = "/members/0/income_monthly/wages", field = "members[0].income_monthly.wages";
  expect_rejected(with(full_household(), wages, -1), field, "between 0 and 100000000 yuan", "0到100000000元");
  expect_rejected(with(full_household(), wages, -0.01), field, "between 0 and 100000000 yuan", "0到100000000元");
  expect_rejected(with(full_household(), wages, 100000000.01), field, "between 0 and 100000000 yuan", "0到100000000元");
  expect_rejected(with(full_household(), wages, 1e300), field, "between 0 and 100000000 yuan", "0到100000000元");
  expect_rejected(with(full_household(), "/assets/deposits", 100000001), "assets.deposits", "between 0 and 100000000",
                  "0到100000000元");
  expect_rejected(with(full_household(), "/events/0/cost", -5), "events[0].cost", "between 0 and 100000000", "金额");
  expect_accepted(with(full_household(), wages, 100000000));
  expect_accepted(with(full_household(), wages, 0));
}

TEST(HouseholdValidation, MoneyWithThreeDecimalsIsRejected) {
  const std::string field = "members[0].income_monthly.wages";
  expect_rejected(with(full_household(), "/members/0/income_monthly/wages", 1500.005), field, "at most 2 decimals",
                  "两位小数");
  expect_rejected(with(full_household(), "/members/0/income_monthly/wages", 0.001), field, "at most 2 decimals",
                  "两位小数");
  expect_rejected(with(full_household(), "/expenses_yearly/medical", 12.345), "expenses_yearly.medical",
                  "at most 2 decimals", "两位小数");
  expect_accepted(with(full_household(), "/members/0/income_monthly/wages", 1500.01));
  expect_accepted(with(full_household(), "/members/0/income_monthly/wages", 0.1));
}

// ---- ages and grades ----------------------------------------------------------------

TEST(HouseholdValidation, AgesOutsideZeroTo130OrNotWholeAreRejected) {
  expect_rejected(with(minimal_household(), "/members/0/age", -1), "members[0].age", "between 0 and 130", "年龄应在0到130之间");
  expect_rejected(with(minimal_household(), "/members/0/age", 131), "members[0].age", "between 0 and 130", "年龄应在0到130之间");
  expect_rejected(with(minimal_household(), "/members/0/age", 45.5), "members[0].age", "whole number", "年龄应为整数");
  expect_rejected(with(minimal_household(), "/members/0/age", 1e12), "members[0].age", "between 0 and 130", "年龄");
  expect_accepted(with(minimal_household(), "/members/0/age", 45.0));
  expect_accepted(with(minimal_household(), "/members/0/age", 0));
  expect_accepted(with(minimal_household(), "/members/0/age", 130));
}

TEST(HouseholdValidation, DisabilityGradeOutsideZeroToFourIsRejected) {
  expect_rejected(with(minimal_household(), "/members/0/disability_grade", 5), "members[0].disability_grade",
                  "between 0 and 4", "残疾等级");
  expect_rejected(with(minimal_household(), "/members/0/disability_grade", -1), "members[0].disability_grade",
                  "between 0 and 4", "残疾等级");
  expect_rejected(with(minimal_household(), "/members/0/disability_grade", 1.5), "members[0].disability_grade",
                  "whole number", "残疾等级");
  expect_accepted(with(minimal_household(), "/members/0/disability_grade", 4));
}

TEST(HouseholdValidation, CountsAndMonthsHaveBounds) {
  expect_rejected(with(full_household(), "/status/months_on_dibao", -1), "status.months_on_dibao", "between 0 and", "享受低保月数");
  expect_rejected(with(full_household(), "/events/0/months_ago", -1), "events[0].months_ago", "between 0 and", "几个月前");
  expect_rejected(with(full_household(), "/aid_this_year/temporary", 1.5), "aid_this_year.temporary", "whole number",
                  "临时救助次数");
  expect_rejected(with(full_household(), "/assets/housing_area_m2", -1), "assets.housing_area_m2", "between 0 and", "平方米");
}

// ---- dates --------------------------------------------------------------------------

TEST(HouseholdValidation, AsOfMustBeARealIsoDate) {
  for (const json& bad : {json("2020-02-30"), json("2020-6-1"), json("2019-02-29"), json("2020-13-01"),
                          json("2020/06/01"), json("")})
    expect_rejected(with(minimal_household(), "/as_of", bad), "as_of", "real ISO date", "YYYY-MM-DD");
  expect_accepted(with(minimal_household(), "/as_of", "2020-02-29"));
  // Before the document's issue date is allowed (measures may apply back).
  expect_accepted(with(minimal_household(), "/as_of", "2019-03-01"));
}

// ---- members ------------------------------------------------------------------------

TEST(HouseholdValidation, MembersMustNumberOneToTwenty) {
  expect_rejected(with(minimal_household(), "/members", json::array()), "members", "1 to 20 people, got 0", "1到20人");
  json many = json::array();
  for (int i = 0; i < 21; ++i) many.push_back({{"age", 30}});
  expect_rejected(with(minimal_household(), "/members", many), "members", "1 to 20 people, got 21", "1到20人");
  many.erase(many.begin());
  expect_accepted(with(minimal_household(), "/members", many));
}

TEST(HouseholdValidation, PathsNameTheMemberByIndex) {
  json h = minimal_household();
  h["members"].push_back({{"age", 10}});
  h["members"].push_back({{"age", 10}, {"school", "kindergarten"}});
  expect_rejected(h, "members[2].school", "is not one of", "不是可选值");
  EXPECT_TRUE(errors_at(screen_json(h).result, "members[0].school").empty());
}

// ---- region ---------------------------------------------------------------------------

// Regression (found by fuzz_household): an empty region id gave exit 2 and no error.
TEST(HouseholdValidation, EmptyRegionIsAnError) {
  expect_rejected(with(minimal_household(), "/region", ""), "region", "region is empty", "地区为空");
}

TEST(HouseholdValidation, UnknownRegionIsNamedWithTheKnownIds) {
  const auto s = screen_json(with(minimal_household(), "/region", "atlantis-2020"));
  expect_rejected(with(minimal_household(), "/region", "atlantis-2020"), "region", "unknown region 'atlantis-2020'",
                  "未知地区“atlantis-2020”");
  const auto hits = errors_at(s.result, "region");
  ASSERT_EQ(hits.size(), 1u);
  for (const char* id : {"xinmi-2016", "zhongwei-2019", "mingxi-2019", "hebi-2017", "quangang-2020"}) {
    EXPECT_NE(str(hits[0], "message").find(id), std::string::npos) << id;
    EXPECT_NE(str(hits[0], "message_en").find(id), std::string::npos) << id;
  }
}

// ---- impossible combinations -------------------------------------------------------------

TEST(HouseholdValidation, OrphanFlagIsAcceptedTo24AndRejectedFrom25) {
  json h = minimal_household();
  h["members"][0]["orphan"] = true;
  h["members"][0]["age"] = 24;
  expect_accepted(h);
  h["members"][0]["age"] = 25;
  expect_rejected(h, "members[0].orphan", "orphan applies only up to age 24", "24岁及以下");
}

TEST(HouseholdValidation, UnsupportedChildFlagIsAcceptedTo24AndRejectedFrom25) {
  json h = minimal_household();
  h["members"][0]["unsupported_child"] = true;
  h["members"][0]["age"] = 24;
  expect_accepted(h);
  h["members"][0]["age"] = 25;
  expect_rejected(h, "members[0].unsupported_child", "unsupported_child applies only up to age 24", "24岁及以下");
  // false is a fact anyone may state
  h["members"][0]["unsupported_child"] = false;
  expect_accepted(h);
}

TEST(HouseholdValidation, OrphanAndUnsupportedChildTogetherAreRejected) {
  json h = minimal_household();
  h["members"][0] = {{"age", 10}, {"orphan", true}, {"unsupported_child", true}};
  expect_rejected(h, "members[0].unsupported_child", "both an orphan and an unsupported child", "孤儿与事实无人抚养儿童");
}

TEST(HouseholdValidation, AgesThatNoAnswerCanGoWithAreRejected) {
  json h = minimal_household();
  h["members"][0]["employed"] = true;
  h["members"][0]["age"] = 16;
  expect_accepted(h);
  h["members"][0]["age"] = 15;
  expect_rejected(h, "members[0].employed", "under 16 cannot be employed", "未满16周岁不能算就业");
  h = minimal_household();
  h["members"][0]["veteran_5lao"] = true;
  h["members"][0]["age"] = 1;
  expect_rejected(h, "members[0].veteran_5lao", "cannot be under 18", "五老");
  h = minimal_household();
  h["members"].push_back({{"age", 0}, {"relation", "spouse"}});
  expect_rejected(h, "members[1].relation", "a spouse cannot be under 16", "配偶不会未满16周岁");
  h["members"][1]["age"] = 16;
  expect_accepted(h);
}

TEST(HouseholdValidation, DisabilityKindWithGradeZeroIsRejected) {
  json h = minimal_household();
  h["members"][0]["disability_grade"] = 0;
  h["members"][0]["disability_kind"] = "physical";
  expect_rejected(h, "members[0].disability_kind", "disability_grade is 0", "残疾等级为0");
  h["members"][0]["disability_grade"] = 2;
  expect_accepted(h);
}

TEST(HouseholdValidation, TwoHeadsAreRejectedAtTheSecond) {
  json h = minimal_household();
  h["members"] = json::array({{{"age", 45}, {"relation", "head"}}, {{"age", 44}, {"relation", "head"}}});
  expect_rejected(h, "members[1].relation", "only one member can be the head", "户主只能有一位");
  h["members"][1]["relation"] = "spouse";
  expect_accepted(h);
}

TEST(HouseholdValidation, DibaoAndDibaoMarginalTogetherAreRejected) {
  json h = minimal_household();
  h["status"] = {{"dibao", true}, {"dibao_marginal", true}};
  expect_rejected(h, "status.dibao_marginal", "not also dibao_marginal", "低保边缘");
}

// ---- all errors at once ---------------------------------------------------------------

TEST(HouseholdValidation, AllErrorsAreReportedAtOnce) {
  json h = full_household();
  h["hukou"] = "city";
  h["members"][0]["age"] = 131;
  h["assets"]["deposits"] = -1;
  const auto s = screen_json(h);
  ASSERT_TRUE(s.result.is_object()) << s.raw;
  ASSERT_EQ(s.result["errors"].size(), 3u) << fields_of(s.result);
  EXPECT_EQ(errors_at(s.result, "hukou").size(), 1u);
  EXPECT_EQ(errors_at(s.result, "members[0].age").size(), 1u);
  EXPECT_EQ(errors_at(s.result, "assets.deposits").size(), 1u);
  EXPECT_FALSE(s.result.contains("programs"));
}

TEST(HouseholdValidation, UnknownRegionIsReportedWithTheOtherErrors) {
  json h = minimal_household();
  h["region"] = "nowhere";
  h["members"][0]["age"] = -3;
  const auto s = screen_json(h);
  EXPECT_EQ(errors_at(s.result, "region").size(), 1u) << fields_of(s.result);
  EXPECT_EQ(errors_at(s.result, "members[0].age").size(), 1u) << fields_of(s.result);
}

// ---- input that is not a household ---------------------------------------------------------

TEST(HouseholdValidation, TextThatIsNotJsonIsAnErrorForTheWholeInput) {
  for (const std::string text : {"not json", "{\"schema\": 1,", "{\"schema\": 1} trailing", "[1,2", "nul"}) {
    const auto s = screen_text(text);
    SCOPED_TRACE(text);
    ASSERT_TRUE(s.result.is_object()) << s.raw;
    EXPECT_FALSE(s.ok);
    EXPECT_FALSE(s.result.contains("programs"));
    const auto hits = errors_at(s.result, "");
    ASSERT_EQ(hits.size(), 1u) << fields_of(s.result);
    EXPECT_NE(str(hits[0], "message_en").find("not valid JSON"), std::string::npos);
    EXPECT_NE(str(hits[0], "message").find("不是有效的 JSON"), std::string::npos);
    EXPECT_TRUE(s.result["region"].is_null());
  }
}

TEST(HouseholdValidation, EmptyInputSaysSo) {
  for (const std::string text : {"", " ", "\r\n\t"}) {
    const auto s = screen_text(text);
    SCOPED_TRACE(text);
    EXPECT_FALSE(s.ok);
    const auto hits = errors_at(s.result, "");
    ASSERT_EQ(hits.size(), 1u) << s.raw;
    EXPECT_EQ(str(hits[0], "message"), "输入为空，没有家庭数据");
    EXPECT_EQ(str(hits[0], "message_en"), "input is empty: no household");
  }
}

TEST(HouseholdValidation, JsonThatIsNotAnObjectIsRejected) {
  for (const std::string text : {"[]", "1", "\"household\"", "null", "true"}) {
    const auto s = screen_text(text);
    SCOPED_TRACE(text);
    ASSERT_EQ(errors_at(s.result, "").size(), 1u) << s.raw;
    EXPECT_NE(str(errors_at(s.result, "")[0], "message_en").find("must be a JSON object"), std::string::npos);
    EXPECT_FALSE(s.result.contains("programs"));
  }
}

TEST(HouseholdValidation, DuplicateKeysAreNamedByPath) {
  const auto top = screen_text(R"({"schema":1,"region":"quangang-2020","hukou":"rural","hukou":"urban","members":[{"age":45}]})");
  ASSERT_EQ(errors_at(top.result, "hukou").size(), 1u) << top.raw;
  EXPECT_NE(str(errors_at(top.result, "hukou")[0], "message_en").find("duplicate key"), std::string::npos);
  EXPECT_NE(str(errors_at(top.result, "hukou")[0], "message").find("重复"), std::string::npos);
  EXPECT_FALSE(top.result.contains("programs"));

  const auto deep = screen_text(
      R"({"schema":1,"region":"quangang-2020","hukou":"rural","members":[{"age":45},{"age":3,"income_monthly":{"wages":1,"wages":2}}]})");
  EXPECT_EQ(errors_at(deep.result, "members[1].income_monthly.wages").size(), 1u) << deep.raw;
  EXPECT_FALSE(deep.ok);
}

std::string nested(int depth) {
  // `depth` levels of brackets in all, the household object being the first.
  std::string inner;
  for (int i = 0; i < depth - 2; ++i) inner += "[";
  for (int i = 0; i < depth - 2; ++i) inner += "]";
  return R"({"schema":1,"region":"quangang-2020","hukou":"rural","members":[{"age":45}],"x":[)" + inner + "]}";
}

TEST(HouseholdValidation, NestingDeeperThan32IsRejectedBeforeParsing) {
  const auto deep = screen_text(nested(33));
  ASSERT_EQ(errors_at(deep.result, "").size(), 1u) << deep.raw;
  EXPECT_NE(str(errors_at(deep.result, "")[0], "message_en").find("nested too deeply"), std::string::npos);
  EXPECT_NE(str(errors_at(deep.result, "")[0], "message").find("嵌套"), std::string::npos);
  // At 32 levels the document is read: the only complaint is the unknown field.
  const auto ok = screen_text(nested(32));
  EXPECT_EQ(errors_at(ok.result, "x").size(), 1u) << ok.raw;
  EXPECT_TRUE(errors_at(ok.result, "").empty());
  // Very deep input is refused quickly and without recursion.
  const auto hostile = screen_text(std::string(500000, '[') + std::string(500000, ']'));
  EXPECT_EQ(errors_at(hostile.result, "").size(), 1u);
}

std::string wide(int keys) {
  std::string x;
  for (int i = 0; i < keys; ++i) x += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
  return R"({"schema":1,"region":"quangang-2020","hukou":"rural","members":[{"age":45}],"x":{)" + x + "}}";
}

TEST(HouseholdValidation, AnObjectOfMoreThan1000MembersIsRejectedBeforeParsing) {
  // 80,000 keys used to take seconds (the parser's ordered objects search linearly).
  const auto w = screen_text(wide(80000));
  ASSERT_EQ(errors_at(w.result, "").size(), 1u) << w.raw.substr(0, 300);
  EXPECT_NE(str(errors_at(w.result, "")[0], "message_en").find("too many members (over 1000)"), std::string::npos);
  EXPECT_NE(str(errors_at(w.result, "")[0], "message").find("字段过多"), std::string::npos);
  // At 1000 the document is read: the complaint is the unknown field.
  const auto ok = screen_text(wide(1000));
  EXPECT_EQ(errors_at(ok.result, "x").size(), 1u) << ok.raw.substr(0, 300);
  EXPECT_TRUE(errors_at(ok.result, "").empty());
}

TEST(HouseholdValidation, InputLargerThanOneMebibyteIsRejected) {
  const std::string h = minimal_household().dump();
  const auto big = screen_text(h + std::string((1u << 20) - h.size() + 1, ' '));
  ASSERT_EQ(errors_at(big.result, "").size(), 1u) << big.raw;
  EXPECT_NE(str(errors_at(big.result, "")[0], "message_en").find("too large"), std::string::npos);
  EXPECT_NE(str(errors_at(big.result, "")[0], "message").find("过大"), std::string::npos);
  EXPECT_TRUE(screen_text(h + std::string((1u << 20) - h.size(), ' ')).ok) << "exactly 1 MiB is accepted";
}

TEST(HouseholdValidation, InvalidUtf8NeverBreaksTheOutput) {
  const std::vector<std::string> inputs = {
      "{\"schema\":1,\"region\":\"quangang-2020\",\"hukou\":\"\xff\xfe\",\"members\":[{\"age\":45}]}",
      "{\"schema\":1,\"region\":\"\xc3\x28\",\"hukou\":\"rural\",\"members\":[{\"age\":45}]}",
      "{\"\xed\xa0\x80\":1}",
      "{\"schema\":1,\"region\":\"quangang-2020\",\"hukou\":\"\\ud800\",\"members\":[{\"age\":45}]}",
      "\xef\xbb\xbf{\"schema\":1}",
  };
  for (const auto& text : inputs) {
    const auto s = screen_text(text);
    ASSERT_FALSE(s.result.is_discarded()) << "output is not valid JSON (UTF-8): " << s.raw;
    EXPECT_FALSE(s.ok);
    EXPECT_FALSE(s.result["errors"].empty());
  }
}

TEST(HouseholdValidation, LongStringsAreCutInMessagesWithoutBreakingUtf8Output) {
  // A bad enum value of 20 Chinese characters: the message quotes a prefix.
  std::string bad;
  for (int i = 0; i < 20; ++i) bad += "中";
  const auto s = screen_json(with(minimal_household(), "/members/0/relation", bad));
  ASSERT_FALSE(s.result.is_discarded()) << s.raw;
  ASSERT_EQ(errors_at(s.result, "members[0].relation").size(), 1u);
  EXPECT_LT(str(errors_at(s.result, "members[0].relation")[0], "message").size(), 400u);
}

TEST(HouseholdValidation, ControlCharactersInKeysAreEscapedInTheOutput) {
  const auto s = screen_text("{\"schema\":1,\"region\":\"quangang-2020\",\"hukou\":\"rural\",\"members\":[{\"age\":45}],\"a\\u0000\\n\":1}");
  ASSERT_FALSE(s.result.is_discarded()) << s.raw;
  EXPECT_EQ(errors_at(s.result, std::string("a\0\n", 3)).size(), 1u) << s.raw;
}

TEST(HouseholdValidation, HugeNumbersAreErrorsNotCrashes) {
  for (const std::string n : {"1e400", "-1e400", "18446744073709551616", "-9223372036854775809", "1e-400"}) {
    const auto s = screen_text(R"({"schema":1,"region":"quangang-2020","hukou":"rural","members":[{"age":)" + n +
                               R"(,"income_monthly":{"wages":)" + n + "}}]}");
    SCOPED_TRACE(n);
    ASSERT_FALSE(s.result.is_discarded()) << s.raw;
    if (n != "1e-400") {
      EXPECT_FALSE(s.ok) << s.raw;
    }
  }
}

}  // namespace
