#include "money.h"

#include <cmath>

namespace doudi {

Fen div_round(Fen num, Fen den) {
  const Fen q = num / den;
  const Fen r = num % den;
  if (2 * (r < 0 ? -r : r) >= den) return num < 0 ? q - 1 : q + 1;
  return q;
}

std::optional<Fen> fen_from_yuan(double yuan) {
  if (!std::isfinite(yuan)) return std::nullopt;
  const double fen = yuan * 100.0;
  if (std::fabs(fen) > 1e15) return std::nullopt;
  const double whole = std::round(fen);
  // A third decimal would leave at least 0.1 fen; binary noise stays far below.
  if (std::fabs(fen - whole) > 1e-3) return std::nullopt;
  return static_cast<Fen>(whole);
}


size_t integer_chars(long long v, char* out) {
  char digits[20];
  unsigned long long a = v < 0 ? 0ULL - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
  size_t n = 0;
  do digits[n++] = static_cast<char>('0' + a % 10);
  while ((a /= 10) != 0);
  size_t len = 0;
  if (v < 0) out[len++] = '-';
  while (n > 0) out[len++] = digits[--n];
  return len;
}

size_t yuan_chars(Fen fen, char* out) {
  size_t len = 0;
  if (fen < 0) out[len++] = '-';
  const unsigned long long a = fen < 0 ? 0ULL - static_cast<unsigned long long>(fen) : static_cast<unsigned long long>(fen);
  len += integer_chars(static_cast<long long>(a / kFenPerYuan), out + len);
  const unsigned cents = static_cast<unsigned>(a % kFenPerYuan);
  if (cents == 0) return len;
  out[len++] = '.';
  out[len++] = static_cast<char>('0' + cents / 10);
  if (cents % 10 != 0) out[len++] = static_cast<char>('0' + cents % 10);
  return len;
}

std::string yuan_text(Fen fen) {
  char buf[kYuanChars];
  return std::string(buf, yuan_chars(fen, buf));
}

}  // namespace doudi
