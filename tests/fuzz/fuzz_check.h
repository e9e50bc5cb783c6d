// Invariants every result of the public entry must hold, whatever the input:
// the output is JSON, `ok` matches `errors`, a rejected household has no
// programs, every error names its field in both languages and every reason
// cites a clause. A broken invariant traps, so libFuzzer records the input.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "doudi/screen.h"

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
    for (const auto& reason : p["reasons"]) {
      if (!nonempty_string(reason, "text")) fail("a reason without text", out.json);
      if (!reason.contains("source") || !nonempty_string(reason["source"], "doc") ||
          !nonempty_string(reason["source"], "clause"))
        fail("a reason without its source", out.json);
    }
  }
}

}  // namespace doudi_fuzz
