// The WebAssembly face of the core: three functions, strings in, strings out.
//
// A thin adapter over doudi/screen.h (contract: ../shared/design/CONTRACT.md):
//   screen(householdJson) -> resultJson   (byte for byte what `build/native/screen` prints)
//   regions()             -> json         (the regions list, as `screen --regions`)
//   policy(regionId)      -> json         (the policy as the site shows it)
// No handles cross into JavaScript. The core never throws; the catch-all below is
// the last line should that ever change (it only runs in a build with -fexceptions;
// without it a throw would abort the module, and the site's loader then restarts it).
#include <emscripten/bind.h>

#include <string>

#include "doudi/screen.h"

namespace {

// A result the site and tests can read even if something unforeseen happens.
const char kInternalError[] =
    R"({"schema":1,"errors":[{"field":"","message":"内部错误，请稍后再试或直接到窗口咨询。",)"
    R"("message_en":"Internal error in the screening module."}]})";

std::string screen(const std::string& household_json) {
  try {
    return doudi::screen(doudi::embedded_policies(), household_json).json;
  } catch (...) {
    return kInternalError;
  }
}

std::string regions() {
  try {
    return doudi::regions_json(doudi::embedded_policies());
  } catch (...) {
    return "[]";
  }
}

std::string policy(const std::string& region_id) {
  try {
    return doudi::policy_json(doudi::embedded_policies(), region_id);
  } catch (...) {
    return kInternalError;
  }
}

}  // namespace

EMSCRIPTEN_BINDINGS(doudi) {
  emscripten::function("screen", &screen);
  emscripten::function("regions", &regions);
  emscripten::function("policy", &policy);
}
