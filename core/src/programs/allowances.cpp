// Per-person allowances: 高龄津贴 by age band, 孤儿基本生活保障, 残疾人两项补贴.
// Each lists the members it covers and adds their amounts.
#include "../programs.h"

namespace doudi {
namespace {

const Source kTwoSubsidies{"《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）", "二、（一）"};

void list_all(const std::vector<size_t>& who, ProgramResult* out) {
  for (size_t i : who) out->members.push_back(static_cast<int>(i));
}

// The best of the members' facts (any of them, as any_of has it), and the members at
// that level, taken as each member's fact comes: no list of facts is kept.
struct Pick {
  Fact fact = Fact::no();
  std::vector<size_t> members;

  void add(size_t i, const Fact& f) {
    fact.or_with(f);
    if (f.v > level) {
      level = f.v;
      members.clear();
    }
    if (f.v == level && !f.is_no()) members.push_back(i);
  }

 private:
  Tri level = Tri::no;
};

// Adds `amount` per member for a monthly amount param, or says it is not stated.
void per_member_amount(const Param* param, const Context& ctx, size_t count, Decision* d, ProgramResult* out) {
  if (!param) return;
  if (auto v = monthly_money_at(param, ctx.day)) {
    out->amount = Amount{*v * static_cast<Fen>(count), "month", false};
    d->basis([&] {
      return cat({param->label, "每人每月", yuan_text(*v), "元", count > 1 ? "，共" : "", count > 1 ? std::to_string(count) : "", count > 1 ? "人" : ""});
    }, param->source);
  } else {
    d->basis([&] { return cat({param->label, "：", param->unstated(ctx.day)}); }, param->source);
  }
}

}  // namespace

void evaluate_elderly_allowance(const Program& p, Context& ctx, Decision& d, ProgramResult* out) {
  const Param* bands = p.param("age_bands");
  const DatedValue* dv = bands ? bands->at(ctx.day) : nullptr;
  Fen total = 0;
  std::vector<size_t> who;
  std::string text;
  for (size_t i = 0; dv && dv->value.is_array() && i < ctx.size(); ++i) {  // the loader sees to the shape
    const int age = ctx.h.members[i].age;
    for (const auto& b : dv->value) {
      const int lo = b["from_age"].get<int>();
      const bool open = b["to_age"].is_null();
      if (age < lo || (!open && age > b["to_age"].get<int>())) continue;
      const Fen amount = *fen_from_yuan(b["amount"].get<double>());
      total += amount;
      who.push_back(i);
      if (ctx.explain)
        text += (text.empty() ? "" : "；") + ctx.who(i) + "：" + std::to_string(lo) + (open ? "周岁以上" : "至" + std::to_string(b["to_age"].get<int>()) + "周岁") +
              "，每月" + yuan_text(amount) + "元";
    }
  }
  const int youngest = dv && !dv->value.empty() ? dv->value[0]["from_age"].get<int>() : 80;
  d.require(Fact::of(!who.empty()),
            [&](Tri v) { return v == Tri::no ? "家中没有" + std::to_string(youngest) + "周岁以上的老年人" : text; },
            bands ? bands->source : Source{});
  // Whether the family counts as poor matters only where someone is old enough.
  if (const Param* poor = p.param("poor_only"); poor && flag_at(poor, ctx.day) && !who.empty()) {
    Fact f = ctx.recognised_poor();
    d.require(f.is_no() ? Fact::unknown() : f,
              [&](Tri v) {
                return v == Tri::unknown ? poor->label + "：是否属于贫困老年人，由民政部门认定"
                                         : std::string("家庭为低保、特困或建档立卡等困难家庭");
              },
              poor->source);
  }
  if (!who.empty()) out->amount = Amount{total, "month", false};
  list_all(who, out);
}

void evaluate_orphan_allowance(const Program& p, Context& ctx, Decision& d, ProgramResult* out) {
  const bool unsupported = flag_at(p.param("covers_unsupported"), ctx.day);
  const bool in_school = flag_at(p.param("continue_in_school"), ctx.day);
  Pick pk;
  for (size_t i = 0; i < ctx.size(); ++i) {
    const Member& m = ctx.h.members[i];
    Fact is = Fact::given(assumed_orphan(m), i, "orphan");
    if (unsupported) is = any_of({is, Fact::given(m.unsupported_child, i, "unsupported_child")});
    Fact young = Fact::of(m.age < 18);
    if (in_school && m.age >= 18) {
      young = m.school ? Fact::of(*m.school == School::senior || *m.school == School::vocational)
                       : Fact::unknown({Context::field(i, "school")});
      if (!m.orphan.value_or(false)) young = young.is_no() ? young : Fact::unknown();  // 事实无人抚养儿童: not stated
    }
    if (m.age >= 25) young = Fact::no();
    pk.add(i, all_of({is, young}));
  }
  const Param* sch = p.param("continue_in_school");
  d.require(pk.fact, [&](Tri v) {
    const std::string what = unsupported ? "孤儿或事实无人抚养儿童" : "孤儿";
    if (v == Tri::no) return "家中没有未满18周岁的" + what + (in_school ? "，也没有年满18周岁后仍在高中、中职就读的孤儿" : "");
    std::string yes, ask, open;
    bool adults = false;
    for (size_t i : pk.members) {
      const Member& m = ctx.h.members[i];
      const bool adult = m.age >= 18;
      if (v == Tri::yes) {
        yes += (yes.empty() ? "" : "；") + ctx.who(i) + (adult ? "为孤儿，年满18周岁后仍在高中（含中职）就读" : "为未满18周岁的" + what);
      } else if (adult && in_school && m.unsupported_child.value_or(false) && m.school) {
        // Answered, and undecided by the document itself: say why, not ask again.
        open += (open.empty() ? "" : "；") + ctx.who(i) + "为事实无人抚养儿童，年满18周岁后仍在高中（含中职）就读：" +
                (sch && !sch->note.empty() ? sch->note : std::string("文件只对孤儿写明延续，由民政部门认定"));
      } else {
        ask += (ask.empty() ? "" : "、") + ctx.who(i);
        adults = adults || adult;
      }
    }
    if (v == Tri::yes) return yes;
    if (!ask.empty())
      ask += "是否为" + what + (in_school && adults ? "，年满18周岁的是否仍在高中、中职就读" : "") + "？";
    return open + (open.empty() || ask.empty() ? "" : "；") + ask;
  }, in_school && sch ? sch->source : p.param("amount")->source);
  if (!pk.fact.is_no()) per_member_amount(p.param("amount"), ctx, pk.members.size(), &d, out);
  if (!pk.fact.is_no()) list_all(pk.members, out);
}

void evaluate_disability_living(const Program& p, Context& ctx, Decision& d, ProgramResult* out) {
  Pick pk;
  for (size_t i = 0; i < ctx.size(); ++i) {
    const Member& m = ctx.h.members[i];
    pk.add(i, m.disability_grade ? Fact::of(*m.disability_grade > 0) : Fact::unknown({Context::field(i, "disability_grade")}));
  }
  d.require(pk.fact, {"家中有持残疾人证的成员", "家中没有持残疾人证的成员", "家中是否有持残疾人证的成员？"}, kTwoSubsidies);
  // 对象为低保家庭中的残疾人; a household that would qualify for 低保 applies for both.
  Fact dibao = ctx.status_flag("dibao");
  if (!dibao.is_yes() && ctx.earlier("dibao")) {
    const Fact applying = ctx.earlier_fact("dibao");  // with what 低保 still asks
    if (!applying.is_no()) {
      Fields ask = dibao.missing;
      ask.add(applying.missing);
      dibao = Fact::unknown(std::move(ask));
    }
  }
  // 中卫: the document has the 县（区） raise the allowance of 建档立卡贫困残疾人, which
  // presumes they receive it; whether one outside 低保 does is the county's rule.
  const Param* registered = p.param("poverty_registered_covered");
  if (dibao.is_no() && registered && flag_at(registered, ctx.day) && ctx.status_flag("poverty_registered").is_yes()) {
    d.require(Fact::unknown(), registered->label, registered->source);
  } else {
    d.require(dibao, {"家庭为低保家庭", "家庭不是低保家庭（生活补贴对象为低保家庭中的残疾人）", "家庭是否为低保家庭？如同时申请低保，获批后可申请生活补贴"}, kTwoSubsidies);
  }
  if (!pk.fact.is_no()) {
    per_member_amount(p.param("amount"), ctx, pk.members.size(), &d, out);
    list_all(pk.members, out);
  }
}

void evaluate_disability_care(const Program& p, Context& ctx, Decision& d, ProgramResult* out) {
  const bool extend = flag_at(p.param("extend_mental_intellectual"), ctx.day);
  Pick pk;
  bool extended = false;  // a 三、四级 精神 or 智力 member the county may cover
  bool assessed = false;  // a 一、二级 member who looks after themselves (below)
  for (size_t i = 0; i < ctx.size(); ++i) {
    const Member& m = ctx.h.members[i];
    Fact severe = severe_disability(m, i);
    if (extend && severe.is_no() && m.disability_grade && *m.disability_grade > 0) {
      // 中卫: 县（区）可扩大有护理需求的精神、智力残疾人护理补贴范围.
      if (!m.disability_kind) severe = Fact::unknown({Context::field(i, "disability_kind")});
      else if (*m.disability_kind == DisabilityKind::mental || *m.disability_kind == DisabilityKind::intellectual)
        severe = Fact::unknown(), extended = true;
    }
    // 需要长期照护 is assessed (国发〔2015〕52号 二、（一）), not answered: one who cannot fully
    // look after themselves meets it; for one who can, the assessment decides, so a
    // 一、二级 member who does is left to it rather than refused on the answer.
    Fact care = Fact::unknown({Context::field(i, "self_care")});
    if (m.self_care && *m.self_care != Ability::full) care = Fact::yes();
    else if (m.self_care && severe.is_yes()) care = Fact::unknown(), assessed = true;
    else if (m.self_care) care = Fact::no();
    pk.add(i, all_of({severe, care}));
  }
  // Unknown with nothing left to ask: the county's extension, or the assessment, decides.
  const bool decided_elsewhere = pk.fact.is_unknown() && pk.fact.missing.empty();
  d.require(pk.fact,
            {"家中有残疾等级为一级或二级、需要长期照护的重度残疾人", "家中没有残疾等级为一、二级且需要长期照护的重度残疾人",
             decided_elsewhere && assessed
                 ? "家中有一、二级重度残疾人，生活能完全自理：是否属于“需要长期照护”，由残联评定"
             : decided_elsewhere && extended
                 ? "家中的精神或智力残疾人不是一、二级，但需要照护：县（区）可以把护理补贴扩大到这样的精神、智力残疾人，是否纳入由县（区）决定"
                 : "家中是否有一、二级重度残疾人，生活能否自理？"},
            kTwoSubsidies);
  if (extend) {
    const Param* e = p.param("extend_mental_intellectual");
    d.note(Lasting(e->label), e->source);
  }
  if (!pk.fact.is_no()) {
    per_member_amount(p.param("amount"), ctx, pk.members.size(), &d, out);
    list_all(pk.members, out);
  }
}

}  // namespace doudi
