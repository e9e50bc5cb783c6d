// libFuzzer target: a roster CSV through the 台账比对 entry (doudi/roster.h), with
// and without a default region. Any bytes: what is not UTF-8 is read as U+FFFD.
// Invariants: the view is a JSON object (so valid UTF-8); it lists only households
// with a flag or an error, each with known statuses of 低保 and 特困 at most; its
// summary counts no more households than there are; the export is UTF-8 with a
// BOM, one line per household and file error plus the header; and screening in
// steps gives the same outputs. And the file's bytes repaired are UTF-8, which
// reads as UTF-8.
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
  if (!v["rows"].is_array() || v["rows"].size() > static_cast<size_t>(out.households) || v["households"] != out.households)
    fail("households do not match the rows", out.json);
  for (const auto& s : v["summary"])
    if (s["eligible"].get<long long>() + s["maybe"].get<long long>() + s["ineligible"].get<long long>() > out.households)
      fail("the summary counts more households than there are", out.json);
  for (const auto& r : v["rows"]) {
    if (!r["should_have"].get<bool>() && !r["should_exit"].get<bool>() && !r["visit"].get<bool>() && r["errors"].empty())
      fail("a row no list shows", out.json);
    for (const auto& [id, p] : r["programs"].items()) {
      const std::string st = p.value("status", std::string());
      if (st != "eligible" && st != "maybe" && st != "ineligible") fail("unknown status", out.json);
      if (id != "dibao" && id != "tekun") fail("a program the lists do not show", out.json);
    }
    for (const auto& e : r["errors"])
      if (!doudi_fuzz::nonempty_string(e, "message") || !doudi_fuzz::nonempty_string(e, "message_en")) fail("an error without messages", out.json);
  }
  if (out.csv.compare(0, 3, "\xEF\xBB\xBF") != 0) fail("the export has no BOM", out.csv);
  if (csv_records(out.csv) != 1 + static_cast<size_t>(out.households) + v["errors"].size())
    fail("the export is not one line per household and file error", out.csv);
  if (!doudi::is_utf8(out.csv)) fail("the export is not UTF-8", out.csv);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);  // not NUL-terminated
  const std::string repaired = doudi::repair_utf8(text);
  if (!doudi::is_utf8(repaired) || !doudi::reads_as_utf8(repaired)) doudi_fuzz::fail("repaired text is not UTF-8", repaired);
  if (doudi::is_utf8(text) != (repaired == text)) doudi_fuzz::fail("repair changed UTF-8, or kept what is not", repaired);
  const doudi::RosterOutput whole = doudi::screen_roster(doudi::embedded_policies(), text, "");
  check(whole);
  check(doudi::screen_roster(doudi::embedded_policies(), text, "zhongwei-2019"));
  doudi::Roster steps(doudi::embedded_policies(), std::string(text), "");
  while (steps.screened() < steps.households()) steps.step(2);
  const doudi::RosterOutput stepped = steps.finish();
  if (stepped.json != whole.json || stepped.csv != whole.csv) doudi_fuzz::fail("screening in steps differs", stepped.json);
  return 0;
}
