// libFuzzer target: one household through the public entry (parse, validate,
// screen every program, serialise) with the policies compiled into the program;
// the brief entry must give the same statuses, amounts, `missing` and errors, and
// the UTF-16 entries (the WebAssembly module's) the same texts as UTF-16.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "json_mutator.h"
#include "json_tree.h"

DOUDI_JSON_CUSTOM_MUTATOR

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);  // not NUL-terminated
  const doudi::ScreenOutput full = doudi::screen(doudi::embedded_policies(), text);
  doudi_fuzz::check_result(full);
  const doudi::ScreenOutput brief = doudi::screen_brief(doudi::embedded_policies(), text);
  if (brief.ok != full.ok) doudi_fuzz::fail("brief and screen disagree on whether the household is valid", brief.json);
  if (!full.ok && brief.json != full.json) doudi_fuzz::fail("brief's errors differ from screen's", brief.json);
  if (full.ok) {
    nlohmann::json want = nlohmann::json::parse(full.json), got = nlohmann::json::parse(brief.json);
    for (const char* key : {"policy", "as_of", "notices", "household"}) want.erase(key);
    for (auto& p : want["programs"])
      for (const char* key : {"name", "members", "reasons", "apply", "threshold", "taper"}) p.erase(key);
    if (got != want) doudi_fuzz::fail("brief differs from screen less its reasons", brief.json);
  }
  if (doudi::screen_utf16(doudi::embedded_policies(), text).json() != doudi::utf16_from_utf8(full.json))
    doudi_fuzz::fail("screen_utf16 differs from screen", full.json);
  if (doudi::screen_brief_utf16(doudi::embedded_policies(), text).json() != doudi::utf16_from_utf8(brief.json))
    doudi_fuzz::fail("screen_brief_utf16 differs from screen_brief", brief.json);
  doudi_fuzz::check_reader(text);
  // Differential: whatever the fast parser takes, the strict one takes too, as the same tree.
  doudi::JsonTree fast;
  if (fast.parse(text)) {
    const doudi::ParsedJson strict = doudi::parse_strict(text);
    if (!strict.problems.empty()) doudi_fuzz::fail("the fast parser took what the strict one refuses", std::string(text));
    doudi::JsonTree copy;
    copy.from(strict.value);
    if (!doudi::same_tree(fast.nodes(), copy.nodes())) doudi_fuzz::fail("the two parsers read different trees", std::string(text));
  }
  return 0;
}
