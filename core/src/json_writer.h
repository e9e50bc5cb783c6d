// A small append-only JSON writer for results: the hot path of screening.
// Strings written here are policy text (validated UTF-8 when the policy was
// loaded) or the engine's own; user text never reaches it unescaped.
//
// It writes through a raw pointer into its own buffer and hands the text over
// with take(): in WebAssembly every std::string call is a real call (size-
// optimised build), and a result is 8-14 KB written in some 2,000 pieces. The
// buffer is not a std::string because growing one zero-fills it first.
#pragma once

#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "money.h"

namespace doudi {

class JsonWriter {
 public:
  explicit JsonWriter(size_t expected = 256);

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view k);  // the engine's own literal: not escaped (debug builds check)
  JsonWriter& string(std::string_view s);
  // A string known to need no escaping: the policy's text (the loader refuses
  // control characters, '"' and '\\' in it) and the engine's own, alone or put
  // together with numbers. A result is 8-14 KB of such text: checking every byte
  // again cost more than copying it. Debug builds still check.
  JsonWriter& text(std::string_view s);
  JsonWriter& number(long long v);
  JsonWriter& yuan(Fen fen);  // 660, 267.5, 0.01
  JsonWriter& boolean(bool b);
  JsonWriter& null();
  JsonWriter& raw(std::string_view json);  // an already serialised value
  JsonWriter& strings(const std::vector<std::string>& list);

  // The text written so far; the writer is empty afterwards.
  std::string take();

  // `s` as a JSON string literal, appended to `out`.
  static void escape(std::string_view s, std::string* out);
  // No byte of `s` needs escaping (control characters, '"', '\\').
  static bool plain(std::string_view s);

 private:
  JsonWriter& open(char c);
  JsonWriter& close(char c);
  void comma();
  void quoted(std::string_view s);  // escapes
  void escaped(std::string_view s);  // the body of quoted() for text with bytes to escape
  void unescaped(std::string_view s, size_t then);  // `"s"` as it is, with room for `then` more bytes
  // Room for n more bytes at p_.
  void room(size_t n) {
    if (static_cast<size_t>(end_ - p_) < n) grow(n);
  }
  void grow(size_t n);
  void put(char c) {
    room(1);
    *p_++ = c;
  }
  void put(std::string_view s) {
    room(s.size());
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }

  std::unique_ptr<char[]> buf_;
  char* p_ = nullptr;    // next byte to write
  char* end_ = nullptr;  // end of buf_
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace doudi
