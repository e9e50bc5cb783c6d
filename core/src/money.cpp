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

nlohmann::ordered_json yuan_json(Fen fen) {
  if (fen % kFenPerYuan == 0) return nlohmann::ordered_json(fen / kFenPerYuan);
  return nlohmann::ordered_json(static_cast<double>(fen) / 100.0);
}

std::string yuan_text(Fen fen) {
  std::string sign = fen < 0 ? "-" : "";
  const Fen a = fen < 0 ? -fen : fen;
  std::string s = sign + std::to_string(a / kFenPerYuan);
  const Fen cents = a % kFenPerYuan;
  if (cents == 0) return s;
  s += '.';
  s += static_cast<char>('0' + cents / 10);
  if (cents % 10 != 0) s += static_cast<char>('0' + cents % 10);
  return s;
}

}  // namespace doudi
