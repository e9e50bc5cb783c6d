// The household as the contract describes it. Every optional fact is a
// std::optional: "not given" (absent or null, e.g. 不清楚) is different from
// false or 0, and a program that needs a missing fact answers `maybe`.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "money.h"
#include "json_tree.h"
#include "strict_json.h"

namespace doudi {

enum class Hukou { urban, rural };
enum class Relation { head, spouse, child, parent, grandchild, grandparent, sibling, other };
enum class Ability { full, partial, none };  // 劳动能力 / 生活自理能力
enum class School { none, preschool, primary, junior, senior, vocational, college };
enum class DisabilityKind { physical, visual, hearing, speech, intellectual, mental, multiple };
enum class EventKind { illness, injury, accident, fire, lightning, disaster, epidemic, unemployment, other };

// Income kinds in contract order; which count is the policy's decision.
enum class IncomeKind { wages, business, property, pension_basic, pension_other, honors, student_aid, transfers, other };
constexpr int kIncomeKinds = 9;
const char* income_kind_name(IncomeKind k);
std::optional<IncomeKind> income_kind_from(std::string_view name);
const char* income_kind_zh(IncomeKind k);

struct Member {
  int age = 0;
  std::optional<Relation> relation;
  std::optional<Ability> labor;
  std::optional<Ability> self_care;
  std::optional<int> disability_grade;  // 0 none, 1-4 as on the 残疾人证
  std::optional<DisabilityKind> disability_kind;
  std::optional<bool> serious_illness;
  std::optional<School> school;
  std::optional<bool> orphan;
  std::optional<bool> unsupported_child;
  std::optional<bool> in_institution;
  std::optional<bool> has_capable_supporter;
  std::optional<bool> employed;
  std::optional<bool> newly_employed;
  std::optional<bool> veteran_5lao;
  // Monthly income by kind; absent when income_monthly was not given at all
  // (kinds left out of a given object are 0).
  std::optional<std::array<Fen, kIncomeKinds>> income_monthly;
};

struct Event {
  EventKind kind = EventKind::other;
  std::optional<int> months_ago;
  std::optional<Fen> cost;
  std::optional<Fen> compensated;
};

struct Household {
  std::string region;
  std::optional<Date> as_of;
  Hukou hukou = Hukou::rural;
  std::vector<Member> members;
  struct {
    std::optional<Fen> deposits;
    std::optional<double> housing_area_m2;
    std::optional<bool> owns_home;
  } assets;
  struct {
    std::optional<Fen> medical, education, disaster;
  } expenses_yearly;
  struct {
    std::optional<bool> dibao, tekun, low_income, dibao_marginal, poverty_registered;
    std::optional<int> months_on_dibao;
  } status;
  std::optional<std::vector<Event>> events;
  std::optional<int> temporary_aid_this_year;
};

struct FieldError {
  std::string field;
  std::string message;
  std::string message_en;
};

struct HouseholdParse {
  Household household;
  std::vector<FieldError> errors;  // all of them, not only the first
};

// Reads and validates a household JSON document (schema 1). Region existence is
// checked by the caller, which knows the policies.
// Plain input takes a fast path (json_tree.h); the rest goes through the strict parser.
HouseholdParse parse_household(std::string_view text);
HouseholdParse read_household(const json& doc);
HouseholdParse read_household(const JsonNode& doc);

}  // namespace doudi
