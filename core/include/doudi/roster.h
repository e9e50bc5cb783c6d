// 台账比对: screening a roster (one CSV row per member, grouped by a household
// key) on the device. The layout is documented in the README; the same code
// serves `screen --csv` and the site's roster page.
#pragma once

#include <string>
#include <string_view>

#include "doudi/screen.h"

namespace doudi {

struct RosterOutput {
  std::string csv;   // the export: UTF-8 with BOM, one row per household
  std::string json;  // {"summary":…,"households":[…],"errors":[…]} for the site
  int households = 0;
  int errors = 0;    // rows or households with errors

  // `json` with the export as its "csv" member: one string for the site's page.
  std::string view_with_export() const;
};

// `csv` is UTF-8 text (the caller decodes GBK; bytes that are not UTF-8 are read
// as U+FFFD, so the outputs are always UTF-8). `default_region` is used for rows
// whose 地区 column is empty or absent.
RosterOutput screen_roster(const PolicySet& policies, std::string_view csv, std::string_view default_region);

// Whether `text` is well-formed UTF-8 (RFC 3629: no overlong forms, no encoded
// surrogates), to tell a UTF-8 file from a GBK one; and `text` with U+FFFD for
// every byte that starts no character.
bool is_utf8(std::string_view text);
std::string repair_utf8(std::string_view text);

// The header row of the template (UTF-8 with BOM), for staff to fill in.
std::string roster_template();

}  // namespace doudi
