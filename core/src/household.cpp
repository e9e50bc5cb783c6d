#include "household.h"

#include "json_tree.h"

#include <cmath>
#include <initializer_list>
#include <utility>

namespace doudi {
namespace {

constexpr const char* kIncomeNames[kIncomeKinds] = {"wages",         "business", "property",    "pension_basic", "pension_other",
                                                   "honors",        "student_aid", "transfers", "other"};
constexpr const char* kIncomeZh[kIncomeKinds] = {"工资",  "经营收入",   "财产收入", "城乡居民基本养老保险金", "其他养老金",
                                                "荣誉津贴、抚恤补助、优待金", "在校生生活津贴和困难补助", "其他转移性收入", "其他收入"};

template <typename E>
using Choices = std::initializer_list<std::pair<std::string_view, E>>;

const Choices<Hukou> kHukou = {{"urban", Hukou::urban}, {"rural", Hukou::rural}};
const Choices<Relation> kRelation = {{"head", Relation::head},         {"spouse", Relation::spouse},
                                     {"child", Relation::child},       {"parent", Relation::parent},
                                     {"grandchild", Relation::grandchild}, {"grandparent", Relation::grandparent},
                                     {"sibling", Relation::sibling},   {"other", Relation::other}};
const Choices<Ability> kAbility = {{"full", Ability::full}, {"partial", Ability::partial}, {"none", Ability::none}};
const Choices<School> kSchool = {{"none", School::none},         {"preschool", School::preschool},
                                 {"primary", School::primary},   {"junior", School::junior},
                                 {"senior", School::senior},     {"vocational", School::vocational},
                                 {"college", School::college}};
const Choices<DisabilityKind> kDisabilityKind = {
    {"physical", DisabilityKind::physical}, {"visual", DisabilityKind::visual},
    {"hearing", DisabilityKind::hearing},   {"speech", DisabilityKind::speech},
    {"intellectual", DisabilityKind::intellectual}, {"mental", DisabilityKind::mental},
    {"multiple", DisabilityKind::multiple}};
const Choices<EventKind> kEventKind = {{"illness", EventKind::illness},   {"injury", EventKind::injury},
                                       {"accident", EventKind::accident}, {"fire", EventKind::fire},
                                       {"lightning", EventKind::lightning}, {"disaster", EventKind::disaster},
                                       {"epidemic", EventKind::epidemic}, {"unemployment", EventKind::unemployment},
                                       {"other", EventKind::other}};

// Each object's keys in the contract's order, and its fields named by their
// place there: a Reader reads a field by that number, with no key to search.
namespace top {
enum { schema, region, as_of, hukou, members, assets, expenses_yearly, status, events, aid_this_year };
constexpr std::string_view keys[] = {"schema", "region",          "as_of",  "hukou",  "members",
                                     "assets", "expenses_yearly", "status", "events", "aid_this_year"};
}  // namespace top
namespace mem {
enum { age, relation, labor, self_care, disability_grade, disability_kind, serious_illness, school, orphan,
       unsupported_child, in_institution, has_capable_supporter, employed, newly_employed, veteran_5lao, income_monthly };
constexpr std::string_view keys[] = {"age", "relation", "labor", "self_care", "disability_grade", "disability_kind",
                                     "serious_illness", "school", "orphan", "unsupported_child", "in_institution",
                                     "has_capable_supporter", "employed", "newly_employed", "veteran_5lao",
                                     "income_monthly"};
}  // namespace mem
namespace income {  // fields numbered as IncomeKind, keys as kIncomeNames
constexpr std::string_view keys[kIncomeKinds] = {"wages",  "business",    "property",  "pension_basic", "pension_other",
                                                 "honors", "student_aid", "transfers", "other"};
}  // namespace income
namespace ev {
enum { kind, months_ago, cost, compensated };
constexpr std::string_view keys[] = {"kind", "months_ago", "cost", "compensated"};
}  // namespace ev
namespace ast {
enum { deposits, housing_area_m2, owns_home };
constexpr std::string_view keys[] = {"deposits", "housing_area_m2", "owns_home"};
}  // namespace ast
namespace xp {
enum { medical, education, disaster };
constexpr std::string_view keys[] = {"medical", "education", "disaster"};
}  // namespace xp
namespace st {
enum { dibao, tekun, low_income, dibao_marginal, poverty_registered, months_on_dibao };
constexpr std::string_view keys[] = {"dibao", "tekun", "low_income", "dibao_marginal", "poverty_registered",
                                     "months_on_dibao"};
}  // namespace st
namespace aid_year {
enum { temporary };
constexpr std::string_view keys[] = {"temporary"};
}  // namespace aid_year

// Where an object sits in the household ("members[2].income_monthly"), written
// out only for an error: most households have none, and building the path of
// every member and nested object took longer than reading their fields.
struct Where {
  const Where* parent = nullptr;
  std::string_view key;  // a literal: "members", "income_monthly", …
  int index = -1;        // members[i], events[i]

  std::string str() const {
    std::string s = parent ? parent->str() : std::string();
    if (!key.empty()) s = path_key(s, key);
    return index >= 0 ? path_index(s, static_cast<size_t>(index)) : s;
  }
};

// The keys an object may have (the namespaces above).
template <size_t N>
using Keys = std::string_view[N];

// Reads fields of one JSON object, collecting every error with its path.
class Reader {
 public:
  static constexpr size_t kMaxKeys = 16;  // members have the most

  // Files each member under its place in `keys`, in one pass over the object,
  // and reports the keys not there (a typo must not be silently ignored): the
  // fields are then read without searching the object again for each.
  template <size_t N>
  Reader(const JsonNode& obj, Where where, std::vector<FieldError>* errors, const Keys<N>& keys)
      : where_(where), errors_(errors), keys_(keys) {
    static_assert(N <= kMaxKeys, "Reader::slots_ too small");
    index(obj, N);
  }

  // The value of field f, or nullptr when absent or null (not given).
  const JsonNode* get(int f) const {
    const JsonNode* v = slots_[f];
    return v && !v->is_null() ? v : nullptr;
  }

  bool present(int f) const { return slots_[f] != nullptr; }

  std::string at(std::string_view key) const { return path_key(where_.str(), key); }
  std::string at(int f) const { return at(keys_[f]); }
  const Where& where() const { return where_; }

  void error(const std::string& field, std::string zh, std::string en) const {
    errors_->push_back({field, std::move(zh), std::move(en)});
  }

  void wrong_type(int f, const char* want_zh, const char* want_en) const {
    const JsonNode& v = *get(f);
    error(at(f), std::string("应为") + want_zh + "，实际是" + type_zh(v),
          std::string("must be ") + want_en + ", got " + type_en(v));
  }

  std::optional<bool> boolean(int f) const {
    const JsonNode* v = get(f);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
      wrong_type(f, "是/否（true 或 false）", "true or false");
      return std::nullopt;
    }
    return v->boolean;
  }

  // A whole number in [lo, hi]; 45.0 counts as whole.
  std::optional<int> whole(int f, int lo, int hi, const char* what_zh) const {
    const JsonNode* v = get(f);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
      wrong_type(f, "整数", "a whole number");
      return std::nullopt;
    }
    const double d = v->number;
    if (std::floor(d) != d) {
      error(at(f), std::string(what_zh) + "应为整数", "must be a whole number");
      return std::nullopt;
    }
    if (d < lo || d > hi) {
      error(at(f), std::string(what_zh) + "应在" + std::to_string(lo) + "到" + std::to_string(hi) + "之间",
            "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
      return std::nullopt;
    }
    return static_cast<int>(d);
  }

  std::optional<Fen> money(int f) const {
    const JsonNode* v = get(f);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
      wrong_type(f, "金额（元，数字）", "an amount in yuan (a number)");
      return std::nullopt;
    }
    const double d = v->number;
    if (!(d >= 0 && d <= 100'000'000.0)) {
      error(at(f), "金额应在0到100000000元之间", "must be between 0 and 100000000 yuan");
      return std::nullopt;
    }
    auto fen = fen_from_yuan(d);
    if (!fen) error(at(f), "金额最多保留两位小数（到分）", "must have at most 2 decimals (fen)");
    return fen;
  }

  std::optional<double> number(int f, double lo, double hi, const char* unit) const {
    const JsonNode* v = get(f);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
      wrong_type(f, "数字", "a number");
      return std::nullopt;
    }
    const double d = v->number;
    if (!(d >= lo && d <= hi)) {
      error(at(f), "应在0到" + std::to_string(static_cast<long>(hi)) + unit + "之间",
            "must be between 0 and " + std::to_string(static_cast<long>(hi)));
      return std::nullopt;
    }
    return d;
  }

  template <typename E>
  std::optional<E> choice(int f, const Choices<E>& choices) const {
    const JsonNode* v = get(f);
    if (!v) return std::nullopt;
    if (v->is_string()) {
      for (const auto& c : choices)
        if (same_key(v->text, c.first)) return c.second;
      std::string list, list_en;
      for (const auto& c : choices) {
        (list += list.empty() ? "" : "、") += c.first;
        (list_en += list_en.empty() ? "" : ", ") += c.first;
      }
      const std::string given(utf8_prefix(v->text, 40));
      error(at(f), "“" + given + "”不是可选值，应为：" + list, "'" + given + "' is not one of: " + list_en);
      return std::nullopt;
    }
    wrong_type(f, "文字", "a string");
    return std::nullopt;
  }

  // A nested object under key, or nullptr (absent/null) after reporting a wrong type.
  const JsonNode* object(int f) const {
    const JsonNode* v = get(f);
    if (v && !v->is_object()) {
      wrong_type(f, "对象", "an object");
      return nullptr;
    }
    return v;
  }

  const JsonNode* array(int f) const {
    const JsonNode* v = get(f);
    if (v && !v->is_array()) {
      wrong_type(f, "列表", "a list");
      return nullptr;
    }
    return v;
  }

 private:
  // Keys usually come in the contract's order, so each search starts after
  // the last hit. Keys are unique (both parsers refuse repeats, the roster
  // writes each column once), so each slot is filled at most once.
  void index(const JsonNode& obj, size_t n) {
    if (!obj.is_object()) return;
    size_t next = 0;
    for (const JsonNode* it = obj.first(); it != obj.end(); it = it->next()) {
      const std::string_view key = it->key;
      bool ok = false;
      // Round from `next`, wrapping without %: a division per key showed in the module.
      for (size_t i = 0, k = next; i < n && !ok; ++i, k = k + 1 == n ? 0 : k + 1)
        if (same_key(key, keys_[k])) ok = true, next = k + 1 == n ? 0 : k + 1, slots_[k] = it;
      if (!ok) error(at(key), "未知字段“" + std::string(key) + "”", "unknown field '" + std::string(key) + "'");
    }
  }

  Where where_;
  std::vector<FieldError>* errors_;
  const std::string_view* keys_;
  const JsonNode* slots_[kMaxKeys] = {};
};

std::array<Fen, kIncomeKinds> read_income(const Reader& r) {
  std::array<Fen, kIncomeKinds> income{};
  for (int k = 0; k < kIncomeKinds; ++k) income[k] = r.money(k).value_or(0);
  return income;
}

void check_member_combinations(const Reader& r, const Member& m) {
  // Support for orphans and 事实无人抚养儿童 can continue past 18 while in school,
  // so the flags are accepted up to 24 (contract).
  if (m.age >= 25) {
    if (m.orphan.value_or(false))
      r.error(r.at("orphan"), "孤儿身份只适用于24岁及以下", "orphan applies only up to age 24");
    if (m.unsupported_child.value_or(false))
      r.error(r.at("unsupported_child"), "事实无人抚养儿童只适用于24岁及以下",
              "unsupported_child applies only up to age 24");
  }
  if (m.orphan.value_or(false) && m.unsupported_child.value_or(false))
    r.error(r.at("unsupported_child"), "孤儿与事实无人抚养儿童不能同时选择（父母双亡为孤儿）",
            "a member cannot be both an orphan and an unsupported child");
  // Ages no answer can go with: a typo in the age, most likely, which would
  // otherwise be screened as given (a one-year-old 五老 got the 五老 subsidy).
  if (m.age < 16 && (m.employed.value_or(false) || m.newly_employed.value_or(false)))
    r.error(r.at(m.employed.value_or(false) ? "employed" : "newly_employed"), "未满16周岁不能算就业（请核对年龄）",
            "a member under 16 cannot be employed (check the age)");
  if (m.age < 18 && m.veteran_5lao.value_or(false))
    r.error(r.at("veteran_5lao"), "革命“五老”人员不会未满18周岁（请核对年龄）", "a 5lao veteran cannot be under 18 (check the age)");
  if (m.age < 16 && m.relation == Relation::spouse)
    r.error(r.at("relation"), "配偶不会未满16周岁（请核对年龄或与户主关系）", "a spouse cannot be under 16 (check the age or the relation)");
  if (m.disability_grade && *m.disability_grade == 0 && m.disability_kind)
    r.error(r.at("disability_kind"), "填写了残疾类别，但残疾等级为0（无残疾）",
            "disability_kind is given but disability_grade is 0 (no disability)");
}

Member read_member(const JsonNode& j, size_t i, std::vector<FieldError>* errors) {
  Member m;
  const Where where{nullptr, "members", static_cast<int>(i)};
  if (!j.is_object()) {
    errors->push_back({where.str(), std::string("每位家庭成员应为对象，实际是") + type_zh(j),
                       std::string("each member must be an object, got ") + type_en(j)});
    return m;
  }
  Reader r(j, where, errors, mem::keys);
  if (!r.get(mem::age)) r.error(r.at(mem::age), "缺少年龄（必填）", "age is required");
  m.age = r.whole(mem::age, 0, 130, "年龄").value_or(0);
  m.relation = r.choice(mem::relation, kRelation);
  m.labor = r.choice(mem::labor, kAbility);
  m.self_care = r.choice(mem::self_care, kAbility);
  m.disability_grade = r.whole(mem::disability_grade, 0, 4, "残疾等级");
  m.disability_kind = r.choice(mem::disability_kind, kDisabilityKind);
  m.serious_illness = r.boolean(mem::serious_illness);
  m.school = r.choice(mem::school, kSchool);
  m.orphan = r.boolean(mem::orphan);
  m.unsupported_child = r.boolean(mem::unsupported_child);
  m.in_institution = r.boolean(mem::in_institution);
  m.has_capable_supporter = r.boolean(mem::has_capable_supporter);
  m.employed = r.boolean(mem::employed);
  m.newly_employed = r.boolean(mem::newly_employed);
  m.veteran_5lao = r.boolean(mem::veteran_5lao);
  if (const JsonNode* inc = r.object(mem::income_monthly))
    m.income_monthly = read_income(Reader(*inc, Where{&r.where(), "income_monthly"}, errors, income::keys));
  check_member_combinations(r, m);
  return m;
}

Event read_event(const JsonNode& j, size_t i, std::vector<FieldError>* errors) {
  Event e;
  const Where where{nullptr, "events", static_cast<int>(i)};
  if (!j.is_object()) {
    errors->push_back({where.str(), std::string("每个突发事件应为对象，实际是") + type_zh(j),
                       std::string("each event must be an object, got ") + type_en(j)});
    return e;
  }
  Reader r(j, where, errors, ev::keys);
  if (!r.get(ev::kind)) r.error(r.at(ev::kind), "缺少事件类型（必填）", "kind is required");
  e.kind = r.choice(ev::kind, kEventKind).value_or(EventKind::other);
  e.months_ago = r.whole(ev::months_ago, 0, 1200, "发生在几个月前");
  e.cost = r.money(ev::cost);
  e.compensated = r.money(ev::compensated);
  return e;
}

void read_members(const Reader& r, Household* h, std::vector<FieldError>* errors) {
  if (!r.present(top::members)) {
    r.error("members", "缺少家庭成员（必填）", "members is required");
    return;
  }
  const JsonNode* list = r.array(top::members);
  if (!list) {
    if (!r.get(top::members)) r.error("members", "家庭成员不能为空值", "members must be a list, got null");
    return;
  }
  if (list->empty() || list->size() > 20) {
    r.error("members", "家庭成员应为1到20人，实际" + std::to_string(list->size()) + "人",
            "members must list 1 to 20 people, got " + std::to_string(list->size()));
    if (list->size() > 20) return;
  }
  h->members.reserve(list->size());
  int heads = 0, spouses = 0;
  size_t i = 0;
  for (const JsonNode* m = list->first(); m != list->end(); m = m->next(), ++i) {
    h->members.push_back(read_member(*m, i, errors));
    const auto rel = h->members.back().relation;
    if (rel == Relation::head && ++heads == 2)
      errors->push_back({path_index("members", i) + ".relation", "户主只能有一位", "only one member can be the head"});
    if (rel == Relation::spouse && ++spouses == 2)
      errors->push_back({path_index("members", i) + ".relation", "配偶只能有一位", "only one member can be the spouse"});
  }
}

void read_rest(const Reader& r, Household* h, std::vector<FieldError>* errors) {
  if (const JsonNode* a = r.object(top::assets)) {
    Reader ar(*a, Where{nullptr, "assets"}, errors, ast::keys);
    h->assets.deposits = ar.money(ast::deposits);
    h->assets.housing_area_m2 = ar.number(ast::housing_area_m2, 0, 100000, "平方米");
    h->assets.owns_home = ar.boolean(ast::owns_home);
  }
  if (const JsonNode* x = r.object(top::expenses_yearly)) {
    Reader xr(*x, Where{nullptr, "expenses_yearly"}, errors, xp::keys);
    h->expenses_yearly.medical = xr.money(xp::medical);
    h->expenses_yearly.education = xr.money(xp::education);
    h->expenses_yearly.disaster = xr.money(xp::disaster);
  }
  if (const JsonNode* s = r.object(top::status)) {
    Reader sr(*s, Where{nullptr, "status"}, errors, st::keys);
    h->status.dibao = sr.boolean(st::dibao);
    h->status.tekun = sr.boolean(st::tekun);
    h->status.low_income = sr.boolean(st::low_income);
    h->status.dibao_marginal = sr.boolean(st::dibao_marginal);
    h->status.poverty_registered = sr.boolean(st::poverty_registered);
    h->status.months_on_dibao = sr.whole(st::months_on_dibao, 0, 1200, "享受低保月数");
    if (h->status.dibao.value_or(false) && h->status.dibao_marginal.value_or(false))
      sr.error("status.dibao_marginal", "已是低保户，就不是低保边缘家庭", "a dibao household is not also dibao_marginal");
  }
  if (const JsonNode* ev = r.array(top::events)) {
    if (ev->size() > 50) {
      r.error("events", "突发事件最多填写50项", "events must list at most 50 items");
    } else {
      h->events.emplace();
      size_t i = 0;
      for (const JsonNode* e = ev->first(); e != ev->end(); e = e->next(), ++i)
        h->events->push_back(read_event(*e, i, errors));
    }
  }
  if (const JsonNode* aid = r.object(top::aid_this_year)) {
    Reader ar(*aid, Where{nullptr, "aid_this_year"}, errors, aid_year::keys);
    h->temporary_aid_this_year = ar.whole(aid_year::temporary, 0, 100, "今年已获临时救助次数");
  }
}

}  // namespace

const char* income_kind_name(IncomeKind k) { return kIncomeNames[static_cast<int>(k)]; }
const char* income_kind_zh(IncomeKind k) { return kIncomeZh[static_cast<int>(k)]; }

std::optional<IncomeKind> income_kind_from(std::string_view name) {
  for (int k = 0; k < kIncomeKinds; ++k)
    if (name == kIncomeNames[k]) return static_cast<IncomeKind>(k);
  return std::nullopt;
}

HouseholdParse read_household(const JsonNode& doc) {
  HouseholdParse out;
  auto* errors = &out.errors;
  if (!doc.is_object()) {
    errors->push_back({"", std::string("家庭信息应为 JSON 对象，实际是") + type_zh(doc),
                       std::string("the household must be a JSON object, got ") + type_en(doc)});
    return out;
  }
  Reader r(doc, Where{}, errors, top::keys);
  if (!r.get(top::schema)) {
    r.error("schema", "缺少 schema（必填，应为1）", "schema is required (must be 1)");
  } else if (!r.get(top::schema)->is_number() || r.get(top::schema)->number != 1.0) {
    r.error("schema", "不支持的 schema，应为1", "unsupported schema, must be 1");
  }
  if (const JsonNode* region = r.get(top::region); !region) {
    r.error("region", "缺少地区（必填）", "region is required");
  } else if (!region->is_string()) {
    r.wrong_type(top::region, "文字（地区编号）", "a string (region id)");
  } else if (region->text.empty()) {
    // Found by fuzzing: an empty id passed here and left a result with no error.
    r.error("region", "地区为空，请填写地区编号", "region is empty; give a region id");
  } else {
    out.household.region = std::string(region->text);
  }
  if (const JsonNode* as_of = r.get(top::as_of)) {
    if (as_of->is_string()) out.household.as_of = parse_date(as_of->text);
    if (!out.household.as_of)
      r.error("as_of", "日期应为真实存在的 YYYY-MM-DD 格式日期", "must be a real ISO date (YYYY-MM-DD)");
  }
  if (!r.get(top::hukou)) r.error("hukou", "缺少户籍类型（必填：城镇 urban 或农村 rural）", "hukou is required (urban or rural)");
  out.household.hukou = r.choice(top::hukou, kHukou).value_or(Hukou::rural);
  read_members(r, &out.household, errors);
  read_rest(r, &out.household, errors);
  return out;
}

HouseholdParse read_household(const json& doc) {
  JsonTree tree;
  tree.from(doc);
  return read_household(tree.root());
}

HouseholdParse parse_household(std::string_view text) {
  JsonTree tree;
  if (tree.parse(text)) return read_household(tree.root());
  // Not plain: the library parses it, or says why it cannot.
  ParsedJson parsed = parse_strict(text);
  if (!parsed.problems.empty()) {
    HouseholdParse out;
    for (auto& p : parsed.problems) out.errors.push_back({p.path, p.message, p.message_en});
    return out;
  }
  tree.from(parsed.value);
  return read_household(tree.root());
}

}  // namespace doudi
