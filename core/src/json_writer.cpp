#include "json_writer.h"

#include <algorithm>
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

JsonWriter::JsonWriter(size_t expected) { grow(expected); }

void JsonWriter::grow(size_t n) {
  const size_t used = buf_.empty() ? 0 : static_cast<size_t>(p_ - &buf_[0]);
  buf_.resize(std::max(buf_.size() * 2, used + n));
  p_ = &buf_[0] + used;
  end_ = &buf_[0] + buf_.size();
}

std::string JsonWriter::take() {
  buf_.resize(static_cast<size_t>(p_ - &buf_[0]));
  std::string out = std::move(buf_);
  buf_.clear();
  p_ = end_ = nullptr;  // the next write grows the buffer again
  first_ = true;
  after_key_ = false;
  return out;
}

void JsonWriter::escape(std::string_view s, std::string* out) {
  // Write straight after what `out` holds (a roster export is megabytes: no copy).
  JsonWriter w(0);
  w.buf_ = std::move(*out);
  w.p_ = w.end_ = w.buf_.empty() ? nullptr : &w.buf_[0] + w.buf_.size();
  w.quoted(s);
  *out = w.take();
}

void JsonWriter::quoted(std::string_view s) {
  static const char* hex = "0123456789abcdef";
  room(s.size() * 6 + 2);  // the worst case, \u00XX for every byte: then no check per byte
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
    switch (c) {
      case '"': *p_++ = '"'; break;
      case '\\': *p_++ = '\\'; break;
      case '\n': *p_++ = 'n'; break;
      case '\r': *p_++ = 'r'; break;
      case '\t': *p_++ = 't'; break;
      case '\b': *p_++ = 'b'; break;
      case '\f': *p_++ = 'f'; break;
      default:
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
  comma();
  quoted(k);
  put(':');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view s) {
  comma();
  quoted(s);
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
