// libFuzzer target: a roster CSV through the 台账比对 entry (doudi/roster.h), with
// and without a default region. Any bytes: what is not UTF-8 is read as U+FFFD.
// Invariants: the view is a JSON object (so valid UTF-8), its counts agree with
// its rows and summary, every status is known, and the export is UTF-8 with a
// BOM, one line per household and file error plus the header.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "doudi/roster.h"

namespace {

// Records of the export (CRLF outside quotes ends one).
size_t csv_records(std::string_view s) {
  size_t n = 0;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') quoted = !quoted;
    else if (!quoted && s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++n;
  }
  return n;
}

void check(const doudi::RosterOutput& out) {
  using doudi_fuzz::fail;
  const nlohmann::json v = nlohmann::json::parse(out.json, nullptr, false);
  if (v.is_discarded() || !v.is_object()) fail("the roster view is not a JSON object", out.json);
  if (!v["rows"].is_array() || v["rows"].size() != static_cast<size_t>(out.households) || v["households"] != out.households)
    fail("households do not match the rows", out.json);
  long long counted = 0;
  for (const auto& s : v["summary"]) counted += s["eligible"].get<long long>() + s["maybe"].get<long long>() + s["ineligible"].get<long long>();
  long long statuses = 0;
  for (const auto& r : v["rows"]) {
    for (const auto& [id, p] : r["programs"].items()) {
      const std::string st = p.value("status", std::string());
      if (st != "eligible" && st != "maybe" && st != "ineligible") fail("unknown status", out.json);
      ++statuses;
    }
    for (const auto& e : r["errors"])
      if (!doudi_fuzz::nonempty_string(e, "message") || !doudi_fuzz::nonempty_string(e, "message_en")) fail("an error without messages", out.json);
  }
  if (counted != statuses) fail("the summary does not count the rows' statuses", out.json);
  if (out.csv.compare(0, 3, "\xEF\xBB\xBF") != 0) fail("the export has no BOM", out.csv);
  if (csv_records(out.csv) != 1 + static_cast<size_t>(out.households) + v["errors"].size())
    fail("the export is not one line per household and file error", out.csv);
  if (!doudi::is_utf8(out.csv)) fail("the export is not UTF-8", out.csv);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);  // not NUL-terminated
  check(doudi::screen_roster(doudi::embedded_policies(), text, ""));
  check(doudi::screen_roster(doudi::embedded_policies(), text, "zhongwei-2019"));
  return 0;
}
