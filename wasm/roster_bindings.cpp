// The roster page's module (roster.js + roster.wasm, factory createRosterModule):
// 台账比对 (doudi/roster.h) in a module of its own, so that residents, who never
// use it, do not download its code (18 KB gzipped of the contract's module, 2026-12-04).
// Staff load it on the roster page, in a worker (site/js/roster-worker.js):
//   roster(csv, regionId) -> json         (the site's view plus "csv", the export
//                                          `screen --csv` writes)
//   rosterOpen(csv, regionId) -> n, rosterStep(k) -> done, rosterFinish() -> json,
//   rosterExport() -> Uint8Array          (the same a step at a time, for a progress bar;
//                                          the export as its UTF-8 bytes, ready for a Blob)
//   rosterTemplate()      -> csv          (the roster template, as `--csv-template`)
// The core never throws; the catch-alls are the last line should that ever change.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <climits>
#include <memory>
#include <string>
#include <utility>

#include "doudi/roster.h"
#include "doudi/screen.h"
#include "js_bridge.h"

namespace {

using doudi_wasm::bytes_to_js;
using doudi_wasm::from_js;
using doudi_wasm::kInternalError;
using doudi_wasm::to_js;

// The view of a roster that is not a string (the view's shape, one file error).
const char kRosterNotText[] =
    R"({"households":0,"summary":[],"rows":[],"errors":[{"row":0,"column":"","message":"台账应为 CSV 文本（字符串）",)"
    R"("message_en":"the roster must be given as CSV text, a string"}]})";

// A roster as UTF-8 CSV text (the page decodes GBK) ->
// the site's JSON view; the Excel export is its "csv" member, so one call gives both.
// The roster page's worker goes a step at a time instead, to show progress:
//   rosterOpen(csv, region) -> households in the file (0 when csv is not text)
//   rosterStep(n)           -> households screened so far, after up to n more
//   rosterFinish()          -> the view, as roster() without "csv"; the file is let go
//   rosterExport()          -> the export of the last finish, as its UTF-8 bytes (once)
// The export goes out as bytes because the page only saves it: as a "csv" member a
// megabyte of CSV was escaped into JSON, made UTF-16, decoded, parsed back and
// encoded to UTF-8 again for the Blob (10,000 households: 2.2 M characters, 44 ms
// to finish and 20 ms of JSON.parse in Node; scripts/bench-wasm.mjs).
// One roster at a time: the module is single-threaded, and opening replaces.
std::unique_ptr<doudi::Roster> open_roster;
bool roster_failed = false;  // the last open failed unforeseen: finish answers an internal error
std::string roster_export;   // the last finish's export, until rosterExport() takes it

// A default region that is not a string (undefined, null) is none.
int roster_open(const emscripten::val& csv, const emscripten::val& region) {
  try {
    open_roster.reset();
    roster_failed = false;
    std::string().swap(roster_export);
    std::string text, default_region;
    if (!from_js(csv, &text)) return 0;
    from_js(region, &default_region);
    open_roster = std::make_unique<doudi::Roster>(doudi::embedded_policies(), std::move(text), default_region);
    return open_roster->households();
  } catch (...) {
    open_roster.reset();
    roster_failed = true;
    return 0;
  }
}

// n as a JavaScript number: Embind's int wrapped Infinity, 2**31 or 1e12 to 0
// or below, so a `while (rosterStep(n) < total)` loop never ended.
int roster_step(double n) {
  try {
    const int more = n >= INT_MAX ? INT_MAX : n > 0 ? static_cast<int>(n) : 0;
    return open_roster ? open_roster->step(more) : 0;
  } catch (...) {
    return 0;
  }
}

// The finished roster: its view (and its export kept for roster_export), or the
// view of no roster (not text, or an unforeseen failure).
doudi::RosterOutput finish_roster() {
  doudi::RosterOutput out;
  try {
    if (!open_roster) {
      out.json = std::exchange(roster_failed, false) ? kInternalError : kRosterNotText;
      return out;
    }
    out = open_roster->finish();
  } catch (...) {
    out = doudi::RosterOutput{};
    out.json = kInternalError;
  }
  open_roster.reset();
  return out;
}

emscripten::val roster_finish() {
  doudi::RosterOutput out = finish_roster();
  roster_export = std::move(out.csv);
  return to_js(out.json);
}

emscripten::val roster_export_bytes() {
  const std::string bytes = std::exchange(roster_export, std::string());
  return bytes_to_js(bytes);
}

emscripten::val roster(const emscripten::val& csv, const emscripten::val& default_region) {
  roster_open(csv, default_region);
  const doudi::RosterOutput out = finish_roster();
  try {
    return to_js(out.view_with_export());
  } catch (...) {
    return to_js(kInternalError);
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

EMSCRIPTEN_BINDINGS(doudi_roster) {
  emscripten::function("roster", &roster);
  emscripten::function("rosterOpen", &roster_open);
  emscripten::function("rosterStep", &roster_step);
  emscripten::function("rosterFinish", &roster_finish);
  emscripten::function("rosterExport", &roster_export_bytes);
  emscripten::function("rosterTemplate", &roster_template);
}
