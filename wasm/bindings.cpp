// The WebAssembly face of the core: strings in, strings out.
//
// A thin adapter over doudi/screen.h (contract: ../shared/design/CONTRACT.md):
//   screen(householdJson) -> resultJson   (byte for byte what `build/native/screen` prints)
//   brief(householdJson)  -> json         (what the questionnaire's flow needs of a
//                                          result: doudi::screen_brief; not in the contract)
//   regions()             -> json         (the regions list, as `screen --regions`)
//   policy(regionId)      -> json         (the policy as the site shows it)
//   roster(csv, regionId) -> json         (台账比对: the site's view plus "csv", the
//                                          export `screen --csv` writes; doudi/roster.h)
//   rosterOpen(csv, regionId) -> n, rosterStep(k) -> done, rosterFinish() -> json,
//   rosterExport() -> Uint8Array          (the same a step at a time, for a progress bar;
//                                          the export as its UTF-8 bytes, ready for a Blob)
//   rosterTemplate()      -> csv          (the roster template, as `--csv-template`)
// Results reach JavaScript as UTF-16 (to_js below). The core never throws; the catch-all below is
// the last line should that ever change (it only runs in a build with -fexceptions;
// without it a throw would abort the module, and the site's loader then restarts it).
#include <emscripten/bind.h>
#include <emscripten/em_js.h>
#include <emscripten/em_macros.h>
#include <emscripten/val.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "doudi/roster.h"
#include "doudi/screen.h"

// A JavaScript string from UTF-16 code units in the module's memory.
// In Node, Buffer's ucs2 decoding copies the units straight into a string: 0.9 µs
// for a 6,000-character result against 4.8 µs through TextDecoder (Node 20).
// Elsewhere UTF16Decoder is the loader's own TextDecoder('utf-16le') (undefined
// where TextDecoder is missing; UTF16ToString then builds the string in JavaScript).
EM_JS(emscripten::EM_VAL, doudi_js_string, (const char16_t* units, size_t count), {
  var s = typeof Buffer == 'function' && typeof Buffer.from == 'function'
      ? Buffer.from(HEAPU8.buffer, units, count * 2).toString('ucs2')
      : typeof UTF16Decoder != 'undefined' && UTF16Decoder
      ? UTF16Decoder.decode(HEAPU8.subarray(units, units + count * 2))
      : UTF16ToString(units, count * 2);
  return Emval.toHandle(s);
});

// The length of a JavaScript string in UTF-16 units, or -1 when it is not a string.
EM_JS(int, doudi_js_length, (emscripten::EM_VAL handle), {
  var v = Emval.toValue(handle);
  return typeof v == 'string' ? v.length : -1;
});

// A Uint8Array copy of bytes in the module's memory.
EM_JS(emscripten::EM_VAL, doudi_js_bytes, (const char* bytes, size_t count), {
  return Emval.toHandle(HEAPU8.slice(bytes, bytes + count));
});

// Writes a JavaScript string as UTF-8 into buffer (capacity + 1 bytes); returns the bytes written.
// One TextEncoder for every call (it keeps no state).
EM_JS(size_t, doudi_js_utf8, (emscripten::EM_VAL handle, char* buffer, size_t capacity), {
  var v = Emval.toValue(handle);
  if (typeof TextEncoder != 'undefined') {
    if (!Module.doudiEncoder) Module.doudiEncoder = new TextEncoder();
    return Module.doudiEncoder.encodeInto(v, HEAPU8.subarray(buffer, buffer + capacity)).written;
  }
  return stringToUTF8(v, buffer, capacity + 1);
});

namespace {

// A JavaScript string argument as UTF-8. Embind's std::string argument measures
// and encodes it in JavaScript loops (6 µs for a 1.6 KB household in Node 20);
// TextEncoder.encodeInto does it natively. False when the value is not a string.
// The bytes go to the front of *buffer, which only grows: a resize zero-fills
// what it adds, and a household entry's buffer is kept from call to call.
bool from_js(const emscripten::val& value, std::string* buffer, std::string_view* utf8) {
  const int units = doudi_js_length(value.as_handle());
  if (units < 0) return false;
  const size_t room = static_cast<size_t>(units) * 3;  // a UTF-16 unit is at most 3 bytes of UTF-8
  if (buffer->size() < room) buffer->resize(room);
  *utf8 = std::string_view(buffer->data(), doudi_js_utf8(value.as_handle(), buffer->data(), room));
  return true;
}

bool from_js(const emscripten::val& value, std::string* utf8) {
  std::string_view written;
  if (!from_js(value, utf8, &written)) return false;
  utf8->resize(written.size());
  return true;
}

// UTF-16 units as a JavaScript string.
emscripten::val to_js(std::u16string_view units) {
  return emscripten::val::take_ownership(doudi_js_string(units.data(), units.size()));
}

// A result as a JavaScript string. Embind's std::string return decodes
// UTF-8 in JavaScript: for a result of 11 KB, mostly Chinese, that took 43 µs
// in Node 20 (a byte loop twice, then TextDecoder at ~3 bytes a ns), more than
// screening the household. UTF-16 is what JavaScript strings are made of, so
// transcoding here and decoding UTF-16 takes a few µs (scripts/bench-wasm.mjs).
// The household entries go further: their results are written as UTF-16.
emscripten::val to_js(std::string_view utf8) {
  static std::u16string units;  // reused: the module is single-threaded
  units.resize(utf8.size());    // never more units than bytes
  emscripten::val js = to_js(std::u16string_view(units.data(), doudi::utf16_from_utf8(utf8, units.data())));
  if (units.capacity() > (1u << 20)) std::u16string().swap(units);  // a big roster's export: give it back
  return js;
}

// A result the site and tests can read even if something unforeseen happens.
const char kInternalError[] =
    R"({"schema":1,"errors":[{"field":"","message":"内部错误，请稍后再试或直接到窗口咨询。",)"
    R"("message_en":"Internal error in the screening module."}]})";

// What screen() answers for an argument that is not a string at all.
const char kNotText[] =
    R"({"schema":1,"region":null,"errors":[{"field":"","message":"家庭信息应为 JSON 文本（字符串）",)"
    R"("message_en":"the household must be given as JSON text, a string"}]})";

// The view of a roster that is not a string (the view's shape, one file error).
const char kRosterNotText[] =
    R"({"households":0,"summary":[],"rows":[],"errors":[{"row":0,"column":"","message":"台账应为 CSV 文本（字符串）",)"
    R"("message_en":"the roster must be given as CSV text, a string"}]})";

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

// 台账比对 (doudi/roster.h): a roster as UTF-8 CSV text (the page decodes GBK) ->
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
  return emscripten::val::take_ownership(doudi_js_bytes(bytes.data(), bytes.size()));
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

EMSCRIPTEN_BINDINGS(doudi) {
  emscripten::function("screen", &household_entry<doudi::screen_utf16>);
  emscripten::function("brief", &household_entry<doudi::screen_brief_utf16>);
  emscripten::function("regions", &regions);
  emscripten::function("policy", &policy);
  emscripten::function("roster", &roster);
  emscripten::function("rosterOpen", &roster_open);
  emscripten::function("rosterStep", &roster_step);
  emscripten::function("rosterFinish", &roster_finish);
  emscripten::function("rosterExport", &roster_export_bytes);
  emscripten::function("rosterTemplate", &roster_template);
}
