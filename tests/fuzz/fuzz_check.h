// Invariants every result of the public entry must hold, whatever the input:
// the output is JSON, `ok` matches `errors`, a rejected household has no
// programs, every error names its field in both languages and every reason
// cites a clause. A broken invariant traps, so libFuzzer records the input.
#pragma once

#include <cstdio>
#include <cstring>
#include <string_view>
#include <cstdlib>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "doudi/screen.h"
#include "json_value.h"

namespace doudi_fuzz {

using nlohmann::json;

[[noreturn]] inline void fail(const char* what, const std::string& output) {
  std::fprintf(stderr, "invariant broken: %s\noutput: %.2000s\n", what, output.c_str());
  std::abort();
}

inline bool nonempty_string(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() && !it->get_ref<const std::string&>().empty();
}

inline void check_result(const doudi::ScreenOutput& out) {
  const json r = json::parse(out.json, nullptr, false);
  if (r.is_discarded() || !r.is_object()) fail("the result is not a JSON object", out.json);
  auto errors = r.find("errors");
  if (errors == r.end() || !errors->is_array()) fail("no errors list", out.json);
  if (out.ok != errors->empty()) fail("ok does not match errors", out.json);
  if (r.contains("programs") == !out.ok) fail("programs present with errors, or absent without", out.json);
  for (const auto& e : *errors) {
    if (!e.is_object() || !e.contains("field") || !e["field"].is_string()) fail("an error without a field", out.json);
    if (!nonempty_string(e, "message") || !nonempty_string(e, "message_en")) fail("an error without messages", out.json);
  }
  if (!out.ok) return;
  for (const auto& p : r["programs"]) {
    const std::string status = p.value("status", std::string());
    if (status != "eligible" && status != "maybe" && status != "ineligible") fail("unknown status", out.json);
    if (p.contains("amount")) {
      const json& a = p["amount"];
      if (!a.contains("value") || !a["value"].is_number() || a["value"].get<double>() < 0) fail("a negative or missing amount", out.json);
      const std::string per = a.value("per", std::string());
      if (per != "month" && per != "year" && per != "once") fail("amount.per is not month/year/once", out.json);
    }
    std::set<std::string> said;
    for (const auto& reason : p["reasons"]) {
      if (!nonempty_string(reason, "text")) fail("a reason without text", out.json);
      if (!reason.contains("source") || !nonempty_string(reason["source"], "doc") ||
          !nonempty_string(reason["source"], "clause"))
        fail("a reason without its source", out.json);
      if (!said.insert(reason.dump()).second) fail("a reason given twice", out.json);
    }
    if (status == "ineligible" && said.empty()) fail("a program refused without a reason", out.json);
  }
}


// The core's own JSON reader (json_value.h) against nlohmann/json, an
// independent implementation: the same texts accepted, read as the same values,
// numbers as the same double (nlohmann's strtod rounds correctly, as decimal.cpp must).
inline bool same_value(const nlohmann::ordered_json& want, const doudi::Json& got) {
  using T = nlohmann::ordered_json::value_t;
  switch (want.type()) {
    case T::null: return got.is_null();
    case T::boolean: return got.is_boolean() && got.get<bool>() == want.get<bool>();
    case T::string: return got.is_string() && got.get_ref<const std::string&>() == want.get_ref<const std::string&>();
    case T::number_unsigned: return got.is_number_unsigned() && got.get<unsigned long long>() == want.get<unsigned long long>();
    case T::number_integer: return got.is_number_integer() && !got.is_number_unsigned() && got.get<long long>() == want.get<long long>();
    case T::number_float: {
      if (got.is_number_integer()) return false;
      const double a = want.get<double>(), b = got.get<double>();
      return std::memcmp(&a, &b, sizeof a) == 0;
    }
    case T::array: {
      if (!got.is_array() || got.size() != want.size()) return false;
      for (size_t i = 0; i < want.size(); ++i)
        if (!same_value(want[i], got[i])) return false;
      return true;
    }
    case T::object: {
      if (!got.is_object() || got.size() != want.size()) return false;
      auto g = got.begin();
      for (auto w = want.begin(); w != want.end(); ++w, ++g)
        if (w.key() != g.key() || !same_value(w.value(), g.value())) return false;
      return true;
    }
    default: return false;
  }
}

inline void check_reader(std::string_view text) {
  // The core's reader recurses (the public entry checks the depth first): keep the stack small.
  size_t opens = 0;
  for (char c : text) opens += c == '[' || c == '{';
  if (text.size() > (64u << 10) || opens > 500) return;
  const doudi::JsonParse mine = doudi::parse_json(text, 1000);
  // nlohmann stops at a NUL byte as at the end of the text ("10\0…" reads as 10);
  // JSON allows none outside strings, and none unescaped inside them.
  if (text.find('\0') != std::string_view::npos) {
    if (mine.ok) fail("the core reads a text with a NUL byte", std::string(text));
    return;
  }
  const auto theirs = nlohmann::ordered_json::parse(text, nullptr, false);
  if (mine.ok == theirs.is_discarded()) fail(mine.ok ? "the core reads what nlohmann refuses" : "the core refuses what nlohmann reads", std::string(text));
  // A repeated key: nlohmann keeps one member, the core reports it (and the value is discarded).
  if (mine.ok && mine.duplicates.empty() && !same_value(theirs, mine.value))
    fail("the core and nlohmann read different values", std::string(text));
}

}  // namespace doudi_fuzz
