#include "json_tree.h"

#include <cmath>
#include <cstring>

namespace doudi {
namespace {

// What a byte means inside a string: part of it, its end, or something only
// the strict parser handles (escapes, control characters, non-ASCII).
enum StringByte : std::uint8_t { kPart, kEnd, kDecline };
struct StringBytes {
  StringByte of[256] = {};
  constexpr StringBytes() {
    for (int c = 0; c < 256; ++c) of[c] = c < 0x20 || c >= 0x7f || c == '\\' ? kDecline : c == '"' ? kEnd : kPart;
  }
};
constexpr StringBytes kStringBytes;

// A key's slot in an object's 64-bit filter of keys seen: a repeated key always
// lands on a slot already taken, and other keys rarely do.
unsigned key_slot(std::string_view k) {
  return k.empty() ? 0 : (static_cast<unsigned>(k.size()) * 7 + static_cast<unsigned char>(k.back()) * 3 +
                          static_cast<unsigned char>(k.front())) & 63;
}

// One pass over the text. Every method returns false to decline: the caller
// falls back to the strict parser, which knows how to explain the problem.
class FastParser {
 public:
  FastParser(std::string_view s, int max_depth, std::vector<JsonNode>* nodes)
      : s_(s), max_depth_(max_depth), nodes_(*nodes) {}

  bool document() {
    if (!value(0, {})) return false;
    skip_space();
    return i_ == s_.size();
  }

 private:
  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }

  // true, false or null, its first byte already matched by the caller's switch:
  // the last four bytes are compared as one word, as memcmp (what compare()
  // calls) is a byte loop in the module, and a household has dozens of these.
  bool literal(std::string_view word) {
    const size_t n = word.size();  // 4 or 5
    if (s_.size() - i_ < n) return false;
    std::uint32_t have, want;
    std::memcpy(&have, s_.data() + i_ + n - 4, 4);
    std::memcpy(&want, word.data() + n - 4, 4);
    if (have != want) return false;
    i_ += n;
    return true;
  }

  bool value(int depth, std::string_view key) {
    skip_space();
    if (i_ >= s_.size()) return false;
    const size_t at = nodes_.size();
    nodes_.emplace_back();
    nodes_[at].key = key;
    const bool ok = scalar_or_container(at, depth);
    nodes_[at].span = static_cast<std::uint32_t>(nodes_.size() - at);
    return ok;
  }

  bool scalar_or_container(size_t at, int depth) {
    JsonNode& n = nodes_[at];  // valid until children are added
    switch (s_[i_]) {
      case '{': return container(at, depth + 1, true);
      case '[': return container(at, depth + 1, false);
      case '"': n.type = JsonType::string; return string(&n.text);
      case 't': n.type = JsonType::boolean; n.boolean = true; return literal("true");
      case 'f': n.type = JsonType::boolean; return literal("false");
      case 'n': return literal("null");
      default: n.type = JsonType::number; return number(&n.number);
    }
  }

  // Plain ASCII without escapes; anything else is the strict parser's.
  bool string(std::string_view* out) {
    const char* const begin = s_.data() + i_ + 1;
    const char* const end = s_.data() + s_.size();
    for (const char* p = begin; p < end; ++p) {
      const StringByte b = kStringBytes.of[static_cast<unsigned char>(*p)];
      if (b == kPart) continue;
      if (b == kDecline) return false;
      *out = std::string_view(begin, static_cast<size_t>(p - begin));
      i_ = static_cast<size_t>(p + 1 - s_.data());
      return true;
    }
    return false;
  }

  // JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  bool number(double* out) {
    const size_t start = i_;
    auto digits = [&] {
      const size_t from = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      return i_ - from;
    };
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    const size_t int_start = i_;
    const size_t int_digits = digits();
    if (int_digits == 0 || (int_digits > 1 && s_[int_start] == '0')) return false;
    bool whole = true;
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (digits() == 0) return false;
      whole = false;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (digits() == 0) return false;
      whole = false;
    }
    if (whole && int_digits <= 18) {  // exact, as the library's integers
      long long v = 0;
      for (size_t k = int_start; k < i_; ++k) v = v * 10 + (s_[k] - '0');
      *out = static_cast<double>(s_[start] == '-' ? -v : v);
      return true;
    }
    // As the strict parser reads it (json_value.h), so both give the same bits.
    *out = read_json_number(s_.substr(start, i_ - start)).value;
    return std::isfinite(*out);  // the strict parser refuses overflow
  }

  // An object or an array: its members in order up to the closing bracket.
  bool container(size_t at, int depth, bool object) {
    if (depth > max_depth_) return false;
    nodes_[at].type = object ? JsonType::object : JsonType::array;
    const char close = object ? '}' : ']';
    ++i_;
    skip_space();
    if (i_ < s_.size() && s_[i_] == close) return ++i_, true;
    std::uint64_t keys_seen = 0;  // key_slot filter
    // No object of the contract has 64 keys. One with more is declined (the
    // strict parser explains it): once the filter is full, every key would be
    // compared with all before it, and 80,000 keys took seconds.
    int keys = 0;
    for (;;) {
      std::string_view key;
      if (object && (++keys > kMaxKeys || !member_key(at, &keys_seen, &key))) return false;
      if (!value(depth, key)) return false;
      ++nodes_[at].children;
      skip_space();
      if (i_ >= s_.size()) return false;
      const char c = s_[i_++];
      if (c == close) return true;
      if (c != ',') return false;
    }
  }

  // `"key":` of an object's member. A repeated key is an error the strict
  // parser names by path, so it is declined. The earlier keys are compared
  // only when the filter says the key may have been seen.
  bool member_key(size_t at, std::uint64_t* seen, std::string_view* key) {
    skip_space();
    if (i_ >= s_.size() || s_[i_] != '"' || !string(key)) return false;
    const std::uint64_t slot = std::uint64_t{1} << key_slot(*key);
    if (*seen & slot)
      for (size_t k = at + 1; k < nodes_.size(); k += nodes_[k].span)
        if (same_key(nodes_[k].key, *key)) return false;
    *seen |= slot;
    skip_space();
    return i_ < s_.size() && s_[i_++] == ':';
  }

  static constexpr int kMaxKeys = 64;
  std::string_view s_;
  size_t i_ = 0;
  int max_depth_;
  std::vector<JsonNode>& nodes_;
};

}  // namespace

const JsonNode* JsonNode::child(size_t i) const {
  const JsonNode* c = first();
  for (; i > 0 && c != end(); --i) c = c->next();
  return c;
}

bool JsonTree::parse(std::string_view text, const JsonLimits& limits) {
  nodes_.clear();
  if (text.size() > limits.max_bytes) return false;
  nodes_.reserve(128);  // a usual household is 60-110 nodes
  FastParser p(text, limits.max_depth, &nodes_);
  if (p.document()) return true;
  nodes_.clear();
  return false;
}

void JsonTree::from(const json& doc) {
  nodes_.clear();
  copy(doc, {});
}

size_t JsonTree::open(JsonType container, std::string_view key) {
  nodes_.emplace_back();
  nodes_.back().type = container;
  nodes_.back().key = key;
  return nodes_.size() - 1;
}

void JsonTree::add(const JsonNode& leaf, std::string_view key) {
  nodes_.push_back(leaf);
  nodes_.back().key = key;
  nodes_.back().children = 0;
  nodes_.back().span = 1;
}

void JsonTree::close(size_t at) {
  JsonNode& c = nodes_[at];
  c.span = static_cast<std::uint32_t>(nodes_.size() - at);
  c.children = 0;
  for (const JsonNode* n = c.first(); n != c.end(); n = n->next()) ++c.children;
}

void JsonTree::copy(const json& j, std::string_view key) {
  const size_t at = nodes_.size();
  nodes_.emplace_back();
  nodes_[at].key = key;
  switch (j.type()) {
    case json::value_t::boolean:
      nodes_[at].type = JsonType::boolean;
      nodes_[at].boolean = j.get<bool>();
      break;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      nodes_[at].type = JsonType::number;
      nodes_[at].number = j.get<double>();
      break;
    case json::value_t::string:
      nodes_[at].type = JsonType::string;
      nodes_[at].text = j.get_ref<const std::string&>();
      break;
    case json::value_t::array:
      nodes_[at].type = JsonType::array;
      nodes_[at].children = static_cast<std::uint32_t>(j.size());
      for (const json& v : j) copy(v, {});
      break;
    case json::value_t::object:
      nodes_[at].type = JsonType::object;
      nodes_[at].children = static_cast<std::uint32_t>(j.size());
      for (auto it = j.begin(); it != j.end(); ++it) copy(it.value(), it.key());
      break;
    default: break;  // null (and nothing else reaches here from parse_strict)
  }
  nodes_[at].span = static_cast<std::uint32_t>(nodes_.size() - at);
}

bool same_tree(const std::vector<JsonNode>& a, const std::vector<JsonNode>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const JsonNode &x = a[i], &y = b[i];
    // Numbers compare by bits: 0.0 and -0.0, or two NaNs, must not pass as equal.
    if (x.type != y.type || x.boolean != y.boolean || x.children != y.children || x.span != y.span ||
        std::memcmp(&x.number, &y.number, sizeof x.number) != 0 || x.text != y.text || x.key != y.key)
      return false;
  }
  return true;
}

const char* type_zh(const JsonNode& j) {
  switch (j.type) {
    case JsonType::null: return "空值";
    case JsonType::boolean: return "是/否";
    case JsonType::string: return "文字";
    case JsonType::array: return "列表";
    case JsonType::object: return "对象";
    case JsonType::number: return "数字";
  }
  return "未知类型";
}

const char* type_en(const JsonNode& j) {
  switch (j.type) {
    case JsonType::null: return "null";
    case JsonType::boolean: return "boolean";
    case JsonType::string: return "string";
    case JsonType::array: return "array";
    case JsonType::object: return "object";
    case JsonType::number: return "number";
  }
  return "unknown";
}

}  // namespace doudi
