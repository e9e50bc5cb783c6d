// 台账比对: screening a roster (one CSV row per member, grouped by a household
// key) on the device. The layout is documented in the README; the same code
// serves `screen --csv` and the site's roster page.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "doudi/screen.h"

namespace doudi {

struct RosterOutput {
  std::string csv;   // the export: UTF-8 with BOM, one row per household, every program
  // The site's view: {"households","summary","rows","errors","ignored_columns","notes"}.
  // `rows` holds only the households the page lists (a flag or an error), each with
  // its 低保 and 特困 outcome; everything else is in the export.
  std::string json;
  int households = 0;
  int errors = 0;    // rows or households with errors

  // `json` with the export as its "csv" member: one string for the site's page.
  std::string view_with_export() const;
};

// `csv` is UTF-8 text (the caller decodes GBK; bytes that are not UTF-8 are read
// as U+FFFD, so the outputs are always UTF-8). `default_region` is used for rows
// whose 地区 column is empty or absent.
RosterOutput screen_roster(const PolicySet& policies, std::string_view csv, std::string_view default_region);

// The same a step at a time, so that a page can show progress between steps:
//   Roster r(policies, csv, region);  while (r.screened() < r.households()) r.step(250);
//   RosterOutput out = r.finish();
// The outputs are those of screen_roster, byte for byte.
class Roster {
 public:
  Roster(const PolicySet& policies, std::string csv, std::string_view default_region);  // reads and groups the rows
  ~Roster();
  Roster(Roster&&) noexcept;
  Roster& operator=(Roster&&) noexcept;

  int households() const;  // households in the file
  int screened() const;    // households screened so far
  int step(int n);         // screens up to n more; returns screened()
  RosterOutput finish();   // screens the rest; the export and the view (once)

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// Whether `text` is well-formed UTF-8 (RFC 3629: no overlong forms, no encoded
// surrogates); and `text` with U+FFFD for each run of bytes that starts no
// character (as the browsers' TextDecoder puts them).
bool is_utf8(std::string_view text);
std::string repair_utf8(std::string_view text);

// Whether a roster file's bytes are to be read as UTF-8: they are, or they are
// mostly (more characters beyond ASCII read well than not: a UTF-8 file with a
// damaged byte). Otherwise it is GB18030, as Excel saves CSV on Chinese Windows;
// read as UTF-8, a GBK file has nearly every Chinese character broken. The
// roster page (site/js/roster.js) decides by the same rule.
bool reads_as_utf8(std::string_view bytes);

// The header row of the template (UTF-8 with BOM), for staff to fill in.
std::string roster_template();

}  // namespace doudi
