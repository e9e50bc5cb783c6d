#include "context.h"

#include "json_tree.h"
#include "text.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace doudi {

std::optional<School> assumed_school(const Member& m) {
  // Nobody asks a toddler or a grandparent which school they attend.
  if (!m.school && (m.age < 3 || m.age >= 30)) return School::none;
  return m.school;
}

std::optional<bool> assumed_orphan(const Member& m) {
  // 孤儿 have lost both parents. A 子女 of the 户主 has a parent in the household
  // (staff asked why a 16-year-old son of a 52-year-old head was "可能" an orphan).
  if (!m.orphan && m.relation == Relation::child) return false;
  return m.orphan;
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

Context::Context(const Household& hh, const Policy& p, Date d, bool e, bool f) : h(hh), policy(p), day(d), explain(e), facts(f) {
  const std::uint32_t left_out = income_kinds_at(policy.income_param("not_counted"), day);
  for (int k = 0; k < kIncomeKinds; ++k) not_counted_[k] = left_out >> k & 1u;
  if (not_counted_[static_cast<int>(IncomeKind::pension_basic)])
    pension_max_ = monthly_money_at(policy.income_param("pension_basic_not_counted_max"), day);
  nobody_at_school_ = std::all_of(h.members.begin(), h.members.end(), [](const Member& m) { return assumed_school(m) == School::none; });
  income_ = compute_income();
  earlier_.reserve(policy.programs.size());  // every program records itself
}

namespace {

// A member as the questionnaire names them ("子女（15岁）"), shortened where its
// label is long; none for a relation not given.
const char* relation_word(const std::optional<Relation>& r) {
  if (!r) return nullptr;
  switch (*r) {
    case Relation::spouse: return "配偶";
    case Relation::child: return "子女";
    case Relation::parent: return "父母";
    case Relation::grandchild: return "孙子女";
    case Relation::grandparent: return "祖父母";
    case Relation::sibling: return "兄弟姐妹";
    case Relation::other: return "其他亲属";
    case Relation::head: return nullptr;
  }
  return nullptr;
}

}  // namespace

// "户主（82岁）", "父母（79岁）": the site asks about the first member as 您（或户主）
// and about the others by relation and age. Two of the same relation and age (twins)
// or a relation not given: "成员3（9岁）", by their place in the household.
std::string Context::who(size_t i) const {
  const Member& m = h.members[i];
  const std::string years = std::to_string(m.age);
  if (i == 0 && m.relation.value_or(Relation::head) == Relation::head) return cat({"户主（", years, "岁）"});
  const char* word = relation_word(m.relation);
  for (size_t j = 0; word && j < h.members.size(); ++j)
    if (j != i && h.members[j].relation == m.relation && h.members[j].age == m.age) word = nullptr;
  return word ? cat({word, "（", years, "岁）"}) : cat({"成员", std::to_string(i + 1), "（", years, "岁）"});
}

// A household with nobody at school has no school costs to ask about (a 74-year-old
// living alone was asked for her 教育支出 before 支出型低保 could be decided).
const std::optional<Fen>& Context::expense(std::string_view kind) const {
  static const std::optional<Fen> kNone = 0;
  const auto& e = h.expenses_yearly;
  if (kind == "education") return !e.education && nobody_at_school_ ? kNone : e.education;
  return kind == "medical" ? e.medical : e.disaster;
}

// The field of an expense kind, named by a literal (as in status_flag).
Field Context::expense_field(std::string_view kind) {
  return Field{"expenses_yearly", kind == "medical" ? "medical" : kind == "education" ? "education" : "disaster"};
}

Fen Context::yearly_expenses(Fields* missing) const {
  Fen sum = 0;
  for (const char* kind : {"medical", "education", "disaster"}) {
    if (const auto& v = expense(kind)) sum += *v;
    else missing->add(expense_field(kind));
  }
  return sum;
}

std::optional<Fen> Context::member_income(size_t i) const {
  const auto& inc = h.members[i].income_monthly;
  if (!inc) return std::nullopt;
  Fen sum = 0;
  for (int k = 0; k < kIncomeKinds; ++k)
    if (!not_counted_[k]) sum += (*inc)[k];
  // Where only the 基础养老金 is left out, the rest of the pension counts (鹤壁 三、（二）).
  if (pension_max_) sum += std::max<Fen>(0, (*inc)[static_cast<int>(IncomeKind::pension_basic)] - *pension_max_);
  return sum;
}

namespace {
// A deducted cost with a qualifier (鹤壁 二、（三）: 重大疾病医疗支出、普通大中专教育支出)
// counts unless every member is known not to qualify; its cost is the kind's.
std::string_view cost_kind(std::string_view kind) {
  if (kind == "medical_serious_illness") return "medical";
  if (kind == "education_college") return "education";
  return kind;
}
// Whether a member qualifies (yes / no / not answered); the unanswered go to `ask`.
Tri qualifies(const Member& m, std::string_view kind) {
  if (kind == "medical_serious_illness") return !m.serious_illness ? Tri::unknown : *m.serious_illness ? Tri::yes : Tri::no;
  const auto s = assumed_school(m);
  if (!s) return m.age >= 15 ? Tri::unknown : Tri::no;  // no one under 15 is at 中专 or above
  return *s == School::college || *s == School::vocational ? Tri::yes : Tri::no;  // 大专、中专
}
// A qualified kind counts when a member qualifies or may; then `ask` names the
// answers that would settle it, unless someone surely qualifies.
bool may_qualify(const Household& h, std::string_view kind, Fields* ask) {
  if (kind == cost_kind(kind)) return true;
  Fields unanswered;
  for (size_t i = 0; i < h.members.size(); ++i) {
    const Tri q = qualifies(h.members[i], kind);
    if (q == Tri::yes) return true;
    if (q == Tri::unknown) unanswered.add(Context::field(i, kind == "medical_serious_illness" ? "serious_illness" : "school"));
  }
  ask->add(unanswered);
  return !unanswered.empty();
}
}  // namespace

HouseholdIncome Context::compute_income() const {
  HouseholdIncome out;
  Fen counted = 0, total = 0;
  for (size_t i = 0; i < size(); ++i) {
    const auto& inc = h.members[i].income_monthly;
    if (!inc) {
      out.missing.add(field(i, "income_monthly"));
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
  for (const auto& kind : list_at(policy.income_param("deducted_expenses"), day)) {
    const std::optional<Fen>* v = &expense(cost_kind(kind));
    if ((*v && **v == 0) || !may_qualify(h, kind, &out.deductions_ask)) continue;  // (no cost: nothing to ask)
    if (*v) yearly += **v;
    else out.deductions_missing.add(expense_field(cost_kind(kind)));
  }
  // Deducted costs can bring the income to 0, not below: 低保 pays at most the standard.
  out.costs = out.deductions = div_round(yearly, 12);
  if (out.counted) out.deductions = std::min(out.deductions, *out.counted);
  // How much of them is deducted: a share in the file, or unstated (`null`: 泉港's
  // 按规定扣减), when anything from none to all of them could be.
  if (const Param* share = policy.income_param("deducted_expenses_share")) {
    if (const auto r = number_at(share, day)) {
      out.deductions = static_cast<Fen>(static_cast<double>(out.deductions) * *r + 0.5);
    } else {
      out.deductions_cap = out.deductions;
      out.deductions = 0;
    }
  }
  // 就业成本: deducted for working members at a rate the document leaves to the
  // county; it can never exceed their wages, nor the policy's bound per worker.
  const Param* cost = policy.income_param("employment_cost");
  if (cost && !money_at(cost, day)) {
    // Only for 低保 households (鹤壁): an unanswered 低保户 question leaves it possible.
    const bool only_dibao = flag_at(policy.income_param("employment_cost_only_dibao"), day);
    if (only_dibao && !h.status.dibao) out.employment_cost_missing.add(Field{"status", "dibao"});
    if (!only_dibao || h.status.dibao.value_or(true)) {
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
      if (bounded) out.employment_cost_bound = Reason(Lasting(cost->bound->note), cost->bound->source);
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
    if (!s.monthly) s.max_monthly = monthly_bound_at(p, day), s.min_monthly = monthly_floor_at(p, day);
    if (!explain) return s;  // the texts are for reasons only
    if (s.monthly) {
      const bool yearly = p->unit == "yuan/person/year";
      s.text = cat({label, yuan_text(*s.monthly), "元/月", yearly ? "（" : "", yearly ? yuan_text(*money_at(p, day)) : "", yearly ? "元/年）" : ""});
    } else {
      s.text = cat({label, "：", p->unstated(day)});
      if (s.max_monthly) s.max_reason = Reason(Lasting(p->bound->note), p->bound->source);
      if (s.min_monthly) s.min_reason = Reason(Lasting(p->floor->note), p->floor->source);
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
  const std::string pct = r && explain ? std::to_string(static_cast<int>(*r * 100 + 0.5)) + "%" : "";
  if (r && w) {
    s.monthly = static_cast<Fen>(static_cast<double>(*w) * *r + 0.5);
    if (explain) s.text = "低保标准为当地最低工资标准" + yuan_text(*w) + "元的" + pct + "，即" + yuan_text(*s.monthly) + "元/月";
  } else {
    if (explain) s.text = "低保标准为当地最低工资标准的" + pct + "；" + wage->unstated(day);
    const auto wage_max = monthly_bound_at(wage, day);
    if (r && wage_max) {
      s.max_monthly = static_cast<Fen>(static_cast<double>(*wage_max) * *r + 0.5);
      if (explain)
        s.max_reason = {wage->bound->note + "；按" + pct + "计，低保标准不超过" + yuan_text(*s.max_monthly) + "元/月",
                        wage->bound->source};
    }
  }
  return s;
}

namespace {
Fact flag(const std::optional<bool>& v, const char* name) { return v ? Fact::of(*v) : Fact::unknown({Field{"status", name}}); }
}  // namespace

// Told apart by length and first letter: the names are the few is_status_name knows
// (the loader refuses others), and comparing them in turn, for every household
// test that names a status, cost more than the test.
Fact Context::status_flag(std::string_view n) const {
  // The field is named by a literal, not by `n`: a Fact may outlive the string
  // it was asked with (a predicate compiled for one test, say).
  const auto& s = h.status;
  switch (n.size()) {
    case 5: return n[0] == 'd' ? flag(s.dibao, "dibao") : flag(s.tekun, "tekun");
    case 10: return flag(s.low_income, "low_income");
    case 14: return flag(s.dibao_marginal, "dibao_marginal");
    case 16: return h.hukou == Hukou::urban ? flag(s.low_income, "low_income") : Fact::no();  // low_income_urban
    default: return flag(s.poverty_registered, "poverty_registered");
  }
}

Fact Context::recognised_poor() const {
  const auto& s = h.status;
  return any_of({flag(s.dibao, "dibao"), flag(s.tekun, "tekun"), flag(s.low_income, "low_income"),
                 flag(s.dibao_marginal, "dibao_marginal"), flag(s.poverty_registered, "poverty_registered")});
}

void Context::record(const ProgramResult& r, Fields missing) {
  std::uint32_t members = 0;
  for (int m : r.members)
    if (m >= 0 && m < 32) members |= 1u << m;
  earlier_.push_back({r.id, r.status, members, std::move(missing)});
}

const Context::Earlier* Context::find_earlier(std::string_view id) const {
  for (const Earlier& e : earlier_)
    if (same_key(e.id, id)) return &e;  // (inline, lengths first: asked a few times for every program)
  return nullptr;
}

std::optional<Status> Context::earlier(std::string_view id) const {
  const Earlier* e = find_earlier(id);
  return e ? std::optional<Status>(e->status) : std::nullopt;
}

Fact Context::earlier_fact(std::string_view id) const {
  const Earlier* e = find_earlier(id);
  if (!e) return Fact::unknown();
  return e->status == Status::eligible ? Fact::yes() : e->status == Status::maybe ? Fact::unknown(e->missing) : Fact::no();
}

Fact Context::listed_by(std::string_view id, size_t i) const {
  const Earlier* e = find_earlier(id);
  if (!e) return Fact::unknown();
  if (i >= 32 || !(e->members >> i & 1u) || e->status == Status::ineligible) return Fact::no();
  return e->status == Status::eligible ? Fact::yes() : Fact::unknown(e->missing);
}

}  // namespace doudi
