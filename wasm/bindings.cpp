// The WebAssembly face of the core: strings in, strings out.
//
// A thin adapter over doudi/screen.h (contract: ../shared/design/CONTRACT.md):
//   screen(householdJson) -> resultJson   (byte for byte what `build/native/screen` prints)
//   brief(householdJson)  -> json         (what the questionnaire's flow needs of a
//                                          result: doudi::screen_brief; not in the contract)
//   regions()             -> json         (the regions list, as `screen --regions`)
//   policy(regionId)      -> json         (the policy as the site shows it)
// The roster page's entries (台账比对) are a module of their own: roster_bindings.cpp.
// Results reach JavaScript as UTF-16 (js_bridge.h). The core never throws; the catch-all below is
// the last line should that ever change (it only runs in a build with -fexceptions;
// without it a throw would abort the module, and the site's loader then restarts it).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <string_view>

#include "doudi/screen.h"
#include "js_bridge.h"

namespace {

using doudi_wasm::from_js;
using doudi_wasm::kInternalError;
using doudi_wasm::to_js;

// What screen() answers for an argument that is not a string at all.
const char kNotText[] =
    R"({"schema":1,"region":null,"errors":[{"field":"","message":"家庭信息应为 JSON 文本（字符串）",)"
    R"("message_en":"the household must be given as JSON text, a string"}]})";

// A household entry (screen, brief): the JSON text in, the core's answer out.
// brief: the questionnaire tries many variants of the household to choose its
// next question and reads only statuses, amounts and `missing`, a tenth of the text.
template <doudi::ScreenOutput16 (*entry)(const doudi::PolicySet&, std::string_view)>
emscripten::val household_entry(const emscripten::val& household) {
  try {
    static std::string buffer;  // one module, one thread
    std::string_view text;
    if (!from_js(household, &buffer, &text)) return to_js(kNotText);
    return to_js(entry(doudi::embedded_policies(), text).json());
  } catch (...) {
    return to_js(kInternalError);
  }
}

std::string regions() {
  try {
    return doudi::regions_json(doudi::embedded_policies());
  } catch (...) {
    return "[]";
  }
}

// A region id that is not a string reads as "": the unknown region's answer.
// (Embind's std::string argument threw a BindingError for null.)
emscripten::val policy(const emscripten::val& region) {
  try {
    std::string region_id;
    from_js(region, &region_id);
    return to_js(doudi::policy_json(doudi::embedded_policies(), region_id));
  } catch (...) {
    return to_js(kInternalError);
  }
}

}  // namespace

EMSCRIPTEN_BINDINGS(doudi) {
  emscripten::function("screen", &household_entry<doudi::screen_utf16>);
  emscripten::function("brief", &household_entry<doudi::screen_brief_utf16>);
  emscripten::function("regions", &regions);
  emscripten::function("policy", &policy);
}
