#include "context.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace doudi {
namespace {


bool in_list(const json& list, const std::string& v) {
  for (const auto& x : list)
    if (x.is_string() && x.get_ref<const std::string&>() == v) return true;
  return false;
}

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

// The field's path is written only when the answer is missing: most are given,
// and building "members[0].orphan" for each would be most of the work.
template <typename E>
Fact optional_in(const std::optional<E>& v, const json& list, const char* (*name)(E), size_t i, const char* field) {
  if (!v) return Fact::unknown({Context::field(i, field)});
  return Fact::of(in_list(list, name(*v)));
}

Fact optional_is(const std::optional<bool>& v, bool want, size_t i, const char* field) {
  if (!v) return Fact::unknown({Context::field(i, field)});
  return Fact::of(*v == want);
}

}  // namespace

std::optional<School> assumed_school(const Member& m) {
  // Nobody asks a toddler or a grandparent which school they attend.
  if (!m.school && (m.age < 3 || m.age >= 30)) return School::none;
  return m.school;
}

std::optional<bool> assumed_veteran_5lao(const Member& m) {
  // 革命“五老”人员 (老党员、老游击队员、老接头户、老交通员、老苏区干部) served before
  // 1949; nobody asks a child. The questionnaire asks from 40 (questions.js).
  if (!m.veteran_5lao && m.age < 40) return false;
  return m.veteran_5lao;
}

bool is_elderly(const Member& m) { return m.age >= 60; }
bool is_minor(const Member& m) { return m.age < 18; }

Fact severe_disability(const Member& m, size_t i) {
  if (!m.disability_grade) return Fact::unknown({Context::field(i, "disability_grade")});
  return Fact::of(*m.disability_grade == 1 || *m.disability_grade == 2);
}

Context::Context(const Household& hh, const Policy& p, Date d) : h(hh), policy(p), day(d) {
  for (const auto& name : list_at(policy.income_param("not_counted"), day).value_or(std::vector<std::string>{}))
    if (const auto k = income_kind_from(name)) not_counted_[static_cast<int>(*k)] = true;
  income_ = compute_income();
}

std::string Context::who(size_t i) const {
  return "成员" + std::to_string(i + 1) + "（" + std::to_string(h.members[i].age) + "岁）";
}

std::string Context::field(size_t i, const char* name) { return path_key(path_index("members", i), name); }

const std::optional<Fen>& Context::expense(std::string_view kind) const {
  const auto& e = h.expenses_yearly;
  return kind == "medical" ? e.medical : kind == "education" ? e.education : e.disaster;
}

Fen Context::yearly_expenses(std::vector<std::string>* missing) const {
  Fen sum = 0;
  for (const char* kind : {"medical", "education", "disaster"}) {
    if (const auto& v = expense(kind)) sum += *v;
    else missing->push_back(std::string("expenses_yearly.") + kind);
  }
  return sum;
}

std::optional<Fen> Context::member_income(size_t i) const {
  const auto& inc = h.members[i].income_monthly;
  if (!inc) return std::nullopt;
  Fen sum = 0;
  for (int k = 0; k < kIncomeKinds; ++k)
    if (!not_counted_[k]) sum += (*inc)[k];
  return sum;
}

HouseholdIncome Context::compute_income() const {
  HouseholdIncome out;
  Fen counted = 0, total = 0;
  for (size_t i = 0; i < size(); ++i) {
    const auto& inc = h.members[i].income_monthly;
    if (!inc) {
      out.missing.push_back(field(i, "income_monthly"));
      continue;
    }
    for (Fen v : *inc) total += v;
    counted += *member_income(i);
  }
  if (out.missing.empty()) {
    out.counted = counted;
    out.not_counted = total - counted;
  }
  // 刚性支出: yearly costs over the last 12 months, deducted per month.
  Fen yearly = 0;
  for (const auto& kind : list_at(policy.income_param("deducted_expenses"), day).value_or(std::vector<std::string>{})) {
    const std::optional<Fen>* v = &expense(kind);
    if (*v) yearly += **v;
    else out.deductions_missing.push_back("expenses_yearly." + kind);
  }
  // Deducted costs can bring the income to 0, not below: 低保 pays at most the standard.
  out.deductions = div_round(yearly, 12);
  if (out.counted) out.deductions = std::min(out.deductions, *out.counted);
  // 就业成本: deducted for working members at a rate the document leaves to the
  // county; it can never exceed their wages, nor the policy's bound per worker.
  const Param* cost = policy.income_param("employment_cost");
  if (cost && !money_at(cost, day)) {
    const bool only_dibao = flag_at(policy.income_param("employment_cost_only_dibao"), day);
    if (!only_dibao || h.status.dibao.value_or(false)) {
      const std::optional<Fen> bound = monthly_bound_at(cost, day);
      bool bounded = false;
      for (const Member& m : h.members) {
        if (!m.income_monthly) continue;
        const Fen wages = (*m.income_monthly)[0];
        // Wages mean work: an unanswered `employed` does not rule the deduction out.
        if (!m.employed.value_or(wages > 0)) continue;
        bounded = bounded || (bound && wages > *bound);
        out.employment_cost_cap += bound ? std::min(wages, *bound) : wages;
      }
      out.employment_cost_unknown = out.employment_cost_cap > 0;
      if (bounded) out.employment_cost_bound = Reason{cost->bound->note, cost->bound->source};
    }
  }
  return out;
}

const Standard& Context::dibao_standard() const {
  if (!standard_) standard_ = compute_standard();  // several programs rest on it
  return *standard_;
}

Standard Context::compute_standard() const {
  Standard s;
  const Program* dibao = policy.program("dibao");
  if (!dibao) return s;
  const bool urban = h.hukou == Hukou::urban;
  const Param* p = dibao->param(urban ? "standard_urban" : "standard_rural");
  const char* label = urban ? "城市低保标准" : "农村低保标准";
  if (p) {
    s.source = p->source;
    if (const DatedValue* dv = p->at(day); dv && dv->source) s.source = *dv->source;
    s.monthly = monthly_money_at(p, day);
    if (s.monthly) {
      s.text = std::string(label) + yuan_text(*s.monthly) + "元/月";
      if (p->unit == "yuan/person/year") s.text += "（" + yuan_text(*money_at(p, day)) + "元/年）";
    } else {
      s.text = std::string(label) + "：" + p->unstated(day);
      if ((s.max_monthly = monthly_bound_at(p, day))) s.max_reason = {p->bound->note, p->bound->source};
    }
    return s;
  }
  // 明溪: the standard is a share of the county minimum wage.
  const Param* ratio = dibao->param("standard_min_wage_ratio");
  const Param* wage = dibao->param("min_wage");
  if (!ratio || !wage) return s;
  s.source = ratio->source;
  const auto r = number_at(ratio, day);
  const auto w = money_at(wage, day);
  const std::string pct = r ? std::to_string(static_cast<int>(*r * 100 + 0.5)) + "%" : "";
  if (r && w) {
    s.monthly = static_cast<Fen>(static_cast<double>(*w) * *r + 0.5);
    s.text = "低保标准为当地最低工资标准" + yuan_text(*w) + "元的" + pct + "，即" + yuan_text(*s.monthly) + "元/月";
  } else {
    s.text = "低保标准为当地最低工资标准的" + pct + "；" + wage->unstated(day);
    const auto wage_max = monthly_bound_at(wage, day);
    if (r && wage_max) {
      s.max_monthly = static_cast<Fen>(static_cast<double>(*wage_max) * *r + 0.5);
      s.max_reason = {wage->bound->note + "；按" + pct + "计，低保标准不超过" + yuan_text(*s.max_monthly) + "元/月",
                      wage->bound->source};
    }
  }
  return s;
}

Fact Context::status_flag(const char* name) const {
  const std::string n = name;
  const std::optional<bool>* v = n == "dibao"            ? &h.status.dibao
                                 : n == "tekun"          ? &h.status.tekun
                                 : n == "low_income"     ? &h.status.low_income
                                 : n == "dibao_marginal" ? &h.status.dibao_marginal
                                                         : &h.status.poverty_registered;
  return *v ? Fact::of(**v) : Fact::unknown({"status." + n});
}

Fact Context::recognised_poor() const {
  return any_of({status_flag("dibao"), status_flag("tekun"), status_flag("low_income"), status_flag("dibao_marginal"),
                 status_flag("poverty_registered")});
}

std::optional<Status> Context::earlier(const std::string& id) const {
  auto it = earlier_.find(id);
  if (it == earlier_.end()) return std::nullopt;
  return it->second;
}

namespace {

enum class MemberKey {
  min_age, max_age, disabled, disability_grades, disability_kinds, labor_in, self_care_in, school_in,
  serious_illness, orphan, unsupported_child, veteran_5lao, employed, in_institution, household, any_of, other
};

// The criterion a key names (kinds.cpp's check_member_where allows exactly these).
MemberKey member_key(std::string_view k) {
  static constexpr std::pair<std::string_view, MemberKey> kKeys[] = {
      {"min_age", MemberKey::min_age},           {"max_age", MemberKey::max_age},
      {"disabled", MemberKey::disabled},         {"disability_grades", MemberKey::disability_grades},
      {"disability_kinds", MemberKey::disability_kinds}, {"labor_in", MemberKey::labor_in},
      {"self_care_in", MemberKey::self_care_in}, {"school_in", MemberKey::school_in},
      {"serious_illness", MemberKey::serious_illness}, {"orphan", MemberKey::orphan},
      {"unsupported_child", MemberKey::unsupported_child}, {"veteran_5lao", MemberKey::veteran_5lao},
      {"employed", MemberKey::employed},         {"in_institution", MemberKey::in_institution},
      {"household", MemberKey::household},       {"any_of", MemberKey::any_of}};
  for (const auto& [name, key] : kKeys)
    if (name == k) return key;
  return MemberKey::other;
}

}  // namespace

// Every criterion of `where` must hold: the first that fails decides.
Fact Context::member_matches(size_t i, const json& where) const {
  const Member& m = h.members[i];
  Fact all = Fact::yes();
  for (auto it = where.begin(); it != where.end(); ++it) {
    const json& v = it.value();
    Fact f = Fact::yes();
    switch (member_key(it.key())) {
      case MemberKey::min_age: f = Fact::of(m.age >= v.get<int>()); break;
      case MemberKey::max_age: f = Fact::of(m.age <= v.get<int>()); break;
      case MemberKey::disabled:
        f = m.disability_grade ? Fact::of((*m.disability_grade > 0) == v.get<bool>()) : Fact::unknown({field(i, "disability_grade")});
        break;
      case MemberKey::disability_grades:
        f = m.disability_grade ? Fact::of(std::find(v.begin(), v.end(), *m.disability_grade) != v.end())
                               : Fact::unknown({field(i, "disability_grade")});
        break;
      case MemberKey::disability_kinds: f = optional_in(m.disability_kind, v, kind_name, i, "disability_kind"); break;
      case MemberKey::labor_in: f = optional_in(m.labor, v, ability_name, i, "labor"); break;
      case MemberKey::self_care_in: f = optional_in(m.self_care, v, ability_name, i, "self_care"); break;
      case MemberKey::school_in: f = optional_in(assumed_school(m), v, school_name, i, "school"); break;
      case MemberKey::serious_illness: f = optional_is(m.serious_illness, v.get<bool>(), i, "serious_illness"); break;
      case MemberKey::orphan: f = optional_is(m.orphan, v.get<bool>(), i, "orphan"); break;
      case MemberKey::unsupported_child: f = optional_is(m.unsupported_child, v.get<bool>(), i, "unsupported_child"); break;
      case MemberKey::veteran_5lao: f = optional_is(assumed_veteran_5lao(m), v.get<bool>(), i, "veteran_5lao"); break;
      case MemberKey::employed: f = optional_is(m.employed, v.get<bool>(), i, "employed"); break;
      case MemberKey::in_institution: f = optional_is(m.in_institution, v.get<bool>(), i, "in_institution"); break;
      case MemberKey::household: f = holds(v); break;
      case MemberKey::any_of: {
        f = Fact::no();
        for (const auto& w : v) {
          f.or_with(member_matches(i, w));
          if (f.is_yes()) break;
        }
        break;
      }
      case MemberKey::other: break;
    }
    all.and_with(f);
    if (all.is_no()) return all;
  }
  return all;
}

Fact Context::holds(const json& test) const {
  if (test.is_null()) return Fact::yes();
  auto it = test.begin();
  if (it == test.end()) return Fact::yes();
  const std::string& k = it.key();
  const json& v = it.value();
  // Any of several facts, stopping at the first that holds.
  const auto any = [](size_t n, const auto& fact) {
    Fact f = Fact::no();
    for (size_t i = 0; i < n && !f.is_yes(); ++i) f.or_with(fact(i));
    return f;
  };
  if (k == "status_any") return any(v.size(), [&](size_t i) { return status_flag(v[i].get_ref<const std::string&>().c_str()); });
  if (k == "member_any") return any(size(), [&](size_t i) { return member_matches(i, v); });
  if (k == "hukou") return Fact::of((h.hukou == Hukou::urban) == (v.get_ref<const std::string&>() == "urban"));
  if (k == "program") {
    const auto s = earlier(v.get<std::string>());
    if (!s) return Fact::unknown();
    return *s == Status::eligible ? Fact::yes() : *s == Status::maybe ? Fact::unknown() : Fact::no();
  }
  if (k == "expense_any")
    return any(v.size(), [&](size_t i) {
      const std::string& n = v[i].get_ref<const std::string&>();
      const auto& x = expense(n);
      return x ? Fact::of(*x > 0) : Fact::unknown({"expenses_yearly." + n});
    });
  if (k == "event_any") {
    if (!h.events) return Fact::unknown({"events"});
    return any(h.events->size(), [&](size_t i) {
      const Event& e = (*h.events)[i];
      if (!v.empty() && !in_list(v, event_name(e.kind))) return Fact::no();
      if (!e.months_ago) return Fact::unknown({path_index("events", i) + ".months_ago"});
      return Fact::of(*e.months_ago <= 12);
    });
  }
  if (k == "date_between") {
    const auto from = parse_date(v[0].get<std::string>()), to = parse_date(v[1].get<std::string>());
    return Fact::of(from && to && *from <= day && day <= *to);
  }
  if (k == "any_of") return any(v.size(), [&](size_t i) { return holds(v[i]); });
  if (k == "all_of") {
    Fact f = Fact::yes();
    for (size_t i = 0; i < v.size() && !f.is_no(); ++i) f.and_with(holds(v[i]));
    return f;
  }
  if (k == "not") return negate(holds(v));
  if (k == "recognised_poor") return recognised_poor();
  // {"assessment": "..."}: left to officials' judgement, never settled by answers.
  return Fact::unknown();
}

}  // namespace doudi
