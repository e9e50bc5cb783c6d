// Calendar dates (ISO 8601 YYYY-MM-DD), compared as plain numbers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace doudi {

struct Date {
  int year = 0, month = 0, day = 0;
  int key() const { return year * 10000 + month * 100 + day; }
  friend bool operator<(Date a, Date b) { return a.key() < b.key(); }
  friend bool operator<=(Date a, Date b) { return a.key() <= b.key(); }
  friend bool operator==(Date a, Date b) { return a.key() == b.key(); }
  std::string iso() const;
  std::string chinese() const;  // 2020年6月1日
};

// A real date written exactly as YYYY-MM-DD (years 1900-2200), or nullopt.
std::optional<Date> parse_date(std::string_view text);

}  // namespace doudi
