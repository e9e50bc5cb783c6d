// The public entry points: parse, validate, evaluate every program of the
// region's policy in order, and write the contract's result JSON.
#include "doudi/screen.h"
#include "doudi/roster.h"  // repair_utf8

#include <algorithm>

#include "json_writer.h"
#include "evaluate.h"
#include "programs.h"

namespace doudi {
namespace {

template <class W>
void write_amount(W& w, const Amount& a) {
  w.key("amount").begin_object();
  w.key("value").yuan(a.value).key("per").text(a.per).key("up_to").boolean(a.up_to);
  w.end_object();
}

// The program's `apply`, serialised at load, in the writer's units.
std::string_view apply_of(const JsonWriter&, const Program& prog) { return prog.apply_json; }
std::u16string_view apply_of(const JsonWriter16&, const Program& prog) { return prog.apply_json16; }

// Every string of a result is the policy's or the engine's own: JsonWriter::text.
template <class W>
void write_program(W& w, const ProgramResult& r, const Program& prog) {
  w.begin_object();
  w.key("id").text(r.id).key("name").text(r.name).key("status").text(status_name(r.status));
  if (r.amount) write_amount(w, *r.amount);
  w.key("members").begin_array();
  for (int m : r.members) w.number(m);
  w.end_array();
  w.key("reasons").begin_array();
  for (const Reason& x : r.reasons) {
    w.begin_object().key("text").text(x.text()).key("source").begin_object();
    w.key("doc").text(x.source.doc).key("clause").text(x.source.clause).end_object().end_object();
  }
  w.end_array();
  w.key("missing").begin_array();
  for (const auto& m : r.missing) w.text(m);
  w.end_array();
  w.key("apply").raw(apply_of(w, prog));
  if (r.threshold) {
    w.key("threshold").begin_object().key("label").text(r.threshold->label);
    w.key("limit").yuan(r.threshold->limit).key("value").yuan(r.threshold->value).key("per").text("month");
    w.key("gap").yuan(r.threshold->limit - r.threshold->value).end_object();
  }
  if (r.taper) w.key("taper").boolean(true);
  w.end_object();
}

std::string apply_json(const Apply& a) {
  JsonWriter w;
  w.begin_object().key("where").string(a.where).key("documents").strings(a.documents).key("steps").strings(a.steps);
  if (!a.time_limit.empty()) w.key("time_limit").string(a.time_limit);
  w.end_object();
  return w.take();
}

// The contract's error result. Messages may quote the input: escaped.
std::string refusal(std::string_view region, const std::vector<FieldError>& errors) {
  JsonWriter w;
  w.begin_object().key("schema").number(1).key("region");
  if (region.empty()) w.null();
  else w.string(region);
  w.key("errors").begin_array();
  for (const FieldError& e : errors)
    w.begin_object().key("field").string(e.field).key("message").string(e.message).key("message_en").string(e.message_en).end_object();
  w.end_array().end_object();
  return w.take();
}

std::string known_regions(const PolicySet& set) {
  std::string s;
  for (const auto& p : set.all()) s += (s.empty() ? "" : "、") + p->id;
  return s;
}

}  // namespace

ProgramResult evaluate_program(const Program& prog, Context& ctx) {
  ProgramResult r;
  r.id = prog.id;
  r.name = prog.name;
  r.apply = &prog.apply;
  r.members.reserve(ctx.size());
  Decision d(ctx.explain, ctx.facts);
  apply_conditions(prog, ctx, &d);
  if (prog.spec) prog.spec->evaluate(prog, ctx, d, &r);
  // Notes do not change the status, so it is known before they are added.
  const bool may_apply = d.status() != Status::ineligible;
  for (const ProgramNote& n : prog.notes)
    if (ctx.explain && (may_apply || !n.if_may_apply) && ctx.holds(n.when).is_yes()) d.note(Lasting(n.text), n.source);
  Fields missing;
  d.finish(&r, &missing);
  if (r.status == Status::ineligible) {
    r.amount.reset();
    r.members.clear();
    r.taper = false;
  }
  std::sort(r.members.begin(), r.members.end());
  r.members.erase(std::unique(r.members.begin(), r.members.end()), r.members.end());
  ctx.record(r, std::move(missing));
  return r;
}

std::vector<ProgramResult> evaluate_household(const Policy& policy, const Household& h, HouseholdIncome* income,
                                              Detail detail) {
  Context ctx(h, policy, h.as_of.value_or(policy.document.effective_from), detail == Detail::reasons, detail == Detail::missing);
  if (income) *income = ctx.income();
  std::vector<ProgramResult> out;
  out.reserve(policy.programs.size());
  for (const Program& prog : policy.programs) out.push_back(evaluate_program(prog, ctx));
  return out;
}

PolicySet::PolicySet() = default;
PolicySet::~PolicySet() = default;
PolicySet::PolicySet(PolicySet&&) noexcept = default;
PolicySet& PolicySet::operator=(PolicySet&&) noexcept = default;

namespace {
// "policies/hebi-2017.json" -> "hebi-2017"
std::string policy_id(std::string_view file_name) {
  std::string id(file_name);
  if (auto slash = id.find_last_of('/'); slash != std::string::npos) id = id.substr(slash + 1);
  if (id.size() > 5 && id.compare(id.size() - 5, 5, ".json") == 0) id.resize(id.size() - 5);
  return id;
}
}  // namespace

std::vector<PolicyError> PolicySet::add(std::string_view file_name, std::string_view json_text) { return load(file_name, json_text); }

void PolicySet::add_later(std::string_view file_name, std::string_view json_text) {
  waiting_.push_back({policy_id(file_name), file_name, json_text});
}

const std::vector<std::unique_ptr<Policy>>& PolicySet::all() const {
  while (!waiting_.empty()) {
    const Waiting w = waiting_.back();
    waiting_.pop_back();
    load(w.file_name, w.text);
  }
  return policies_;
}

std::vector<PolicyError> PolicySet::load(std::string_view file_name, std::string_view json_text) const {
  const std::string id = policy_id(file_name);
  std::vector<PolicyError> errors;
  if (find(id)) {
    errors.push_back({std::string(file_name), "", "a policy with id '" + id + "' is already loaded"});
    return errors;
  }
  PolicyLoad load = load_policy(id, json_text);
  for (auto& pr : load.problems) errors.push_back({std::string(file_name), pr.path, pr.message});
  if (errors.empty() && load.policy) {
    for (Program& p : load.policy->programs) {
      p.apply_json = apply_json(p.apply);
      p.apply_json16 = utf16_from_utf8(p.apply_json);
    }
    policies_.push_back(std::make_unique<Policy>(std::move(*load.policy)));
    std::sort(policies_.begin(), policies_.end(), [](const auto& a, const auto& b) { return a->id < b->id; });
  }
  return errors;
}

const Policy* PolicySet::find(std::string_view region_id) const {
  for (const auto& p : policies_)
    if (p->id == region_id) return p.get();
  for (size_t i = 0; i < waiting_.size(); ++i)
    if (waiting_[i].id == region_id) {
      const Waiting w = waiting_[i];
      waiting_.erase(waiting_.begin() + static_cast<std::ptrdiff_t>(i));
      load(w.file_name, w.text);
      return find(region_id);  // loaded now, or absent when the file failed
    }
  return nullptr;
}

namespace {

// The household read and checked, and its region's policy; or, in `refused`, the
// contract's error result to answer instead.
struct Reading {
  HouseholdParse hp;
  const Policy* policy = nullptr;
  std::string refused;
};

Reading read(const PolicySet& set, std::string_view text) {
  Reading r{parse_household(text), nullptr, {}};
  const Household& h = r.hp.household;
  r.policy = h.region.empty() ? nullptr : set.find(h.region);
  if (!h.region.empty() && !r.policy)
    r.hp.errors.insert(r.hp.errors.begin(), FieldError{"region", "未知地区“" + std::string(utf8_prefix(h.region, 60)) + "”，可选：" + known_regions(set),
                                                       "unknown region '" + std::string(utf8_prefix(h.region, 60)) + "'; known: " + known_regions(set)});
  if (!r.hp.errors.empty() || !r.policy) r.refused = refusal(h.region, r.hp.errors);
  return r;
}

// screen_brief()'s text, in the writer's units.
template <class W>
void write_brief(W& w, const Reading& r) {
  w.begin_object().key("schema").number(1).key("region").text(r.policy->id).key("programs").begin_array();
  for (const ProgramResult& p : evaluate_household(*r.policy, r.hp.household, nullptr, Detail::missing)) {
    w.begin_object().key("id").text(p.id).key("status").text(status_name(p.status));
    if (p.amount) write_amount(w, *p.amount);
    w.key("missing").begin_array();
    for (const auto& m : p.missing) w.text(m);
    w.end_array().end_object();
  }
  w.end_array().key("errors").begin_array().end_array().end_object();
}

// screen()'s text, in the writer's units.
template <class W>
void write_result(W& w, const Reading& r) {
  const Household& h = r.hp.household;
  const Policy* policy = r.policy;
  const Date day = h.as_of.value_or(policy->document.effective_from);
  Context ctx(h, *policy, day);
  const HouseholdIncome& inc = ctx.income();
  const Fen n = static_cast<Fen>(h.members.size());
  w.begin_object().key("schema").number(1).key("region").text(policy->id);
  w.key("policy").begin_object().key("title").text(policy->document.title).key("doc").text(policy->document.doc);
  w.key("issued").text(policy->document.issued.iso()).end_object();
  w.key("as_of").text(day.iso());
  // Figures outside the document's period may have changed: say so once.
  const auto& doc = policy->document;
  std::string notice;
  if (doc.effective_to && *doc.effective_to < day)
    notice = "查询日期" + day.chinese() + "晚于本文件的适用期（至" + doc.effective_to->chinese() +
             "），其后的标准和政策可能已经调整，请以当地最新公布的为准。";
  else if (day < doc.issued)
    notice = "查询日期" + day.chinese() + "早于本文件印发日期（" + doc.issued.chinese() + "），部分措施当时可能尚未实施。";
  if (!notice.empty()) w.key("notices").begin_array().text(notice).end_array();
  w.key("household").begin_object().key("size").number(n).key("income_monthly");
  if (inc.counted) w.yuan(*inc.counted);
  else w.null();
  w.key("deductions_monthly").yuan(inc.deductions).key("per_capita_monthly");
  if (inc.counted) w.yuan(div_round(*inc.counted - inc.deductions, n));
  else w.null();
  w.end_object();
  w.key("programs").begin_array();
  for (const Program& prog : policy->programs) write_program(w, evaluate_program(prog, ctx), prog);
  w.end_array().key("errors").begin_array().end_array().end_object();
}

}  // namespace

ScreenOutput screen_brief(const PolicySet& set, std::string_view text) {
  Reading r = read(set, text);
  if (!r.refused.empty()) return {std::move(r.refused), false};
  JsonWriter w(2048);
  write_brief(w, r);
  return {w.take(), true};
}

ScreenOutput screen(const PolicySet& set, std::string_view text) {
  Reading r = read(set, text);
  if (!r.refused.empty()) return {std::move(r.refused), false};
  JsonWriter w(16384);  // results are 8-14 KB: one allocation
  write_result(w, r);
  return {w.take(), true};
}

namespace {
// The UTF-16 entries. A refusal is the UTF-8 one transcoded: it is short, and rare.
template <void (*write)(JsonWriter16&, const Reading&)>
ScreenOutput16 utf16_entry(const PolicySet& set, std::string_view text, size_t expected) {
  Reading r = read(set, text);
  JsonWriter16 w(r.refused.empty() ? expected : r.refused.size());
  if (r.refused.empty()) write(w, r);
  else w.raw(utf16_from_utf8(r.refused));
  ScreenOutput16 out;
  out.units = w.release(&out.size);
  out.ok = r.refused.empty();
  return out;
}
}  // namespace

ScreenOutput16 screen_utf16(const PolicySet& set, std::string_view text) {
  return utf16_entry<write_result<JsonWriter16>>(set, text, 16384);
}

ScreenOutput16 screen_brief_utf16(const PolicySet& set, std::string_view text) {
  return utf16_entry<write_brief<JsonWriter16>>(set, text, 2048);
}

std::string regions_json(const PolicySet& set) {
  JsonWriter w;
  w.begin_array();
  for (const auto& p : set.all()) {
    const auto& d = p->document;
    w.begin_object().key("id").string(p->id).key("name").text(d.region).key("title").text(d.title);
    w.key("doc").text(d.doc).key("issuer").text(d.issuer).key("issued").text(d.issued.iso());
    w.key("effective_from").text(d.effective_from.iso()).key("effective_to");
    if (d.effective_to) w.text(d.effective_to->iso());
    else w.null();
    w.end_object();
  }
  w.end_array();
  return w.take();
}

std::string policy_json(const PolicySet& set, std::string_view region_id) {
  const Policy* p = set.find(region_id);
  if (!p) {
    const std::string asked = repair_utf8(region_id);  // the caller's text: it may be anything
    const std::string id(utf8_prefix(asked, 60));
    JsonWriter w;
    w.begin_object().key("errors").begin_array().begin_object().key("field").text("region");
    w.key("message").string("未知地区“" + id + "”，可选：" + known_regions(set));
    w.key("message_en").string("unknown region '" + id + "'; known: " + known_regions(set));
    w.end_object().end_array().end_object();
    return w.take();
  }
  return p->raw.dump();
}

}  // namespace doudi
