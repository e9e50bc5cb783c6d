#include "strict_json.h"

#include <set>

namespace doudi {
namespace {

struct Shape {
  int depth = 0;       // deepest nesting
  size_t members = 0;  // object members: each has exactly one ':' outside strings
  size_t widest = 0;   // the most members of one object
};

// Nesting depth and the widest object, counted outside strings, so hostile
// input is refused before the parser builds anything from it (its objects keep
// their keys in order, found by a linear search: 80,000 keys took seconds); and
// the number of object members, so duplicate keys (which the parser silently
// merges) show as a shortfall.
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
      ++out.members;
      if (!open.empty()) out.widest = std::max(out.widest, ++open.back());
    }
  }
  out.depth = worst;
  return out;
}

size_t count_members(const json& j) {
  size_t n = 0;
  if (j.is_object()) n += j.size();
  if (j.is_structured())
    for (const auto& v : j) n += count_members(v);
  return n;
}

// Tracks the path of each key so duplicates can be named.
class KeyTracker {
 public:
  explicit KeyTracker(std::vector<JsonProblem>* problems) : problems_(problems) {}

  bool operator()(int, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start: frames_.push_back({true, {}, {}, 0}); break;
      case json::parse_event_t::array_start: frames_.push_back({false, {}, {}, 0}); break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!frames_.empty()) frames_.pop_back();
        advance();
        break;
      case json::parse_event_t::key: on_key(parsed); break;
      case json::parse_event_t::value: advance(); break;
    }
    return true;
  }

 private:
  struct Frame {
    bool object;
    std::set<std::string> keys;
    std::string key;
    size_t index;
  };

  void advance() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
  }

  void on_key(const json& parsed) {
    if (frames_.empty() || !parsed.is_string()) return;
    Frame& f = frames_.back();
    f.key = parsed.get_ref<const std::string&>();
    if (!f.keys.insert(f.key).second)
      problems_->push_back({path(), "字段重复出现", "duplicate key"});
  }

  std::string path() const {
    std::string p;
    for (const Frame& f : frames_)
      p = f.object ? path_key(p, f.key) : path_index(p, f.index);
    return p;
  }

  std::vector<Frame> frames_;
  std::vector<JsonProblem>* problems_;
};

// Collects where and why the text is not JSON.
struct ErrorSax : nlohmann::json_sax<json> {
  size_t position = 0;
  std::string token;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string& last, const nlohmann::detail::exception&) override {
    position = pos;
    token = last.substr(0, 20);
    return false;
  }
};

JsonProblem not_json(std::string_view text) {
  ErrorSax sax;
  json::sax_parse(text, &sax);
  const std::string at = std::to_string(sax.position);
  // The last token read, when it is printable, helps find the mistake.
  std::string token;
  for (char c : sax.token)
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') token += c;
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
  out.value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (out.value.is_discarded()) {
    out.problems.push_back(not_json(text));
    return out;
  }
  if (count_members(out.value) != sh.members) {
    // Rare: parse again, tracking keys, to name where a key repeats.
    KeyTracker tracker(&out.problems);
    out.value = json::parse(text, std::ref(tracker), /*allow_exceptions=*/false);
  }
  return out;
}

std::string dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
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
