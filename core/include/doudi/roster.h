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

// `csv` is UTF-8 text (the caller decodes GBK). `default_region` is used for
// rows whose 地区 column is empty or absent.
RosterOutput screen_roster(const PolicySet& policies, std::string_view csv, std::string_view default_region);

// The header row of the template (UTF-8 with BOM), for staff to fill in.
std::string roster_template();

}  // namespace doudi
