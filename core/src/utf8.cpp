// Strict UTF-8 (RFC 3629): what the roster takes, and what it turns other bytes into.
#include <string>
#include <string_view>

#include "doudi/roster.h"

namespace doudi {
namespace {

bool between(unsigned char c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; }

// The length of the well-formed character at s[i], or 0: no overlong forms, no
// surrogates (U+D800-DFFF), nothing above U+10FFFF.
size_t char_at(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  const unsigned char c = b(0);
  const auto tail = [&](size_t from, size_t to) {
    for (size_t k = from; k < to; ++k)
      if (!between(b(k), 0x80, 0xBF)) return false;
    return true;
  };
  if (c < 0x80) return 1;
  if (between(c, 0xC2, 0xDF)) return tail(1, 2) ? 2 : 0;
  if (c == 0xE0) return between(b(1), 0xA0, 0xBF) && tail(2, 3) ? 3 : 0;
  if (c == 0xED) return between(b(1), 0x80, 0x9F) && tail(2, 3) ? 3 : 0;
  if (between(c, 0xE1, 0xEF)) return tail(1, 3) ? 3 : 0;
  if (c == 0xF0) return between(b(1), 0x90, 0xBF) && tail(2, 4) ? 4 : 0;
  if (c == 0xF4) return between(b(1), 0x80, 0x8F) && tail(2, 4) ? 4 : 0;
  if (between(c, 0xF1, 0xF3)) return tail(1, 4) ? 4 : 0;
  return 0;
}

// How many bytes at s[i], where no character starts, one U+FFFD stands for:
// the lead byte and the tail bytes that still fit it ("maximal subpart", the
// rule of Unicode and of the browsers' TextDecoder, so the site and the CLI agree).
size_t ill_formed_length(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  unsigned lo = 0x80, hi = 0xBF;
  size_t need = 0;
  if (between(c, 0xC2, 0xDF)) need = 1;
  else if (c == 0xE0) need = 2, lo = 0xA0;
  else if (c == 0xED) need = 2, hi = 0x9F;
  else if (between(c, 0xE1, 0xEF)) need = 2;
  else if (c == 0xF0) need = 3, lo = 0x90;
  else if (c == 0xF4) need = 3, hi = 0x8F;
  else if (between(c, 0xF1, 0xF3)) need = 3;
  size_t k = 1;
  while (k <= need && i + k < s.size() && between(static_cast<unsigned char>(s[i + k]), lo, hi)) ++k, lo = 0x80, hi = 0xBF;
  return k;
}

}  // namespace

bool is_utf8(std::string_view s) {
  for (size_t i = 0, n; i < s.size(); i += n)
    if ((n = char_at(s, i)) == 0) return false;
  return true;
}

std::string repair_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (const size_t n = char_at(s, i)) {
      out.append(s, i, n);
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      i += ill_formed_length(s, i);
    }
  }
  return out;
}

bool reads_as_utf8(std::string_view s) {
  if (is_utf8(s)) return true;
  if (s.compare(0, 3, "\xEF\xBB\xBF") == 0) s.remove_prefix(3);  // TextDecoder drops it before counting
  size_t good = 0, bad = 0;  // characters beyond ASCII; U+FFFD, read or put in
  for (size_t i = 0; i < s.size();) {
    if (const size_t n = char_at(s, i)) {
      if (n > 1) ++(s.compare(i, n, "\xEF\xBF\xBD") == 0 ? bad : good);
      i += n;
    } else {
      ++bad;
      i += ill_formed_length(s, i);
    }
  }
  return good > bad;
}

}  // namespace doudi
