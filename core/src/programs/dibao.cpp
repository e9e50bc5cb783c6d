// 最低生活保障. The national rule (《社会救助暂行办法》第九条、第十二条): a household
// whose per-head income is below the local standard receives the gap, monthly.
// Regions differ by the standard, which incomes count, which costs are deducted
// (泉港: 刚性支出), and the 渐退期 (taper) a household keeps after passing it.
#include <algorithm>

#include "../programs.h"

namespace doudi {
namespace {

const Source kArt9{"《社会救助暂行办法》（国务院令第649号）", "第九条"};
const Source kArt12{"《社会救助暂行办法》（国务院令第649号）", "第十二条"};

struct IncomeTest {
  Fact fact;
  std::string text;
  std::optional<Fen> net;     // counted income less deductions, monthly
  std::vector<Reason> bounds;  // cited bounds that decided an unstated figure
  bool asks_costs = false;     // undecided for want of the deductible costs
};

// Undecided for want of the deductible costs (and whatever says whether they count).
void ask_costs(const HouseholdIncome& inc, const std::string& head, const std::string& standard, bool say, IncomeTest* t) {
  Fields ask = inc.deductions_missing;
  ask.add(inc.deductions_ask);
  t->fact = Fact::unknown(std::move(ask));
  t->asks_costs = true;
  if (say) t->text = head + "，未低于" + standard + "；扣除因病、因学等刚性支出后可能低于标准，请填写这些支出";
}

// The deductions whose rate the document leaves unstated, for a text: 就业成本 (its
// rule is the county's) and 刚性支出 deducted 按规定 without the rule (泉港 二、4).
std::string unstated_deductions(const Context& ctx) {
  const HouseholdIncome& inc = ctx.income();
  std::string parts;
  if (inc.employment_cost_unknown) {
    const Param* cost = ctx.policy.income_param("employment_cost");
    parts = (cost ? cost->label : std::string("必要的就业成本")) + "（怎么扣减本文件未写明，以当地规定为准）";
  }
  if (inc.deductions_cap > 0) parts += (parts.empty() ? "" : "和") + std::string("因病、因学等刚性支出（见下）");
  return parts;
}

// The costs deducted at an unstated share (泉港 二、4, 鹤壁 二、（三）): how much they are,
// and that the rule is not in the document. A basis, not a note: a refused program
// does not weigh them (an urban family in 鹤壁 was told of its costs under “不符合”).
void deductions_basis(const Context& ctx, const IncomeTest& t, Decision& d) {
  const Param* share = ctx.policy.income_param("deducted_expenses_share");
  if (ctx.income().deductions_cap <= 0 || !share) return;
  d.basis([&] {
    return "近12个月因病、因学等刚性支出每月约" + yuan_text(ctx.income().costs) + "元" +
           (t.fact.is_yes() ? "（上面的补差未扣除这些支出）" : "") + "；" + share->unstated(ctx.day);
  }, share->source);
}

// The texts are written only when the context explains (not for the roster).
IncomeTest income_test(const Context& ctx, const Standard& s) {
  const HouseholdIncome& inc = ctx.income();
  const Fen n = static_cast<Fen>(ctx.size());
  const bool say = ctx.explain;
  IncomeTest t;
  if (!inc.counted) {
    t.fact = Fact::unknown(inc.missing);
    if (say) t.text = "需要填写每位家庭成员的月收入，才能与低保标准比较";
    return t;
  }
  t.net = *inc.counted - inc.deductions;
  const Fen net = *t.net;
  // The least the income could be once the deductions at unstated rates (就业成本, 刚性支出
  // 按规定) take all they could.
  const Fen lowest = net - (inc.employment_cost_unknown ? inc.employment_cost_cap : 0) - inc.deductions_cap;
  const std::string head = say ? cat({"家庭月人均收入", yuan_text(div_round(net, n)), "元"}) : "";
  const auto with_cost_bound = [&] {
    if (say && inc.employment_cost_unknown && inc.employment_cost_bound) t.bounds.push_back(*inc.employment_cost_bound);
  };
  if (!s.monthly) {
    if (net <= 0) {
      t.fact = Fact::yes();
      if (say) t.text = cat({head, "，低于任何低保标准；", s.text});
    } else if (s.min_monthly && net < *s.min_monthly * n) {
      t.fact = Fact::yes();
      if (say) {
        t.text = cat({head, "；", s.text, "；低保标准不会低于", yuan_text(*s.min_monthly), "元/月，本户低于此"});
        t.bounds.push_back(s.min_reason);
      }
    } else if (s.max_monthly && lowest >= *s.max_monthly * n && !inc.deductions_missing.empty()) {
      ask_costs(inc, head, "低保标准可能的最高值" + yuan_text(*s.max_monthly) + "元/月", say, &t);
    } else if (s.max_monthly && lowest >= *s.max_monthly * n) {
      t.fact = Fact::no();
      if (say) {
        t.text = cat({head, "；", s.text, "；低保标准最高不会超过", yuan_text(*s.max_monthly), "元/月，本户不低于此"});
        t.bounds.push_back(s.max_reason);
      }
      with_cost_bound();
    } else {
      t.fact = Fact::unknown();
      if (say) t.text = cat({head, "；", s.text, "，能否纳入取决于该标准"});
    }
    return t;
  }
  const Fen limit = *s.monthly * n;
  if (net < limit) {
    t.fact = Fact::yes();
    if (say) t.text = cat({head, "，低于", s.text});
  } else if (lowest < limit) {
    // Only deductions the document leaves unstated could bring it below the standard.
    Fields ask = inc.employment_cost_missing;
    if (inc.deductions_cap > 0) ask.add(inc.deductions_ask);
    t.fact = Fact::unknown(std::move(ask));
    if (say) t.text = cat({head, "，未低于", s.text, "；", unstated_deductions(ctx), "：扣减后可能低于标准"});
  } else if (!inc.deductions_missing.empty()) {
    ask_costs(inc, head, s.text, say, &t);
  } else {
    t.fact = Fact::no();
    const Fen over = div_round(net - limit, n);
    if (say)
      t.text = over > 0 ? cat({head, "，高于", s.text, "，每人每月超出", yuan_text(over), "元"}) : cat({head, "，不低于", s.text});
    if (inc.employment_cost_unknown) {
      if (say) t.text += "；扣减就业成本后仍不低于标准";
      with_cost_bound();
    }
    if (say && inc.deductions_cap > 0) t.text += "；刚性支出全部扣减后仍不低于标准";
  }
  return t;
}

// 渐退期: a household that passes the standard keeps 低保 for a while.
// 泉港 gives it (给予12个月); 中卫 may give it (可给予一年以内), so the county
// decides and the answer is at most `maybe`.
Fact taper(const Program& p, const Context& ctx, std::string* text, Source* src) {
  std::vector<Fact> ways;
  if (const Param* m = p.param("taper_months_poverty_registered")) {
    if (auto months = number_at(m, ctx.day)) {
      ways.push_back(all_of({ctx.status_flag("dibao"), ctx.status_flag("poverty_registered")}));
      if (!ways.back().is_no() && ctx.explain) {
        const std::string n = std::to_string(static_cast<int>(*months));
        *text = "已纳入低保的建档立卡贫困户，家庭人均收入超过低保标准后，给予" + n + "个月延保渐退期：自超过标准起最多再享受" + n +
                "个月，期满后退出低保";
        *src = m->source;
      }
    }
  }
  if (const Param* m = p.param("taper_months_employment")) {
    if (auto months = number_at(m, ctx.day)) {
      std::vector<Fact> newly;
      // Nobody under 16 works (the household is refused if one is said to): a
      // child's new job is not asked.
      for (size_t i = 0; i < ctx.size(); ++i)
        newly.push_back(ctx.h.members[i].age < 16 ? Fact::no() : Fact::given(ctx.h.members[i].newly_employed, i, "newly_employed"));
      std::vector<Fact> facts{ctx.status_flag("dibao"), any_of(newly)};
      const bool discretionary = flag_at(p.param("taper_employment_discretionary"), ctx.day);
      if (discretionary) facts.push_back(Fact::unknown());
      Fact f = all_of(facts);
      if (!f.is_no() && (ways.empty() || ways.back().is_no()) && ctx.explain) {
        *text = "低保对象实现就业的，可给予" + std::to_string(static_cast<int>(*months)) + "个月以内的低保渐退期" +
                (discretionary ? "，是否给予及期限由县（区）民政部门决定" : "");
        *src = m->source;
      }
      ways.push_back(f);
    }
  }
  return ways.empty() ? Fact::no() : any_of(ways);
}

// 中卫: 家中无存款或无有效资产、因重残、重病或其它非主观原因导致家庭刚性支出
// 明显大于收入的, also 纳入低保. Deposits do not rule out 无有效资产, and causes other
// than 重残/重病 are not ruled out either: both are for the 乡镇 to assess. So is
// "明显大于", and the clause has such households 按审核审批程序纳入: costs above
// the income make this route possible, never decided (`exceeding` says by how much).
Fact expenditure_path(const Context& ctx, std::string* exceeding) {
  const Household& h = ctx.h;
  Fact no_deposits = !h.assets.deposits ? Fact::unknown({Field{"assets", "deposits"}})
                     : *h.assets.deposits == 0 ? Fact::yes() : Fact::unknown();
  std::vector<Fact> cause{Fact::unknown()};  // 其它非主观原因
  for (size_t i = 0; i < ctx.size(); ++i) {
    cause.push_back(severe_disability(h.members[i], i));
    cause.push_back(Fact::given(h.members[i].serious_illness, i, "serious_illness"));
  }
  Fields missing;
  const Fen yearly = ctx.yearly_expenses(&missing);
  Fact exceeds;
  const auto& inc = ctx.income();
  if (!inc.counted) exceeds = Fact::unknown(inc.missing);
  else if (div_round(yearly, 12) > *inc.counted) {
    exceeds = Fact::unknown();
    if (ctx.explain)
      *exceeding = "自付医疗、教育和灾害支出每月约" + yuan_text(div_round(yearly, 12)) + "元，多于家庭收入每月" +
                   yuan_text(*inc.counted) + "元：家中无存款或无有效资产、因重残、重病等原因导致刚性支出“明显大于”收入的，"
                   "可按程序纳入低保，由乡镇审核认定";
    if (ctx.explain && h.assets.deposits && *h.assets.deposits > 0)
      *exceeding += "；家有存款" + yuan_text(*h.assets.deposits) + "元，是否属于“无存款或无有效资产”由乡镇核查";
  } else {
    exceeds = missing.empty() ? Fact::no() : Fact::unknown(missing);
  }
  return all_of({no_deposits, any_of(cause), exceeds});
}

// "城乡居民基本养老保险金200元/月按规定不计入家庭收入"
std::string not_counted_text(const Context& ctx) {
  const auto& kinds = list_at(ctx.policy.income_param("not_counted"), ctx.day);
  std::string parts;
  for (const auto& name : kinds) {
    const auto k = income_kind_from(name);
    if (!k) continue;
    std::optional<Fen> max;  // only the 基础养老金 of the pension may be left out
    if (*k == IncomeKind::pension_basic) max = ctx.pension_not_counted_max();
    Fen sum = 0;
    int people = 0;  // (two pensioners' 140元 read as a contradiction of "最多70元")
    for (const Member& m : ctx.h.members) {
      const Fen own = m.income_monthly ? std::min((*m.income_monthly)[static_cast<int>(*k)], max.value_or(kMaxFen)) : 0;
      sum += own;
      people += own > 0;
    }
    if (sum == 0) continue;
    parts += (parts.empty() ? "" : "、") + std::string(income_kind_zh(*k));
    if (max) parts += "中的基础养老金（每人每月最多" + yuan_text(*max) + "元）";
    parts += (people > 1 ? std::to_string(people) + "人共" : std::string()) + yuan_text(sum) + "元/月";
  }
  return parts + "，按规定不计入家庭收入";
}

// The figure of the 基础养老金 left out comes from outside the document: cite it,
// or say that it is not known for the day and the whole pension was left out.
void pension_figure_note(const Context& ctx, Decision& d) {
  const Param* p = ctx.policy.income_param("pension_basic_not_counted_max");
  if (!d.explains() || !p || !ctx.not_counted(IncomeKind::pension_basic)) return;
  const int k = static_cast<int>(IncomeKind::pension_basic);
  bool any = false;
  for (const Member& m : ctx.h.members) any = any || (m.income_monthly && (*m.income_monthly)[k] > 0);
  if (!any) return;
  const std::optional<Fen>& max = ctx.pension_not_counted_max();
  const DatedValue* dv = p->at(ctx.day);
  if (max && dv && dv->source)
    d.note([&] { return "中央确定的基础养老金（全国城乡居民基本养老保险基础养老金最低标准）为每人每月" + yuan_text(*max) + "元"; },
           *dv->source);
  else if (!max)
    d.note([&] { return "查询日期的中央确定的基础养老金数额本工具未能核实，已把城乡居民基本养老保险金整笔视为不计入；实际只有基础养老金部分不计入"; },
           p->source);
}

}  // namespace

std::string per_head(Fen fen) { return yuan_text(fen) + "元"; }

PropertyTest deposits_test(const Program& p, const Context& ctx, const Source& rule, bool say, bool per_head) {
  const Param* limit = p.param("deposits_max_per_person");
  PropertyTest t{Fact::unknown({Field{"assets", "deposits"}}), {}, limit ? limit->source : rule};
  const std::optional<Fen>& deposits = ctx.h.assets.deposits;
  if (!deposits) {
    if (say) t.text = "家庭有多少存款？家庭财产（存款等）须符合当地规定";
    return t;
  }
  if (*deposits == 0) {
    t.fact = Fact::yes();
    if (say) t.text = "家庭没有存款";
    return t;
  }
  const Fen n = static_cast<Fen>(ctx.size());
  const Fen each = per_head ? div_round(*deposits, n) : *deposits;
  const bool average = per_head && n > 1;
  const std::string head =
      say ? cat({"家庭存款", yuan_text(*deposits), "元", average ? "（人均" : "", average ? yuan_text(each) : "", average ? "元）" : ""}) : "";
  if (const auto max = money_at(limit, ctx.day)) {
    // One person's share of the family's deposits is not known: above the limit
    // decides only for a person alone.
    const bool over = each > *max;
    t.fact = !over ? Fact::yes() : per_head || n == 1 ? Fact::no() : Fact::unknown();
    if (say)
      t.text = cat({head, !over ? "，不超过" : t.fact.is_no() ? "，超过" : "，多于", "每人", yuan_text(*max), "元的存款限额",
                    t.fact.is_unknown() ? "；其中本人的存款是否超过，由乡镇（街道）经济状况核对认定" : ""});
    return t;
  }
  t.fact = Fact::unknown();
  if (say)
    t.text = cat({head, "；", limit ? limit->unstated(ctx.day) : std::string("存款限额未载明"), "，是否符合由乡镇（街道）经济状况核对认定"});
  return t;
}

void evaluate_dibao(const Program& p, Context& ctx, Decision& d, ProgramResult* out) {
  const Standard& s = ctx.dibao_standard();
  IncomeTest t = income_test(ctx, s);
  Source income_src = s.source.doc.empty() ? kArt9 : s.source;

  std::string taper_text;
  Source taper_src;
  const Fact tp = t.fact.is_yes() ? Fact::no() : taper(p, ctx, &taper_text, &taper_src);
  // In a 渐退期 if above the standard, eligible if below: kept either way (泉港: costs
  // deducted at an unstated share leave the income test open, not the 低保).
  const bool kept = tp.is_yes() && !t.fact.is_yes();
  // A household that keeps 低保 through its 渐退期 is not asked about the 支出型 route.
  if (!t.fact.is_yes() && !kept && flag_at(p.param("expenditure_path"), ctx.day)) {
    std::string exceeding;
    Fact e = expenditure_path(ctx, &exceeding);
    if (!e.is_no()) {
      d.require(e, [&](Tri) {
        return !exceeding.empty() && e.missing.empty() ? exceeding
            : "家中无存款或无有效资产、因重残、重病或其它非主观原因导致刚性支出明显大于收入的，也可纳入低保，由乡镇核查认定";
      }, p.param("expenditure_path")->source);
      if (!tp.is_no()) d.note([&] { return "低保户也可能仍在渐退期内：" + taper_text; }, taper_src);
      d.note(t.text, income_src);
      out->members.clear();
      for (size_t i = 0; i < ctx.size(); ++i) out->members.push_back(static_cast<int>(i));
      return;
    }
  }
  // Ask only about the routes this policy has (泉港: 建档立卡; 中卫: 新近就业).
  std::string ask;
  if (ctx.explain && !tp.missing.empty()) {
    ask = "（请确认是否为低保户";
    if (p.param("taper_months_poverty_registered")) ask += "、是否建档立卡";
    if (p.param("taper_months_employment")) ask += "、是否新近就业";
    ask += "）";
  }
  // Property is asked only while the program may still apply (not for the wrong hukou).
  const PropertyTest property = deposits_test(p, ctx, kArt9, ctx.explain);
  const auto require_property = [&] {
    if (d.status() != Status::ineligible) d.require(property.fact, property.text, property.source);
  };
  if ((t.fact.is_no() && !tp.is_no()) || kept) {
    d.require(tp, [&](Tri v) { return v == Tri::unknown ? taper_text + ask : taper_text; }, taper_src);
    require_property();  // 动态管理 goes on in the 渐退期
    if (!t.asks_costs) d.note(t.text, income_src);  // (kept whatever the costs)
    for (const Reason& b : t.bounds) d.note(b);
    deductions_basis(ctx, t, d);
    out->taper = tp.is_yes() && t.fact.is_no();
    for (size_t i = 0; i < ctx.size(); ++i) out->members.push_back(static_cast<int>(i));
    return;
  }
  if (t.fact.is_unknown() && !tp.is_no() && ctx.income().counted) {
    // The income is known but not whether it is below (unstated deductions or
    // standard): above it, the 渐退期 would keep 低保, so its answers may settle it too.
    d.require(any_of({t.fact, tp}), [&] { return t.text + "；如收入已超过低保标准：" + taper_text + ask; }, income_src);
  } else {
    d.require(t.fact, t.text, income_src);
    // Undecided income: a 低保 household with a newly employed member would keep 低保 for
    // a while even above the standard. Said only when those answers are given, not guessed.
    if (t.fact.is_unknown() && !tp.is_no() && tp.missing.empty())
      d.note([&] { return "如收入已超过低保标准：" + taper_text; }, taper_src);
  }
  for (const Reason& b : t.bounds) d.note(b);
  if (!t.fact.is_no()) require_property();  // (no use asking once the income rules it out)
  if (t.fact.is_yes() && s.monthly && t.net) {
    const Fen n = static_cast<Fen>(ctx.size());
    const Fen gap = *s.monthly * n - *t.net;
    out->amount = Amount{gap, "month", false};
    d.basis([&] {
      return "按家庭人均收入低于低保标准的差额按月发放：（" + yuan_text(*s.monthly) + "元 × " + std::to_string(n) + "人）− " +
             yuan_text(*t.net) + "元 = " + yuan_text(gap) + "元/月";
    }, kArt12);
  }
  deductions_basis(ctx, t, d);
  if (ctx.income().deductions > 0)
    if (const Param* ded = ctx.policy.income_param("deducted_expenses"))
      d.note([&] { return "已按规定扣减刚性支出" + yuan_text(ctx.income().deductions) + "元/月（按近12个月支出折算）"; }, ded->source);
  if (ctx.income().not_counted > 0)
    if (const Param* nc = ctx.policy.income_param("not_counted"))
      d.note([&] { return not_counted_text(ctx); }, nc->source);
  pension_figure_note(ctx, d);
  for (size_t i = 0; i < ctx.size(); ++i) out->members.push_back(static_cast<int>(i));
  if (s.monthly && t.net)
    out->threshold = Threshold{"低保标准", *s.monthly, div_round(*t.net, static_cast<Fen>(ctx.size()))};
}

}  // namespace doudi
