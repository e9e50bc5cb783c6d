// libFuzzer target: one household through the public entry (parse, validate,
// screen every program, serialise) with the policies compiled into the program.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "json_mutator.h"
#include "json_tree.h"

DOUDI_JSON_CUSTOM_MUTATOR

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);  // not NUL-terminated
  doudi_fuzz::check_result(doudi::screen(doudi::embedded_policies(), text));
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
