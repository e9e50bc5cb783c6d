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
      out += "\xEF\xBF\xBD";  // U+FFFD for each byte that starts no character
      ++i;
    }
  }
  return out;
}

}  // namespace doudi
