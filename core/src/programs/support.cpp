// Programs for households already found in difficulty: 教育资助 by school level,
// 住房保障 租赁补贴 by floor area, 城市困难家庭认定 (明溪“347”), and the generic kind
// whose criteria are all policy data.
#include <cmath>

#include "../programs.h"

namespace doudi {
namespace {

const char* school_key(School s) {
  static const char* keys[] = {"none", "preschool", "primary", "junior", "senior", "vocational", "college"};
  return keys[static_cast<int>(s)];
}
const char* school_zh(std::string_view key) {
  if (key == "preschool") return "学前教育";
  if (key == "primary") return "小学";
  if (key == "junior") return "初中";
  if (key == "senior") return "普通高中";
  if (key == "vocational") return "中等职业教育";
  if (key == "college") return "大中专及本科";
  return "未上学";
}

}  // namespace

// Criteria written in the policy file (`conditions`), for any kind.
void apply_conditions(const Program& p, const Context& ctx, Decision* d) {
  bool refused = false;
  for (const Condition& c : p.conditions) {
    if (d->settled()) return;  // refused, and no reasons to write: the rest cannot change it
    if (c.narrows && refused) continue;  // the program is refused already; its "no" text would presume the earlier
    // What would settle it is read only for reasons or for `missing`.
    const Fact f = ctx.explain || ctx.facts ? ctx.holds(c.test) : Fact{ctx.outcome(c.test), {}};
    refused = refused || f.is_no();
    d->require(f, Lasting(f.is_yes() ? c.yes : f.is_no() ? c.no : c.unknown), c.source);
  }
}

void evaluate_education_aid(const Program& p, Context& ctx, Decision& d, ProgramResult* out) {
  const Param* amounts = p.param("amounts");
  const DatedValue* dv = amounts ? amounts->at(ctx.day) : nullptr;
  Fact any = Fact::no();  // any member at a level the file lists (or_with, as any_of): no list of facts kept
  Fen total = 0;
  bool known = true;
  std::string text;
  for (size_t i = 0; dv && i < ctx.size(); ++i) {
    const Member& m = ctx.h.members[i];
    const auto school = assumed_school(m);
    if (!school) {
      any.or_with(Fact::unknown({Context::field(i, "school")}));
      continue;
    }
    const std::string_view key = school_key(*school);
    if (!dv->value.contains(key)) continue;
    any.or_with(Fact::yes());
    out->members.push_back(static_cast<int>(i));
    const json& v = dv->value[key];
    if (ctx.explain) text += (text.empty() ? "" : "；") + ctx.who(i) + "就读" + school_zh(key);
    if (v.is_number()) {
      total += *fen_from_yuan(v.get<double>());
      if (ctx.explain) text += "，每年" + yuan_text(*fen_from_yuan(v.get<double>())) + "元";
    } else {
      known = false;
    }
  }
  d.require(any, [&](Tri v) {
    if (v == Tri::yes) return text;
    std::string levels;
    if (dv)
      for (auto it = dv->value.begin(); it != dv->value.end(); ++it) levels += (levels.empty() ? "" : "、") + std::string(school_zh(it.key()));
    return v == Tri::no ? "家中没有在读" + levels + "的学生" : "家中孩子是否在读" + levels + "？";
  }, amounts ? amounts->source : Source{});
  if (any.is_yes() && total > 0) out->amount = Amount{total, "year", !known};
  if (any.is_yes() && !known && amounts && !amounts->note.empty()) d.note(Lasting(amounts->note), amounts->source);
}

// The area test of 住房保障. Where the file says so (`no_home_qualifies`, the national
// rule of 公共租赁住房: 在本地无住房或者住房面积低于规定标准), a family without a home
// of its own qualifies whatever it rents, and an area over the line is its own only
// when it owns its home.
namespace {
void housing_area_test(const Program& p, const Context& ctx, Decision& d) {
  const Param* area = p.param("area_max_per_person");
  const auto max = number_at(area, ctx.day);
  if (!max) return;
  const Param* no_home = p.param("no_home_qualifies");
  const bool renters = flag_at(no_home, ctx.day);
  const auto owns = ctx.h.assets.owns_home;
  if (renters && owns == false) {
    d.require(Fact::yes(), Lasting(no_home->label), no_home->source);
    return;
  }
  const auto have = ctx.h.assets.housing_area_m2;
  const double n = static_cast<double>(ctx.size());
  Fact f = have ? Fact::of(*have / n <= *max) : Fact::unknown({Field{"assets", "housing_area_m2"}});
  const bool maybe_rented = renters && !owns && f.is_no();
  if (maybe_rented) f = Fact::unknown({Field{"assets", "owns_home"}});
  d.require(f, [&](Tri v) {
    // Square metres with up to two decimals, as money is written (13, 13.5).
    const std::string buf = yuan_text(static_cast<Fen>(std::llround(*max * 100)));
    if (v == Tri::unknown && !maybe_rented) return "家庭住房总面积是多少？（人均" + buf + "平方米以下可申请）";
    // Two decimals, trailing zeros dropped: 13.01 must not read as "13.0, over 13".
    const std::string per = "人均住房面积" + yuan_text(static_cast<Fen>(std::llround(*have / n * 100))) + "平方米，";
    if (maybe_rented) return per + "超过" + buf + "平方米；这是自己家的房子吗？租住、借住的不算，没有自有住房的也可申请";
    return v == Tri::yes ? per + "在" + buf + "平方米以下" : per + "超过" + buf + "平方米";
  }, maybe_rented ? no_home->source : area->source);
}
}  // namespace

void evaluate_housing_aid(const Program& p, Context& ctx, Decision& d, ProgramResult* out) {
  housing_area_test(p, ctx, d);
  if (const Param* rent = p.param("rent_subsidy")) {
    if (auto v = monthly_money_at(rent, ctx.day)) {
      out->amount = Amount{*v * static_cast<Fen>(ctx.size()), "month", false};
      d.basis([&] { return rent->label + "每人每月" + yuan_text(*v) + "元（实物配租到位前发放）"; }, rent->source);
    }
  }
  for (size_t i = 0; i < ctx.size(); ++i) out->members.push_back(static_cast<int>(i));
}

namespace {
// 支出型 as a category still open, with its multiple of the 低保标准.
std::string spending_category(double mult) {
  return cat({"家庭人均收入在低保标准", yuan_text(static_cast<Fen>(mult * 100 + 0.5)), "倍以内，且因病、因残、因学或因灾致贫（支出型贫困低收入家庭）"});
}
}  // namespace

void evaluate_urban_hardship(const Program& p, Context& ctx, Decision& d, ProgramResult* out) {
  const Household& h = ctx.h;
  // A program the policy does not have is no route (明溪 has all three).
  const auto earlier = [&](const char* id) { return ctx.earlier(id) ? ctx.earlier_fact(id) : Fact::no(); };
  Fact tekun = any_of({ctx.status_flag("tekun"), earlier("tekun")});
  Fact dibao = any_of({ctx.status_flag("dibao"), earlier("dibao")});
  Fact orphan = earlier("orphan_allowance");
  // 支出型: 人均收入在低保标准1.5倍以内, poor because of illness, disability, school or disaster.
  Fact spending = Fact::no();
  const std::optional<double> mult = number_at(p.param("expenditure_multiple"), ctx.day);
  if (mult) {
    const Standard& s = ctx.dibao_standard();
    const auto& inc = ctx.income();
    Fact low;
    if (!inc.counted) low = Fact::unknown(inc.missing);
    else {
      const double net = static_cast<double>(*inc.counted - inc.deductions);
      const double heads = *mult * static_cast<double>(ctx.size());
      if (s.monthly) low = Fact::of(net <= static_cast<double>(*s.monthly) * heads);
      else if (net <= 0) low = Fact::yes();
      else if (s.max_monthly && net > static_cast<double>(*s.max_monthly) * heads) {
        low = Fact::no();
        d.note(s.max_reason);
      } else low = Fact::unknown();
    }
    // Any of the causes, taken as they come (or_with, as any_of): no list of them is kept.
    Fact cause = Fact::no();
    for (size_t i = 0; i < ctx.size() && !cause.is_yes(); ++i) {
      const Member& m = h.members[i];
      cause.or_with(Fact::given(m.serious_illness, i, "serious_illness"));
      cause.or_with(m.disability_grade ? Fact::of(*m.disability_grade > 0) : Fact::unknown({Context::field(i, "disability_grade")}));
      if (m.school) cause.or_with(Fact::of(*m.school != School::none));
    }
    static const Predicate kHardshipEvent = [] {
      Predicate p;
      p.op = Predicate::Op::event_any;
      p.names = {"disaster", "fire", "lightning", "illness", "injury", "accident"};
      return p;
    }();
    if (!cause.is_yes()) cause.or_with(ctx.holds(kHardshipEvent));
    spending = all_of({low, cause});
  }
  // 特困/低保/孤儿 are 直接认定 under the definition (明溪 一、（一）); the 支出型 line
  // of 1.5倍 is its own item (一、（一）4), which a resident reading the clause must see.
  const Param* line = p.param("min_wage_ratio");
  const Param* multiple = p.param("expenditure_multiple");
  const bool direct = tekun.is_yes() || dibao.is_yes() || orphan.is_yes();
  const Source src = !direct && multiple && !spending.is_no() ? multiple->source : line ? line->source : Source{};
  Fact any = any_of({tekun, dibao, orphan, spending});
  d.require(any, [&](Tri v) -> std::string {
    if (v == Tri::no) return "不属于特困、低保、孤儿或支出型贫困低收入家庭四类对象";
    if (v == Tri::unknown) {  // only the categories still open
      std::string open;
      const auto add = [&](const Fact& f, const std::string& name) {
        if (f.is_unknown()) open += (open.empty() ? "" : "，或") + name;
      };
      add(tekun, "特困人员");
      add(dibao, "低保对象");
      add(orphan, "孤儿");
      // Its text built only when it is shown (this builder runs only when explaining).
      if (spending.is_unknown()) add(spending, spending_category(*mult));
      return "可能属于" + open + "（城市困难家庭的四类对象）";
    }
    const char* which = tekun.is_yes()      ? "特困人员"
                        : dibao.is_yes()    ? "低保对象"
                        : orphan.is_yes()   ? "孤儿"
                                            : "支出型贫困低收入家庭";
    // A rural household meets the category but not the program's 城市 condition
    // (its own reason): no "城市低保对象" for it.
    if (ctx.h.hukou != Hukou::urban) return std::string("属于") + which + "（城市困难家庭只认定城市户籍家庭）";
    return std::string("属于城市") + which + "，可认定为城市困难家庭";
  }, src);
  for (size_t i = 0; i < ctx.size(); ++i) out->members.push_back(static_cast<int>(i));
}

void evaluate_generic(const Program& p, Context& ctx, Decision& d, ProgramResult* out) {
  // Members a per-person program covers: those matching `members_where`.
  // Those who surely match, or failing that those who may: each member is
  // matched once (those who may are kept only until one surely matches).
  std::vector<int>& who = out->members;
  std::vector<int> may;
  for (size_t i = 0; i < ctx.size(); ++i) {
    const Tri t = p.members_where ? ctx.member_outcome(i, *p.members_where) : Tri::yes;
    if (t == Tri::yes) who.push_back(static_cast<int>(i));
    else if (t == Tri::unknown && who.empty()) may.push_back(static_cast<int>(i));
  }
  if (who.empty()) who.swap(may);
  if (const Param* a = p.param("amount")) {
    if (auto v = money_at(a, ctx.day)) {
      const bool per_person = a->unit.find("/person/") != std::string::npos;
      const std::string_view unit = a->unit, tail = unit.substr(unit.rfind('/') + 1);
      const char* per = tail == "month" ? "month" : tail == "year" ? "year" : "once";  // the units the loader allows
      out->amount = Amount{*v * (per_person ? static_cast<Fen>(who.size()) : 1), per, flag_at(p.param("amount_is_cap"), ctx.day)};
      d.basis([&] {
        return a->label + "：" + yuan_text(*v) + "元" + (per_person ? "/人" : "") + (tail == "month" ? "/月" : tail == "year" ? "/年" : "/次");
      }, a->source);
    } else {
      d.basis([&] { return a->label + "：" + a->unstated(ctx.day); }, a->source);
    }
  }
}

}  // namespace doudi
