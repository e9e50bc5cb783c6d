// 临时救助. National rule (《社会救助暂行办法》第四十七条): households whose basic
// living is temporarily in serious difficulty because of a sudden event (fire,
// accident, a member's serious illness...) or a sudden rise in necessary costs.
// Regions set the cap per grant, how many grants a year, who approves.
#include "../programs.h"

namespace doudi {
namespace {

const Source kArt47{"《社会救助暂行办法》（国务院令第649号）", "第四十七条"};

const char* event_zh(EventKind k) {
  // `illness` is any illness (the questionnaire asks 生病、重病): not called 重大疾病.
  static const char* names[] = {"疾病", "意外伤害", "交通或生产安全事故", "火灾", "雷击", "自然灾害", "疫情影响", "失业", "其他突发事件"};
  return names[static_cast<int>(k)];
}

// Is there a recent sudden event whose cost is not covered by compensation?
Fact hardship_event(const Program& p, const Context& ctx, std::string* text) {
  const bool say = ctx.explain;
  if (!ctx.h.events) {
    if (say) *text = "近期是否遭遇突发事件（疾病、事故、火灾等）？";
    return Fact::unknown({Field{"events"}});
  }
  const int window = static_cast<int>(number_at(p.param("recent_months"), ctx.day).value_or(12));
  std::vector<Fact> found;
  for (size_t i = 0; i < ctx.h.events->size(); ++i) {
    const Event& e = (*ctx.h.events)[i];
    Fact recent = e.months_ago ? Fact::of(*e.months_ago <= window) : Fact::unknown({Field{"events", i, "months_ago"}});
    Fact burden;
    if (!e.cost) burden = Fact::unknown({Field{"events", i, "cost"}});
    else burden = Fact::of(*e.cost > e.compensated.value_or(0));
    Fact f = all_of({recent, burden});
    if (say && !f.is_no() && text->empty()) {
      if (!e.cost) *text = cat({"遭遇", event_zh(e.kind)});
      else
        *text = cat({"遭遇", event_zh(e.kind), "，损失或支出", yuan_text(*e.cost), "元，获得赔偿、保险和救助", yuan_text(e.compensated.value_or(0)),
                     "元，个人仍负担", yuan_text(std::max<Fen>(0, *e.cost - e.compensated.value_or(0))), "元"});
    }
    found.push_back(f);
  }
  Fact any = any_of(found);
  if (say && any.is_no()) *text = "近" + std::to_string(window) + "个月内没有填写个人仍需负担费用的突发事件";
  return any;
}

}  // namespace

// 第四十七条 also covers 生活必需支出突然增加超出家庭承受能力: out-of-pocket costs of the
// last 12 months above the household's income for the same months. Whether that is
// "sudden" and beyond its means is for the office to judge, so at most `maybe`.
Fact spending_beyond_income(const Context& ctx, std::string* text) {
  const auto& inc = ctx.income();
  Fields missing;
  const Fen yearly = ctx.yearly_expenses(&missing);
  const bool say = ctx.explain;
  if (!inc.counted) {
    // Costs first: none at all settles it without the income (a sick urban resident of
    // 鹤壁, neither answered, was refused and asked nothing).
    if (yearly == 0 && missing.empty()) return Fact::no();
    if (say)
      *text = yearly > 0 ? "近12个月的自付支出是否超过家庭收入？（生活必需支出突然增加的也可申请）"
                         : "近12个月的医疗、教育、灾害自付支出是多少？（超过家庭收入的也可申请）";
    return Fact::unknown(yearly > 0 ? inc.missing : missing);
  }
  if (yearly > *inc.counted * 12) {
    if (say)
      *text = "近12个月自付医疗、教育和灾害支出" + yuan_text(yearly) + "元，超过家庭同期收入" + yuan_text(*inc.counted * 12) +
              "元；生活必需支出突然增加、超出家庭承受能力的，可申请临时救助，由乡镇（街道）审核";
    return Fact::unknown();
  }
  // Costs not yet given could still pass the income.
  if (say) *text = "近12个月的医疗、教育、灾害自付支出是多少？（超过家庭收入的也可申请）";
  return missing.empty() ? Fact::no() : Fact::unknown(missing);
}

void evaluate_temporary_aid(const Program& p, Context& ctx, Decision& d, ProgramResult* out) {
  std::string event_text;
  Fact event = hardship_event(p, ctx, &event_text);
  if (!event.is_yes()) {
    std::string spending_text;
    const Fact spending = spending_beyond_income(ctx, &spending_text);
    if (!spending.is_no()) {
      if (ctx.explain) {
        // Two questions side by side need no ；between them ("…？近12个月…？").
        const bool asks = event_text.size() >= 3 && event_text.compare(event_text.size() - 3, 3, "？") == 0;
        event_text = event.is_no() ? spending_text : event_text + (asks ? "" : "；") + spending_text;
      }
      event = any_of({event, spending});
    }
  }
  d.require(event, std::move(event_text), kArt47);

  if (const Param* maxp = p.param("max_grants_per_year")) {
    if (auto max = number_at(maxp, ctx.day)) {
      const int limit = static_cast<int>(*max);
      // A limit with an exception the office judges (新密: 特殊群体确因生活或其他困难需多次
      // 小额救助者除外): reaching it leaves the decision to the office, not a no.
      const Param* except = p.param("max_grants_exception");
      const bool excepted = except && flag_at(except, ctx.day);
      Fact under = ctx.h.temporary_aid_this_year ? Fact::of(*ctx.h.temporary_aid_this_year < limit)
                                                 : Fact::unknown({Field{"aid_this_year", "temporary"}});
      const bool reached = under.is_no();
      if (reached && excepted) under = Fact::unknown();
      d.require(under, [&](Tri v) {
        const std::string most = std::to_string(limit) + "次";
        if (v == Tri::unknown && !reached) return "今年已获得过几次临时救助？（每年不超过" + most + "）";
        const std::string got = "今年已获临时救助" + std::to_string(*ctx.h.temporary_aid_this_year) + "次";
        if (v == Tri::yes) return got + "，未超过每年" + most;
        if (v == Tri::unknown) return got + "，已达每年" + most + "；" + except->label + "，由乡镇（街道）审核";
        return got + "，每年不超过" + most + (maxp->note.empty() ? "" : "（" + maxp->note + "）");
      }, reached && excepted ? except->source : maxp->source);
    }
  }
  // Who counts as in difficulty: the target groups are already recognised, by their
  // status or by a program before this one that covers them (明溪: 城市孤儿, 直接认定 as a
  // 城市困难家庭 like 低保 and 特困); anyone else is assessed by the office (基本生活困难).
  const Param* targets = p.param("target_statuses");
  const Param* programs = p.param("target_programs");
  Fact group = Fact::no();
  for (const auto& s : list_at(targets, ctx.day)) group.or_with(ctx.status_flag(s));
  for (const auto& id : list_at(programs, ctx.day))
    if (ctx.earlier(id)) group.or_with(ctx.earlier_fact(id));
  if (targets) {
    d.require(group.is_no() ? Fact::unknown() : group, [&](Tri v) {
      const std::string who = targets->label + (programs ? "、" + programs->label : "");
      return v == Tri::unknown ? "不属于" + who + "的，由乡镇（街道）审核认定家庭基本生活确有困难（任何人都可以申请）"
                               : "属于" + who + "，困难情况已经认定";
    }, targets->source);
  } else {
    d.require(Fact::unknown(), "家庭基本生活是否陷入困境，由乡镇（街道）审核认定", kArt47);
  }
  if (auto cap = money_at(p.param("max_per_grant"), ctx.day)) {
    out->amount = Amount{*cap, "once", true};
    d.basis([&] { return "每次救助金额最高" + yuan_text(*cap) + "元"; }, p.param("max_per_grant")->source);
  } else if (const Param* c = p.param("max_per_grant")) {
    d.basis([&] { return "救助标准：" + c->unstated(ctx.day); }, c->source);
  }
}

}  // namespace doudi
