// The WebAssembly face of the core: strings in, strings out.
//
// A thin adapter over doudi/screen.h (contract: ../shared/design/CONTRACT.md):
//   screen(householdJson) -> resultJson   (byte for byte what `build/native/screen` prints)
//   regions()             -> json         (the regions list, as `screen --regions`)
//   policy(regionId)      -> json         (the policy as the site shows it)
//   roster(csv, regionId) -> json         (台账比对: the site's view plus "csv", the
//                                          export `screen --csv` writes; doudi/roster.h)
//   rosterTemplate()      -> csv          (the roster template, as `--csv-template`)
// No handles cross into JavaScript. The core never throws; the catch-all below is
// the last line should that ever change (it only runs in a build with -fexceptions;
// without it a throw would abort the module, and the site's loader then restarts it).
#include <emscripten/bind.h>

#include <string>

#include "doudi/roster.h"
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

// 台账比对 (doudi/roster.h): a roster as UTF-8 CSV text (the page decodes GBK) ->
// the site's JSON view; the Excel export is its "csv" member, so one call gives both.
std::string roster(const std::string& utf8_csv, const std::string& default_region) {
  try {
    const doudi::RosterOutput r = doudi::screen_roster(doudi::embedded_policies(), utf8_csv, default_region);
    std::string out = r.json;
    // {"...": ...} + ,"csv": "<escaped>"} — the export travels with the view.
    if (!out.empty() && out.back() == '}') {
      out.pop_back();
      out += ",\"csv\":\"";
      static const char hex[] = "0123456789abcdef";
      for (unsigned char c : r.csv) {
        switch (c) {
          case '"': out += "\\\""; break;
          case '\\': out += "\\\\"; break;
          case '\n': out += "\\n"; break;
          case '\r': out += "\\r"; break;
          case '\t': out += "\\t"; break;
          default:
            if (c < 0x20) { out += "\\u00"; out += hex[c >> 4]; out += hex[c & 15]; }
            else out += static_cast<char>(c);
        }
      }
      out += "\"}";
    }
    return out;
  } catch (...) {
    return kInternalError;
  }
}

std::string roster_template() {
  try {
    return doudi::roster_template();
  } catch (...) {
    return "";
  }
}

}  // namespace

EMSCRIPTEN_BINDINGS(doudi) {
  emscripten::function("screen", &screen);
  emscripten::function("regions", &regions);
  emscripten::function("policy", &policy);
  emscripten::function("roster", &roster);
  emscripten::function("rosterTemplate", &roster_template);
}
