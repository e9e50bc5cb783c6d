#include "strict_json.h"

#include <algorithm>

namespace doudi {
namespace {

struct Shape {
  int depth = 0;       // deepest nesting
  size_t widest = 0;   // the most members of one object
};

// Nesting depth and the widest object, counted outside strings, so hostile
// input is refused before the parser builds anything from it (objects keep
// their keys in order and are searched: 80,000 keys took seconds).
Shape shape(std::string_view s) {
  Shape out;
  int depth = 0, worst = 0;
  std::vector<size_t> open;  // members so far of each open container
  bool in_string = false, escaped = false;
  for (char c : s) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      worst = std::max(worst, ++depth);
      open.push_back(0);
    } else if (c == '}' || c == ']') {
      --depth;
      if (!open.empty()) open.pop_back();
    } else if (c == ':') {
      if (!open.empty()) out.widest = std::max(out.widest, ++open.back());
    }
  }
  out.depth = worst;
  return out;
}

JsonProblem not_json(const JsonSyntaxError& e) {
  const std::string at = std::to_string(e.position);
  // What was being read there, when it is printable, helps find the mistake.
  std::string token;
  for (char c : e.near)
    if (c != '"' && c != '\\') token += c;
  const std::string zh_tail = token.empty() ? "" : "，读到“" + token + "”";
  const std::string en_tail = token.empty() ? "" : ", at '" + token + "'";
  return {"", "输入不是有效的 JSON（第 " + at + " 个字节附近有误" + zh_tail + "）",
          "input is not valid JSON (error near byte " + at + en_tail + ")"};
}

}  // namespace

ParsedJson parse_strict(std::string_view text, JsonLimits limits) {
  ParsedJson out;
  if (text.size() > limits.max_bytes) {
    const std::string kb = std::to_string(limits.max_bytes / 1024);
    out.problems.push_back({"", "输入过大（超过 " + kb + " KB）", "input is too large (over " + kb + " KB)"});
    return out;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    out.problems.push_back({"", "输入为空，没有家庭数据", "input is empty: no household"});
    return out;
  }
  const Shape sh = shape(text);
  if (sh.depth > limits.max_depth) {
    const std::string d = std::to_string(limits.max_depth);
    out.problems.push_back({"", "输入嵌套层数过多（超过 " + d + " 层）", "input is nested too deeply (over " + d + " levels)"});
    return out;
  }
  if (sh.widest > limits.max_members) {
    const std::string n = std::to_string(limits.max_members);
    out.problems.push_back({"", "输入中有对象的字段过多（超过 " + n + " 个）", "an object of the input has too many members (over " + n + ")"});
    return out;
  }
  JsonParse parsed = parse_json(text, limits.max_depth);
  if (!parsed.ok) {
    out.problems.push_back(not_json(parsed.error));
    return out;
  }
  for (const JsonDuplicate& d : parsed.duplicates) out.problems.push_back({d.path, "字段重复出现", "duplicate key"});
  out.value = std::move(parsed.value);
  return out;
}

std::string path_index(const std::string& base, size_t i) { return base + "[" + std::to_string(i) + "]"; }

std::string path_key(const std::string& base, std::string_view key) {
  return base.empty() ? std::string(key) : base + "." + std::string(key);
}

const char* type_zh(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "空值";
    case json::value_t::boolean: return "是/否";
    case json::value_t::string: return "文字";
    case json::value_t::array: return "列表";
    case json::value_t::object: return "对象";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "数字";
    default: return "未知类型";
  }
}

const char* type_en(const json& j) { return j.type_name(); }

std::string_view utf8_prefix(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // s[n] continues a character
  return s.substr(0, n);
}

}  // namespace doudi
