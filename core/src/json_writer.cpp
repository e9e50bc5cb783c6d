#include "json_writer.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <type_traits>

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
template <class Unit>
bool BasicJsonWriter<Unit>::plain(std::string_view s) {
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

// Four ASCII bytes (the low half of v) as four UTF-16 units, little-endian.
std::uint64_t widen4(std::uint64_t v) {
  v = (v | (v << 16)) & 0x0000FFFF0000FFFFULL;
  return (v | (v << 8)) & 0x00FF00FF00FF00FFULL;
}

}  // namespace

// A result mixes ASCII (digits in the text) with runs of three-byte characters
// (the Chinese): each kind goes in a loop of its own, which mispredicts once a run
// rather than once a character.
size_t utf16_from_utf8(std::string_view utf8, char16_t* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* end = p + utf8.size();
  char16_t* const start = out;
  while (p < end) {
    for (std::uint64_t x; end - p >= 8; p += 8, out += 8) {  // ASCII eight bytes at a time
      std::memcpy(&x, p, 8);
      if (x & 0x8080808080808080ULL) break;
      const std::uint64_t lo = widen4(x & 0xFFFFFFFFULL), hi = widen4(x >> 32);
      std::memcpy(out, &lo, 8);
      std::memcpy(out + 4, &hi, 8);
    }
    while (p < end && *p < 0x80) *out++ = *p++;
    while (end - p >= 3 && (p[0] & 0xF0) == 0xE0) {
      *out++ = static_cast<char16_t>(((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F));
      p += 3;
    }
    if (p >= end || *p < 0x80) continue;
    const unsigned c = *p;
    const std::ptrdiff_t left = end - p;
    if ((c & 0xE0) == 0xC0 && left >= 2) {
      *out++ = static_cast<char16_t>(((c & 0x1F) << 6) | (p[1] & 0x3F)), p += 2;
    } else if ((c & 0xF8) == 0xF0 && left >= 4) {
      const unsigned cp = (((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F)) - 0x10000;
      *out++ = static_cast<char16_t>(0xD800 + ((cp >> 10) & 0x3FF));
      *out++ = static_cast<char16_t>(0xDC00 + (cp & 0x3FF)), p += 4;
    } else {
      *out++ = u'\uFFFD', p += 1;  // not UTF-8 (the core writes none; this keeps memory safe)
    }
  }
  return static_cast<size_t>(out - start);
}

std::u16string utf16_from_utf8(std::string_view utf8) {
  std::u16string out(utf8.size(), u'\0');
  out.resize(utf16_from_utf8(utf8, out.data()));
  return out;
}

namespace {
// n bytes of text (UTF-8, nothing to escape) in the writer's units at `to`; returns the units.
size_t copy_text(char* to, const char* from, size_t n) {
  copy_words(to, from, n);
  return n;
}
size_t copy_text(char16_t* to, const char* from, size_t n) { return utf16_from_utf8(std::string_view(from, n), to); }
}  // namespace

template <class Unit>
BasicJsonWriter<Unit>::BasicJsonWriter(size_t expected) {
  grow(expected);
}

template <class Unit>
void BasicJsonWriter<Unit>::grow(size_t n) {
  const size_t used = static_cast<size_t>(p_ - buf_.get()), size = static_cast<size_t>(end_ - buf_.get());
  const size_t want = std::max(size * 2, used + n);
  std::unique_ptr<Unit[]> bigger(new Unit[want]);
  if (used) std::memcpy(bigger.get(), buf_.get(), used * sizeof(Unit));
  buf_ = std::move(bigger);
  p_ = buf_.get() + used;
  end_ = buf_.get() + want;
}

template <class Unit>
typename BasicJsonWriter<Unit>::Text BasicJsonWriter<Unit>::take() {
  Text out(view());
  p_ = buf_.get();  // the buffer stays for the next text
  first_ = true;
  after_key_ = false;
  return out;
}

template <class Unit>
void BasicJsonWriter<Unit>::escape(std::string_view s, std::string* out) {
  JsonWriter w(s.size() + 2);
  w.string(s);
  out->append(w.view());
}

template <class Unit>
void BasicJsonWriter<Unit>::quoted(std::string_view s) {
  if (!plain(s)) return escaped(s);
  unescaped(s, 0);
}

template <class Unit>
void BasicJsonWriter<Unit>::ascii(const char* s, size_t n) {
  if constexpr (std::is_same_v<Unit, char>) {
    copy_words(p_, s, n);
  } else {
    // Keys and numbers, a few units each: a plain loop (unrolled it was bytes for nothing).
#pragma clang loop unroll(disable) vectorize(disable)
    for (size_t i = 0; i < n; ++i) p_[i] = static_cast<Unit>(s[i]);
  }
  p_ += n;
}

// UTF-16 units are never more than UTF-8 bytes: room in bytes is room enough.
template <class Unit>
void BasicJsonWriter<Unit>::unescaped(std::string_view s, size_t then) {
  room(s.size() + 2 + then);
  *p_++ = '"';
  p_ += copy_text(p_, s.data(), s.size());
  *p_++ = '"';
}

template <class Unit>
void BasicJsonWriter<Unit>::escaped(std::string_view s) {
  static const char* hex = "0123456789abcdef";
  room(escaped_size(s) + 2);  // then no check per byte
  *p_++ = '"';
  size_t run = 0;  // copy runs of plain bytes at once (a run never splits a character: escapes are ASCII)
  // Results are 8-14 KB of text with a handful of escapes: skip eight plain bytes at a time.
  for (size_t i = 0; i < s.size(); ++i) {
    while (i + 8 <= s.size() && plain8(s.data() + i)) i += 8;
    if (i >= s.size()) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (!kEscape.needs[c]) continue;
    p_ += copy_text(p_, s.data() + run, i - run);
    run = i + 1;
    *p_++ = '\\';
    if (const char e = short_escape(c)) {
      *p_++ = e;
    } else {
      const char u[5] = {'u', '0', '0', hex[c >> 4], hex[c & 15]};
      ascii(u, 5);
    }
  }
  p_ += copy_text(p_, s.data() + run, s.size() - run);
  *p_++ = '"';
}

template <class Unit>
void BasicJsonWriter<Unit>::comma() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_) put(',');
  first_ = false;
}

template <class Unit>
BasicJsonWriter<Unit>& BasicJsonWriter<Unit>::open(char c) {
  comma();
  put(c);
  first_ = true;
  return *this;
}

template <class Unit>
BasicJsonWriter<Unit>& BasicJsonWriter<Unit>::close(char c) {
  put(c);
  first_ = false;
  return *this;
}

template <class Unit>
BasicJsonWriter<Unit>& BasicJsonWriter<Unit>::key(std::string_view k) {
  assert(plain(k));
  comma();
  room(k.size() + 3);
  *p_++ = '"';
  ascii(k.data(), k.size());
  *p_++ = '"';
  *p_++ = ':';
  after_key_ = true;
  return *this;
}

template <class Unit>
BasicJsonWriter<Unit>& BasicJsonWriter<Unit>::string(std::string_view s) {
  comma();
  quoted(s);
  return *this;
}

template <class Unit>
BasicJsonWriter<Unit>& BasicJsonWriter<Unit>::text(std::string_view s) {
  assert(plain(s));
  comma();
  unescaped(s, 0);
  return *this;
}

template <class Unit>
BasicJsonWriter<Unit>& BasicJsonWriter<Unit>::number(long long v) {
  comma();
  room(24);
  if constexpr (std::is_same_v<Unit, char>) {
    p_ += integer_chars(v, p_);
  } else {
    char digits[24];
    ascii(digits, integer_chars(v, digits));
  }
  return *this;
}

template <class Unit>
BasicJsonWriter<Unit>& BasicJsonWriter<Unit>::yuan(Fen fen) {
  comma();
  room(kYuanChars);
  if constexpr (std::is_same_v<Unit, char>) {
    p_ += yuan_chars(fen, p_);
  } else {
    char digits[kYuanChars];
    ascii(digits, yuan_chars(fen, digits));
  }
  return *this;
}

template <class Unit>
BasicJsonWriter<Unit>& BasicJsonWriter<Unit>::boolean(bool b) {
  comma();
  put(b ? std::string_view("true") : std::string_view("false"));
  return *this;
}

template <class Unit>
BasicJsonWriter<Unit>& BasicJsonWriter<Unit>::null() {
  comma();
  put("null");
  return *this;
}

template <class Unit>
BasicJsonWriter<Unit>& BasicJsonWriter<Unit>::raw(View json) {
  comma();
  room(json.size());
  copy_words(reinterpret_cast<char*>(p_), reinterpret_cast<const char*>(json.data()), json.size() * sizeof(Unit));
  p_ += json.size();
  return *this;
}

template <class Unit>
BasicJsonWriter<Unit>& BasicJsonWriter<Unit>::strings(const std::vector<std::string>& list) {
  begin_array();
  for (const auto& s : list) string(s);
  return end_array();
}

template class BasicJsonWriter<char>;
template class BasicJsonWriter<char16_t>;

}  // namespace doudi
