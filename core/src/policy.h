// A policy document as data: its programs, their parameters (each with a unit,
// dated values and a cited clause), where to apply, and the clause texts.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "date.h"
#include "money.h"
#include "strict_json.h"

namespace doudi {

// A citation. Its texts are views: into string literals (national rules cited
// in code) or into the policy's own `texts`, both of which outlive every
// result. Reasons copy their source a great many times per household, so a
// copy must not allocate.
struct Source {
  std::string_view doc;     // 文号, or the title of a national rule with its number
  std::string_view clause;  // e.g. "二、3" or "第十二条"
};

// Where a loaded policy keeps the texts its Sources view (a deque never moves them).
using TextPool = std::deque<std::string>;

struct DatedValue {
  std::optional<Date> from, to;  // inclusive; absent = open
  json value;                    // null = the document does not state it
  std::optional<Source> source;  // overrides the parameter's source
  std::vector<std::string> list;  // a list's strings, read once at load (list_at)
  // Those of them that name income kinds, a bit per IncomeKind, also read at load
  // (income_kinds_at): income rules are applied to every member of every household.
  std::uint32_t income_kinds = 0;
};

// What a figure the document leaves unstated cannot exceed, from another cited
// source (e.g. the highest such figure published anywhere in China). It lets a
// clear case be decided: 7000元 a head is above any 低保标准 in the country.
struct Bound {
  json amount;             // in the parameter's unit: the most (bound) or the least (floor)
  std::optional<Date> to;  // the bound holds up to this day; absent = open
  Source source;
  std::string note;  // what the bound is and why it holds
};

// One parameter. Its unit fixes how the value is read: money units
// ("yuan/person/month") hold yuan, "ratio" a fraction, "list" strings, ...
struct Param {
  std::string name, label, unit, note;
  Source source;
  std::vector<DatedValue> values;
  std::optional<Bound> bound;  // only for a money figure the document leaves unstated
  // …and what it cannot fall below (鹤壁's 低保标准 after 2017: not below the 2017 figure,
  // standards are only raised): `min` in the file, the same shape otherwise.
  std::optional<Bound> floor;

  // The value in force on `day`, or nullptr when none is (or it is null).
  const DatedValue* at(Date day) const;
  bool is_money() const { return unit.rfind("yuan/", 0) == 0; }
  // Why there is no value on `day`: the dates the document covers, or its note.
  std::string unstated(Date day) const;
};

// Where and how to apply. `sources` are the clauses the office, the steps and the
// time limit rest on (shown on the site and the region pages, not in every result);
// the documents to bring are the usual ones, which no document lists in full.
// `note` says what the sources leave open (a document that names only the office).
struct Apply {
  std::string where;
  std::vector<std::string> documents;
  std::vector<std::string> steps;
  std::string time_limit;
  std::string note;
  std::vector<Source> sources;
};

// A test written in a policy file ({"status_any": ["dibao"]}, {"min_age": 60}, …),
// compiled once at load so that screening a household never walks JSON.
// kinds.cpp's check_test / check_member_where say which forms are allowed;
// context.cpp decides them for a household.
struct Predicate {
  enum class Op : std::uint8_t {
    // household tests
    yes,          // no test at all
    unknown,      // {"assessment": …}: left to officials' judgement
    status_any, member_any, hukou_urban, hukou_rural, program, expense_any, event_any, date_between,
    any_of, all_of, negate, recognised_poor,
    // member tests: `member_all` holds when every part does ({"min_age": 60, "disabled": true})
    member_all, min_age, max_age, disabled, disability_grades, disability_kinds, labor_in, self_care_in,
    school_in, serious_illness, orphan, unsupported_child, veteran_5lao, employed, in_institution, has_capable_supporter,
    household, member_any_of,
    listed_by  // the member is one an earlier program covers (`flag` false: is not), names[0] its id
  };
  Op op = Op::yes;
  int number = 0;                  // min_age, max_age
  bool flag = false;               // the yes/no member criteria
  std::vector<std::string> names;  // statuses, expense or event kinds, enum values; program id
  std::vector<int> grades;         // disability_grades
  Date from, to;                   // date_between
  std::vector<Predicate> parts;    // any_of, all_of, not, member_any, household, member_all
};

// Compile a household test / member criteria that passed check_test /
// check_member_where; anything else becomes `unknown` (never thrown).
Predicate compile_test(const json& test);
Predicate compile_where(const json& where);

// A criterion written as data: a test, what to say when it holds, fails or is
// unknown (each defaults to `yes`), and the clause it rests on.
struct Condition {
  Predicate test;
  std::string yes, no, unknown;
  Source source;
  // The condition narrows the ones before it (中卫 集中养护: of the severely disabled,
  // those not in 特困供养): once an earlier one is refused, it has nothing to say.
  bool narrows = false;
};

// A note shown with a program's result when its `when` predicate holds.
struct ProgramNote {
  std::string text;
  Source source;
  Predicate when;             // `yes` when the file gives none
  bool if_may_apply = false;  // only with an eligible or maybe result (e.g. "可增发10%")
};

struct KindSpec;  // programs.h: the evaluator of a kind and the parameters it reads

// Parameters by name, in the file's order. A list, not a map: a program has a
// handful, looked up by literal names many times a household, and comparing a
// few names in a row costs less than walking a tree's nodes to them.
using Params = std::vector<std::pair<std::string, Param>>;
const Param* find_param(const Params& params, std::string_view name);  // nullptr when absent

struct Program {
  std::string id, kind, name, summary;
  const KindSpec* spec = nullptr;  // the kind's, found once at load
  Params params;
  std::vector<Condition> conditions;  // criteria written as data, applied before the kind's own
  std::optional<Predicate> members_where;  // the generic kind: which members a per-person program covers
  std::vector<ProgramNote> notes;
  Apply apply;
  std::string apply_json;  // `apply` serialised once at load: it is the same for every household
  std::u16string apply_json16;  // the same as UTF-16, for results written for JavaScript

  const Param* param(std::string_view name) const;
};

struct Policy {
  std::string id;
  struct {
    std::string title, doc, issuer, region, seed;
    Date issued;
    Date effective_from;
    std::optional<Date> effective_to;
  } document;
  // 家庭收入核算: which incomes do not count, which costs are deducted.
  Params income;
  std::vector<Program> programs;
  std::map<std::string, std::string, std::less<>> clauses;  // clause id -> text, for tap-to-read
  json raw;                                    // the file as loaded, for policy_json
  std::unique_ptr<TextPool> texts;             // what the Sources above view (move-only, never copied)

  const Program* program(std::string_view id) const;
  const Param* income_param(std::string_view name) const;
};

struct LoadProblem {
  std::string path;
  std::string message;
};

struct PolicyLoad {
  std::optional<Policy> policy;
  std::vector<LoadProblem> problems;
};

// Strict: unknown or duplicate keys, non-ISO dates, a parameter without source
// or unit, a null value without a note, an unknown kind or program id are errors.
PolicyLoad load_policy(std::string_view id, std::string_view text);

// Typed reads of a parameter's value on a day. Each returns nullopt when the
// value is not stated (null) or no value is in force that day.
std::optional<Fen> money_at(const Param* p, Date day);            // yuan -> fen, as written
std::optional<Fen> monthly_money_at(const Param* p, Date day);    // per month: /year values divided by 12
std::optional<double> number_at(const Param* p, Date day);
// A list's strings (empty when absent or unstated); they live as long as the policy.
const std::vector<std::string>& list_at(const Param* p, Date day);
// The income kinds a list names, as bits (1u << IncomeKind); 0 when absent or unstated.
std::uint32_t income_kinds_at(const Param* p, Date day);
bool flag_at(const Param* p, Date day);  // absent or unstated = false
// The bound of an unstated money figure on `day`, per month like monthly_money_at.
std::optional<Fen> monthly_bound_at(const Param* p, Date day);
std::optional<Fen> monthly_floor_at(const Param* p, Date day);

}  // namespace doudi
