// A small append-only JSON writer for results: the hot path of screening.
// Strings written here are policy text (validated UTF-8 when the policy was
// loaded) or the engine's own; user text never reaches it unescaped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "money.h"

namespace doudi {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(*out) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view k);
  JsonWriter& string(std::string_view s);
  JsonWriter& number(long long v);
  JsonWriter& yuan(Fen fen);  // 660, 267.5, 0.01
  JsonWriter& boolean(bool b);
  JsonWriter& null();
  JsonWriter& raw(std::string_view json);  // an already serialised value
  JsonWriter& strings(const std::vector<std::string>& list);

  static void escape(std::string_view s, std::string* out);

 private:
  JsonWriter& open(char c);
  JsonWriter& close(char c);
  void comma();
  std::string& out_;
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace doudi
