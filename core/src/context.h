// What every evaluator needs to know about one household under one policy:
// the facts in the household, the policy's income rules and the results of
// programs evaluated before (a program may rest on another, e.g. 城市困难家庭).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "decision.h"
#include "household.h"
#include "policy.h"

namespace doudi {

// 家庭收入核算 under the policy's rules (all monthly, fen).
struct HouseholdIncome {
  std::optional<Fen> counted;      // counted income; nullopt if any member's income is unknown
  Fen not_counted = 0;             // income the policy leaves out (e.g. 城乡居民基本养老保险金)
  Fen deductions = 0;              // 刚性支出 deducted (yearly costs / 12)
  Fen deductions_cap = 0;          // …or the most they could take, when the policy deducts
                                   // them 按规定 without the rule (泉港): then none is in `deductions`
  Fen costs = 0;                   // the deductible costs per month (not cut to the income)
  Fields deductions_ask;           // answers that would say whether a cost counts at all
                                   // (鹤壁: a serious illness, a student at 大中专)
  Fields missing;             // fields that would settle `counted`
  Fields deductions_missing;  // deductible costs not given
  Fen employment_cost_cap = 0;     // the most 就业成本 could take, when the policy
                                   // deducts it at an unstated rate: the wages of
                                   // employed members, each at most the bound
  bool employment_cost_unknown = false;
  Fields employment_cost_missing;  // what settles whether it applies at all (鹤壁: 低保家庭 only)
  std::optional<Reason> employment_cost_bound;  // why the cap is below the wages
};

// The 低保标准 that applies to this household (monthly per person).
struct Standard {
  std::optional<Fen> monthly;
  std::string text;   // "低保标准720元/月（8640元/年）" or why it is not known
  Source source;
  // When the document leaves it unstated: what it cannot exceed, and why.
  std::optional<Fen> max_monthly;
  Reason max_reason;
  std::optional<Fen> min_monthly;  // …and what it cannot be below, and why
  Reason min_reason;
};

class Context {
 public:
  // `explain` false: decide statuses and amounts without writing reasons (the
  // roster); with `facts`, still keep what settles an unknown (`missing`).
  Context(const Household& h, const Policy& p, Date day, bool explain = true, bool facts = false);

  const Household& h;
  const Policy& policy;
  const Date day;
  const bool explain;
  const bool facts;

  size_t size() const { return h.members.size(); }
  std::string who(size_t i) const;                    // "成员1（45岁）"
  static Field field(size_t i, const char* name) { return {"members", i, name}; }  // members[i].name

  const HouseholdIncome& income() const { return income_; }
  // One yearly out-of-pocket cost by kind ("medical", "education", "disaster").
  const std::optional<Fen>& expense(std::string_view kind) const;
  static Field expense_field(std::string_view kind);  // expenses_yearly.<kind>
  // The yearly costs given, added up; the kinds not given go to `missing` as field paths.
  Fen yearly_expenses(Fields* missing) const;
  // A member's own counted income (for 特困 无生活来源), nullopt if not given.
  std::optional<Fen> member_income(size_t i) const;
  // Whether the policy leaves this kind of income out on `day`.
  bool not_counted(IncomeKind k) const { return not_counted_[static_cast<int>(k)]; }
  // The most of a member's 城乡居民基本养老保险金 left out, when only its centrally
  // set 基础养老金 is (income.pension_basic_not_counted_max); nullopt: all of it, if any.
  const std::optional<Fen>& pension_not_counted_max() const { return pension_max_; }
  const Standard& dibao_standard() const;

  // The household is recognised as poor (低保, 特困, 低收入, 低保边缘, 建档立卡).
  Fact recognised_poor() const;
  Fact status_flag(std::string_view name) const;  // status.dibao etc.

  // The status of a program evaluated before this one, and the members it covers.
  // `missing`: what would settle it when it is maybe, so that a program resting on
  // it asks the same (明溪's 城市困难家庭 on 低保's deposits).
  void record(const ProgramResult& r, Fields missing);
  std::optional<Status> earlier(std::string_view id) const;
  // An earlier program as a fact: yes when eligible, unknown (with its missing
  // fields) when maybe, no when ineligible; unknown when not evaluated.
  Fact earlier_fact(std::string_view id) const;
  // Whether an earlier program covers member i: yes when it does and the program is
  // eligible, unknown when it may apply, no otherwise (or not yet evaluated: unknown).
  Fact listed_by(std::string_view id, size_t i) const;

  // A member predicate from policy data, e.g. {"min_age": 60}, compiled at load.
  Fact member_matches(size_t i, const Predicate& where) const;
  // A household predicate from policy data (notes' `when`, generic criteria).
  Fact holds(const Predicate& test) const;
  // The same tests' outcomes alone, for callers that do not read what would settle
  // them (which members a program covers; conditions when nothing is explained or
  // asked): no list of fields is made and dropped at every step of the test.
  Tri member_outcome(size_t i, const Predicate& where) const;
  Tri outcome(const Predicate& test) const;

 private:
  // holds and outcome, member_matches and member_outcome: the outcome, and with
  // `missing` what would settle it when unknown.
  Tri decide(const Predicate& test, Fields* missing) const;
  Tri decide_member(size_t i, const Predicate& where, Fields* missing) const;
  HouseholdIncome compute_income() const;
  Standard compute_standard() const;
  mutable std::optional<Standard> standard_;
  HouseholdIncome income_;
  bool not_counted_[kIncomeKinds] = {};  // income kinds the policy leaves out, on `day`
  bool nobody_at_school_ = false;        // every member is (assumed) not at school
  std::optional<Fen> pension_max_;
  struct Earlier {
    std::string_view id;
    Status status;
    std::uint32_t members;  // bit i: member i (a household has at most 20)
    Fields missing;
  };
  std::vector<Earlier> earlier_;  // a dozen programs: a list
  const Earlier* find_earlier(std::string_view id) const;
};

// 以下/以上 include the number itself (《民法典》第一千二百五十九条).
// The school answer, taken as `none` when not given for ages outside 3-29.
std::optional<School> assumed_school(const Member& m);
std::optional<bool> assumed_veteran_5lao(const Member& m);  // unasked under 40: no
std::optional<bool> assumed_orphan(const Member& m);        // unasked of the 户主's 子女: no
bool is_elderly(const Member& m);          // 60周岁以上, 《老年人权益保障法》第二条
bool is_minor(const Member& m);            // 未满18周岁, 《未成年人保护法》第二条
Fact severe_disability(const Member& m, size_t i);  // 残疾等级一、二级 (重度)

}  // namespace doudi
