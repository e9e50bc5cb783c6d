#include "json_value.h"

#include "strict_json.h"  // path_key, path_index

#include <cmath>
#include <limits>
#include <set>

namespace doudi {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

// ---------------------------------------------------------------------------
// The document.

Json Json::array(std::initializer_list<Json> items) {
  Json j;
  j.type_ = value_t::array;
  j.items_.assign(items.begin(), items.end());
  return j;
}

Json Json::object() {
  Json j;
  j.type_ = value_t::object;
  return j;
}

Json Json::boolean(bool b) {
  Json j;
  j.type_ = value_t::boolean;
  j.boolean_ = b;
  return j;
}

JsonNumber read_json_number(std::string_view lexeme) {
  JsonNumber n;
  decimal_number(lexeme, &n.value);
  if (lexeme.find_first_of(".eE") != std::string_view::npos) return n;
  const bool negative = !lexeme.empty() && lexeme[0] == '-';
  std::uint64_t u = 0;
  for (char c : lexeme.substr(negative ? 1 : 0)) {
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (u > (std::numeric_limits<std::uint64_t>::max() - d) / 10) return n;  // too long: a float
    u = u * 10 + d;
  }
  if (!negative) {
    n.kind = JsonNumber::whole_unsigned;
    n.unsigned_value = u;
    n.value = static_cast<double>(u);
  } else if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1) {
    n.kind = JsonNumber::whole_signed;
    n.signed_value = u == 0 ? 0 : -static_cast<std::int64_t>(u - 1) - 1;
    n.value = static_cast<double>(n.signed_value);  // "-0" is the integer 0
  }
  return n;
}

Json Json::number(std::string_view lexeme) {
  const JsonNumber n = read_json_number(lexeme);
  Json j;
  j.text_ = std::string(lexeme);
  j.number_ = n.value;
  j.integer_ = n.signed_value;
  j.unsigned_ = n.unsigned_value;
  j.type_ = n.kind == JsonNumber::whole_unsigned ? value_t::number_unsigned
            : n.kind == JsonNumber::whole_signed ? value_t::number_integer
                                                 : value_t::number_float;
  return j;
}

const char* Json::type_name() const {
  switch (type_) {
    case value_t::null: return "null";
    case value_t::boolean: return "boolean";
    case value_t::string: return "string";
    case value_t::array: return "array";
    case value_t::object: return "object";
    default: return "number";
  }
}

namespace {
template <typename T>
T clamp_to(double d) {
  if (!(d == d)) return 0;
  if (d <= static_cast<double>(std::numeric_limits<T>::min())) return std::numeric_limits<T>::min();
  if (d >= static_cast<double>(std::numeric_limits<T>::max())) return std::numeric_limits<T>::max();
  return static_cast<T>(d);
}
}  // namespace

template <> bool Json::get<bool>() const { return is_boolean() && boolean_; }
template <> double Json::get<double>() const { return is_number() ? number_ : 0.0; }
template <> long long Json::get<long long>() const {
  if (type_ == value_t::number_integer) return integer_;
  if (type_ == value_t::number_unsigned)
    return unsigned_ > static_cast<std::uint64_t>(std::numeric_limits<long long>::max()) ? std::numeric_limits<long long>::max()
                                                                                         : static_cast<long long>(unsigned_);
  return is_number() ? clamp_to<long long>(number_) : 0;
}
template <> unsigned long long Json::get<unsigned long long>() const {
  if (type_ == value_t::number_unsigned) return unsigned_;
  return is_number() && number_ > 0 ? clamp_to<unsigned long long>(number_) : 0;
}
template <> int Json::get<int>() const {
  const long long v = get<long long>();
  return v < std::numeric_limits<int>::min() ? std::numeric_limits<int>::min()
         : v > std::numeric_limits<int>::max() ? std::numeric_limits<int>::max()
                                                : static_cast<int>(v);
}
template <> std::string Json::get<std::string>() const { return text_ref(); }

const std::string& Json::text_ref() const {
  static const std::string kNone;
  return is_string() ? text_ : kNone;
}

size_t Json::size() const {
  switch (type_) {
    case value_t::null: return 0;
    case value_t::array: return items_.size();
    case value_t::object: return members_.size();
    default: return 1;
  }
}

const std::string& Json::const_iterator::key() const {
  static const std::string kNone;
  return member_ ? member_->first : kNone;
}

Json::const_iterator Json::begin() const {
  const_iterator it;
  if (is_object()) it.member_ = members_.data();
  else if (is_array()) it.item_ = items_.data();
  return it;
}

Json::const_iterator Json::end() const {
  const_iterator it;
  if (is_object()) it.member_ = members_.data() + members_.size();
  else if (is_array()) it.item_ = items_.data() + items_.size();
  return it;
}

Json::const_iterator Json::find(std::string_view key) const {
  if (!is_object()) return end();
  for (const Member& m : members_)
    if (m.first == key) {
      const_iterator it;
      it.member_ = &m;
      return it;
    }
  return end();
}

const Json& Json::operator[](std::string_view key) const {
  static const Json kNull;
  const auto it = find(key);
  return it == end() ? kNull : *it;
}

const Json& Json::operator[](size_t i) const {
  static const Json kNull;
  return is_array() && i < items_.size() ? items_[i] : kNull;
}

Json Json::value(std::string_view key, const Json& otherwise) const {
  const auto it = find(key);
  return it == end() ? otherwise : *it;
}

Json& Json::add(std::string key, Json v) {
  members_.emplace_back(std::move(key), std::move(v));
  return members_.back().second;
}

namespace {
void dump_string(std::string_view s, std::string* out) {
  static const char* hex = "0123456789abcdef";
  out->push_back('"');
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (c < 0x20) {
          *out += "\\u00";
          out->push_back(hex[c >> 4]);
          out->push_back(hex[c & 15]);
        } else {
          out->push_back(ch);
        }
    }
  }
  out->push_back('"');
}
}  // namespace

void Json::dump(std::string* out) const {
  switch (type_) {
    case value_t::null: *out += "null"; break;
    case value_t::boolean: *out += boolean_ ? "true" : "false"; break;
    case value_t::string: dump_string(text_, out); break;
    case value_t::array:
      out->push_back('[');
      for (size_t i = 0; i < items_.size(); ++i) {
        if (i) out->push_back(',');
        items_[i].dump(out);
      }
      out->push_back(']');
      break;
    case value_t::object:
      out->push_back('{');
      for (size_t i = 0; i < members_.size(); ++i) {
        if (i) out->push_back(',');
        dump_string(members_[i].first, out);
        out->push_back(':');
        members_[i].second.dump(out);
      }
      out->push_back('}');
      break;
    default: *out += text_; break;  // a number, as written
  }
}

std::string Json::dump() const {
  std::string out;
  dump(&out);
  return out;
}

// ---------------------------------------------------------------------------
// The parser.

namespace {

class Parser {
 public:
  Parser(std::string_view s, int max_depth, JsonParse* out) : s_(s), max_depth_(max_depth), out_(*out) {}

  bool document() {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;  // a byte-order mark
    if (!value(&out_.value, 0)) return false;
    skip_space();
    if (i_ < s_.size()) return fail(i_);
    return true;
  }

 private:
  // Where reading stopped, and the token being read there (for the message).
  bool fail(size_t token_start) {
    if (out_.error.position) return false;  // the first failure is the one to report
    out_.error.position = std::min(i_, s_.size() ? s_.size() - 1 : 0) + 1;
    const size_t end = std::min(std::max(i_ + 1, token_start + 1), s_.size());
    for (size_t k = token_start; k < end && out_.error.near.size() < 20; ++k)
      if (s_[k] >= 0x20 && s_[k] < 0x7f) out_.error.near += s_[k];
    return false;
  }

  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }

  bool value(Json* out, int depth) {
    skip_space();
    if (i_ >= s_.size()) return fail(i_);
    const size_t start = i_;
    switch (s_[i_]) {
      case '{': return object(out, depth + 1);
      case '[': return array(out, depth + 1);
      case '"': {
        std::string text;
        if (!string(&text)) return false;
        *out = Json(std::move(text));
        return true;
      }
      case 't': return literal("true", start) && (*out = Json::boolean(true), true);
      case 'f': return literal("false", start) && (*out = Json::boolean(false), true);
      case 'n': return literal("null", start) && (*out = Json(), true);
      default: return number(out);
    }
  }

  bool literal(std::string_view word, size_t start) {
    for (char c : word) {
      if (i_ >= s_.size() || s_[i_] != c) return fail(start);
      ++i_;
    }
    return true;
  }

  // JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  bool number(Json* out) {
    const size_t start = i_;
    auto digits = [&] {
      const size_t from = i_;
      while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
      return i_ > from;
    };
    if (s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0') ++i_;
    else if (!digits()) return fail(start);
    if (i_ < s_.size() && s_[i_] == '.' && (++i_, !digits())) return fail(start);
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!digits()) return fail(start);
    }
    *out = Json::number(s_.substr(start, i_ - start));
    if (!std::isfinite(out->get<double>())) return --i_, fail(start);  // 1e400: the library refused overflow too
    return true;
  }

  bool string(std::string* out) {
    const size_t start = i_++;
    for (;;) {
      if (i_ >= s_.size()) return fail(start);
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') return ++i_, true;
      if (c < 0x20) return fail(start);
      if (c == '\\') {
        if (!escape(out, start)) return false;
      } else if (c < 0x80) {
        out->push_back(static_cast<char>(c));
        ++i_;
      } else if (!utf8(out, start)) {
        return false;
      }
    }
  }

  // One UTF-8 character as RFC 3629 allows it: shortest form, no surrogates, at most U+10FFFF.
  bool utf8(std::string* out, size_t start) {
    const auto at = [&](size_t k) { return i_ + k < s_.size() ? static_cast<unsigned char>(s_[i_ + k]) : 0u; };
    const unsigned c = at(0);
    int n = 0;
    unsigned lo = 0x80, hi = 0xBF;  // the second byte's range
    if (c >= 0xC2 && c <= 0xDF) n = 1;
    else if (c == 0xE0) n = 2, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) n = 2;
    else if (c == 0xED) n = 2, hi = 0x9F;
    else if (c >= 0xEE && c <= 0xEF) n = 2;
    else if (c == 0xF0) n = 3, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) n = 3;
    else if (c == 0xF4) n = 3, hi = 0x8F;
    else return fail(start);
    if (at(1) < lo || at(1) > hi) return ++i_, fail(start);
    for (int k = 2; k <= n; ++k)
      if (at(k) < 0x80 || at(k) > 0xBF) return i_ += k, fail(start);
    out->append(s_.data() + i_, static_cast<size_t>(n) + 1);
    i_ += static_cast<size_t>(n) + 1;
    return true;
  }

  bool hex4(unsigned* out) {
    unsigned v = 0;
    for (int k = 0; k < 4; ++k, ++i_) {
      if (i_ >= s_.size()) return false;
      const char c = s_[i_];
      const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return false;
      v = v * 16 + static_cast<unsigned>(d);
    }
    *out = v;
    return true;
  }

  bool escape(std::string* out, size_t start) {
    ++i_;  // the backslash
    if (i_ >= s_.size()) return fail(start);
    const char e = s_[i_++];
    switch (e) {
      case '"': out->push_back('"'); return true;
      case '\\': out->push_back('\\'); return true;
      case '/': out->push_back('/'); return true;
      case 'b': out->push_back('\b'); return true;
      case 'f': out->push_back('\f'); return true;
      case 'n': out->push_back('\n'); return true;
      case 'r': out->push_back('\r'); return true;
      case 't': out->push_back('\t'); return true;
      case 'u': break;
      default: return --i_, fail(start);
    }
    unsigned cp = 0;
    if (!hex4(&cp)) return fail(start);
    if (cp >= 0xDC00 && cp <= 0xDFFF) return fail(start);  // a low surrogate alone
    if (cp >= 0xD800 && cp <= 0xDBFF) {                    // must pair with a low one
      unsigned low = 0;
      if (i_ + 1 >= s_.size() || s_[i_] != '\\' || s_[i_ + 1] != 'u') return fail(start);
      i_ += 2;
      if (!hex4(&low) || low < 0xDC00 || low > 0xDFFF) return fail(start);
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(cp, out);
    return true;
  }

  static void append_utf8(unsigned cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  // '{' or '[' at `depth`: false when too deep, else *empty when it closes at once.
  bool open(int depth, char close, bool* empty) {
    const size_t start = i_++;
    if (depth > max_depth_) return fail(start);
    skip_space();
    *empty = i_ < s_.size() && s_[i_] == close;
    i_ += *empty ? 1 : 0;
    return true;
  }

  bool object(Json* out, int depth) {
    *out = Json::object();
    bool empty = false;
    if (!open(depth, '}', &empty)) return false;
    if (empty) return true;
    frames_.push_back({true, nullptr, 0});
    std::set<std::string> wide;  // the keys of an object past kNarrow members
    size_t members = 0;
    for (bool more = true; more;) {
      skip_space();
      std::string key;
      if (i_ >= s_.size() || s_[i_] != '"') return fail(i_);
      if (!string(&key)) return false;
      skip_space();
      if (i_ >= s_.size() || s_[i_] != ':') return fail(i_);
      ++i_;
      frames_.back().key = &key;
      if (seen(*out, key, ++members, &wide)) out_.duplicates.push_back({path()});
      Json v;
      if (!value(&v, depth)) return false;
      out->add(std::move(key), std::move(v));
      if (!after_member('}', &more)) return false;
    }
    frames_.pop_back();
    return true;
  }

  // After a member: a ',' (*more) or the container's `close`; anything else fails.
  bool after_member(char close, bool* more) {
    skip_space();
    if (i_ >= s_.size()) return fail(i_);
    const char c = s_[i_++];
    if (c != close && c != ',') return --i_, fail(i_);
    *more = c == ',';
    return true;
  }

  // Whether `key` is already a member. Households' objects are small and are
  // searched; a wide one (the limit allows 1000 members) keeps a set.
  static bool seen(const Json& obj, const std::string& key, size_t members, std::set<std::string>* wide) {
    constexpr size_t kNarrow = 16;
    if (members <= kNarrow) return obj.contains(key);
    if (members == kNarrow + 1)
      for (auto it = obj.begin(); it != obj.end(); ++it) wide->insert(it.key());
    return !wide->insert(key).second;
  }

  bool array(Json* out, int depth) {
    *out = Json::array();
    bool empty = false;
    if (!open(depth, ']', &empty)) return false;
    if (empty) return true;
    frames_.push_back({false, nullptr, 0});
    for (bool more = true; more;) {
      Json v;
      if (!value(&v, depth)) return false;
      out->push_back(std::move(v));
      ++frames_.back().index;
      if (!after_member(']', &more)) return false;
    }
    frames_.pop_back();
    return true;
  }

  // "members[0].age": the containers open now, with the key being read.
  std::string path() const {
    std::string p;
    for (const Frame& f : frames_) p = f.object ? path_key(p, *f.key) : path_index(p, f.index);
    return p;
  }

  struct Frame {
    bool object;
    const std::string* key;  // an object's member being read
    size_t index;            // an array's item being read
  };

  std::string_view s_;
  size_t i_ = 0;
  int max_depth_;
  JsonParse& out_;
  std::vector<Frame> frames_;
};

}  // namespace

JsonParse parse_json(std::string_view text, int max_depth) {
  JsonParse out;
  Parser p(text, max_depth, &out);
  out.ok = p.document();
  if (!out.ok) out.value = Json();
  return out;
}

}  // namespace doudi
