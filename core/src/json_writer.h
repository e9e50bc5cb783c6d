// A small append-only JSON writer for results: the hot path of screening.
// Strings written here are policy text (validated UTF-8 when the policy was
// loaded) or the engine's own; user text never reaches it unescaped.
//
// It writes through a raw pointer into its own buffer and hands the text over
// with take(): in WebAssembly every std::string call is a real call (size-
// optimised build), and a result is 8-14 KB written in some 2,000 pieces. The
// buffer is not a std::string because growing one zero-fills it first.
//
// Two flavours: JsonWriter writes UTF-8 (the CLI, the contract's text), and
// JsonWriter16 writes the same text as UTF-16 code units, what JavaScript strings
// are made of. The WebAssembly module hands a result to JavaScript as UTF-16; had
// it written UTF-8 and transcoded that, it would go over 8-14 KB a second time,
// guessing at every byte what the writer knew already: which parts are ASCII
// (keys, punctuation, numbers) and which are text. Arguments are always UTF-8.
#pragma once

#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "doudi/screen.h"  // utf16_from_utf8
#include "money.h"

namespace doudi {

template <class Unit>
class BasicJsonWriter {
 public:
  using Text = std::basic_string<Unit>;
  using View = std::basic_string_view<Unit>;

  explicit BasicJsonWriter(size_t expected = 256);

  BasicJsonWriter& begin_object() { return open('{'); }
  BasicJsonWriter& end_object() { return close('}'); }
  BasicJsonWriter& begin_array() { return open('['); }
  BasicJsonWriter& end_array() { return close(']'); }
  BasicJsonWriter& key(std::string_view k);  // the engine's own literal: not escaped (debug builds check)
  BasicJsonWriter& string(std::string_view s);
  // A string known to need no escaping: the policy's text (the loader refuses
  // control characters, '"' and '\\' in it) and the engine's own, alone or put
  // together with numbers. A result is 8-14 KB of such text: checking every byte
  // again cost more than copying it. Debug builds still check.
  BasicJsonWriter& text(std::string_view s);
  BasicJsonWriter& number(long long v);
  BasicJsonWriter& yuan(Fen fen);  // 660, 267.5, 0.01
  BasicJsonWriter& boolean(bool b);
  BasicJsonWriter& null();
  BasicJsonWriter& raw(View json);  // an already serialised value, in this writer's units
  BasicJsonWriter& strings(const std::vector<std::string>& list);

  // The text written so far; the writer is empty afterwards.
  Text take();
  // The text written so far, valid until the writer writes again or goes.
  View view() const { return View(buf_.get(), static_cast<size_t>(p_ - buf_.get())); }
  // The buffer itself, holding the text written so far (its length in *size),
  // without a copy; the writer is left with none and must not be used again.
  std::unique_ptr<Unit[]> release(size_t* size) {
    *size = static_cast<size_t>(p_ - buf_.get());
    p_ = end_ = nullptr;
    return std::move(buf_);
  }

  // `s` as a JSON string literal, appended to `out`.
  static void escape(std::string_view s, std::string* out);
  // No byte of `s` needs escaping (control characters, '"', '\\').
  static bool plain(std::string_view s);

 private:
  BasicJsonWriter& open(char c);
  BasicJsonWriter& close(char c);
  void comma();
  void quoted(std::string_view s);  // escapes
  void escaped(std::string_view s);  // the body of quoted() for text with bytes to escape
  void unescaped(std::string_view s, size_t then);  // `"s"` as it is, with room for `then` more units
  void ascii(const char* s, size_t n);              // n ASCII bytes, room made
  // Room for n more units at p_.
  void room(size_t n) {
    if (static_cast<size_t>(end_ - p_) < n) grow(n);
  }
  // Rare (results fit the first buffer): kept out of line, or every method that
  // makes room would carry a copy of it.
  __attribute__((noinline)) void grow(size_t n);
  void put(char c) {
    room(1);
    *p_++ = static_cast<Unit>(c);
  }
  void put(std::string_view ascii_text) {
    room(ascii_text.size());
    ascii(ascii_text.data(), ascii_text.size());
  }

  std::unique_ptr<Unit[]> buf_;
  Unit* p_ = nullptr;    // next unit to write
  Unit* end_ = nullptr;  // end of buf_
  bool first_ = true;
  bool after_key_ = false;
};

using JsonWriter = BasicJsonWriter<char>;
using JsonWriter16 = BasicJsonWriter<char16_t>;

extern template class BasicJsonWriter<char>;
extern template class BasicJsonWriter<char16_t>;

}  // namespace doudi
