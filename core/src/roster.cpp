// Roster screening: CSV rows -> households -> the same validation and rules as
// one household -> an export and the lists staff act on (应保未保, 应退尽退,
// 需走访核实, rows with errors). A bad row never stops the rest.
#include "doudi/roster.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>

#include "evaluate.h"
#include "household.h"
#include "json_tree.h"
#include "json_writer.h"
#include "roster_flags.h"

namespace doudi {
namespace {

enum class Type { text, integer, number, money, boolean, choice };

// A Chinese word a cell may hold and the contract's value for it.
struct Word {
  std::string_view zh, code;
};

// The words of a choice column (a view of a constant array).
struct Words {
  const Word* first = nullptr;
  size_t n = 0;
  std::string_view choices;  // "城镇、农村": what an error says may be written
  constexpr Words() = default;
  template <size_t N>
  constexpr Words(const Word (&w)[N], std::string_view choices) : first(w), n(N), choices(choices) {}
  const Word* begin() const { return first; }
  const Word* end() const { return first + n; }
};

// Views and constant arrays, not C strings and vectors: cells are matched
// against them many times a row, and the table costs no code to build.
struct Column {
  std::string_view header;  // Chinese header in the template
  std::string_view field;   // contract field name
  bool member;              // per member (else per household)
  Type type;
  std::string_view group;   // household-level object ("assets", …) or member "income_monthly"
  Words words;              // choice columns: Chinese word -> contract value
};

// The template's words first (the error for a word not here lists them), then
// the forms rosters and 户口簿 use: 农业/非农业, 妻, 长子, 孙女, 完全丧失劳动能力…
constexpr Word kHukouWords[] = {{"城镇", "urban"}, {"农村", "rural"}, {"城市", "urban"}, {"非农业", "urban"}, {"非农业户口", "urban"},
                                {"城镇户口", "urban"}, {"农业", "rural"}, {"农业户口", "rural"}, {"农村户口", "rural"}};
constexpr Word kRelationWords[] = {
    {"户主", "head"}, {"配偶", "spouse"}, {"子女", "child"}, {"父母", "parent"}, {"孙子女", "grandchild"}, {"祖父母", "grandparent"},
    {"兄弟姐妹", "sibling"}, {"其他", "other"}, {"本人", "head"}, {"妻", "spouse"}, {"妻子", "spouse"}, {"夫", "spouse"},
    {"丈夫", "spouse"}, {"子", "child"}, {"女", "child"}, {"儿子", "child"}, {"女儿", "child"}, {"长子", "child"},
    {"次子", "child"}, {"三子", "child"}, {"长女", "child"}, {"次女", "child"}, {"三女", "child"}, {"独子", "child"},
    {"独女", "child"}, {"养子", "child"}, {"养女", "child"}, {"继子", "child"}, {"继女", "child"}, {"父亲", "parent"},
    {"母亲", "parent"}, {"孙子", "grandchild"}, {"孙女", "grandchild"}, {"外孙", "grandchild"}, {"外孙子", "grandchild"},
    {"外孙女", "grandchild"}, {"祖父", "grandparent"}, {"祖母", "grandparent"}, {"外祖父", "grandparent"},
    {"外祖母", "grandparent"}, {"兄", "sibling"}, {"弟", "sibling"}, {"姐", "sibling"}, {"妹", "sibling"}, {"哥哥", "sibling"},
    {"弟弟", "sibling"}, {"姐姐", "sibling"}, {"妹妹", "sibling"}};
constexpr Word kLaborWords[] = {{"完全", "full"}, {"部分", "partial"}, {"无", "none"}, {"有", "full"}, {"有劳动能力", "full"},
                                {"丧失", "none"}, {"丧失劳动能力", "none"}, {"完全丧失劳动能力", "none"}, {"无劳动能力", "none"},
                                {"部分丧失劳动能力", "partial"}, {"部分丧失", "partial"}};
constexpr Word kSelfCareWords[] = {{"自理", "full"}, {"半失能", "partial"}, {"失能", "none"}, {"完全", "full"}, {"生活自理", "full"},
                                   {"完全自理", "full"}, {"半护理", "partial"}, {"部分", "partial"}, {"半自理", "partial"},
                                   {"全护理", "none"}, {"无", "none"}, {"不能自理", "none"}, {"完全不能自理", "none"}};
constexpr Word kDisabilityKindWords[] = {{"肢体", "physical"}, {"视力", "visual"}, {"听力", "hearing"}, {"言语", "speech"}, {"智力", "intellectual"}, {"精神", "mental"}, {"多重", "multiple"}};
constexpr Word kSchoolWords[] = {{"未上学", "none"}, {"学前", "preschool"}, {"小学", "primary"}, {"初中", "junior"}, {"高中", "senior"},
                                 {"中职", "vocational"}, {"大学", "college"}, {"无", "none"}, {"幼儿园", "preschool"},
                                 {"普通高中", "senior"}, {"大专", "college"}, {"本科", "college"}};

// The template's columns, in order. Headers may also be the contract's English names.
constexpr Column kColumns[] = {
    {"户编号", "key", false, Type::text, "", {}},
    {"地区", "region", false, Type::text, "", {}},
    {"户籍", "hukou", false, Type::choice, "", {kHukouWords, "城镇、农村"}},
    {"查询日期", "as_of", false, Type::text, "", {}},
    {"姓名", "name", true, Type::text, "", {}},
    {"与户主关系", "relation", true, Type::choice, "", {kRelationWords, "户主、配偶、子女、父母、孙子女、祖父母、兄弟姐妹、其他"}},
    {"年龄", "age", true, Type::integer, "", {}},
    {"劳动能力", "labor", true, Type::choice, "", {kLaborWords, "完全、部分、无"}},
    {"生活自理能力", "self_care", true, Type::choice, "", {kSelfCareWords, "自理、半失能、失能"}},
    {"残疾等级", "disability_grade", true, Type::integer, "", {}},
    {"残疾类别", "disability_kind", true, Type::choice, "", {kDisabilityKindWords, "肢体、视力、听力、言语、智力、精神、多重"}},
    {"重病", "serious_illness", true, Type::boolean, "", {}},
    {"在读学段", "school", true, Type::choice, "", {kSchoolWords, "未上学、学前、小学、初中、高中、中职、大学"}},
    {"孤儿", "orphan", true, Type::boolean, "", {}},
    {"事实无人抚养儿童", "unsupported_child", true, Type::boolean, "", {}},
    {"集中供养", "in_institution", true, Type::boolean, "", {}},
    {"有能力的法定赡养抚养扶养人", "has_capable_supporter", true, Type::boolean, "", {}},
    {"在业", "employed", true, Type::boolean, "", {}},
    {"低保期间新就业", "newly_employed", true, Type::boolean, "", {}},
    {"革命五老", "veteran_5lao", true, Type::boolean, "", {}},
    {"月工资", "wages", true, Type::money, "income_monthly", {}},
    {"月经营收入", "business", true, Type::money, "income_monthly", {}},
    {"月财产收入", "property", true, Type::money, "income_monthly", {}},
    {"月基本养老金", "pension_basic", true, Type::money, "income_monthly", {}},
    {"月其他养老金", "pension_other", true, Type::money, "income_monthly", {}},
    {"月荣誉抚恤优待金", "honors", true, Type::money, "income_monthly", {}},
    {"月在校生补助", "student_aid", true, Type::money, "income_monthly", {}},
    {"月其他转移收入", "transfers", true, Type::money, "income_monthly", {}},
    {"月其他收入", "other", true, Type::money, "income_monthly", {}},
    {"存款", "deposits", false, Type::money, "assets", {}},
    {"住房面积", "housing_area_m2", false, Type::number, "assets", {}},
    {"自有住房", "owns_home", false, Type::boolean, "assets", {}},
    {"年医疗支出", "medical", false, Type::money, "expenses_yearly", {}},
    {"年教育支出", "education", false, Type::money, "expenses_yearly", {}},
    {"年灾害损失", "disaster", false, Type::money, "expenses_yearly", {}},
    {"低保户", "dibao", false, Type::boolean, "status", {}},
    {"特困人员", "tekun", false, Type::boolean, "status", {}},
    {"低收入家庭", "low_income", false, Type::boolean, "status", {}},
    {"低保边缘家庭", "dibao_marginal", false, Type::boolean, "status", {}},
    {"建档立卡", "poverty_registered", false, Type::boolean, "status", {}},
    {"享受低保月数", "months_on_dibao", false, Type::integer, "status", {}},
    {"今年临时救助次数", "temporary", false, Type::integer, "aid_this_year", {}},
};

struct ColumnTable {
  constexpr const Column* begin() const { return kColumns; }
  constexpr const Column* end() const { return kColumns + size(); }
  constexpr const Column* data() const { return kColumns; }
  constexpr size_t size() const { return sizeof kColumns / sizeof kColumns[0]; }
};
constexpr ColumnTable columns() { return {}; }

// The household's objects a column may belong to, in the order the contract writes them.
constexpr std::string_view kObjects[] = {"assets", "expenses_yearly", "status", "aid_this_year"};
constexpr int kObjectCount = sizeof kObjects / sizeof kObjects[0];

// What building a household needs of each column, worked out at compile time
// rather than by comparing names for every cell: its household object (an index
// into kObjects, or -1), and whether it is the region or only echoed (key, name).
struct ColumnFacts {
  int object[columns().size()] = {};
  bool region[columns().size()] = {}, echoed[columns().size()] = {}, grade[columns().size()] = {};
  // Whose blank cell, in a file that has the column, means none, as a county's roster
  // is kept: a 残疾等级 only for the disabled, 是 only for the ill or the orphaned, a
  // cost only when there is one. Other blank cells are "not given".
  bool none_if_blank[columns().size()] = {};
  constexpr ColumnFacts() {
    for (size_t i = 0; i < columns().size(); ++i) {
      const Column& c = kColumns[i];
      object[i] = -1;
      for (int k = 0; k < kObjectCount; ++k)
        if (c.group == kObjects[k]) object[i] = k;
      region[i] = c.field == "region";
      echoed[i] = c.field == "key" || c.field == "name";
      grade[i] = c.field == "disability_grade";
      none_if_blank[i] = grade[i] || c.field == "serious_illness" || c.field == "orphan" || c.field == "unsupported_child" ||
                         c.field == "in_institution" || c.field == "veteran_5lao" || c.group == "expenses_yearly";
    }
  }
};
constexpr ColumnFacts kColumnFacts;
size_t index_of(const Column* c) { return static_cast<size_t>(c - columns().data()); }

// RFC 4180 records: quoted fields, doubled quotes, CRLF or LF. Cells are views
// into the text; a cell with quotes is unquoted into `pool` (a deque: views stay).
struct Csv {
  std::vector<std::string_view> cells;
  std::vector<size_t> row_start;  // index of each row's first cell, and one past the last row
  std::deque<std::string> pool;
  // Quoted cells never closed: {row, column} of each (parse_csv).
  std::vector<std::pair<size_t, size_t>> bad_quotes;

  size_t rows() const { return row_start.size() - 1; }
  size_t size(size_t r) const { return row_start[r + 1] - row_start[r]; }
  std::string_view at(size_t r, size_t c) const { return cells[row_start[r] + c]; }
};

// The bytes that end a run of a plain cell's text.
struct CsvSpecial {
  bool at[256] = {};
  constexpr CsvSpecial() : at() {
    for (unsigned char c : {',', '"', '\n', '\r'}) at[c] = true;
  }
};
constexpr CsvSpecial kCsvSpecial;

// A quote opens a quoted cell only as the cell's first character; elsewhere it
// is text, as Excel and WPS read it (王"五). A quoted cell may span lines, but
// when the file ends inside one, a quote was a mistake, and every row after it
// would be one cell: the file is read again `strict`, with each quoted cell
// ended at its line's end and listed in bad_quotes. Twice at most: linear.
Csv parse_csv(std::string_view s, bool strict = false) {
  Csv csv;
  // A cell per separator and a row per line break, counted first: the vectors are
  // sized once (growing them by doubling copied and faulted in megabytes for a big roster).
  const size_t breaks = static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
  csv.cells.reserve(static_cast<size_t>(std::count(s.begin(), s.end(), ',')) + breaks + 1);
  csv.row_start.reserve(breaks + 2);
  csv.row_start.push_back(0);
  size_t start = 0;            // of the current cell
  bool plain = true;           // no quote in it so far: a view of the text
  std::string cell;            // the unquoted cell otherwise
  bool quoted = false, any = false;
  auto end_cell = [&](size_t end) {
    if (plain) {
      csv.cells.push_back(s.substr(start, end - start));
    } else {
      csv.pool.push_back(std::move(cell));
      csv.cells.push_back(csv.pool.back());
      cell.clear();
    }
    plain = true;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (plain && !quoted) {
      // A plain cell's text up to the next separator, quote or line break, at once.
      const size_t run = i;
      while (i < s.size() && !kCsvSpecial.at[static_cast<unsigned char>(s[i])]) ++i;
      any = any || i > run;
      if (i == s.size()) break;
    }
    const char c = s[i];
    any = true;
    if (quoted && strict && (c == '\n' || c == '\r')) {
      quoted = false;
      csv.bad_quotes.emplace_back(csv.rows(), csv.cells.size() - csv.row_start.back());
    }
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') cell += '"', ++i;
      else if (c == '"') quoted = false;
      else cell += c;
    } else if (c == '"') {
      if (plain && i == start) plain = false, quoted = true;
      else if (!plain) cell += c;  // after a quoted part ("a"b"c): text
    } else if (c == ',') {
      end_cell(i);
      start = i + 1;
    } else if (c == '\n' || c == '\r') {
      end_cell(i);
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      start = i + 1;
      csv.row_start.push_back(csv.cells.size());
      any = false;
    } else if (!plain) {
      cell += c;
    }
  }
  if (quoted && !strict) return parse_csv(s, true);
  if (quoted) csv.bad_quotes.emplace_back(csv.rows(), csv.cells.size() - csv.row_start.back());
  if (any) {
    end_cell(s.size());
    csv.row_start.push_back(csv.cells.size());
  }
  return csv;
}

std::string_view trim(std::string_view s) {
  const size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string_view::npos ? std::string_view() : s.substr(a, b - a + 1);
}

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() > end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// Headers as county rosters write them beside the template's own: a unit in
// brackets (年龄（岁）, 月工资(元)), a leading 是否 (是否低保户), or one of these.
constexpr std::pair<std::string_view, std::string_view> kHeaderAliases[] = {
    {"户号", "户编号"}, {"家庭编号", "户编号"}, {"户籍性质", "户籍"}, {"户口性质", "户籍"}, {"户口类型", "户籍"}, {"户别", "户籍"},
    {"与户主的关系", "与户主关系"}, {"关系", "与户主关系"}, {"残疾级别", "残疾等级"}, {"残疾类型", "残疾类别"},
    {"工资", "月工资"}, {"月工资收入", "月工资"}, {"存款金额", "存款"}, {"低保", "低保户"}, {"低保对象", "低保户"},
    {"低保家庭", "低保户"}, {"特困", "特困人员"}, {"特困供养", "特困人员"}, {"特困供养人员", "特困人员"}, {"五保", "特困人员"},
    {"五保户", "特困人员"}, {"建档立卡户", "建档立卡"}, {"建档立卡贫困户", "建档立卡"}, {"低保月数", "享受低保月数"},
    // A roster's one income column: counted as income of no kind the documents leave out.
    {"月收入", "月其他收入"}, {"收入", "月其他收入"}, {"个人月收入", "月其他收入"}, {"月均收入", "月其他收入"},
    {"基本养老金", "月基本养老金"}, {"城乡居民养老金", "月基本养老金"}, {"养老金", "月其他养老金"}, {"退休金", "月其他养老金"}};

bool starts_with(std::string_view s, std::string_view start) { return s.size() > start.size() && s.compare(0, start.size(), start) == 0; }

// The template's column a header names (its own name, the contract's, or a form above), or nullptr.
const Column* column_named(std::string_view name) {
  const auto find = [](std::string_view n) -> const Column* {
    for (const Column& col : columns())
      if (n == col.header || n == col.field) return &col;
    for (const auto& [alias, header] : kHeaderAliases)
      if (n == alias)
        for (const Column& col : columns())
          if (header == col.header) return &col;
    return nullptr;
  };
  name = trim(name);
  if (const Column* c = find(name)) return c;
  for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}}) {
    const size_t at = name.rfind(open);
    if (at != std::string_view::npos && at > 0 && ends_with(name, close)) {
      name = trim(name.substr(0, at));
      break;
    }
  }
  if (starts_with(name, "是否")) name.remove_prefix(std::string_view("是否").size());
  return find(name);
}

struct CellError {
  int row;  // 1-based line in the file, header = 1
  std::string column, message, message_en;
};

JsonNode text_node(std::string_view v) {
  JsonNode n;
  n.type = JsonType::string;
  n.text = v;
  return n;
}

// A number cell's text as ASCII: full-width digits (１２, as a Chinese input method
// types them) as digits, thousands separators and a unit (元, 岁, ㎡) left out.
void number_text(std::string_view v, std::string* digits) {
  for (std::string_view unit : {"元", "平方米", "㎡", "岁"})
    if (ends_with(v, unit)) v.remove_suffix(unit.size());
  digits->clear();
  for (size_t i = 0; i < v.size(); ++i) {
    // U+FF10-FF19 (０-９) are EF BC 90-99, U+FF0E (．) EF BC 8E, U+FF0C (，) EF BC 8C.
    if (i + 2 < v.size() && v[i] == '\xEF' && v[i + 1] == '\xBC') {
      const unsigned char c = static_cast<unsigned char>(v[i + 2]);
      if (c >= 0x90 && c <= 0x99) { *digits += static_cast<char>('0' + (c - 0x90)), i += 2; continue; }
      if (c == 0x8E) { *digits += '.', i += 2; continue; }
      if (c == 0x8C) { i += 2; continue; }
    }
    if (v[i] != ',') *digits += v[i];
  }
}

// 残疾等级 as the 残疾人证 writes it: 一级 to 四级.
constexpr std::string_view kGrades[] = {"一级", "二级", "三级", "四级"};

// One cell as a JSON value, or false with a message. `digits` is scratch space.
bool convert(const Column& col, std::string_view v, JsonNode* out, std::string* why, std::string* digits) {
  switch (col.type) {
    case Type::text: *out = text_node(v); return true;
    case Type::choice:
      for (const Word& w : col.words)
        if (same_key(v, w.zh) || same_key(v, w.code)) return (*out = text_node(w.code)), true;
      *why = "不是可选值，应填：" + std::string(col.words.choices);
      return false;
    case Type::boolean:
      out->type = JsonType::boolean;
      for (std::string_view yes : {"是", "有", "Y", "y", "1", "true", "TRUE"})
        if (same_key(v, yes)) return (out->boolean = true), true;
      for (std::string_view no : {"否", "无", "N", "n", "0", "false", "FALSE"})
        if (same_key(v, no)) return (out->boolean = false), true;
      *why = "应填“是”或“否”";
      return false;
    default: {
      if (kColumnFacts.grade[index_of(&col)])
        for (size_t g = 0; g < 4; ++g)
          if (same_key(v, kGrades[g])) return (out->type = JsonType::number), (out->number = static_cast<double>(g + 1)), true;
      number_text(v, digits);
      // Whole numbers, most cells, without strtod (slow in the module); exact to 15 digits.
      const auto digit = [](char c) { return c >= '0' && c <= '9'; };
      if (!digits->empty() && digits->size() <= 15 && std::all_of(digits->begin(), digits->end(), digit)) {
        long long n = 0;
        for (char c : *digits) n = n * 10 + (c - '0');
        out->type = JsonType::number;
        return (out->number = static_cast<double>(n)), true;
      }
      // Otherwise decimal notation only ("0x1A", "inf" or " 5" are not numbers here).
      double d = 0;
      if (!decimal_number(*digits, &d) || !std::isfinite(d)) {
        *why = "应填数字";
        return false;
      }
      out->type = JsonType::number;
      out->number = d;
      return true;
    }
  }
}

bool same_value(const JsonNode& a, const JsonNode& b) {
  return a.type == b.type && a.boolean == b.boolean && a.number == b.number && a.text == b.text;
}

// Household keys ordered by length, then bytes: a strict order all the same,
// compared inline (memcmp is a call in the size-optimised module; keys are short).
struct KeyOrder {
  bool operator()(std::string_view a, std::string_view b) const {
    if (a.size() != b.size()) return a.size() < b.size();
    for (size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
    return false;
  }
};

struct Group {
  std::string_view key, region;
  std::vector<int> rows;  // file line of each member (CSV row + 1)
  std::vector<CellError> errors;
  bool scattered = false;  // its key met again after other households' rows
};

// A key met again after other households' rows. Rosters joined from several
// villages, each numbering its households from 1, look like this; merged, two
// families would be screened as one, and both results would be wrong. Which it
// is cannot be known, so the household is not screened and staff are told how
// to settle it (said once, at the first row out of place).
void scattered(Group* g, int line) {
  if (g->scattered) return;
  g->scattered = true;
  const std::string key(utf8_prefix(g->key, 40)), before = std::to_string(g->rows.back()), at = std::to_string(line);
  g->errors.push_back({line, "户编号",
                       "户编号“" + key + "”在第" + before + "行之后隔着其他户又出现在第" + at +
                           "行，未测算：同一户的成员请排在相邻的行；不是同一户的，请改用不同的户编号",
                       "household key '" + key + "' appears again at row " + at + " after other households (last at row " +
                           before + "); not screened: keep one household's rows together, or give different households different keys"});
}

const char* status_zh(Status s) { return s == Status::eligible ? "符合" : s == Status::maybe ? "可能符合" : "不符合"; }

// "最高2000元/次"
void append_amount(std::string* out, const Amount& a) {
  if (a.up_to) *out += "最高";
  *out += yuan_text(a.value);
  const std::string_view per = a.per;
  *out += per == "month" ? "元/月" : per == "year" ? "元/年" : "元/次";
}

// Whether a spreadsheet would run the cell as a formula (OWASP's CSV injection):
// it starts with = + - @, a tab or a carriage return, and is not a plain number.
// A roster's key and region come from the file as they are, and the export is
// opened in Excel or WPS.
bool formula_like(std::string_view v) {
  if (v.empty() || std::string_view("=+-@\t\r").find(v[0]) == std::string_view::npos) return false;
  if (v[0] != '+' && v[0] != '-') return true;
  bool digit = false, point = false;
  for (char c : v.substr(1)) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c == '.' && !point) point = true;
    else return true;
  }
  return !digit;
}

// A cell that must be quoted: it holds a separator, a quote or a line break.
// (string_view::find_first_of searches its set once per byte, a memchr call each;
// measured against it, the roster is the same speed within noise: kept as plainer.)
bool needs_quotes(std::string_view v) {
  for (char c : v)
    if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
  return false;
}

void csv_cell(std::string* out, std::string_view v) {
  const bool formula = formula_like(v);
  if (!formula && !needs_quotes(v)) {
    *out += v;
    return;
  }
  *out += '"';
  if (formula) *out += '\'';  // kept as text (some programs show the ')
  for (char c : v) c == '"' ? *out += "\"\"" : *out += c;
  *out += '"';
}

// A CSV row written cell by cell: row.cell(a).cell(b).end();
class CsvRow {
 public:
  explicit CsvRow(std::string* out) : out_(out) {}
  CsvRow& cell(std::string_view v) {
    if (!first_) *out_ += ',';
    first_ = false;
    csv_cell(out_, v);
    return *this;
  }
  // A household key of digits that a spreadsheet would take for a number (000123
  // shown as 123, an 18-digit 身份证号 as 3.50505E+17) goes as ="000123": shown as text.
  CsvRow& key(std::string_view v) {
    const bool digits = !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || (v[0] != '0' && v.size() <= 11)) return cell(v);
    if (!first_) *out_ += ',';
    first_ = false;
    ((*out_ += "\"=\"\"") += v) += "\"\"\"";
    return *this;
  }
  void end() { *out_ += "\r\n"; }

 private:
  std::string* out_;
  bool first_ = true;
};

std::string error_text(const CellError& e) { return "第" + std::to_string(e.row) + "行“" + e.column + "”：" + e.message; }

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
    if (leaf == c.field) column = std::string(c.header);
  if (field == "members") column = "户编号";  // 1 to 20 rows a household: its key holds them together
  // Facts with no single column of their own, said in the template's words.
  if (field == "income_monthly") column = "月收入（月工资等各列）";
  if (field == "events") column = "近期突发事件（台账没有此列）";
  return {row, column, e.message, e.message_en};
}

// The row's value of each column of the template (the last cell under it), trimmed.
void row_cells(const Csv& csv, size_t r, const std::vector<const Column*>& map, std::vector<std::string_view>* cells) {
  cells->assign(columns().size(), {});
  for (size_t c = 0; c < csv.size(r) && c < map.size(); ++c)
    if (map[c]) (*cells)[static_cast<size_t>(map[c] - columns().data())] = trim(csv.at(r, c));
}

// Builds one household's JSON tree from its rows, as the contract has it, so
// that the roster is validated by the same reader as one household. Cells that
// are not values, and household cells that disagree between rows, are errors.
class HouseholdBuilder {
 public:
  HouseholdBuilder(const Csv& csv, const std::vector<const Column*>& map, bool has_income, std::string_view default_region)
      : csv_(csv), map_(map), has_income_(has_income), default_region_(default_region) {
    for (const Column* c : map)
      if (c) present_[index_of(c)] = true;
  }

  const JsonNode& build(Group* h) {
    tree_.clear();
    household_.clear();
    const size_t root = tree_.open(JsonType::object, {});
    JsonNode schema;
    schema.type = JsonType::number;
    schema.number = 1;
    tree_.add(schema, "schema");
    // Row by row, cells in the template's order (so are the errors); the
    // household's own cells are written once all rows agree on them.
    const size_t members = tree_.open(JsonType::array, "members");
    for (int line : h->rows) member(line, h);
    tree_.close(members);
    // A cost column blank on every row of the household: none.
    for (const Column& c : columns())
      if (!c.member && none_if_blank(c) &&
          std::none_of(household_.begin(), household_.end(), [&](const auto& kv) { return kv.first == &c; })) {
        JsonNode zero;
        zero.type = JsonType::number;
        household_.emplace_back(&c, zero);
      }
    h->region = default_region_;
    bool region = false;
    for (const auto& [c, v] : household_)
      if (c->group.empty()) {
        tree_.add(v, c->field);
        if (kColumnFacts.region[index_of(c)]) h->region = v.text, region = true;
      }
    if (!region && !default_region_.empty()) tree_.add(text_node(default_region_), "region");
    for (int object = 0; object < kObjectCount; ++object) {
      size_t at = SIZE_MAX;
      for (const auto& [c, v] : household_)
        if (kColumnFacts.object[index_of(c)] == object) {
          if (at == SIZE_MAX) at = tree_.open(JsonType::object, kObjects[object]);
          tree_.add(v, c->field);
        }
      if (at != SIZE_MAX) tree_.close(at);
    }
    tree_.close(root);
    return tree_.root();
  }

 private:
  using Values = std::vector<std::pair<const Column*, JsonNode>>;

  // A blank that means none here (kColumnFacts.none_if_blank), the file having the column.
  bool none_if_blank(const Column& c) const { return present_[index_of(&c)] && kColumnFacts.none_if_blank[index_of(&c)]; }

  // One cell into `to`; a household cell must agree with the rows before it.
  void take(const Column& c, int line, Group* h, Values* to) {
    std::string_view v = cells_[index_of(&c)];
    if (v.empty() && c.member && none_if_blank(c)) v = c.type == Type::boolean ? "否" : "0";
    if (v.empty() || kColumnFacts.echoed[index_of(&c)]) return;
    JsonNode value;
    std::string why;
    if (!convert(c, v, &value, &why, &digits_)) {
      const std::string shown(utf8_prefix(v, 40));
      h->errors.push_back({line, std::string(c.header), "“" + shown + "”" + why, "'" + shown + "' is not valid here"});
      return;
    }
    for (const auto& [seen, old] : *to)
      if (seen == &c) {
        if (!same_value(old, value))
          h->errors.push_back({line, std::string(c.header),
                               "同一户的“" + std::string(c.header) + "”与前面的行不一致：这是全户的情况，各行要相同，或只填在一行" +
                                   (c.field == "hukou" ? "（家人户籍不同的，按户主的填）" : ""),
                               "differs from an earlier row of the same household: a household's own cell, the same on every row or given once"});
        return;
      }
    to->emplace_back(&c, value);
  }

  void member(int line, Group* h) {
    row_cells(csv_, static_cast<size_t>(line - 1), map_, &cells_);
    member_.clear();
    for (const Column& c : columns()) take(c, line, h, c.member ? &member_ : &household_);
    const size_t at = tree_.open(JsonType::object, {});
    for (const auto& [c, v] : member_)
      if (c->group.empty()) tree_.add(v, c->field);
    // A roster with income columns lists incomes: a blank cell there is 0.
    if (has_income_) {
      const size_t income = tree_.open(JsonType::object, "income_monthly");
      for (const auto& [c, v] : member_)
        if (!c->group.empty()) tree_.add(v, c->field);
      tree_.close(income);
    }
    tree_.close(at);
  }

  const Csv& csv_;
  const std::vector<const Column*>& map_;
  bool present_[columns().size()] = {};  // the file has this template column
  const bool has_income_;
  const std::string_view default_region_;
  std::vector<std::string_view> cells_;
  Values household_, member_;
  std::string digits_;
  JsonTree tree_;
};

// What the roster keeps of a program's result.
struct Outcome {
  size_t program;  // in Roster::State::programs
  Status status;
  std::optional<Amount> amount;
};

// One household screened: what the export and the view write of it.
struct Line {
  const Group* h;
  std::vector<Outcome> outcomes;
  std::vector<CellError> errors;
  Fen per_capita = 0, income = 0;
  bool income_known = false;
  bool should_have = false, should_exit = false, visit = false;
  std::string why;  // 应退尽退, 需走访核实: what refused it, or what would settle it
  const char* receives = "";  // what the file says it receives now: 低保, 特困

  bool listed() const { return should_have || should_exit || visit || !errors.empty(); }
};

}  // namespace

struct Roster::State {
  State(const PolicySet& policies, std::string csv_text, std::string_view default_region);

  void screen(Group& h);
  void write_export(std::string* out) const;
  std::string view() const;

  const PolicySet& set;
  const std::string text;    // the file (cells are views of it)
  const std::string region;  // the default region
  Csv csv;
  std::vector<const Column*> map;  // the template's column of each file column
  size_t head = 0;                 // the header's row (a title may stand above it)
  bool has_income = false;
  std::vector<CellError> file_errors;
  std::vector<std::string> ignored;  // headers of columns not the template's (序号, 身份证号…)
  struct Note {
    std::string message, message_en;
  };
  std::vector<Note> notes;  // what staff should know of the whole file (not errors)
  std::vector<Group> households;  // in the order their keys first appear
  // Columns of the export: every program seen, in order (id, name).
  std::vector<std::pair<std::string_view, std::string_view>> programs;
  std::vector<Line> lines;  // one per household screened
  struct Columns {
    const Policy* policy;
    std::vector<size_t> column;  // of each program, in `programs`
    DibaoTekun at;
  };
  std::deque<Columns> policy_columns;  // (a deque: references stay)
  const Column* read_header();
  const Columns& columns_of(const Policy& policy);
  std::unique_ptr<HouseholdBuilder> builder;
  bool finished = false;
};

namespace {

// The text as UTF-8 without a BOM (bytes that are not UTF-8 read as U+FFFD).
std::string clean(std::string text) {
  if (!is_utf8(text)) text = repair_utf8(text);
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  return text;
}

std::string clean_region(std::string_view region) { return is_utf8(region) ? std::string(region) : repair_utf8(region); }

}  // namespace

// The header row: each file column's template column (`map`), the columns not
// read, and the file's notes. Returns the 户编号 column, or nullptr.
const Column* Roster::State::read_header() {
  // The header is the first row naming the 户编号 column, among the first few: a
  // 花名册 exported from Excel often has its title (“泉港区2020年6月城乡低保对象花名册”) above.
  const auto names_key = [&](size_t r) {
    for (size_t c = 0; c < csv.size(r); ++c)
      if (const Column* col = column_named(csv.at(r, c)); col && col->field == "key") return true;
    return false;
  };
  for (size_t r = 0; r < csv.rows() && r < 10; ++r)
    if (names_key(r)) {
      head = r;
      break;
    }
  if (head > 0) notes.push_back({"表头不在第1行：表头上面的标题等行没有读取", "the header is not the first row: the rows above it were not read"});
  if (csv.rows() > 0)
    for (size_t c = 0; c < csv.size(head); ++c) {
      const std::string name(trim(csv.at(head, c)));
      const Column* found = column_named(name);
      if (!found && !name.empty()) ignored.push_back(name);
      // Two columns for one field: which holds the answer is a guess, so the
      // first is read and the file says so.
      if (found && std::find(map.begin(), map.end(), found) != map.end()) {
        file_errors.push_back({static_cast<int>(head) + 1, name, "“" + std::string(found->header) + "”列重复，只读取了第一列，请删去多余的列",
                               "column '" + name + "' repeats " + std::string(found->header) + ": only the first is read"});
        found = nullptr;
      }
      map.push_back(found);
    }
  const Column* key_column = nullptr;
  for (const Column* c : map) {
    if (c && c->field == "key") key_column = c;
    has_income = has_income || (c && c->group == "income_monthly");
  }
  const bool has_key = key_column != nullptr;
  if (csv.rows() == 0 || !has_key)
    file_errors.push_back({1, "户编号", "缺少“户编号”列（同一户的成员填相同编号）", "missing the household key column (户编号)"});
  // Without whether a household receives 低保 or 特困 the lists cannot say who
  // should have it or leave it: an unknown is never read as “not receiving”.
  const auto has = [&](std::string_view field) { return std::find(map.begin(), map.end(), column_named(field)) != map.end(); };
  if (has_key && !has("dibao"))
    notes.push_back({"没有“低保户”列（列名请用模板的）：低保的应保未保、应退尽退无法判断，没有列出",
                     "no column 低保户: who should have or leave dibao cannot be told, and is not listed"});
  if (has_key && !has("tekun"))
    notes.push_back({"没有“特困人员”列（列名请用模板的）：特困的应保未保、应退尽退无法判断，没有列出",
                     "no column 特困人员: who should have or leave tekun cannot be told, and is not listed"});
  return key_column;
}

Roster::State::State(const PolicySet& policies, std::string csv_text, std::string_view default_region)
    : set(policies), text(clean(std::move(csv_text))), region(clean_region(default_region)), csv(parse_csv(text)) {
  // An Excel workbook (.xlsx is a zip file) chosen for its CSV: said plainly, not
  // as a header of binary garbage.
  if (text.compare(0, 4, "PK\x03\x04") == 0) {
    file_errors.push_back({1, "", "这是 Excel 工作簿（.xlsx），不是 CSV 文件：请在 Excel 或 WPS 中“另存为”，类型选“CSV（逗号分隔）”，再选择另存的文件",
                           "this is an Excel workbook (.xlsx), not CSV: save it as CSV (comma separated) first"});
    return;
  }
  const Column* key_column = read_header();
  const bool has_key = key_column != nullptr;

  // Rows to households by key, in the order keys first appear.
  std::map<std::string_view, size_t, KeyOrder> index;  // (a map: no hash table code in the module)
  size_t last = 0;  // the household of the row before: a household's rows usually follow each other
  std::vector<std::string_view> cells;
  std::vector<size_t> key_at;  // the file's key columns: a row's key is in the last it has
  for (size_t c = 0; c < map.size(); ++c)
    if (map[c] == key_column) key_at.insert(key_at.begin(), c);
  // A row with a quote never closed (parse_csv) is an error of its household,
  // which is then not screened: its cells may be misread from the quote on.
  auto bad_quote = csv.bad_quotes.begin();
  auto quote_error = [&](size_t r) -> std::optional<CellError> {
    while (bad_quote != csv.bad_quotes.end() && bad_quote->first < r) ++bad_quote;
    if (bad_quote == csv.bad_quotes.end() || bad_quote->first != r) return std::nullopt;
    const size_t c = bad_quote->second;
    return CellError{static_cast<int>(r) + 1, c < csv.size(head) ? std::string(trim(csv.at(head, c))) : std::string(),
                     "引号（\"）没有配对，这一行从引号起可能读错了，请在表格软件中检查后重新导出",
                     "a quote (\") is not closed: the row may be misread from it on"};
  };
  for (size_t r = 0; r <= head && r < csv.rows(); ++r)
    if (auto e = quote_error(r)) file_errors.push_back(*e);
  for (size_t r = head + 1; has_key && r < csv.rows(); ++r) {
    const int line = static_cast<int>(r) + 1;
    const std::optional<CellError> bad = quote_error(r);
    std::string_view key;
    for (size_t c : key_at)
      if (c < csv.size(r)) {
        key = trim(csv.at(r, c));
        break;
      }
    if (key.empty()) {
      // A blank row is skipped; a row with cells but no key is an error.
      bool blank = true;
      for (size_t c = 0; c < csv.size(r) && blank; ++c) blank = trim(csv.at(r, c)).empty();
      if (blank) continue;
      row_cells(csv, r, map, &cells);
      if (bad) file_errors.push_back(*bad);
      else if (std::any_of(cells.begin(), cells.end(), [](std::string_view v) { return !v.empty(); }))
        file_errors.push_back({line, "户编号", "户编号为空", "household key is empty"});
      continue;
    }
    if (households.empty() || !same_key(households[last].key, key)) {
      auto [it, fresh] = index.emplace(key, households.size());
      if (fresh) households.push_back({key, {}, {}, {}, false});
      else scattered(&households[it->second], line);
      last = it->second;
    }
    households[last].rows.push_back(line);
    if (bad) households[last].errors.push_back(*bad);
  }
  lines.reserve(households.size());
  builder = std::make_unique<HouseholdBuilder>(csv, map, has_income, region);
}

// The export columns of a policy's programs (results come one per program, in
// order), made when the policy is first met: a program id is a column once, in
// the order ids are first seen. Found by pointer, not by comparing ids per result.
const Roster::State::Columns& Roster::State::columns_of(const Policy& policy) {
  for (const Columns& c : policy_columns)
    if (c.policy == &policy) return c;
  Columns c{&policy, {}, dibao_tekun(policy)};
  for (const Program& prog : policy.programs) {
    const std::string_view id = prog.id;
    size_t k = 0;
    while (k < programs.size() && programs[k].first != id) ++k;
    if (k == programs.size()) programs.emplace_back(id, prog.name);
    c.column.push_back(k);
  }
  policy_columns.push_back(std::move(c));
  return policy_columns.back();
}

namespace {

// Whether a program's own conditions take in the household's hukou: 鹤壁, 新密 and
// 中卫 write about 农村低保 only, so their 城镇 低保户 are under another document,
// and "不符合" says nothing about whether they should leave 低保.
bool covers_hukou(const Program& p, Hukou hukou) {
  for (const Condition& c : p.conditions)
    if ((c.test.op == Predicate::Op::hukou_rural && hukou != Hukou::rural) ||
        (c.test.op == Predicate::Op::hukou_urban && hukou != Hukou::urban))
      return false;
  return true;
}

// A region as staff write it in a roster: its id, or its place (泉港区, 新密市,
// 明溪) when exactly one document's region (福建省泉州市泉港区) contains it.
const Policy* region_by_place(const PolicySet& set, std::string_view place) {
  if (place.size() < 6) return nullptr;  // two Chinese characters at least
  const Policy* found = nullptr;
  for (const auto& p : set.all())
    if (p->document.region.find(place) != std::string::npos) {
      if (found) return nullptr;  // 福建省: two documents
      found = p.get();
    }
  return found;
}

// "quangang-2020（福建省泉州市泉港区）、…": what an unknown region could have been.
std::string region_choices(const PolicySet& set) {
  std::string s;
  for (const auto& p : set.all()) s += (s.empty() ? "" : "、") + p->id + "（" + p->document.region + "）";
  return s;
}

}  // namespace

DibaoTekun dibao_tekun(const Policy& policy) {
  DibaoTekun at;
  for (size_t i = 0; i < policy.programs.size(); ++i) {
    if (policy.programs[i].id == "dibao") at.dibao = static_cast<int>(i);
    if (policy.programs[i].id == "tekun") at.tekun = static_cast<int>(i);
  }
  return at;
}

RosterFlags roster_flags(const Policy& policy, const Household& h, const std::vector<ProgramResult>& results, DibaoTekun at) {
  RosterFlags f;
  const auto& st = h.status;
  const bool on_dibao = st.dibao.value_or(false), on_tekun = st.tekun.value_or(false);
  // In the programs' order: the 说明 works out the programs up to the last listed.
  for (const int i : {std::min(at.dibao, at.tekun), std::max(at.dibao, at.tekun)}) {
    if (i < 0 || static_cast<size_t>(i) >= results.size()) continue;
    const ProgramResult& r = results[i];
    const bool tekun = i == at.tekun;
    // 应保未保: meets 低保 or 特困 criteria, and the file says it is not received
    // (unknown is not "no"). A 特困 person is not listed for 低保: both pay for the
    // same basic living (鹤壁 三、（二） moves 低保对象 who qualify over to 特困).
    if (r.status == Status::eligible && (tekun ? st.tekun == false : !r.taper && st.dibao == false && !on_tekun))
      f.should_have = true;
    // 应退尽退: receiving 低保 or 特困 and no longer meeting it (低保: not in a 渐退期,
    // which is eligible); not a household the document leaves to another one.
    if ((tekun ? on_tekun : on_dibao) && r.status == Status::ineligible && covers_hukou(policy.programs[i], h.hukou)) {
      f.should_exit = true;
      f.listed.push_back({static_cast<size_t>(i), true});
    }
    // 需走访核实: may meet it; a 特困 person's 低保 is not in question.
    if (r.status == Status::maybe && (tekun || !on_tekun)) {
      f.visit = true;
      f.listed.push_back({static_cast<size_t>(i), false});
    }
  }
  return f;
}

namespace {

// Why a listed household is on its lists, in a line for staff: the criterion that
// refused what it receives, or the cells that would settle what may apply, or the
// office's judgement it waits on. Worked out again with reasons for these households
// only, and only up to the last program listed (a program may rest on those before it).
std::string why_listed(const Policy& policy, const Household& hh, const Group& g, const std::vector<RosterFlags::Listed>& listed) {
  Context ctx(hh, policy, hh.as_of.value_or(policy.document.effective_from));
  std::vector<ProgramResult> results;
  for (size_t i = 0; i <= listed.back().program; ++i) results.push_back(evaluate_program(policy.programs[i], ctx));
  std::string why;
  // The cells to fill: a column, with the rows of the members it is missing for
  // ("劳动能力（第24、26行）"), or a household's own column ("存款").
  std::vector<std::pair<std::string, std::vector<int>>> cells;
  const auto need = [&](const std::string& path) {
    const CellError at = locate({path, "", ""}, g);
    auto it = std::find_if(cells.begin(), cells.end(), [&](const auto& c) { return c.first == at.column; });
    if (it == cells.end()) it = cells.insert(cells.end(), {at.column, {}});
    if (path.rfind("members[", 0) == 0 && std::find(it->second.begin(), it->second.end(), at.row) == it->second.end())
      it->second.push_back(at.row);
  };
  for (const RosterFlags::Listed& l : listed) {
    const ProgramResult& r = results[l.program];
    if (!l.refused) std::for_each(r.missing.begin(), r.missing.end(), need);
    if (!r.reasons.empty() && (l.refused || r.missing.empty()))
      why += (why.empty() ? "" : "；") + std::string(r.id == "dibao" ? "低保：" : "特困：") + std::string(r.reasons.front().text());
  }
  std::string fill;
  for (auto& [column, rows] : cells) {
    fill += (fill.empty() ? "" : "、") + column;
    std::sort(rows.begin(), rows.end());
    for (size_t k = 0; k < rows.size(); ++k) fill += (k ? "、" : "（第") + std::to_string(rows[k]) + (k + 1 == rows.size() ? "行）" : "");
  }
  return fill.empty() ? why : "需了解：" + fill + (why.empty() ? "" : "；" + why);
}

}  // namespace

void Roster::State::screen(Group& h) {
  HouseholdParse hp = read_household(builder->build(&h));
  Line line{&h, {}, h.errors, 0, 0, false, false, false, false, {}};
  const Policy* policy = set.find(hp.household.region);
  if (!policy && (policy = region_by_place(set, hp.household.region))) h.region = policy->id;
  if (!policy && !hp.household.region.empty()) {
    const std::string choices = region_choices(set);
    hp.errors.push_back({"region", "未知地区“" + std::string(utf8_prefix(hp.household.region, 40)) + "”，请填地区编号或地名：" + choices,
                         "unknown region; give one of: " + choices});
  } else if (hp.household.region.empty() && hp.errors.empty())
    hp.errors.push_back({"region", "缺少地区", "region is missing"});
  // A scattered key's members are two households or one: what the merged rows
  // break (two heads) is not for staff to read as well.
  if (h.scattered) hp.errors.clear();
  for (const FieldError& e : hp.errors) {
    // A missing region is the file's "地区" column.
    CellError ce = locate(e, h);
    if (e.field == "region") ce.column = "地区";
    // A cell that was not a value ("六十") is said once, not again as missing.
    const auto said = [&](const CellError& x) { return x.row == ce.row && x.column == ce.column; };
    if (std::none_of(h.errors.begin(), h.errors.end(), said)) line.errors.push_back(ce);
  }
  if (line.errors.empty() && policy) {
    HouseholdIncome income;
    // Statuses and amounts only: the roster shows no reasons, so none are written.
    const std::vector<ProgramResult> results = evaluate_household(*policy, hp.household, &income, Detail::statuses);
    if (income.counted) {
      line.income_known = true;
      line.income = *income.counted;
      line.per_capita = div_round(*income.counted - income.deductions, static_cast<Fen>(hp.household.members.size()));
    }
    const auto& st = hp.household.status;
    const Columns& cols = columns_of(*policy);
    line.outcomes.reserve(results.size());
    for (size_t i = 0; i < results.size(); ++i) line.outcomes.push_back({cols.column[i], results[i].status, results[i].amount});
    const bool on_dibao = st.dibao.value_or(false), on_tekun = st.tekun.value_or(false);
    line.receives = on_dibao && on_tekun ? "低保、特困" : on_dibao ? "低保" : on_tekun ? "特困" : "";
    const RosterFlags flags = roster_flags(*policy, hp.household, results, cols.at);
    line.should_have = flags.should_have, line.should_exit = flags.should_exit, line.visit = flags.visit;
    if (!flags.listed.empty()) line.why = why_listed(*policy, hp.household, h, flags.listed);
  }
  lines.push_back(std::move(line));
}

void Roster::State::write_export(std::string* out) const {
  *out = "\xEF\xBB\xBF";
  size_t why = 0;
  for (const Line& l : lines) why += l.why.size();
  out->reserve(lines.size() * (64 + 24 * programs.size()) + why + 1024);
  CsvRow head(out);
  size_t width = 0;
  const auto header = [&](std::string_view v) { head.cell(v), ++width; };
  for (const char* h : {"户编号", "地区", "人数", "现享受", "家庭月收入（元）", "月人均收入（元）"}) header(h);
  for (const auto& p : programs) {
    header(p.second);
    header(std::string(p.second) + "·金额");
  }
  for (const char* h : {"应保未保", "应退尽退", "需走访核实", "说明", "错误"}) header(h);
  head.end();
  std::string scratch;
  std::vector<const Outcome*> of;  // a line's outcome by program
  for (const Line& l : lines) {
    CsvRow row(out);
    const Policy* policy = set.find(l.h->region);  // its place, as staff know it
    row.key(l.h->key).cell(policy ? std::string_view(policy->document.region) : l.h->region).cell(std::to_string(l.h->rows.size()));
    row.cell(l.receives);
    row.cell(l.income_known ? yuan_text(l.income) : "").cell(l.income_known ? yuan_text(l.per_capita) : "");
    of.assign(programs.size(), nullptr);
    for (const Outcome& o : l.outcomes) of[o.program] = &o;
    for (const Outcome* o : of) {
      scratch.clear();
      if (o && o->amount) append_amount(&scratch, *o->amount);
      row.cell(o ? status_zh(o->status) : "").cell(scratch);
    }
    row.cell(l.should_have ? "是" : "").cell(l.should_exit ? "是" : "").cell(l.visit ? "是" : "").cell(l.why);
    scratch.clear();
    for (const auto& e : l.errors) scratch += (scratch.empty() ? "" : "；") + error_text(e);
    row.cell(scratch).end();
  }
  for (const auto& e : file_errors) {
    CsvRow row(out);
    for (size_t i = 0; i + 1 < width; ++i) row.cell("");
    row.cell(error_text(e)).end();
  }
}

// The site's view: the summary, and the households its lists show (with their
// 低保 and 特困 outcomes, the lists' columns); the export has the rest.
std::string Roster::State::view() const {
  size_t listed = 0, why = 0;
  for (const Line& l : lines) listed += l.listed() ? 1 : 0, why += l.listed() ? l.why.size() : 0;
  JsonWriter w(256 * listed + why + 128 * programs.size() + 1024);
  w.begin_object().key("households").number(static_cast<long long>(lines.size())).key("summary").begin_array();
  std::vector<std::array<int, 3>> counts(programs.size(), {0, 0, 0});
  for (const Line& l : lines)
    for (const Outcome& o : l.outcomes) ++counts[o.program][static_cast<int>(o.status)];
  for (size_t k = 0; k < programs.size(); ++k) {
    w.begin_object().key("id").string(programs[k].first).key("name").string(programs[k].second);
    w.key("eligible").number(counts[k][2]).key("maybe").number(counts[k][1]).key("ineligible").number(counts[k][0]).end_object();
  }
  const auto write_errors = [&w](const std::vector<CellError>& errors) {
    w.begin_array();
    for (const auto& e : errors)
      w.begin_object().key("row").number(e.row).key("column").string(e.column).key("message").string(e.message).key("message_en").string(e.message_en).end_object();
    w.end_array();
  };
  w.end_array().key("rows").begin_array();
  std::vector<bool> shown(programs.size());  // the lists' columns: 低保 and 特困
  for (size_t k = 0; k < programs.size(); ++k) shown[k] = programs[k].first == "dibao" || programs[k].first == "tekun";
  std::string amount;
  for (const Line& l : lines) {
    if (!l.listed()) continue;
    w.begin_object().key("key").string(l.h->key).key("region").string(l.h->region).key("line").number(l.h->rows.front());
    w.key("size").number(static_cast<long long>(l.h->rows.size()));
    w.key("per_capita_monthly");
    if (l.income_known) w.yuan(l.per_capita);
    else w.null();
    w.key("should_have").boolean(l.should_have).key("should_exit").boolean(l.should_exit).key("visit").boolean(l.visit);
    w.key("why").string(l.why).key("receives").string(l.receives);
    w.key("programs").begin_object();
    for (const Outcome& o : l.outcomes) {
      if (!shown[o.program]) continue;
      amount.clear();
      if (o.amount) append_amount(&amount, *o.amount);
      w.key(programs[o.program].first).begin_object().key("status").string(status_name(o.status)).key("amount").string(amount).end_object();
    }
    w.end_object().key("errors");
    write_errors(l.errors);
    w.end_object();
  }
  w.end_array().key("errors");
  write_errors(file_errors);
  w.key("ignored_columns").begin_array();
  for (const std::string& name : ignored) w.string(name);
  w.end_array().key("notes").begin_array();
  for (const Note& n : notes) w.begin_object().key("message").string(n.message).key("message_en").string(n.message_en).end_object();
  w.end_array();
  w.end_object();
  return w.take();
}

Roster::Roster(const PolicySet& policies, std::string csv, std::string_view default_region)
    : s_(std::make_unique<State>(policies, std::move(csv), default_region)) {}
Roster::~Roster() = default;
Roster::Roster(Roster&&) noexcept = default;
Roster& Roster::operator=(Roster&&) noexcept = default;

int Roster::households() const { return static_cast<int>(s_->households.size()); }
int Roster::screened() const { return static_cast<int>(s_->lines.size()); }

int Roster::step(int n) {
  while (n-- > 0 && s_->lines.size() < s_->households.size()) s_->screen(s_->households[s_->lines.size()]);
  return screened();
}

RosterOutput Roster::finish() {
  RosterOutput out;
  if (s_->finished) return out;
  step(households());
  s_->finished = true;
  s_->write_export(&out.csv);
  out.json = s_->view();
  out.households = households();
  for (const Line& l : s_->lines) out.errors += l.errors.empty() ? 0 : 1;
  out.errors += static_cast<int>(s_->file_errors.size());
  return out;
}

RosterOutput screen_roster(const PolicySet& set, std::string_view text, std::string_view default_region) {
  return Roster(set, std::string(text), default_region).finish();
}

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
  CsvRow row(&out);
  for (const Column& c : columns()) row.cell(c.header);
  row.end();
  return out;
}

}  // namespace doudi
