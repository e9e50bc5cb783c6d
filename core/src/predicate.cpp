// Policy tests compiled at load (policy.h's Predicate). Input has passed
// kinds.cpp's checks when a policy is kept, but this never assumes it: every
// access is type-checked, and what is not understood compiles to `unknown`.
#include <optional>
#include <utility>

#include "policy.h"

namespace doudi {
namespace {

using Op = Predicate::Op;

// A whole number in int's range, or nothing: get<int>() on 1e300 is undefined
// behaviour (found by fuzz_policy: a file the loader then refused was compiled first).
std::optional<int> small_integer(const json& v) {
  if (!v.is_number_integer()) return std::nullopt;
  if (v.is_number_unsigned()) {
    const auto u = v.get<unsigned long long>();
    return u <= 100000 ? std::optional<int>(static_cast<int>(u)) : std::nullopt;
  }
  const auto n = v.get<long long>();
  return n >= -100000 && n <= 100000 ? std::optional<int>(static_cast<int>(n)) : std::nullopt;
}

std::vector<std::string> names_of(const json& list) {
  std::vector<std::string> out;
  if (list.is_array())
    for (const auto& x : list)
      if (x.is_string()) out.push_back(x.get<std::string>());
  return out;
}

Predicate make(Op op) {
  Predicate p;
  p.op = op;
  return p;
}

Predicate with_part(Op op, Predicate part) {
  Predicate p = make(op);
  p.parts.push_back(std::move(part));
  return p;
}

Predicate with_names(Op op, const json& list) {
  Predicate p = make(op);
  p.names = names_of(list);
  return p;
}

// One member criterion: {"min_age": 60} is (min_age, 60).
Predicate member_criterion(const std::string& k, const json& v) {
  static const std::pair<const char*, Op> kFlags[] = {
      {"disabled", Op::disabled},     {"serious_illness", Op::serious_illness},
      {"orphan", Op::orphan},         {"unsupported_child", Op::unsupported_child},
      {"veteran_5lao", Op::veteran_5lao}, {"employed", Op::employed},
      {"in_institution", Op::in_institution},   {"has_capable_supporter", Op::has_capable_supporter}};
  static const std::pair<const char*, Op> kLists[] = {
      {"disability_kinds", Op::disability_kinds}, {"labor_in", Op::labor_in},
      {"self_care_in", Op::self_care_in},         {"school_in", Op::school_in}};
  if (k == "min_age" || k == "max_age") {
    const auto age = small_integer(v);
    if (!age) return make(Op::unknown);
    Predicate p = make(k == "min_age" ? Op::min_age : Op::max_age);
    p.number = *age;
    return p;
  }
  for (const auto& [name, op] : kFlags)
    if (k == name && v.is_boolean()) {
      Predicate p = make(op);
      p.flag = v.get<bool>();
      return p;
    }
  for (const auto& [name, op] : kLists)
    if (k == name) return with_names(op, v);
  if (k == "disability_grades") {
    Predicate p = make(Op::disability_grades);
    if (v.is_array())
      for (const auto& g : v)
        if (const auto grade = small_integer(g)) p.grades.push_back(*grade);
    return p;
  }
  if (k == "household") return with_part(Op::household, compile_test(v));
  if ((k == "listed_by" || k == "not_listed_by") && v.is_string()) {
    Predicate p = with_names(Op::listed_by, json::array({v}));
    p.flag = k == "listed_by";
    return p;
  }
  if (k == "any_of") {
    Predicate p = make(Op::member_any_of);
    if (v.is_array())
      for (const auto& w : v) p.parts.push_back(compile_where(w));
    return p;
  }
  return make(Op::unknown);
}

}  // namespace

Predicate compile_where(const json& where) {
  Predicate p = make(Op::member_all);
  if (where.is_object())
    for (auto it = where.begin(); it != where.end(); ++it) p.parts.push_back(member_criterion(it.key(), it.value()));
  return p;
}

Predicate compile_test(const json& test) {
  if (test.is_null() || (test.is_object() && test.empty())) return make(Op::yes);
  if (!test.is_object()) return make(Op::unknown);
  const std::string& k = test.begin().key();
  const json& v = test.begin().value();
  if (k == "status_any") return with_names(Op::status_any, v);
  if (k == "expense_any") return with_names(Op::expense_any, v);
  if (k == "event_any") return with_names(Op::event_any, v);
  if (k == "hukou") return make(v == "urban" ? Op::hukou_urban : Op::hukou_rural);
  if (k == "recognised_poor") return make(Op::recognised_poor);
  if (k == "program" && v.is_string()) return with_names(Op::program, json::array({v}));
  if (k == "member_any") return with_part(Op::member_any, compile_where(v));
  if (k == "date_between") {
    const std::vector<std::string> d = names_of(v);
    const auto from = d.size() == 2 ? parse_date(d[0]) : std::nullopt, to = d.size() == 2 ? parse_date(d[1]) : std::nullopt;
    if (!from || !to) return make(Op::unknown);
    Predicate p = make(Op::date_between);
    p.from = *from;
    p.to = *to;
    return p;
  }
  if (k == "any_of" || k == "all_of" || k == "not") {
    if (k == "not") return with_part(Op::negate, compile_test(v));
    Predicate p = make(k == "any_of" ? Op::any_of : Op::all_of);
    if (v.is_array())
      for (const auto& t : v) p.parts.push_back(compile_test(t));
    return p;
  }
  return make(Op::unknown);  // {"assessment": "…"}: officials decide
}

}  // namespace doudi
