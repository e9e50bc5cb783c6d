// 特困人员救助供养 (农村五保供养). National rule (《社会救助暂行办法》第十四条):
// 老年人、残疾人、未满16周岁的未成年人 who have no ability to work, no means of
// living, and no legal supporter able to support them. Each member is judged on
// their own; the standard is a yearly floor (不低于), 集中 or 分散.
#include "../programs.h"

namespace doudi {
namespace {

const Source kArt14{"《社会救助暂行办法》（国务院令第649号）", "第十四条"};
const Source kNoLabor{"《特困人员认定办法》（民发〔2016〕178号）", "第五条"};
const Source kNoIncome{"《特困人员认定办法》（民发〔2016〕178号）", "第六条"};

// 第五条: 60周岁以上、未满16周岁, and some disabilities count as 无劳动能力.
bool deemed_without_labor(const Member& m) {
  if (m.age >= 60 || m.age < 16) return true;
  if (!m.disability_grade || *m.disability_grade == 0 || !m.disability_kind) return false;
  const int g = *m.disability_grade;
  switch (*m.disability_kind) {
    case DisabilityKind::intellectual:
    case DisabilityKind::mental: return g <= 3;
    case DisabilityKind::physical: return g <= 2;
    case DisabilityKind::visual: return g == 1;
    default: return false;
  }
}

// What the program's parameters say for the day, read once for the household
// rather than once for each member (each judged on their own, the one shown twice).
struct Rules {
  bool deem = false;          // deemed_no_labor: 第五条's ages and disabilities count as 无劳动能力
  std::uint32_t left_out = 0;  // income_not_counted that the county does not leave out already (bits)
  std::optional<Fen> pension_max;  // pension_basic_not_counted_max, per month
  bool halves = false;        // deposits_max_per_person is in the file: income is half of 无生活来源
};

Rules rules_of(const Program& p, const Context& ctx) {
  Rules r;
  r.deem = flag_at(p.param("deemed_no_labor"), ctx.day);
  r.left_out = income_kinds_at(p.param("income_not_counted"), ctx.day);
  for (int k = 0; k < kIncomeKinds; ++k)
    if (ctx.not_counted(static_cast<IncomeKind>(k))) r.left_out &= ~(1u << k);  // the county leaves it out already
  if (r.left_out & (1u << static_cast<int>(IncomeKind::pension_basic)))
    r.pension_max = monthly_money_at(p.param("pension_basic_not_counted_max"), ctx.day);
  r.halves = p.param("deposits_max_per_person") != nullptr;
  return r;
}

// 第六条: the 中央确定的城乡居民基本养老保险基础养老金, 优待抚恤金 and 高龄津贴 are not a
// 特困 person's income (income_not_counted; the 基础养老金 up to the central minimum,
// pension_basic_not_counted_max), beyond what the county leaves out of a 低保
// family's income (Context::member_income). `left_out` is what this takes away,
// `kinds` which kinds it came from (a bit per IncomeKind).
std::optional<Fen> tekun_income(const Rules& r, const Context& ctx, size_t i, Fen* left_out, unsigned* kinds) {
  std::optional<Fen> income = ctx.member_income(i);
  const auto& inc = ctx.h.members[i].income_monthly;
  *left_out = 0;
  *kinds = 0;
  if (!income || !inc) return income;
  for (int k = 0; k < kIncomeKinds; ++k) {
    if (!(r.left_out >> k & 1u)) continue;
    Fen v = (*inc)[k];
    if (k == static_cast<int>(IncomeKind::pension_basic))
      v = r.pension_max ? std::min(v, *r.pension_max) : 0;  // no central figure for the day: nothing left out
    *left_out += v;
    if (v > 0) *kinds |= 1u << k;
  }
  *income -= *left_out;
  return income;
}

struct MemberDecision {
  Decision d;
  int met = 0;
};

// `halves`: 第六条 makes 无生活来源 of income below the 低保标准 *and* property within the
// local rules, where the file has the latter: the income alone is then half of it.
// `left_out`: what 第六条 leaves out of it, said in the same sentence ("户主（72岁）本人月收入
// 62元（中央确定的基础养老金88元不计入）"): apart, the 62 read as a mistake for the 150 the
// page had just shown.
std::string income_text(const std::string& who, std::optional<Fen> income, const std::string& left_out, const Standard& s,
                        const Fact& no_income, bool halves) {
  const char* no_living = halves ? "，符合无生活来源的收入条件" : "，视为无生活来源";
  if (!income) return cat({who, "本人有无收入？"});
  const bool as_zero = *income == 0 && !left_out.empty();
  const std::string own = cat({who, "本人月收入", as_zero ? "按0元计" : yuan_text(*income), as_zero ? "" : "元", left_out});
  if (s.monthly)
    return cat({own, "，", no_income.is_yes() ? "低于" : "不低于", s.text, no_income.is_yes() ? no_living : "，有生活来源"});
  if (*income == 0) return left_out.empty() ? cat({who, "本人没有收入", no_living}) : cat({own, no_living});
  if (no_income.is_yes()) return cat({own, "，低于低保标准可能的最低值", yuan_text(*s.min_monthly), "元/月", no_living});
  if (no_income.is_no()) return cat({own, "，高于低保标准可能的最高值", yuan_text(*s.max_monthly), "元/月，有生活来源"});
  return cat({own, "；是否算作无生活来源取决于当地低保标准（", s.text, "）"});
}

// `explain`: write the reasons' texts (only the member shown needs them).
// `open`: the program's own conditions (a hukou) still hold, so property may be asked.
MemberDecision judge(const Program& p, const Rules& r, const Context& ctx, size_t i, const Standard& s, bool explain, bool open) {
  const Member& m = ctx.h.members[i];
  const std::string who = explain ? ctx.who(i) : std::string();
  // Facts kept when the result lists what is missing: another member who may qualify asks too.
  MemberDecision md{Decision(explain, ctx.facts || ctx.explain), 0};
  Decision& d = md.d;
  Fact disabled = m.disability_grade ? Fact::of(*m.disability_grade > 0) : Fact::unknown({Context::field(i, "disability_grade")});
  Fact category = any_of({Fact::of(m.age >= 60), Fact::of(m.age < 16), disabled});
  d.require(category, who,
            {"属于老年人、残疾人或未满16周岁的未成年人", "不是老年人（60周岁以上）、残疾人或未满16周岁的未成年人",
             "是否持有残疾人证？"},
            kArt14);

  Fact labor = Fact::given(m.labor ? std::optional<bool>(*m.labor == Ability::none) : std::nullopt, i, "labor");
  if (r.deem && deemed_without_labor(m)) labor = Fact::yes();
  d.require(labor, who, {"无劳动能力", "有劳动能力", "是否有劳动能力？"}, r.deem ? kNoLabor : kArt14);

  // 第六条: income below the local 低保标准 counts as 无生活来源.
  Fen left_out = 0;
  unsigned kinds = 0;
  const auto income = tekun_income(r, ctx, i, &left_out, &kinds);
  const auto left_text = [&]() -> std::string {
    if (left_out <= 0) return "";
    const bool pension = kinds & (1u << static_cast<int>(IncomeKind::pension_basic));
    const bool honors = kinds & (1u << static_cast<int>(IncomeKind::honors));
    return cat({"（", pension ? "中央确定的基础养老金" : "", pension && honors ? "和" : "", honors ? "优待抚恤金" : "", yuan_text(left_out),
                "元不计入）"});
  };
  // Above the highest the unstated standard could be: a means of living anywhere.
  const bool above_any = income && !s.monthly && *income > 0 && s.max_monthly && *income >= *s.max_monthly;
  const bool below_any = income && !s.monthly && s.min_monthly && *income < *s.min_monthly;
  const Fact no_income = !income          ? Fact::unknown({Context::field(i, "income_monthly")})
                         : s.monthly      ? Fact::of(*income < *s.monthly)
                         : *income == 0   ? Fact::yes()
                         : below_any      ? Fact::yes()
                         : above_any      ? Fact::no()
                                          : Fact::unknown();
  if (above_any) d.note(s.max_reason);
  if (below_any && *income > 0) d.note(s.min_reason);
  d.require(no_income, [&] { return income_text(who, income, left_text(), s, no_income, r.halves); }, kNoIncome);

  Fact supporter = Fact::given(m.has_capable_supporter ? std::optional<bool>(!*m.has_capable_supporter) : std::nullopt,
                               i, "has_capable_supporter");
  d.require(supporter, who,
            {"无法定赡养、抚养、扶养义务人，或义务人无履行能力", "有能够履行义务的法定赡养、抚养、扶养义务人",
             "有没有能够赡养、抚养、扶养他的子女、配偶或父母？"},
            kArt14);
  // 第六条's other half: 财产符合当地特困人员财产状况规定, where the file has it (新密's
  // 五保 rests on 《农村五保供养条例》, which has no property test); not asked of
  // someone another condition already rules out.
  Fact property = Fact::yes();
  const bool ruled_out = category.is_no() || labor.is_no() || no_income.is_no() || supporter.is_no();
  if (r.halves && open && !ruled_out) {
    PropertyTest t = deposits_test(p, ctx, kNoIncome, explain, /*per_head=*/false);
    d.require(t.fact, std::move(t.text), t.source);
    property = std::move(t.fact);
  }
  md.met = category.is_yes() + labor.is_yes() + no_income.is_yes() + property.is_yes() + supporter.is_yes();  // (no copies)
  return md;
}

// The yearly floor for one member: 集中 (in an institution) or 分散.
std::optional<Fen> standard_for(const Program& p, const Context& ctx, const Member& m, std::string* basis) {
  const bool central = m.in_institution.value_or(false);
  std::optional<Fen> dispersed = money_at(p.param("standard_dispersed"), ctx.day);
  std::optional<Fen> concentrated = money_at(p.param("standard_concentrated"), ctx.day);
  if (!central) {
    *basis = "分散供养";
    return dispersed;
  }
  *basis = "集中供养";
  // 明溪: 半护理、全护理 集中供养 standards are multiples of the 分散 one.
  const char* ratio = m.self_care == Ability::none ? "care_ratio_full" : m.self_care == Ability::partial ? "care_ratio_partial" : nullptr;
  if (ratio && dispersed)
    if (auto r = number_at(p.param(ratio), ctx.day)) {
      *basis = std::string("集中供养（") + (m.self_care == Ability::none ? "全护理" : "半护理") + "）";
      return static_cast<Fen>(static_cast<double>(*dispersed) * *r + 0.5);
    }
  return concentrated;
}

// 明溪 二、（三）6: 半护理、全护理 集中供养 standards are at least 130% and 140% of the
// 分散 one. With that one unstated, the multiple is still the document's to say.
void care_ratio_basis(const Program& p, const Context& ctx, const std::vector<int>& members, Decision& d) {
  struct Level {
    const char* param;
    Ability self_care;
    const char* name;
  };
  for (const Level& l : {Level{"care_ratio_partial", Ability::partial, "半护理"}, Level{"care_ratio_full", Ability::none, "全护理"}}) {
    const Param* ratio = p.param(l.param);
    const auto r = ratio ? number_at(ratio, ctx.day) : std::nullopt;
    const bool applies = std::any_of(members.begin(), members.end(), [&](int i) {
      const Member& m = ctx.h.members[static_cast<size_t>(i)];
      return m.in_institution.value_or(false) && m.self_care == l.self_care;
    });
    if (r && applies)
      d.basis([&] {
        return std::string("集中供养的") + l.name + "特困人员，供养标准不低于分散供养标准的" + std::to_string(static_cast<int>(*r * 100 + 0.5)) + "%";
      }, ratio->source);
  }
}

}  // namespace

void evaluate_tekun(const Program& p, Context& ctx, Decision& d, ProgramResult* out) {
  const Standard& s = ctx.dibao_standard();
  const Rules rules = rules_of(p, ctx);
  std::vector<MemberDecision> all;
  all.reserve(ctx.size());
  const bool open = d.status() != Status::ineligible;
  for (size_t i = 0; i < ctx.size(); ++i) all.push_back(judge(p, rules, ctx, i, s, false, open));
  // Show the member closest to qualifying; list every member who qualifies.
  size_t best = 0;
  for (size_t i = 1; i < all.size(); ++i)
    if (all[i].d.status() > all[best].d.status() ||
        (all[i].d.status() == all[best].d.status() && all[i].met > all[best].met))
      best = i;
  const Status status = all[best].d.status();
  Fen total = 0;
  bool amount_known = status != Status::ineligible;
  std::string bases;
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].d.status() != status || status == Status::ineligible) continue;
    out->members.push_back(static_cast<int>(i));
    if (i != best) d.ask(all[i].d);  // counted in the amount: what settles them is asked too
    std::string basis;
    auto st = standard_for(p, ctx, ctx.h.members[i], &basis);
    if (st) total += *st;
    else amount_known = false;
    if (ctx.explain && bases.find(basis) == std::string::npos) bases += (bases.empty() ? "" : "、") + basis;
  }
  // The reasons of the member shown, written now that it is known who that is.
  d.absorb(ctx.explain ? judge(p, rules, ctx, best, s, true, open).d : std::move(all[best].d));
  const Param* disp = p.param("standard_dispersed");
  if (status != Status::ineligible && disp) {
    if (amount_known) {
      out->amount = Amount{total, "year", false};
      const size_t n = out->members.size();
      d.basis([&] {
        return "供养标准（" + bases + "）：" + (n > 1 ? std::to_string(n) + "人合计" : "每人") + "每年不低于" + yuan_text(total) + "元";
      }, disp->source);
    } else {
      d.basis([&] { return "供养标准：" + disp->unstated(ctx.day); }, disp->source);
      care_ratio_basis(p, ctx, out->members, d);
    }
  }
}

}  // namespace doudi
