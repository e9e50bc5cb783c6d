#include "date.h"

#include <string>

namespace doudi {
namespace {
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}
int digits(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}
}  // namespace

std::optional<Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const int y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return std::nullopt;
  if (d > days_in(y, m)) return std::nullopt;
  return Date{y, m, d};
}

// By hand rather than snprintf: every result writes a date or two, and printf's
// machinery is slow in WebAssembly. Years are 1900-2200 (parse_date).
std::string Date::iso() const {
  char buf[10] = {static_cast<char>('0' + year / 1000 % 10), static_cast<char>('0' + year / 100 % 10),
                  static_cast<char>('0' + year / 10 % 10),   static_cast<char>('0' + year % 10),
                  '-', static_cast<char>('0' + month / 10),  static_cast<char>('0' + month % 10),
                  '-', static_cast<char>('0' + day / 10),    static_cast<char>('0' + day % 10)};
  return std::string(buf, sizeof buf);
}

std::string Date::chinese() const {
  return std::to_string(year) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
}

}  // namespace doudi
