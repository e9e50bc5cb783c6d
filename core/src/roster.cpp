// Roster screening: CSV rows -> households -> the same validation and rules as
// one household -> an export and the lists staff act on (应保未保, 应退尽退,
// 需走访核实, rows with errors). A bad row never stops the rest.
#include "doudi/roster.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "evaluate.h"
#include "household.h"
#include "json_writer.h"

namespace doudi {
namespace {

enum class Type { text, integer, number, money, boolean, choice };

struct Column {
  const char* header;   // Chinese header in the template
  const char* field;    // contract field name
  bool member;          // per member (else per household)
  Type type;
  const char* group;    // household-level object ("assets", …) or member "income_monthly"
  std::vector<std::pair<const char*, const char*>> words;  // Chinese word -> contract value
};

const std::vector<std::pair<const char*, const char*>> kNone = {};

// The template's columns, in order. Headers may also be the contract's English names.
const std::vector<Column>& columns() {
  static const std::vector<Column> cols = {
      {"户编号", "key", false, Type::text, "", kNone},
      {"地区", "region", false, Type::text, "", kNone},
      {"户籍", "hukou", false, Type::choice, "", {{"城镇", "urban"}, {"城市", "urban"}, {"农村", "rural"}}},
      {"查询日期", "as_of", false, Type::text, "", kNone},
      {"姓名", "name", true, Type::text, "", kNone},
      {"与户主关系", "relation", true, Type::choice, "",
       {{"户主", "head"}, {"本人", "head"}, {"配偶", "spouse"}, {"子女", "child"}, {"父母", "parent"}, {"孙子女", "grandchild"},
        {"祖父母", "grandparent"}, {"兄弟姐妹", "sibling"}, {"其他", "other"}}},
      {"年龄", "age", true, Type::integer, "", kNone},
      {"劳动能力", "labor", true, Type::choice, "", {{"完全", "full"}, {"有", "full"}, {"部分", "partial"}, {"无", "none"}, {"丧失", "none"}}},
      {"生活自理能力", "self_care", true, Type::choice, "",
       {{"自理", "full"}, {"完全", "full"}, {"半失能", "partial"}, {"半护理", "partial"}, {"部分", "partial"}, {"失能", "none"}, {"全护理", "none"}, {"无", "none"}}},
      {"残疾等级", "disability_grade", true, Type::integer, "", kNone},
      {"残疾类别", "disability_kind", true, Type::choice, "",
       {{"肢体", "physical"}, {"视力", "visual"}, {"听力", "hearing"}, {"言语", "speech"}, {"智力", "intellectual"}, {"精神", "mental"}, {"多重", "multiple"}}},
      {"重病", "serious_illness", true, Type::boolean, "", kNone},
      {"在读学段", "school", true, Type::choice, "",
       {{"未上学", "none"}, {"无", "none"}, {"学前", "preschool"}, {"幼儿园", "preschool"}, {"小学", "primary"}, {"初中", "junior"},
        {"普通高中", "senior"}, {"高中", "senior"}, {"中职", "vocational"}, {"大学", "college"}, {"大专", "college"}, {"本科", "college"}}},
      {"孤儿", "orphan", true, Type::boolean, "", kNone},
      {"事实无人抚养儿童", "unsupported_child", true, Type::boolean, "", kNone},
      {"集中供养", "in_institution", true, Type::boolean, "", kNone},
      {"有能力的法定赡养抚养扶养人", "has_capable_supporter", true, Type::boolean, "", kNone},
      {"在业", "employed", true, Type::boolean, "", kNone},
      {"低保期间新就业", "newly_employed", true, Type::boolean, "", kNone},
      {"革命五老", "veteran_5lao", true, Type::boolean, "", kNone},
      {"月工资", "wages", true, Type::money, "income_monthly", kNone},
      {"月经营收入", "business", true, Type::money, "income_monthly", kNone},
      {"月财产收入", "property", true, Type::money, "income_monthly", kNone},
      {"月基本养老金", "pension_basic", true, Type::money, "income_monthly", kNone},
      {"月其他养老金", "pension_other", true, Type::money, "income_monthly", kNone},
      {"月荣誉抚恤优待金", "honors", true, Type::money, "income_monthly", kNone},
      {"月在校生补助", "student_aid", true, Type::money, "income_monthly", kNone},
      {"月其他转移收入", "transfers", true, Type::money, "income_monthly", kNone},
      {"月其他收入", "other", true, Type::money, "income_monthly", kNone},
      {"存款", "deposits", false, Type::money, "assets", kNone},
      {"住房面积", "housing_area_m2", false, Type::number, "assets", kNone},
      {"自有住房", "owns_home", false, Type::boolean, "assets", kNone},
      {"年医疗支出", "medical", false, Type::money, "expenses_yearly", kNone},
      {"年教育支出", "education", false, Type::money, "expenses_yearly", kNone},
      {"年灾害损失", "disaster", false, Type::money, "expenses_yearly", kNone},
      {"低保户", "dibao", false, Type::boolean, "status", kNone},
      {"特困人员", "tekun", false, Type::boolean, "status", kNone},
      {"低收入家庭", "low_income", false, Type::boolean, "status", kNone},
      {"低保边缘家庭", "dibao_marginal", false, Type::boolean, "status", kNone},
      {"建档立卡", "poverty_registered", false, Type::boolean, "status", kNone},
      {"享受低保月数", "months_on_dibao", false, Type::integer, "status", kNone},
      {"今年临时救助次数", "temporary", false, Type::integer, "aid_this_year", kNone},
  };
  return cols;
}

// RFC 4180 records: quoted fields, doubled quotes, CRLF or LF.
std::vector<std::vector<std::string>> parse_csv(std::string_view s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false, any = false;
  auto end_cell = [&] {
    rows.back().push_back(std::move(cell));
    cell.clear();
  };
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    any = true;
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') cell += '"', ++i;
      else if (c == '"') quoted = false;
      else cell += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      end_cell();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      end_cell();
      rows.emplace_back();
      any = false;
    } else {
      cell += c;
    }
  }
  if (any) end_cell();
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

std::string trim(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

struct CellError {
  int row;  // 1-based line in the file, header = 1
  std::string column, message, message_en;
};

// One cell to JSON, or an error message.
bool convert(const Column& col, const std::string& v, json* out, std::string* why) {
  switch (col.type) {
    case Type::text: *out = v; return true;
    case Type::choice:
      for (const auto& w : col.words)
        if (v == w.first) return (*out = w.second), true;
      *out = v;  // contract codes pass through; validation names bad values
      return true;
    case Type::boolean:
      if (v == "是" || v == "有" || v == "Y" || v == "y" || v == "1" || v == "true" || v == "TRUE") return (*out = true), true;
      if (v == "否" || v == "无" || v == "N" || v == "n" || v == "0" || v == "false" || v == "FALSE") return (*out = false), true;
      *why = "应填“是”或“否”";
      return false;
    default: {
      std::string t = v;
      for (const char* unit : {"元", "平方米", "㎡", "岁"})
        if (t.size() > std::string(unit).size() && t.compare(t.size() - std::string(unit).size(), std::string::npos, unit) == 0)
          t.resize(t.size() - std::string(unit).size());
      t.erase(std::remove(t.begin(), t.end(), ','), t.end());
      char* end = nullptr;
      const double d = std::strtod(t.c_str(), &end);
      if (t.empty() || end != t.c_str() + t.size()) {
        *why = "应填数字";
        return false;
      }
      *out = d;
      return true;
    }
  }
}

struct Group {
  std::string key, region;
  std::vector<int> rows;  // file line of each member
  json doc = json::object();
  std::vector<CellError> errors;
};

const char* status_zh(Status s) { return s == Status::eligible ? "符合" : s == Status::maybe ? "可能符合" : "不符合"; }

std::string amount_text(const ProgramResult& r) {
  if (!r.amount) return "";
  const char* per = r.amount->per == "month" ? "元/月" : r.amount->per == "year" ? "元/年" : "元/次";
  return (r.amount->up_to ? "最高" : "") + yuan_text(r.amount->value) + per;
}

void csv_cell(std::string* out, const std::string& v) {
  if (v.find_first_of(",\"\n\r") == std::string::npos) {
    *out += v;
    return;
  }
  *out += '"';
  for (char c : v) *out += c == '"' ? std::string("\"\"") : std::string(1, c);
  *out += '"';
}

void csv_row(std::string* out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) *out += ',';
    csv_cell(out, cells[i]);
  }
  *out += "\r\n";
}

// "members[2].age" -> (line of member 2, header of age)
CellError locate(const FieldError& e, const Group& h) {
  int row = h.rows.front();
  std::string field = e.field;
  if (field.rfind("members[", 0) == 0) {
    const size_t close = field.find(']');
    const int i = std::atoi(field.c_str() + 8);
    if (i >= 0 && static_cast<size_t>(i) < h.rows.size()) row = h.rows[i];
    field = close + 2 <= field.size() ? field.substr(close + 2) : "";
  }
  const std::string leaf = field.substr(field.rfind('.') == std::string::npos ? 0 : field.rfind('.') + 1);
  std::string column = field;
  for (const Column& c : columns())
    if (leaf == c.field) column = c.header;
  return {row, column, e.message, e.message_en};
}

}  // namespace

std::string RosterOutput::view_with_export() const {
  if (json.empty() || json.back() != '}') return json;
  std::string out(json, 0, json.size() - 1);
  out += ",\"csv\":";
  JsonWriter::escape(csv, &out);
  out += '}';
  return out;
}

std::string roster_template() {
  std::string out = "\xEF\xBB\xBF";
  std::vector<std::string> headers;
  for (const Column& c : columns()) headers.push_back(c.header);
  csv_row(&out, headers);
  return out;
}

RosterOutput screen_roster(const PolicySet& set, std::string_view text, std::string_view default_region) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.remove_prefix(3);
  const auto rows = parse_csv(text);
  RosterOutput out;
  std::vector<CellError> file_errors;
  std::vector<const Column*> map;
  if (!rows.empty())
    for (const auto& h : rows[0]) {
      const std::string name = trim(h);
      const Column* found = nullptr;
      for (const Column& c : columns())
        if (name == c.header || name == c.field) found = &c;
      if (!found && !name.empty())
        file_errors.push_back({1, name, "未知的列“" + name + "”，请使用模板的列名", "unknown column '" + name + "'"});
      map.push_back(found);
    }
  bool has_income = false;
  const Column* key_column = nullptr;
  for (const Column* c : map) {
    if (c && std::string(c->field) == "key") key_column = c;
    has_income = has_income || (c && std::string(c->group) == "income_monthly");
  }
  const bool has_key = key_column != nullptr;
  if (rows.empty() || !has_key)
    file_errors.push_back({1, "户编号", "缺少“户编号”列（同一户的成员填相同编号）", "missing the household key column (户编号)"});

  std::vector<Group> households;
  std::unordered_map<std::string, size_t> index;
  for (size_t r = 1; has_key && r < rows.size(); ++r) {
    const int line = static_cast<int>(r) + 1;
    // The row's value of each column of the template (the last cell under it).
    std::vector<std::string> cells(columns().size());
    bool blank = true;
    for (size_t c = 0; c < rows[r].size() && c < map.size(); ++c) {
      if (!map[c]) continue;
      std::string v = trim(rows[r][c]);
      if (!v.empty()) blank = false;
      cells[static_cast<size_t>(map[c] - columns().data())] = std::move(v);
    }
    if (blank) continue;
    const std::string key = cells[static_cast<size_t>(key_column - columns().data())];
    if (key.empty()) {
      file_errors.push_back({line, "户编号", "户编号为空", "household key is empty"});
      continue;
    }
    auto [it, fresh] = index.emplace(key, households.size());
    if (fresh) households.push_back({key, "", {}, json{{"schema", 1}, {"members", json::array()}}, {}});
    Group& h = households[it->second];
    h.rows.push_back(line);
    json member = json::object();
    // A roster with income columns lists incomes: a blank cell there is 0.
    if (has_income) member["income_monthly"] = json::object();
    for (const Column* c : map) {
      if (!c) continue;
      const std::string& v = cells[static_cast<size_t>(c - columns().data())];
      const std::string f = c->field;
      if (v.empty() || f == "key" || f == "name") continue;
      json value;
      std::string why;
      if (!convert(*c, v, &value, &why)) {
        h.errors.push_back({line, c->header, "“" + v.substr(0, 40) + "”" + why, "'" + v.substr(0, 40) + "' is not valid here"});
        continue;
      }
      json& target = c->member ? (*c->group ? member[c->group] : member) : (*c->group ? h.doc[c->group] : h.doc);
      if (!c->member && target.contains(f) && target[f] != value) {
        h.errors.push_back({line, c->header, "同一户的“" + std::string(c->header) + "”与前面的行不一致",
                            "differs from an earlier row of the same household"});
        continue;
      }
      target[f] = value;
    }
    h.doc["members"].push_back(member);
  }

  // Columns of the export: every program seen, in order.
  std::vector<std::pair<std::string, std::string>> programs;  // id, name
  struct Line {
    const Group* h;
    std::vector<ProgramResult> results;
    std::vector<CellError> errors;
    Fen per_capita = 0, income = 0;
    bool income_known = false;
    bool should_have = false, should_exit = false, visit = false;
  };
  std::vector<Line> lines;
  lines.reserve(households.size());
  for (Group& h : households) {
    if (!h.doc.contains("region") && !default_region.empty()) h.doc["region"] = std::string(default_region);
    h.region = h.doc.value("region", "");
    Line line{&h, {}, h.errors, 0, 0, false, false, false, false};
    HouseholdParse hp = read_household(h.doc);
    const Policy* policy = set.find(hp.household.region);
    if (!policy && !hp.household.region.empty())
      hp.errors.push_back({"region", "未知地区“" + hp.household.region.substr(0, 40) + "”", "unknown region"});
    else if (hp.household.region.empty() && hp.errors.empty())
      hp.errors.push_back({"region", "缺少地区", "region is missing"});
    for (const FieldError& e : hp.errors) {
      // A missing region is the file's "地区" column.
      CellError ce = locate(e, h);
      if (e.field == "region") ce.column = "地区";
      line.errors.push_back(ce);
    }
    if (line.errors.empty() && policy) {
      HouseholdIncome income;
      // The roster shows statuses and amounts: no reasons are written (10,000
      // households' reasons would also take some 60 MB until the end).
      line.results = evaluate_household(*policy, hp.household, &income, Detail::statuses);
      if (income.counted) {
        line.income_known = true;
        line.income = *income.counted;
        line.per_capita = div_round(*income.counted - income.deductions, static_cast<Fen>(hp.household.members.size()));
      }
      const auto& st = hp.household.status;
      for (const ProgramResult& r : line.results) {
        bool seen = false;
        for (const auto& p : programs) seen = seen || p.first == r.id;
        if (!seen) programs.push_back({r.id, r.name});
        // 应保未保: meets 低保 or 特困 criteria but is not receiving it.
        if (r.id == "dibao" && r.status == Status::eligible && !r.taper && !st.dibao.value_or(false)) line.should_have = true;
        if (r.id == "tekun" && r.status == Status::eligible && !st.tekun.value_or(false)) line.should_have = true;
        // 应退尽退: receiving 低保, above the standard, not in a 渐退期.
        if (r.id == "dibao" && st.dibao.value_or(false) && r.status == Status::ineligible) line.should_exit = true;
        if ((r.id == "dibao" || r.id == "tekun") && r.status == Status::maybe) line.visit = true;
      }
    }
    out.errors += line.errors.empty() ? 0 : 1;
    lines.push_back(std::move(line));
  }
  out.households = static_cast<int>(lines.size());

  // The export.
  out.csv = "\xEF\xBB\xBF";
  std::vector<std::string> head = {"户编号", "地区", "人数", "家庭月收入（元）", "月人均收入（元）"};
  for (const auto& p : programs) {
    head.push_back(p.second);
    head.push_back(p.second + "·金额");
  }
  for (const char* h : {"应保未保", "应退尽退", "需走访核实", "错误"}) head.push_back(h);
  csv_row(&out.csv, head);
  for (const Line& l : lines) {
    std::vector<std::string> row = {l.h->key, l.h->region, std::to_string(l.h->rows.size()),
                                    l.income_known ? yuan_text(l.income) : "", l.income_known ? yuan_text(l.per_capita) : ""};
    for (const auto& p : programs) {
      const ProgramResult* r = nullptr;
      for (const auto& x : l.results) r = x.id == p.first ? &x : r;
      row.push_back(r ? status_zh(r->status) : "");
      row.push_back(r ? amount_text(*r) : "");
    }
    row.push_back(l.should_have ? "是" : "");
    row.push_back(l.should_exit ? "是" : "");
    row.push_back(l.visit ? "是" : "");
    std::string errs;
    for (const auto& e : l.errors) errs += (errs.empty() ? "" : "；") + ("第" + std::to_string(e.row) + "行“" + e.column + "”：" + e.message);
    row.push_back(errs);
    csv_row(&out.csv, row);
  }
  for (const auto& e : file_errors) {
    std::vector<std::string> row(head.size());
    row.back() = "第" + std::to_string(e.row) + "行“" + e.column + "”：" + e.message;
    csv_row(&out.csv, row);
  }
  out.errors += static_cast<int>(file_errors.size());

  // The site's view: a summary and the lists.
  JsonWriter w(256 * lines.size() + 1024);
  w.begin_object().key("households").number(out.households).key("summary").begin_array();
  for (const auto& p : programs) {
    int counts[3] = {0, 0, 0};
    for (const Line& l : lines)
      for (const auto& r : l.results)
        if (r.id == p.first) ++counts[static_cast<int>(r.status)];
    w.begin_object().key("id").string(p.first).key("name").string(p.second);
    w.key("eligible").number(counts[2]).key("maybe").number(counts[1]).key("ineligible").number(counts[0]).end_object();
  }
  w.end_array().key("rows").begin_array();
  for (const Line& l : lines) {
    w.begin_object().key("key").string(l.h->key).key("region").string(l.h->region).key("line").number(l.h->rows.front());
    w.key("size").number(static_cast<long long>(l.h->rows.size()));
    w.key("per_capita_monthly");
    if (l.income_known) w.yuan(l.per_capita);
    else w.null();
    w.key("should_have").boolean(l.should_have).key("should_exit").boolean(l.should_exit).key("visit").boolean(l.visit);
    w.key("programs").begin_object();
    for (const auto& r : l.results) {
      w.key(r.id).begin_object().key("status").string(status_name(r.status)).key("amount").string(amount_text(r)).end_object();
    }
    w.end_object().key("errors").begin_array();
    for (const auto& e : l.errors)
      w.begin_object().key("row").number(e.row).key("column").string(e.column).key("message").string(e.message).key("message_en").string(e.message_en).end_object();
    w.end_array().end_object();
  }
  w.end_array().key("errors").begin_array();
  for (const auto& e : file_errors)
    w.begin_object().key("row").number(e.row).key("column").string(e.column).key("message").string(e.message).key("message_en").string(e.message_en).end_object();
  w.end_array().end_object();
  out.json = w.take();
  return out;
}

}  // namespace doudi
