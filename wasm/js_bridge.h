// The crossing between JavaScript and the core, shared by the two modules built
// from it: the contract's (screen.js: bindings.cpp) and the roster page's
// (roster.js: roster_bindings.cpp). Strings come in as UTF-8 through
// TextEncoder.encodeInto and go out as UTF-16, what JavaScript strings are made of.
//
// It defines the module's JavaScript imports (EM_JS): include it from one file of
// a module only. A header, not a file of its own, so that its few lines are
// compiled into each entry (at -O2, wasm/CMakeLists.txt): across files, link-time
// optimisation inlined less, and one household crossed 0.2 µs slower (2026-12-04).
#pragma once

#include <emscripten/em_js.h>
#include <emscripten/em_macros.h>
#include <emscripten/val.h>

#include <string>
#include <string_view>

#include "doudi/screen.h"  // utf16_from_utf8

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

namespace doudi_wasm {

// A JavaScript string argument as UTF-8. Embind's std::string argument measures
// and encodes it in JavaScript loops (6 µs for a 1.6 KB household in Node 20);
// TextEncoder.encodeInto does it natively. False when the value is not a string.
// The bytes go to the front of *buffer, which only grows: a resize zero-fills
// what it adds, and a household entry's buffer is kept from call to call.
inline bool from_js(const emscripten::val& value, std::string* buffer, std::string_view* utf8) {
  const int units = doudi_js_length(value.as_handle());
  if (units < 0) return false;
  const size_t room = static_cast<size_t>(units) * 3;  // a UTF-16 unit is at most 3 bytes of UTF-8
  if (buffer->size() < room) buffer->resize(room);
  *utf8 = std::string_view(buffer->data(), doudi_js_utf8(value.as_handle(), buffer->data(), room));
  return true;
}

inline bool from_js(const emscripten::val& value, std::string* utf8) {
  std::string_view written;
  if (!from_js(value, utf8, &written)) return false;
  utf8->resize(written.size());
  return true;
}

// UTF-16 units as a JavaScript string.
inline emscripten::val to_js(std::u16string_view units) {
  return emscripten::val::take_ownership(doudi_js_string(units.data(), units.size()));
}

inline emscripten::val bytes_to_js(std::string_view bytes) {
  return emscripten::val::take_ownership(doudi_js_bytes(bytes.data(), bytes.size()));
}

// A result as a JavaScript string. Embind's std::string return decodes
// UTF-8 in JavaScript: for a result of 11 KB, mostly Chinese, that took 43 µs
// in Node 20 (a byte loop twice, then TextDecoder at ~3 bytes a ns), more than
// screening the household. UTF-16 is what JavaScript strings are made of, so
// transcoding here and decoding UTF-16 takes a few µs (scripts/bench-wasm.mjs).
// The household entries go further: their results are written as UTF-16.
inline emscripten::val to_js(std::string_view utf8) {
  static std::u16string units;  // reused: the module is single-threaded
  units.resize(utf8.size());    // never more units than bytes
  emscripten::val js = to_js(std::u16string_view(units.data(), doudi::utf16_from_utf8(utf8, units.data())));
  if (units.capacity() > (1u << 20)) std::u16string().swap(units);  // a big roster's export: give it back
  return js;
}

// A result the site and tests can read even if something unforeseen happens.
inline constexpr char kInternalError[] =
    R"({"schema":1,"errors":[{"field":"","message":"内部错误，请稍后再试或直接到窗口咨询。",)"
    R"("message_en":"Internal error in the screening module."}]})";

}  // namespace doudi_wasm
