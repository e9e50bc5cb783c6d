// Policy tests (Predicate, compiled at load) decided for one household: the outcome,
// and when it is read what would settle an unknown. Apart from context.cpp because
// every condition, note and member criterion of every program comes through here:
// the WebAssembly build compiles this file for speed (wasm/CMakeLists.txt).
#include <algorithm>
#include <optional>
#include <string_view>

#include "context.h"

namespace doudi {
namespace {

template <typename E>
const char* enum_name(E v, std::initializer_list<const char*> names) {
  return *(names.begin() + static_cast<int>(v));
}

const char* ability_name(Ability a) { return enum_name(a, {"full", "partial", "none"}); }
const char* school_name(School s) {
  return enum_name(s, {"none", "preschool", "primary", "junior", "senior", "vocational", "college"});
}
const char* kind_name(DisabilityKind k) {
  return enum_name(k, {"physical", "visual", "hearing", "speech", "intellectual", "mental", "multiple"});
}
const char* event_name(EventKind k) {
  return enum_name(k, {"illness", "injury", "accident", "fire", "lightning", "disaster", "epidemic", "unemployment",
                       "other"});
}

bool listed(const std::vector<std::string>& names, std::string_view v) {
  for (const auto& n : names)
    if (n == v) return true;
  return false;
}

// A test's parts are decided in turn, each adding what would settle it to `missing`
// only when it is unknown (and `missing` is given). Fields gathered for a level are
// kept apart until the level's outcome is known: a part that fails an `all of`, or
// holds in an `any of`, settles it, and the fields gathered so far do not count.
class Gathered {
 public:
  explicit Gathered(Fields* missing) {
    if (missing) fields_.emplace();
  }
  Fields* sink() { return fields_ ? &*fields_ : nullptr; }
  void into(Fields* missing) const {
    if (fields_) missing->add(*fields_);
  }

 private:
  std::optional<Fields> fields_;  // none when nobody reads them: no list to make and drop
};

// All of (Stop = no: the first part that fails decides) or any of (Stop = yes: the
// first that holds decides) n parts, each `part(i, missing)` -> Tri.
template <Tri Stop, typename F>
Tri decide_parts(size_t n, Fields* missing, const F& part) {
  Gathered got(missing);
  Tri v = Stop == Tri::no ? Tri::yes : Tri::no;
  for (size_t i = 0; i < n && v != Stop; ++i) {
    const Tri t = part(i, got.sink());
    v = Stop == Tri::no ? std::min(v, t) : std::max(v, t);
  }
  if (v == Tri::unknown) got.into(missing);
  return v;
}

template <typename F>
Tri all_of_n(size_t n, Fields* missing, const F& part) {
  return decide_parts<Tri::no>(n, missing, part);
}

template <typename F>
Tri any_of_n(size_t n, Fields* missing, const F& part) {
  return decide_parts<Tri::yes>(n, missing, part);
}

// A fact's outcome, its fields to `missing` when it is unknown.
Tri outcome_of(const Fact& f, Fields* missing) {
  if (f.is_unknown() && missing) missing->add(f.missing);
  return f.v;
}

// An answer not given: unknown, naming the field. The field's path is written only
// for a result's `missing` list, later: most answers are given, and building
// "members[0].orphan" for each would be most of the work.
Tri unknown_at(const Field& f, Fields* missing) {
  if (missing) missing->add(f);
  return Tri::unknown;
}

Tri of(bool b) { return b ? Tri::yes : Tri::no; }

Tri negated(Tri t) { return t == Tri::yes ? Tri::no : t == Tri::no ? Tri::yes : Tri::unknown; }

template <typename E>
Tri optional_in(const std::optional<E>& v, const std::vector<std::string>& list, const char* (*name)(E), size_t i, const char* field,
                Fields* missing) {
  if (!v) return unknown_at(Context::field(i, field), missing);
  return of(listed(list, name(*v)));
}

Tri optional_is(const std::optional<bool>& v, bool want, size_t i, const char* field, Fields* missing) {
  if (!v) return unknown_at(Context::field(i, field), missing);
  return of(*v == want);
}

}  // namespace

// One member criterion; `member_all` (the usual form) is decided by the first that fails.
Tri Context::decide_member(size_t i, const Predicate& c, Fields* missing) const {
  const Member& m = h.members[i];
  using Op = Predicate::Op;
  const auto part = [&](size_t k, Fields* sink) { return decide_member(i, c.parts[k], sink); };
  switch (c.op) {
    case Op::member_all: return all_of_n(c.parts.size(), missing, part);
    case Op::min_age: return of(m.age >= c.number);
    case Op::max_age: return of(m.age <= c.number);
    case Op::disabled:
      return m.disability_grade ? of((*m.disability_grade > 0) == c.flag) : unknown_at(field(i, "disability_grade"), missing);
    case Op::disability_grades:
      return m.disability_grade ? of(std::find(c.grades.begin(), c.grades.end(), *m.disability_grade) != c.grades.end())
                                : unknown_at(field(i, "disability_grade"), missing);
    case Op::disability_kinds: return optional_in(m.disability_kind, c.names, kind_name, i, "disability_kind", missing);
    case Op::labor_in: return optional_in(m.labor, c.names, ability_name, i, "labor", missing);
    case Op::self_care_in: return optional_in(m.self_care, c.names, ability_name, i, "self_care", missing);
    case Op::school_in: return optional_in(assumed_school(m), c.names, school_name, i, "school", missing);
    case Op::serious_illness: return optional_is(m.serious_illness, c.flag, i, "serious_illness", missing);
    case Op::orphan: return optional_is(assumed_orphan(m), c.flag, i, "orphan", missing);
    case Op::unsupported_child: return optional_is(m.unsupported_child, c.flag, i, "unsupported_child", missing);
    case Op::veteran_5lao: return optional_is(assumed_veteran_5lao(m), c.flag, i, "veteran_5lao", missing);
    case Op::employed: return optional_is(m.employed, c.flag, i, "employed", missing);
    case Op::in_institution: return optional_is(m.in_institution, c.flag, i, "in_institution", missing);
    case Op::has_capable_supporter: return optional_is(m.has_capable_supporter, c.flag, i, "has_capable_supporter", missing);
    case Op::household: return decide(c.parts.front(), missing);
    case Op::member_any_of: return any_of_n(c.parts.size(), missing, part);
    case Op::listed_by: {
      const Tri t = outcome_of(listed_by(c.names.front(), i), missing);
      return c.flag ? t : negated(t);
    }
    default: return Tri::yes;  // not a member criterion (the loader refuses such files)
  }
}

Tri Context::decide(const Predicate& t, Fields* missing) const {
  using Op = Predicate::Op;
  switch (t.op) {
    case Op::yes: return Tri::yes;
    case Op::status_any:
      return any_of_n(t.names.size(), missing, [&](size_t i, Fields* sink) { return outcome_of(status_flag(t.names[i]), sink); });
    case Op::member_any:
      return any_of_n(size(), missing, [&](size_t i, Fields* sink) { return decide_member(i, t.parts.front(), sink); });
    case Op::hukou_urban: return of(h.hukou == Hukou::urban);
    case Op::hukou_rural: return of(h.hukou == Hukou::rural);
    case Op::program: return outcome_of(earlier_fact(t.names.front()), missing);
    case Op::expense_any:
      return any_of_n(t.names.size(), missing, [&](size_t i, Fields* sink) {
        const auto& x = expense(t.names[i]);
        return x ? of(*x > 0) : unknown_at(expense_field(t.names[i]), sink);
      });
    case Op::event_any:
      if (!h.events) return unknown_at(Field{"events"}, missing);
      return any_of_n(h.events->size(), missing, [&](size_t i, Fields* sink) {
        const Event& e = (*h.events)[i];
        if (!t.names.empty() && !listed(t.names, event_name(e.kind))) return Tri::no;
        if (!e.months_ago) return unknown_at(Field{"events", i, "months_ago"}, sink);
        return of(*e.months_ago <= 12);
      });
    case Op::date_between: return of(t.from <= day && day <= t.to);
    case Op::any_of: return any_of_n(t.parts.size(), missing, [&](size_t i, Fields* sink) { return decide(t.parts[i], sink); });
    case Op::all_of: return all_of_n(t.parts.size(), missing, [&](size_t i, Fields* sink) { return decide(t.parts[i], sink); });
    case Op::negate: return negated(decide(t.parts.front(), missing));
    case Op::recognised_poor: return outcome_of(recognised_poor(), missing);
    default: return Tri::unknown;  // {"assessment": …}: left to officials' judgement
  }
}

Fact Context::member_matches(size_t i, const Predicate& where) const {
  Fact f;
  f.v = decide_member(i, where, &f.missing);
  return f;
}

Fact Context::holds(const Predicate& test) const {
  Fact f;
  f.v = decide(test, &f.missing);
  return f;
}

Tri Context::member_outcome(size_t i, const Predicate& where) const { return decide_member(i, where, nullptr); }
Tri Context::outcome(const Predicate& test) const { return decide(test, nullptr); }

}  // namespace doudi
