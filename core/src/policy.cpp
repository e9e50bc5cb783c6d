#include "policy.h"

#include "json_tree.h"

namespace doudi {

const DatedValue* Param::at(Date day) const {
  for (const DatedValue& v : values) {
    if (v.from && day < *v.from) continue;
    if (v.to && *v.to < day) continue;
    return v.value.is_null() ? nullptr : &v;
  }
  return nullptr;
}

// Linear, lengths first: a program has a handful of parameters, looked up by
// literal names many times a household.
const Param* find_param(const Params& params, std::string_view name) {
  for (const auto& [key, value] : params)
    if (same_key(key, name)) return &value;  // (inline: every evaluation looks its figures up)
  return nullptr;
}

const Param* Program::param(std::string_view name) const { return find_param(params, name); }

const Program* Policy::program(std::string_view id) const {
  for (const Program& p : programs)
    if (same_key(p.id, id)) return &p;
  return nullptr;
}

const Param* Policy::income_param(std::string_view name) const { return find_param(income, name); }

std::optional<Fen> money_at(const Param* p, Date day) {
  const DatedValue* v = p ? p->at(day) : nullptr;
  if (!v || !v->value.is_number()) return std::nullopt;
  return fen_from_yuan(v->value.get<double>());
}

namespace {
bool yearly(const Param& p) { return p.unit.size() >= 5 && p.unit.compare(p.unit.size() - 5, 5, "/year") == 0; }
}  // namespace

std::optional<Fen> monthly_money_at(const Param* p, Date day) {
  auto v = money_at(p, day);
  if (!v) return std::nullopt;
  return yearly(*p) ? div_round(*v, 12) : *v;
}

namespace {
std::optional<Fen> monthly_limit(const Param& p, const std::optional<Bound>& b, Date day) {
  if (!b || !b->amount.is_number() || (b->to && *b->to < day)) return std::nullopt;
  const auto v = fen_from_yuan(b->amount.get<double>());
  if (!v) return std::nullopt;
  return yearly(p) ? div_round(*v, 12) : *v;
}
}  // namespace

std::optional<Fen> monthly_bound_at(const Param* p, Date day) { return p ? monthly_limit(*p, p->bound, day) : std::nullopt; }
std::optional<Fen> monthly_floor_at(const Param* p, Date day) { return p ? monthly_limit(*p, p->floor, day) : std::nullopt; }

std::optional<double> number_at(const Param* p, Date day) {
  const DatedValue* v = p ? p->at(day) : nullptr;
  if (!v || !v->value.is_number()) return std::nullopt;
  return v->value.get<double>();
}

const std::vector<std::string>& list_at(const Param* p, Date day) {
  static const std::vector<std::string> kNone;
  const DatedValue* v = p ? p->at(day) : nullptr;
  return v ? v->list : kNone;
}

std::uint32_t income_kinds_at(const Param* p, Date day) {
  const DatedValue* v = p ? p->at(day) : nullptr;
  return v ? v->income_kinds : 0;
}

bool flag_at(const Param* p, Date day) {
  const DatedValue* v = p ? p->at(day) : nullptr;
  return v && v->value.is_boolean() && v->value.get<bool>();
}

}  // namespace doudi
