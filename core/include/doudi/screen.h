// Public entry points of the 兜底通 rules engine.
//
// Strings in, strings out: the same functions serve the native `screen` command,
// the WebAssembly module and the tests, so their JSON is identical byte for byte.
// Nothing here throws; bad input comes back as a result whose `errors` say why.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace doudi {

struct Policy;

// An error in a policy file, named by file and JSON path (for policy authors).
struct PolicyError {
  std::string file;
  std::string path;
  std::string message;
};

// The loaded policies, by region id (the policy file name without `.json`).
class PolicySet {
 public:
  PolicySet();
  ~PolicySet();
  PolicySet(PolicySet&&) noexcept;
  PolicySet& operator=(PolicySet&&) noexcept;

  // Parses and validates one policy file. On error nothing is added.
  std::vector<PolicyError> add(std::string_view file_name, std::string_view json_text);
  // The same when first needed: find() of its id, or all(). For files checked
  // already (the embedded ones): a page that screens one region parses one
  // file, not five. `json_text` must outlive the set; a file that fails is absent.
  void add_later(std::string_view file_name, std::string_view json_text);

  const Policy* find(std::string_view region_id) const;
  const std::vector<std::unique_ptr<Policy>>& all() const;  // by id

 private:
  struct Waiting {
    std::string id;
    std::string_view file_name, text;
  };
  std::vector<PolicyError> load(std::string_view file_name, std::string_view json_text) const;

  // Parsed on demand from const lookups: a cache, so mutable (not for use from
  // several threads at once before every file is parsed).
  mutable std::vector<std::unique_ptr<Policy>> policies_;
  mutable std::vector<Waiting> waiting_;
};

// The policies compiled into the program (policies/*.json at build time).
const PolicySet& embedded_policies();

struct ScreenOutput {
  std::string json;  // the result JSON of the contract
  bool ok = false;   // false when `errors` is non-empty (the CLI exits 2)
};

// Screens one household (contract schema 1).
ScreenOutput screen(const PolicySet& policies, std::string_view household_json);

// The same household, only what the site's questionnaire needs to choose its
// next question, for the many variants it tries: each program's id, status,
// amount and `missing`, exactly as screen() gives them, without reasons (about a
// tenth of the text and of the work). Errors are screen()'s.
//   {"schema":1,"region":…,"programs":[{"id","status","amount"?,"missing"}],"errors":[]}
ScreenOutput screen_brief(const PolicySet& policies, std::string_view household_json);

// screen() and screen_brief() for JavaScript, whose strings are UTF-16: the same
// text as UTF-16 code units, written so rather than transcoded afterwards (the
// WebAssembly module's entries; a result is 8-14 KB, mostly Chinese).
struct ScreenOutput16 {
  std::unique_ptr<char16_t[]> units;
  size_t size = 0;
  bool ok = false;
  std::u16string_view json() const { return {units.get(), size}; }
};
ScreenOutput16 screen_utf16(const PolicySet& policies, std::string_view household_json);
ScreenOutput16 screen_brief_utf16(const PolicySet& policies, std::string_view household_json);

// UTF-8 as UTF-16 code units into `out`, which has room for `utf8.size()` units
// (never more units than bytes); returns how many were written. For well-formed
// UTF-8, what the core writes; other bytes come out as U+FFFD or garbled, never
// written out of bounds.
size_t utf16_from_utf8(std::string_view utf8, char16_t* out);
std::u16string utf16_from_utf8(std::string_view utf8);

// `[{"id","name","title","doc","issued","effective_from",...}]`, in id order.
std::string regions_json(const PolicySet& policies);

// The policy as the site shows it (programs, parameters, clauses, offices), or
// `{"errors":[...]}` for an unknown region.
std::string policy_json(const PolicySet& policies, std::string_view region_id);

}  // namespace doudi
