// The core's own JSON document: what policy files are read into, and what a
// household that the one-pass reader (json_tree.h) declines is parsed into so
// that its problem can be named. The core used nlohmann/json for this; the
// library, with the strtod and printf it pulls in, was a quarter of the
// WebAssembly module's code. This is the small part of it the core uses.
//
// Objects keep their members in the order written (policies are read as
// written); numbers keep their text, so a policy is shown back as it was.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace doudi {

// A decimal number ([+-]digits[.digits][e[+-]digits], "5." and ".5" too) as the
// nearest double (ties to even), as strtod gives it, without strtod
// (decimal.cpp says why). False when `text` is not such a number; a number too
// large gives infinity, one too small zero.
bool decimal_number(std::string_view text, double* out);

// A number in JSON's grammar as JSON readers take it: a whole number that fits
// 64 bits is kept exact, as an integer (a policy's "min_age": 60 is one, 60.0
// is not), and its double is its one rounding; anything else is a decimal.
struct JsonNumber {
  enum Kind : std::uint8_t { decimal, whole_signed, whole_unsigned } kind = decimal;
  double value = 0;
  std::int64_t signed_value = 0;
  std::uint64_t unsigned_value = 0;
};
JsonNumber read_json_number(std::string_view lexeme);

class Json {
 public:
  enum class value_t : std::uint8_t { null, boolean, number_integer, number_unsigned, number_float, string, array, object };
  using Member = std::pair<std::string, Json>;

  Json() = default;
  explicit Json(std::string s) : type_(value_t::string), text_(std::move(s)) {}
  static Json array(std::initializer_list<Json> items = {});
  static Json object();
  static Json boolean(bool b);
  // A number as written in JSON's grammar (the caller has checked it).
  static Json number(std::string_view lexeme);

  value_t type() const { return type_; }
  const char* type_name() const;
  bool is_null() const { return type_ == value_t::null; }
  bool is_boolean() const { return type_ == value_t::boolean; }
  bool is_number() const { return type_ == value_t::number_integer || type_ == value_t::number_unsigned || type_ == value_t::number_float; }
  bool is_number_integer() const { return type_ == value_t::number_integer || type_ == value_t::number_unsigned; }
  bool is_number_unsigned() const { return type_ == value_t::number_unsigned; }
  bool is_string() const { return type_ == value_t::string; }
  bool is_array() const { return type_ == value_t::array; }
  bool is_object() const { return type_ == value_t::object; }
  bool is_structured() const { return is_array() || is_object(); }

  // Typed reads: a value of another type reads as false, 0 or "" (never a fault).
  template <typename T> T get() const;
  // The string's text ("" for anything else).
  template <typename T> const std::string& get_ref() const { return text_ref(); }

  // null: 0 and empty; a scalar: 1; an array or object: its members.
  size_t size() const;
  bool empty() const { return size() == 0; }

  // Members in order. An object's iterator also has key(); a scalar has none.
  class const_iterator {
   public:
    const Json& operator*() const { return member_ ? member_->second : *item_; }
    const Json* operator->() const { return &**this; }
    const Json& value() const { return **this; }
    const std::string& key() const;  // "" for an array's item
    const_iterator& operator++() {
      if (member_) ++member_;
      else ++item_;
      return *this;
    }
    bool operator==(const const_iterator& o) const { return item_ == o.item_ && member_ == o.member_; }
    bool operator!=(const const_iterator& o) const { return !(*this == o); }

   private:
    friend class Json;
    const Json* item_ = nullptr;
    const Member* member_ = nullptr;
  };
  const_iterator begin() const;
  const_iterator end() const;
  const_iterator find(std::string_view key) const;  // end() when absent or not an object
  bool contains(std::string_view key) const { return find(key) != end(); }

  // A member or item, or null when there is none.
  const Json& operator[](std::string_view key) const;
  const Json& operator[](size_t i) const;
  const Json& operator[](int i) const { return (*this)[static_cast<size_t>(i)]; }
  Json value(std::string_view key, const Json& otherwise) const;

  // Building (the parser's).
  void push_back(Json v) { items_.push_back(std::move(v)); }
  Json& add(std::string key, Json v);

  // Compact JSON: strings escaped, numbers as written.
  std::string dump() const;
  void dump(std::string* out) const;

  friend bool operator==(const Json& j, std::string_view s) { return j.is_string() && j.text_ == s; }
  friend bool operator!=(const Json& j, std::string_view s) { return !(j == s); }
  friend bool operator==(const Json& j, const char* s) { return j == std::string_view(s); }
  friend bool operator!=(const Json& j, const char* s) { return !(j == std::string_view(s)); }
  // Only a bool itself: `j == 1` must not compile as `j == true`.
  template <typename B, typename = std::enable_if_t<std::is_same_v<B, bool>>>
  friend bool operator==(const Json& j, B b) { return j.is_boolean() && j.boolean_ == b; }

 private:
  const std::string& text_ref() const;

  value_t type_ = value_t::null;
  bool boolean_ = false;
  double number_ = 0;
  std::int64_t integer_ = 0;   // number_integer
  std::uint64_t unsigned_ = 0; // number_unsigned
  std::string text_;           // a string's value, a number's lexeme
  std::vector<Json> items_;
  std::vector<Member> members_;
};

template <> bool Json::get<bool>() const;
template <> double Json::get<double>() const;
template <> int Json::get<int>() const;
template <> long long Json::get<long long>() const;
template <> unsigned long long Json::get<unsigned long long>() const;
template <> std::string Json::get<std::string>() const;

// Where and why a text is not JSON, from parse_json.
struct JsonSyntaxError {
  size_t position = 0;  // the byte (counted from 1) where reading stopped
  std::string near;     // what was being read there, printable ASCII only
};

// A duplicate key, by its path ("members[0].age").
struct JsonDuplicate {
  std::string path;
};

struct JsonParse {
  Json value;
  bool ok = false;                        // false: `error` says where
  JsonSyntaxError error;
  std::vector<JsonDuplicate> duplicates;  // ok, but these keys were repeated (both members kept: refuse the document)
};

// RFC 8259 JSON: strings must be valid UTF-8 (escapes included: no lone
// surrogates), numbers must be finite. A leading byte-order mark is skipped, as
// the RFC allows (Windows editors write one; the library took it too). Nesting deeper than `max_depth` stops
// the parse (the caller checks depth first and says so; this keeps the stack safe).
JsonParse parse_json(std::string_view text, int max_depth);

}  // namespace doudi
