// Loads one policy file strictly: every problem is reported with its JSON path,
// so a policy author can fix the file without reading C++.
#include <algorithm>
#include <cmath>
#include <set>

#include "json_writer.h"
#include "programs.h"

namespace doudi {
namespace {

class Loader {
 public:
  explicit Loader(std::vector<LoadProblem>* problems) : problems_(problems) {}

  void problem(const std::string& path, const std::string& message) { problems_->push_back({path, message}); }

  void only(const json& obj, const std::string& path, std::initializer_list<const char*> known) {
    for (auto it = obj.begin(); it != obj.end(); ++it)
      if (std::none_of(known.begin(), known.end(), [&](const char* k) { return it.key() == k; }))
        problem(path_key(path, it.key()), "unknown key '" + it.key() + "'");
  }

  const json* object(const json& parent, const std::string& path, const char* key, bool required = true) {
    auto it = parent.find(key);
    if (it == parent.end()) {
      if (required) problem(path_key(path, key), "missing (required)");
      return nullptr;
    }
    if (!it->is_object()) {
      problem(path_key(path, key), "must be an object");
      return nullptr;
    }
    return &*it;
  }

  // An optional true/false; false when absent.
  bool flag(const json& parent, const std::string& path, const char* key) {
    auto it = parent.find(key);
    if (it == parent.end()) return false;
    if (!it->is_boolean()) problem(path_key(path, key), "must be true or false");
    return it->is_boolean() && it->get<bool>();
  }

  std::string text(const json& parent, const std::string& path, const char* key, bool required = true) {
    auto it = parent.find(key);
    if (it == parent.end()) {
      if (required) problem(path_key(path, key), "missing (required)");
      return "";
    }
    if (!it->is_string() || (required && it->get_ref<const std::string&>().empty())) {
      problem(path_key(path, key), "must be a non-empty string");
      return "";
    }
    return it->get<std::string>();
  }

  std::vector<std::string> texts(const json& parent, const std::string& path, const char* key) {
    std::vector<std::string> out;
    auto it = parent.find(key);
    if (it == parent.end() || !it->is_array() || it->empty()) {
      problem(path_key(path, key), "must be a non-empty list of strings");
      return out;
    }
    for (size_t i = 0; i < it->size(); ++i) {
      if (!(*it)[i].is_string() || (*it)[i].get_ref<const std::string&>().empty())
        problem(path_index(path_key(path, key), i), "must be a non-empty string");
      else out.push_back((*it)[i].get<std::string>());
    }
    return out;
  }

  std::optional<Date> date(const json& parent, const std::string& path, const char* key, bool required) {
    auto it = parent.find(key);
    if (it == parent.end()) {
      if (required) problem(path_key(path, key), "missing (required)");
      return std::nullopt;
    }
    std::optional<Date> d = it->is_string() ? parse_date(it->get_ref<const std::string&>()) : std::nullopt;
    if (!d) problem(path_key(path, key), "must be an ISO date (YYYY-MM-DD)");
    return d;
  }

  Source source(const json& parent, const std::string& path) {
    const json* s = object(parent, path, "source");
    return s ? citation(*s, path_key(path, "source")) : Source{};
  }

  // A non-empty list of sources under `key` ("sources" of an `apply`).
  std::vector<Source> sources(const json& parent, const std::string& path, const char* key) {
    std::vector<Source> out;
    const std::string at = path_key(path, key);
    auto it = parent.find(key);
    if (it == parent.end() || !it->is_array() || it->empty()) {
      problem(at, "must be a non-empty list of sources {doc, clause}");
      return out;
    }
    for (size_t i = 0; i < it->size(); ++i) {
      const std::string ai = path_index(at, i);
      if ((*it)[i].is_object()) out.push_back(citation((*it)[i], ai));
      else problem(ai, "must be an object {doc, clause}");
    }
    return out;
  }

  // One citation {doc, clause} at `at`, remembered for check_citations.
  Source citation(const json& s, const std::string& at) {
    only(s, at, {"doc", "clause"});
    Source src{keep(text(s, at, "doc")), keep(text(s, at, "clause"))};
    sources_.push_back({at, src});
    return src;
  }

  // Every citation of the document itself must name a clause whose text the
  // file carries, so the site can show it.
  void check_citations(const Policy& p) {
    for (const auto& [path, s] : sources_)
      if (s.doc == p.document.doc && !p.clauses.count(s.clause))
        problem(path, "clause '" + std::string(s.clause) + "' of " + std::string(s.doc) + " has no text in `clauses`");
  }

  // A text kept for the policy's lifetime (Sources view it).
  std::string_view keep(std::string s) {
    for (const std::string& t : *texts_)
      if (t == s) return t;  // documents cite a few dozen distinct texts, each many times
    return texts_->emplace_back(std::move(s));
  }

  std::unique_ptr<TextPool> take_texts() { return std::move(texts_); }

 private:
  std::vector<LoadProblem>* problems_;
  std::vector<std::pair<std::string, Source>> sources_;
  std::unique_ptr<TextPool> texts_ = std::make_unique<TextPool>();
};

bool unit_allowed(const std::string& unit, const char* allowed) {
  std::string list = allowed;
  size_t start = 0;
  while (start <= list.size()) {
    size_t bar = list.find('|', start);
    if (bar == std::string::npos) bar = list.size();
    if (list.compare(start, bar - start, unit) == 0) return true;
    start = bar + 1;
  }
  return false;
}

bool is_money(const json& v) {
  return v.is_number() && v.get<double>() >= 0 && v.get<double>() <= 1e8 && fen_from_yuan(v.get<double>());
}

// Checks a value against the parameter's unit; returns "" or what is wrong.
std::string check_value(const json& v, const std::string& unit) {
  if (v.is_null()) return "";
  if (unit.rfind("yuan/", 0) == 0) {
    if (is_money(v)) return "";
    if (v.is_array()) {  // age bands
      for (const auto& b : v) {
        if (!b.is_object() || !b.contains("from_age") || !b.contains("to_age") || !b.contains("amount") || b.size() != 3 ||
            !b["from_age"].is_number_integer() || !(b["to_age"].is_null() || b["to_age"].is_number_integer()) ||
            !is_money(b["amount"]))
          return "age bands must be {from_age, to_age (or null), amount}";
      }
      return "";
    }
    if (v.is_object()) {  // amounts by school level
      for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string& k = it.key();
        if (k != "preschool" && k != "primary" && k != "junior" && k != "senior" && k != "vocational" && k != "college")
          return "unknown school level '" + k + "'";
        if (!it->is_null() && !is_money(*it)) return "amounts must be yuan with at most 2 decimals, or null";
      }
      return "";
    }
    return "must be an amount in yuan (>= 0, at most 2 decimals) or null";
  }
  if (unit == "ratio") return v.is_number() && v.get<double>() >= 0 && v.get<double>() <= 10 ? "" : "must be a ratio (0-10)";
  if (unit == "m2/person") return v.is_number() && v.get<double>() >= 0 ? "" : "must be square metres (>= 0)";
  if (unit == "months" || unit == "times/year" || unit == "working_days")
    return v.is_number_integer() && v.get<long long>() >= 0 ? "" : "must be a whole number";
  if (unit == "flag") return v.is_boolean() ? "" : "must be true or false";
  if (unit == "date") return v.is_string() && parse_date(v.get<std::string>()) ? "" : "must be an ISO date";
  if (unit == "list") {
    if (!v.is_array()) return "must be a list of strings";
    for (const auto& s : v)
      if (!s.is_string()) return "must be a list of strings";
    return "";
  }
  return "unknown unit '" + unit + "'";
}

// A bound stands in for a money figure the document does not state: it needs
// its own source and a note saying why the figure cannot be higher.
// A bound {max, …} or a floor {min, …}: `amount` names the figure's key.
std::optional<Bound> load_bound(Loader& L, const json& j, const std::string& path, const Param& p, const char* amount) {
  if (!j.is_object()) {
    L.problem(path, std::string("must be an object {") + amount + ", to, source, note}");
    return std::nullopt;
  }
  L.only(j, path, {amount, "to", "source", "note"});
  Bound b;
  b.amount = j.value(amount, json());
  if (!p.is_money()) L.problem(path, "only a money parameter can have a bound or a floor");
  if (!b.amount.is_number() || b.amount.get<double>() <= 0 || b.amount.get<double>() > 1e8)
    L.problem(path_key(path, amount), "must be a positive amount in the parameter's unit");
  b.to = L.date(j, path, "to", false);
  b.source = L.source(j, path);
  b.note = L.text(j, path, "note");
  return b;
}

Param load_param(Loader& L, const std::string& name, const json& j, const std::string& path, const char* allowed_units) {
  Param p;
  p.name = name;
  if (!j.is_object()) {
    L.problem(path, "a parameter must be an object");
    return p;
  }
  L.only(j, path, {"label", "unit", "value", "values", "source", "note", "bound", "floor"});
  p.label = L.text(j, path, "label");
  p.unit = L.text(j, path, "unit");
  p.note = L.text(j, path, "note", false);
  p.source = L.source(j, path);
  if (j.contains("bound")) p.bound = load_bound(L, j["bound"], path_key(path, "bound"), p, "max");
  if (j.contains("floor")) p.floor = load_bound(L, j["floor"], path_key(path, "floor"), p, "min");
  if (!p.unit.empty() && allowed_units && !unit_allowed(p.unit, allowed_units))
    L.problem(path_key(path, "unit"), "unit '" + p.unit + "' not allowed here (allowed: " + allowed_units + ")");
  const bool has_value = j.contains("value"), has_values = j.contains("values");
  if (has_value == has_values) {
    L.problem(path, "give exactly one of `value` or `values`");
    return p;
  }
  auto add = [&](const json& v, const std::string& at, DatedValue dv) {
    if (auto e = check_value(v, p.unit); !e.empty()) L.problem(at, e);
    // Money is a figure, except 高龄津贴's age bands (a list) and 教育资助's amounts by
    // school level (an object): a table elsewhere would be read as a figure, and a
    // figure there as a table (found by fuzz_policy: "age_bands": 0 aborted the evaluator).
    if (!v.is_null() && p.unit.rfind("yuan/", 0) == 0) {
      const bool bands = name == "age_bands", by_level = name == "amounts";
      if (bands != v.is_array())
        L.problem(at, bands ? "age_bands must be a list of {from_age, to_age, amount}" : "must be one amount, not a list");
      if (by_level != v.is_object())
        L.problem(at, by_level ? "amounts must be an object of yuan by school level" : "must be one amount, not an object");
    }
    if (v.is_null() && p.note.empty())
      L.problem(path_key(path, "note"), "a value the document does not state (null) needs a note saying what decides it");
    dv.value = v;
    if (v.is_array())
      for (const auto& s : v)
        if (s.is_string()) {
          dv.list.push_back(s.get<std::string>());
          if (const auto k = income_kind_from(dv.list.back())) dv.income_kinds |= 1u << static_cast<int>(*k);
        }
    p.values.push_back(std::move(dv));
  };
  if (has_value) {
    add(j["value"], path_key(path, "value"), {});
  } else if (!j["values"].is_array() || j["values"].empty()) {
    L.problem(path_key(path, "values"), "must be a non-empty list of {from, to, value}");
  } else {
    for (size_t i = 0; i < j["values"].size(); ++i) {
      const json& e = j["values"][i];
      const std::string at = path_index(path_key(path, "values"), i);
      if (!e.is_object() || !e.contains("value")) {
        L.problem(at, "must be an object with `value`");
        continue;
      }
      L.only(e, at, {"from", "to", "value", "source"});
      DatedValue dv;
      dv.from = L.date(e, at, "from", false);
      dv.to = L.date(e, at, "to", false);
      if (dv.from && dv.to && *dv.to < *dv.from) L.problem(at, "`to` is before `from`");
      if (e.contains("source")) dv.source = L.source(e, at);
      add(e["value"], path_key(at, "value"), dv);
    }
    for (size_t i = 1; i < p.values.size(); ++i)
      if (p.values[i - 1].from && p.values[i].from && !(*p.values[i - 1].from < *p.values[i].from))
        L.problem(path_key(path, "values"), "dated values must be in date order");
  }
  const bool any_unstated = std::any_of(p.values.begin(), p.values.end(), [](const DatedValue& v) { return v.value.is_null(); });
  if (p.bound && !any_unstated) L.problem(path_key(path, "bound"), "a bound is only for a figure the document does not state (null)");
  return p;
}

void load_params(Loader& L, const json& obj, const std::string& path, const KindSpec* spec, Params* out) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const ParamSpec* ps = nullptr;
    for (const auto& s : spec->params)
      if (it.key() == s.name) ps = &s;
    if (!ps) {
      L.problem(path_key(path, it.key()), "unknown parameter '" + it.key() + "' for kind " + spec->kind);
      continue;
    }
    out->emplace_back(it.key(), load_param(L, it.key(), it.value(), path_key(path, it.key()), ps->units));  // (an object's keys are unique)
  }
  for (const auto& s : spec->params)
    if (s.required && !find_param(*out, s.name)) L.problem(path_key(path, s.name), "missing (required for kind " + std::string(spec->kind) + ")");
}

// A test or member criteria may rest on programs evaluated before this one
// ({"program": …}, {"listed_by": …}, at any depth): each must come earlier in the file.
void require_earlier(Loader& L, const json& test, const std::string& at, const std::set<std::string>& before) {
  if (test.is_object()) {
    for (auto it = test.begin(); it != test.end(); ++it) {
      const std::string& k = it.key();
      if ((k == "program" || k == "listed_by" || k == "not_listed_by") && it->is_string() && !before.count(it->get<std::string>()))
        L.problem(at, "program '" + it->get<std::string>() + "' must come earlier in the file");
      require_earlier(L, *it, at, before);
    }
  } else if (test.is_array()) {
    for (const json& t : test) require_earlier(L, t, at, before);
  }
}

void load_program(Loader& L, const json& j, const std::string& path, const std::set<std::string>& before, Program* p) {
  L.only(j, path, {"id", "kind", "name", "summary", "local", "params", "conditions", "members_where", "notes", "apply"});
  p->id = L.text(j, path, "id");
  p->kind = L.text(j, path, "kind");
  p->name = L.text(j, path, "name");
  p->summary = L.text(j, path, "summary");
  const bool local = L.flag(j, path, "local");
  if (!p->id.empty() && !local && !is_standard_program_id(p->id))
    L.problem(path_key(path, "id"), "'" + p->id + "' is not a contract program id; mark a local program with \"local\": true");
  if (!p->id.empty() && local && is_standard_program_id(p->id))
    L.problem(path_key(path, "local"), "'" + p->id + "' is a contract program id, not a local one");
  const KindSpec* spec = p->spec = find_kind(p->kind);
  if (!spec && !p->kind.empty()) L.problem(path_key(path, "kind"), "unknown kind '" + p->kind + "'");
  static const json empty = json::object();
  const json* params = L.object(j, path, "params", false);
  if (spec) load_params(L, params ? *params : empty, path_key(path, "params"), spec, &p->params);
  if (const Param* nc = p->param("income_not_counted"))
    for (const auto& v : nc->values)
      for (const auto& k : v.value)
        if (!k.is_string() || !income_kind_from(k.get<std::string>()))
          L.problem(path_key(path_key(path, "params"), "income_not_counted"), "unknown income kind " + k.dump());
  // Context::status_flag reads these names; it knows no other.
  if (const Param* t = p->param("target_statuses"))
    for (const auto& v : t->values)
      for (const auto& n : v.value)
        if (n.is_string() && !is_status_name(n.get<std::string>()))
          L.problem(path_key(path_key(path, "params"), "target_statuses"), "unknown status '" + n.get<std::string>() + "'");
  // Programs whose people count as recognised (明溪's 城市孤儿): evaluated before this one.
  if (const Param* t = p->param("target_programs"))
    for (const auto& v : t->values)
      for (const auto& n : v.value)
        if (!n.is_string() || !before.count(n.get<std::string>()))
          L.problem(path_key(path_key(path, "params"), "target_programs"), "program " + n.dump() + " must come earlier in the file");
  if (j.contains("conditions")) {
    const json& c = j["conditions"];
    const std::string at = path_key(path, "conditions");
    if (!c.is_array()) L.problem(at, "must be a list");
    for (size_t i = 0; c.is_array() && i < c.size(); ++i) {
      const std::string ci = path_index(at, i);
      if (!c[i].is_object()) {
        L.problem(ci, "must be an object");
        continue;
      }
      L.only(c[i], ci, {"test", "yes", "no", "unknown", "source", "narrows"});
      if (auto e = check_test(c[i].value("test", json())); !e.empty()) L.problem(path_key(ci, "test"), e);
      else require_earlier(L, c[i]["test"], path_key(ci, "test"), before);
      Condition cond{compile_test(c[i].value("test", json())), L.text(c[i], ci, "yes"), L.text(c[i], ci, "no", false),
                     L.text(c[i], ci, "unknown", false), L.source(c[i], ci)};
      cond.narrows = L.flag(c[i], ci, "narrows");
      if (cond.narrows && i == 0) L.problem(path_key(ci, "narrows"), "the first condition has none before it to narrow");
      if (cond.no.empty()) cond.no = cond.yes;
      if (cond.unknown.empty()) cond.unknown = cond.yes;
      p->conditions.push_back(std::move(cond));
    }
  }
  if (j.contains("members_where")) {
    if (auto e = check_member_where(j["members_where"]); !e.empty()) L.problem(path_key(path, "members_where"), e);
    else require_earlier(L, j["members_where"], path_key(path, "members_where"), before);
    p->members_where = compile_where(j["members_where"]);
  }
  if (j.contains("notes")) {
    const json& n = j["notes"];
    for (size_t i = 0; n.is_array() && i < n.size(); ++i) {
      const std::string ni = path_index(path_key(path, "notes"), i);
      if (!n[i].is_object()) {
        L.problem(ni, "must be an object");
        continue;
      }
      L.only(n[i], ni, {"text", "source", "when", "if_may_apply"});
      const json when = n[i].value("when", json());
      ProgramNote note{L.text(n[i], ni, "text"), L.source(n[i], ni), compile_test(when), L.flag(n[i], ni, "if_may_apply")};
      if (!when.is_null()) {
        if (auto e = check_test(when); !e.empty()) L.problem(path_key(ni, "when"), e);
        else require_earlier(L, when, path_key(ni, "when"), before);
      }
      p->notes.push_back(std::move(note));
    }
    if (!n.is_array()) L.problem(path_key(path, "notes"), "must be a list");
  }
  if (const json* a = L.object(j, path, "apply")) {
    const std::string at = path_key(path, "apply");
    L.only(*a, at, {"where", "documents", "steps", "time_limit", "note", "sources"});
    p->apply.where = L.text(*a, at, "where");
    p->apply.documents = L.texts(*a, at, "documents");
    p->apply.steps = L.texts(*a, at, "steps");
    p->apply.time_limit = L.text(*a, at, "time_limit", false);
    p->apply.note = L.text(*a, at, "note", false);
    p->apply.sources = L.sources(*a, at, "sources");
  }
}

const KindSpec& income_spec() {
  static const KindSpec spec{"income",
                             {{"not_counted", "list", false},
                              {"pension_basic_not_counted_max", "yuan/person/month", false},
                              {"deducted_expenses", "list", false},
                              {"deducted_expenses_share", "ratio", false},
                              {"employment_cost", "yuan/person/month", false},
                              {"employment_cost_only_dibao", "flag", false}},
                             false,
                             nullptr};
  return spec;
}

void check_income_lists(Loader& L, const Policy& p) {
  if (const Param* nc = p.income_param("not_counted"))
    for (const auto& v : nc->values)
      for (const auto& k : v.value)
        if (k.is_string() && !income_kind_from(k.get<std::string>()))
          L.problem("income.not_counted", "unknown income kind '" + k.get<std::string>() + "'");
  if (const Param* de = p.income_param("deducted_expenses"))
    for (const auto& v : de->values)
      for (const auto& k : v.value)
        if (k != "medical" && k != "education" && k != "disaster" && k != "medical_serious_illness" &&
            k != "education_college")
          L.problem("income.deducted_expenses", "unknown expense kind " + k.dump());
}

// Every text of a policy reaches results unescaped (JsonWriter::text), so what
// would need escaping is refused here. Chinese text quotes with “”, so nothing is lost.
void check_plain_text(Loader& L, const json& j, const std::string& path) {
  static const char* const kWhy = "text must not contain control characters (line breaks, tabs), '\"' or '\\'; quote with “”";
  if (j.is_string()) {
    if (!JsonWriter::plain(j.get_ref<const std::string&>())) L.problem(path, kWhy);
  } else if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (!JsonWriter::plain(it.key())) L.problem(path, std::string("a key: ") + kWhy);
      else check_plain_text(L, it.value(), path_key(path, it.key()));
    }
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) check_plain_text(L, j[i], path_index(path, i));
  }
}

}  // namespace

PolicyLoad load_policy(std::string_view id, std::string_view text) {
  PolicyLoad out;
  ParsedJson parsed = parse_strict(text, {4u << 20, 32});
  for (const auto& pr : parsed.problems) out.problems.push_back({pr.path, pr.message_en});
  if (!out.problems.empty()) return out;
  const json& j = parsed.value;
  Loader L(&out.problems);
  if (!j.is_object()) {
    L.problem("", "a policy file must be a JSON object");
    return out;
  }
  check_plain_text(L, j, "");
  if (!out.problems.empty()) return out;
  Policy p;
  p.id = std::string(id);
  L.only(j, "", {"schema", "id", "document", "income", "programs", "clauses"});
  if (auto it = j.find("schema"); it == j.end() || !it->is_number_integer() || it->get<long long>() != 1)
    L.problem("schema", "must be 1");
  if (L.text(j, "", "id") != p.id) L.problem("id", "must equal the file name without .json ('" + p.id + "')");
  if (const json* d = L.object(j, "", "document")) {
    L.only(*d, "document", {"title", "doc", "issuer", "region", "issued", "effective_from", "effective_to", "seed", "note"});
    p.document.title = L.text(*d, "document", "title");
    p.document.doc = L.text(*d, "document", "doc");
    p.document.issuer = L.text(*d, "document", "issuer");
    p.document.region = L.text(*d, "document", "region");
    p.document.seed = L.text(*d, "document", "seed");
    L.text(*d, "document", "note", false);
    p.document.issued = L.date(*d, "document", "issued", true).value_or(Date{});
    p.document.effective_from = L.date(*d, "document", "effective_from", true).value_or(Date{});
    p.document.effective_to = L.date(*d, "document", "effective_to", false);
    if (p.document.effective_to && *p.document.effective_to < p.document.effective_from)
      L.problem("document.effective_to", "is before effective_from");
  }
  if (const json* c = L.object(j, "", "clauses")) {
    for (auto it = c->begin(); it != c->end(); ++it) {
      if (!it->is_string() || it->get_ref<const std::string&>().empty()) L.problem(path_key("clauses", it.key()), "must be the clause's text");
      else p.clauses[it.key()] = it->get<std::string>();
    }
  }
  if (const json* inc = L.object(j, "", "income", false)) load_params(L, *inc, "income", &income_spec(), &p.income);
  check_income_lists(L, p);
  auto progs = j.find("programs");
  if (progs == j.end() || !progs->is_array() || progs->empty()) {
    L.problem("programs", "must be a non-empty list");
  } else {
    std::set<std::string> seen;
    for (size_t i = 0; i < progs->size(); ++i) {
      const std::string at = path_index("programs", i);
      if (!(*progs)[i].is_object()) {
        L.problem(at, "must be an object");
        continue;
      }
      Program prog;
      load_program(L, (*progs)[i], at, seen, &prog);
      if (!seen.insert(prog.id).second) L.problem(path_key(at, "id"), "duplicate program id '" + prog.id + "'");
      p.programs.push_back(std::move(prog));
    }
  }
  L.check_citations(p);
  if (!out.problems.empty()) return out;
  p.raw = std::move(parsed.value);  // (j views it: last use above)
  p.texts = L.take_texts();
  out.policy = std::move(p);
  return out;
}

}  // namespace doudi
