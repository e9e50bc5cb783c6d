// The public entry points: parse, validate, evaluate every program of the
// region's policy in order, and write the contract's result JSON.
#include "doudi/screen.h"

#include <algorithm>

#include "programs.h"

namespace doudi {
namespace {

using ojson = nlohmann::ordered_json;

ojson source_json(const Source& s) { return ojson{{"doc", s.doc}, {"clause", s.clause}}; }

ojson program_json(const ProgramResult& r) {
  ojson p;
  p["id"] = r.id;
  p["name"] = r.name;
  p["status"] = status_name(r.status);
  if (r.amount) {
    p["amount"] = {{"value", yuan_json(r.amount->value)}, {"per", r.amount->per}, {"up_to", r.amount->up_to}};
  }
  p["members"] = r.members;
  ojson reasons = ojson::array();
  for (const Reason& x : r.reasons) reasons.push_back({{"text", x.text}, {"source", source_json(x.source)}});
  p["reasons"] = reasons;
  p["missing"] = r.missing;
  if (r.apply) {
    p["apply"] = {{"where", r.apply->where}, {"documents", r.apply->documents}, {"steps", r.apply->steps}};
    if (!r.apply->time_limit.empty()) p["apply"]["time_limit"] = r.apply->time_limit;
  }
  if (r.threshold) {
    const Fen gap = r.threshold->limit - r.threshold->value;
    p["threshold"] = {{"label", r.threshold->label},
                      {"limit", yuan_json(r.threshold->limit)},
                      {"value", yuan_json(r.threshold->value)},
                      {"per", "month"},
                      {"gap", yuan_json(gap)}};
  }
  if (r.taper) p["taper"] = true;
  return p;
}

ojson error_json(const FieldError& e) { return {{"field", e.field}, {"message", e.message}, {"message_en", e.message_en}}; }

ojson money_or_null(const std::optional<Fen>& v) { return v ? yuan_json(*v) : ojson(nullptr); }

ProgramResult evaluate(const Program& prog, Context& ctx) {
  ProgramResult r;
  r.id = prog.id;
  r.name = prog.name;
  r.apply = &prog.apply;
  Decision d;
  apply_conditions(prog, ctx, &d);
  if (const KindSpec* k = find_kind(prog.kind)) k->evaluate(prog, ctx, d, &r);
  for (const ProgramNote& n : prog.notes)
    if (ctx.holds(n.when).is_yes()) d.note(n.text, n.source);
  d.finish(&r);
  if (r.status == Status::ineligible) {
    r.amount.reset();
    r.members.clear();
    r.taper = false;
  }
  std::sort(r.members.begin(), r.members.end());
  r.members.erase(std::unique(r.members.begin(), r.members.end()), r.members.end());
  ctx.record(r);
  return r;
}

std::string known_regions(const PolicySet& set) {
  std::string s;
  for (const auto& p : set.all()) s += (s.empty() ? "" : "、") + p->id;
  return s;
}

}  // namespace

PolicySet::PolicySet() = default;
PolicySet::~PolicySet() = default;
PolicySet::PolicySet(PolicySet&&) noexcept = default;
PolicySet& PolicySet::operator=(PolicySet&&) noexcept = default;

std::vector<PolicyError> PolicySet::add(std::string_view file_name, std::string_view json_text) {
  std::string id(file_name);
  if (auto slash = id.find_last_of('/'); slash != std::string::npos) id = id.substr(slash + 1);
  if (id.size() > 5 && id.compare(id.size() - 5, 5, ".json") == 0) id.resize(id.size() - 5);
  std::vector<PolicyError> errors;
  if (find(id)) {
    errors.push_back({std::string(file_name), "", "a policy with id '" + id + "' is already loaded"});
    return errors;
  }
  PolicyLoad load = load_policy(id, json_text);
  for (auto& pr : load.problems) errors.push_back({std::string(file_name), pr.path, pr.message});
  if (errors.empty() && load.policy) {
    policies_.push_back(std::make_unique<Policy>(std::move(*load.policy)));
    std::sort(policies_.begin(), policies_.end(), [](const auto& a, const auto& b) { return a->id < b->id; });
  }
  return errors;
}

const Policy* PolicySet::find(std::string_view region_id) const {
  for (const auto& p : policies_)
    if (p->id == region_id) return p.get();
  return nullptr;
}

ScreenOutput screen(const PolicySet& set, std::string_view text) {
  HouseholdParse hp = parse_household(text);
  const Household& h = hp.household;
  const Policy* policy = h.region.empty() ? nullptr : set.find(h.region);
  if (!h.region.empty() && !policy)
    hp.errors.insert(hp.errors.begin(), FieldError{"region", "未知地区“" + h.region.substr(0, 60) + "”，可选：" + known_regions(set),
                                                   "unknown region '" + h.region.substr(0, 60) + "'; known: " + known_regions(set)});
  ojson out;
  out["schema"] = 1;
  out["region"] = h.region.empty() ? ojson(nullptr) : ojson(h.region);
  if (!hp.errors.empty() || !policy) {
    ojson errors = ojson::array();
    for (const auto& e : hp.errors) errors.push_back(error_json(e));
    out["errors"] = errors;
    return {out.dump(-1, ' ', false, ojson::error_handler_t::replace), false};
  }
  out["policy"] = {{"title", policy->document.title}, {"doc", policy->document.doc}, {"issued", policy->document.issued.iso()}};
  const Date day = h.as_of.value_or(policy->document.effective_from);
  out["as_of"] = day.iso();
  Context ctx(h, *policy, day);
  const HouseholdIncome& inc = ctx.income();
  const Fen n = static_cast<Fen>(h.members.size());
  std::optional<Fen> per_capita;
  if (inc.counted) per_capita = div_round(*inc.counted - inc.deductions, n);
  out["household"] = {{"size", n},
                      {"income_monthly", money_or_null(inc.counted)},
                      {"deductions_monthly", yuan_json(inc.deductions)},
                      {"per_capita_monthly", money_or_null(per_capita)}};
  ojson programs = ojson::array();
  for (const Program& prog : policy->programs) programs.push_back(program_json(evaluate(prog, ctx)));
  out["programs"] = programs;
  out["errors"] = ojson::array();
  return {out.dump(-1, ' ', false, ojson::error_handler_t::replace), true};
}

std::string regions_json(const PolicySet& set) {
  ojson list = ojson::array();
  for (const auto& p : set.all()) {
    const auto& d = p->document;
    ojson r = {{"id", p->id},         {"name", d.region},   {"title", d.title},
               {"doc", d.doc},        {"issuer", d.issuer}, {"issued", d.issued.iso()},
               {"effective_from", d.effective_from.iso()}};
    r["effective_to"] = d.effective_to ? ojson(d.effective_to->iso()) : ojson(nullptr);
    list.push_back(r);
  }
  return list.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

std::string policy_json(const PolicySet& set, std::string_view region_id) {
  const Policy* p = set.find(region_id);
  if (!p) {
    const std::string id(region_id.substr(0, 60));
    ojson e = {{"errors", ojson::array({{{"field", "region"},
                                          {"message", "未知地区“" + id + "”，可选：" + known_regions(set)},
                                          {"message_en", "unknown region '" + id + "'; known: " + known_regions(set)}}})}};
    return e.dump(-1, ' ', false, ojson::error_handler_t::replace);
  }
  return dump(p->raw);
}

}  // namespace doudi
