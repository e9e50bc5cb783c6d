// Policy tests compiled at load (Predicate): each form decides as its JSON says,
// with the missing answer named; malformed input compiles to `unknown`, never throws.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "context.h"
#include "doudi/screen.h"
#include "household.h"

namespace {

using doudi::compile_test;
using doudi::compile_where;
// Tests are written as nlohmann literals and handed to the core as text.
using json = nlohmann::json;
doudi::Json core(const json& j) { return doudi::parse_json(j.dump(), 32).value; }
using doudi::Tri;

struct Fixture {
  doudi::Household h;
  const doudi::Policy* policy = doudi::embedded_policies().find("hebi-2017");
  explicit Fixture(const char* text) : h(doudi::parse_household(text).household) {}
  doudi::Context ctx() const { return doudi::Context(h, *policy, policy->document.effective_from); }
};

const char* kHousehold =
    R"({"schema":1,"region":"hebi-2017","hukou":"urban","members":[)"
    R"({"age":70,"disability_grade":2,"disability_kind":"physical","labor":"none"},{"age":16,"school":"senior"}],)"
    R"("status":{"dibao":true},"expenses_yearly":{"medical":3000},"events":[{"kind":"fire","months_ago":2}]})";

Tri holds(const Fixture& f, const json& test) { return f.ctx().holds(compile_test(core(test))).v; }
Tri member(const Fixture& f, size_t i, const json& where) { return f.ctx().member_matches(i, compile_where(core(where))).v; }

TEST(Predicate, HouseholdTests) {
  const Fixture f(kHousehold);
  EXPECT_EQ(holds(f, nullptr), Tri::yes);
  EXPECT_EQ(holds(f, {{"status_any", {"tekun", "dibao"}}}), Tri::yes);
  EXPECT_EQ(holds(f, {{"hukou", "urban"}}), Tri::yes);
  EXPECT_EQ(holds(f, {{"hukou", "rural"}}), Tri::no);
  EXPECT_EQ(holds(f, {{"expense_any", {"medical"}}}), Tri::yes);
  EXPECT_EQ(holds(f, {{"event_any", {"illness"}}}), Tri::no);
  EXPECT_EQ(holds(f, {{"event_any", {"fire"}}}), Tri::yes);
  EXPECT_EQ(holds(f, {{"member_any", {{"min_age", 80}}}}), Tri::no);
  EXPECT_EQ(holds(f, {{"not", {{"member_any", {{"school_in", {"senior"}}}}}}}), Tri::no);
  EXPECT_EQ(holds(f, {{"all_of", {{{"hukou", "urban"}}, {{"status_any", {"dibao"}}}}}}), Tri::yes);
  EXPECT_EQ(holds(f, {{"date_between", {"2017-01-01", "2030-12-31"}}}), Tri::yes);
  EXPECT_EQ(holds(f, {{"assessment", "基本生活困难"}}), Tri::unknown);
  // An answer not given: unknown, naming the field.
  const Fixture g(R"({"schema":1,"region":"hebi-2017","hukou":"rural","members":[{"age":40}]})");
  const doudi::Fact low = g.ctx().holds(compile_test(core({{"status_any", {"low_income"}}})));
  EXPECT_TRUE(low.is_unknown());
  ASSERT_EQ(low.missing.size(), 1u);
  EXPECT_EQ(low.missing[0].path(), "status.low_income");
}

TEST(Predicate, MemberCriteria) {
  const Fixture f(kHousehold);
  EXPECT_EQ(member(f, 0, {{"min_age", 60}, {"disability_grades", {1, 2}}}), Tri::yes);
  EXPECT_EQ(member(f, 0, {{"min_age", 60}, {"disability_kinds", {"visual"}}}), Tri::no);
  EXPECT_EQ(member(f, 1, {{"max_age", 17}, {"school_in", {"senior", "vocational"}}}), Tri::yes);
  EXPECT_EQ(member(f, 1, {{"any_of", {{{"min_age", 60}}, {{"max_age", 16}}}}}), Tri::yes);
  EXPECT_EQ(member(f, 0, {{"household", {{"status_any", {"dibao"}}}}}), Tri::yes);
  const doudi::Fact sick = f.ctx().member_matches(1, compile_where(core({{"serious_illness", true}})));
  EXPECT_TRUE(sick.is_unknown());
  ASSERT_EQ(sick.missing.size(), 1u);
  EXPECT_EQ(sick.missing[0].path(), "members[1].serious_illness");
}

TEST(Predicate, MalformedInputCompilesWithoutThrowing) {
  const Fixture f(kHousehold);
  EXPECT_EQ(holds(f, {{"date_between", {"2017-02-30", 5}}}), Tri::unknown);
  EXPECT_EQ(holds(f, {{"no_such_test", 1}}), Tri::unknown);
  EXPECT_EQ(holds(f, json::array({1, 2})), Tri::unknown);
  EXPECT_EQ(member(f, 0, {{"min_age", "sixty"}}), Tri::yes);  // ignored, as the loader refuses it
  EXPECT_EQ(holds(f, {{"program", 7}}), Tri::unknown);
  // Found by fuzz_policy: numbers outside int's range were converted (undefined behaviour).
  EXPECT_EQ(member(f, 0, {{"disability_grades", {-1e300, 2}}}), Tri::yes);
  EXPECT_EQ(member(f, 0, {{"min_age", 1e300}}), Tri::yes);
  EXPECT_EQ(member(f, 0, {{"max_age", 18446744073709551615ULL}}), Tri::yes);
}

}  // namespace
