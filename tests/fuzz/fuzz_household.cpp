// libFuzzer target: one household through the public entry (parse, validate,
// screen every program, serialise) with the policies compiled into the program.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "json_mutator.h"

DOUDI_JSON_CUSTOM_MUTATOR

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);  // not NUL-terminated
  doudi_fuzz::check_result(doudi::screen(doudi::embedded_policies(), text));
  return 0;
}
