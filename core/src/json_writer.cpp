#include "json_writer.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstring>

namespace doudi {

namespace {
// Bytes that need escaping in a JSON string: control characters, '"' and '\\'.
struct EscapeTable {
  bool needs[256] = {};
  constexpr EscapeTable() {
    for (int c = 0; c < 0x20; ++c) needs[c] = true;
    needs[static_cast<unsigned char>('"')] = needs[static_cast<unsigned char>('\\')] = true;
  }
};
constexpr EscapeTable kEscape;

// True when none of eight bytes needs escaping: no byte below 0x20, no '"', no
// '\\' (bit tricks for "has a byte less than n / equal to c", exact for the word).
bool plain8(const char* p) {
  std::uint64_t x;
  std::memcpy(&x, p, 8);
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  const std::uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\');
  const std::uint64_t flags = ((x - ones * 0x20) & ~x) | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash);
  return (flags & highs) == 0;
}

}  // namespace

// Short strings (keys, ids, statuses) go byte by byte; longer ones eight bytes
// at a time, the last word overlapping the one before rather than padding a copy.
bool JsonWriter::plain(std::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
  if (n < 8) {
    for (size_t i = 0; i < n; ++i)
      if (kEscape.needs[static_cast<unsigned char>(p[i])]) return false;
    return true;
  }
  for (size_t i = 0; i + 8 < n; i += 8)
    if (!plain8(p + i)) return false;
  return plain8(p + n - 8);
}

namespace {

// The short escapes (\" \\ \n …); other control characters take \u00XX.
char short_escape(unsigned char c) {
  switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    case '\b': return 'b';
    case '\f': return 'f';
    default: return 0;
  }
}

// The length of `s` once escaped (a roster's export is megabytes: room for exactly that).
size_t escaped_size(std::string_view s) {
  size_t n = s.size();
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (kEscape.needs[c]) n += short_escape(c) ? 1 : 5;
  }
  return n;
}
}  // namespace

JsonWriter::JsonWriter(size_t expected) { grow(expected); }

void JsonWriter::grow(size_t n) {
  const size_t used = static_cast<size_t>(p_ - buf_.get()), size = static_cast<size_t>(end_ - buf_.get());
  const size_t want = std::max(size * 2, used + n);
  std::unique_ptr<char[]> bigger(new char[want]);
  if (used) std::memcpy(bigger.get(), buf_.get(), used);
  buf_ = std::move(bigger);
  p_ = buf_.get() + used;
  end_ = buf_.get() + want;
}

std::string JsonWriter::take() {
  std::string out(buf_.get(), static_cast<size_t>(p_ - buf_.get()));
  p_ = buf_.get();  // the buffer stays for the next text
  first_ = true;
  after_key_ = false;
  return out;
}

void JsonWriter::escape(std::string_view s, std::string* out) {
  JsonWriter w(s.size() + 2);
  w.quoted(s);
  out->append(w.buf_.get(), static_cast<size_t>(w.p_ - w.buf_.get()));
}

void JsonWriter::quoted(std::string_view s) {
  if (!plain(s)) return escaped(s);
  unescaped(s, 0);
}

namespace {
// n bytes a word at a time, the last word overlapping the one before. In the
// WebAssembly build memcpy is a call into a loop of four bytes at a time, for
// keys of four to six bytes and texts of a few dozen, several hundred a result.
void copy_words(char* to, const char* from, size_t n) {
  if (n < 8) {
    for (size_t i = 0; i < n; ++i) to[i] = from[i];
    return;
  }
  std::uint64_t w;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::memcpy(&w, from + i, 8);
    std::memcpy(to + i, &w, 8);
  }
  if (i < n) {
    std::memcpy(&w, from + n - 8, 8);
    std::memcpy(to + n - 8, &w, 8);
  }
}
}  // namespace

void JsonWriter::unescaped(std::string_view s, size_t then) {
  room(s.size() + 2 + then);
  *p_++ = '"';
  copy_words(p_, s.data(), s.size());
  p_ += s.size();
  *p_++ = '"';
}

void JsonWriter::escaped(std::string_view s) {
  static const char* hex = "0123456789abcdef";
  room(escaped_size(s) + 2);  // then no check per byte
  *p_++ = '"';
  size_t run = 0;  // copy runs of plain bytes at once
  // Results are 8-14 KB of text with a handful of escapes: skip eight plain bytes at a time.
  for (size_t i = 0; i < s.size(); ++i) {
    while (i + 8 <= s.size() && plain8(s.data() + i)) i += 8;
    if (i >= s.size()) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (!kEscape.needs[c]) continue;
    std::memcpy(p_, s.data() + run, i - run);
    p_ += i - run;
    run = i + 1;
    *p_++ = '\\';
    if (const char e = short_escape(c)) {
      *p_++ = e;
    } else {
      std::memcpy(p_, "u00", 3);
      p_[3] = hex[c >> 4];
      p_[4] = hex[c & 15];
      p_ += 5;
    }
  }
  std::memcpy(p_, s.data() + run, s.size() - run);
  p_ += s.size() - run;
  *p_++ = '"';
}

void JsonWriter::comma() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_) put(',');
  first_ = false;
}

JsonWriter& JsonWriter::open(char c) {
  comma();
  put(c);
  first_ = true;
  return *this;
}

JsonWriter& JsonWriter::close(char c) {
  put(c);
  first_ = false;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  assert(plain(k));
  comma();
  unescaped(k, 1);
  *p_++ = ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view s) {
  comma();
  quoted(s);
  return *this;
}

JsonWriter& JsonWriter::text(std::string_view s) {
  assert(plain(s));
  comma();
  unescaped(s, 0);
  return *this;
}

JsonWriter& JsonWriter::number(long long v) {
  comma();
  room(24);
  p_ += integer_chars(v, p_);
  return *this;
}

JsonWriter& JsonWriter::yuan(Fen fen) {
  comma();
  room(kYuanChars);
  p_ += yuan_chars(fen, p_);
  return *this;
}

JsonWriter& JsonWriter::boolean(bool b) {
  comma();
  put(b ? std::string_view("true") : std::string_view("false"));
  return *this;
}

JsonWriter& JsonWriter::null() {
  comma();
  put("null");
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  comma();
  put(json);
  return *this;
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& list) {
  begin_array();
  for (const auto& s : list) string(s);
  return end_array();
}

}  // namespace doudi
