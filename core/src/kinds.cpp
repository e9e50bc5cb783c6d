// The registry of program kinds and the parameters each reads.
#include <cstring>

#include "programs.h"

namespace doudi {
namespace {

constexpr const char* kMonthlyOrYearly = "yuan/person/month|yuan/person/year";

const std::vector<KindSpec>& registry() {
  static const std::vector<KindSpec> kinds = {
      {"dibao",
       {{"standard_urban", kMonthlyOrYearly, false},
        {"standard_rural", kMonthlyOrYearly, false},
        {"min_wage", "yuan/person/month", false},
        {"standard_min_wage_ratio", "ratio", false},
        {"taper_months_poverty_registered", "months", false},
        {"taper_months_employment", "months", false},
        {"taper_employment_discretionary", "flag", false},
        {"expenditure_path", "flag", false},
        {"special_increase_min", "yuan/person/month", false},
        {"special_increase_max", "yuan/person/month", false},
        {"special_increase_ratio", "ratio", false},
        {"deposits_max_per_person", "yuan/person", false}},
       true, evaluate_dibao},
      {"tekun",
       {{"standard_concentrated", "yuan/person/year", false},
        {"standard_dispersed", "yuan/person/year", false},
        {"income_base", "yuan/person/year", false},
        {"ratio_concentrated", "ratio", false},
        {"ratio_dispersed", "ratio", false},
        {"care_ratio_partial", "ratio", false},
        {"care_ratio_full", "ratio", false},
        {"deemed_no_labor", "flag", false},
        {"deposits_max_per_person", "yuan/person", false},
        {"income_not_counted", "list", false},
        {"pension_basic_not_counted_max", "yuan/person/month", false}},
       true, evaluate_tekun},
      {"temporary_aid",
       {{"max_per_grant", "yuan/household/once", false},
        {"max_grants_per_year", "times/year", false},
        {"max_grants_exception", "flag", false},
        {"recent_months", "months", true},
        {"target_statuses", "list", false},
        {"target_programs", "list", false},
        {"town_approval_limit", "yuan/household/once", false},
        {"payout_working_days", "working_days", false},
        {"returnee_floor", "yuan/person/once", false}},
       true, evaluate_temporary_aid},
      {"elderly_allowance", {{"age_bands", "yuan/person/month", true}, {"poor_only", "flag", false}}, true,
       evaluate_elderly_allowance},
      {"orphan_allowance",
       {{"amount", "yuan/person/month", true}, {"covers_unsupported", "flag", false}, {"continue_in_school", "flag", false}},
       true, evaluate_orphan_allowance},
      {"disability_living_allowance", {{"amount", "yuan/person/month", true}, {"poverty_registered_covered", "flag", false}},
       true, evaluate_disability_living},
      {"disability_care_allowance", {{"amount", "yuan/person/month", true}, {"extend_mental_intellectual", "flag", false}},
       true, evaluate_disability_care},
      {"education_aid", {{"amounts", "yuan/student/year", true}}, true, evaluate_education_aid},
      {"housing_aid", {{"area_max_per_person", "m2/person", false}, {"rent_subsidy", "yuan/person/month", false}, {"no_home_qualifies", "flag", false}}, true,
       evaluate_housing_aid},
      {"urban_hardship", {{"min_wage_ratio", "ratio", false}, {"expenditure_multiple", "ratio", false}}, true,
       evaluate_urban_hardship},
      {"generic",
       {{"amount", "yuan/person/month|yuan/person/year|yuan/person/once|yuan/household/year|yuan/household/once", false},
        {"amount_is_cap", "flag", false},
        {"multiplier", "ratio", false},
        {"window_from", "date", false},
        {"window_to", "date", false}},
       true, evaluate_generic},
  };
  return kinds;
}

}  // namespace

const KindSpec* find_kind(std::string_view kind) {
  for (const KindSpec& k : registry())
    if (kind == k.kind) return &k;
  return nullptr;
}

bool is_standard_program_id(std::string_view id) {
  static const char* ids[] = {"dibao",        "tekun",         "temporary_aid", "elderly_allowance",
                              "orphan_allowance", "disability_living_allowance", "disability_care_allowance",
                              "education_aid", "housing_aid",  "medical_aid",   "employment_aid",
                              "charity_aid",  "urban_hardship", "price_subsidy"};
  for (const char* s : ids)
    if (id == s) return true;
  return false;
}

bool is_status_name(std::string_view n) {
  return n == "dibao" || n == "tekun" || n == "low_income" || n == "low_income_urban" || n == "dibao_marginal" ||
         n == "poverty_registered";
}

std::string check_member_where(const json& where) {
  if (!where.is_object()) return "member criteria must be an object";
  for (auto it = where.begin(); it != where.end(); ++it) {
    const std::string& k = it.key();
    const json& v = it.value();
    if (k == "min_age" || k == "max_age") {
      if (!v.is_number_integer()) return k + " must be an integer";
    } else if (k == "disabled" || k == "serious_illness" || k == "orphan" || k == "unsupported_child" ||
               k == "veteran_5lao" || k == "employed" || k == "in_institution" || k == "has_capable_supporter") {
      if (!v.is_boolean()) return k + " must be true or false";
    } else if (k == "disability_grades") {
      if (!v.is_array()) return k + " must be a list of grades";
      for (const auto& g : v)
        if (!g.is_number_integer()) return k + " must be a list of grades";
    } else if (k == "disability_kinds" || k == "labor_in" || k == "self_care_in" || k == "school_in") {
      if (!v.is_array()) return k + " must be a list of strings";
      for (const auto& s : v)
        if (!s.is_string()) return k + " must be a list of strings";
    } else if (k == "listed_by" || k == "not_listed_by") {
      // Whether an earlier program of the file covers the member (中卫: 照护 only for
      // those who do not meet the 特困 conditions); the loader checks the id exists before.
      if (!v.is_string()) return k + " must name a program id";
    } else if (k == "household") {
      // A household fact that covers every member (each member of a 低保 household is a 低保对象).
      if (auto e = check_test(v); !e.empty()) return e;
    } else if (k == "any_of") {
      if (!v.is_array()) return "any_of must be a list";
      for (const auto& w : v)
        if (auto e = check_member_where(w); !e.empty()) return e;
    } else {
      return "unknown member criterion '" + k + "'";
    }
  }
  return "";
}

std::string check_test(const json& test) {
  if (!test.is_object() || test.size() != 1) return "a test must be an object with exactly one key";
  const std::string& k = test.begin().key();
  const json& v = test.begin().value();
  auto strings = [&](bool allow_empty) {
    if (!v.is_array() || (!allow_empty && v.empty())) return false;
    for (const auto& s : v)
      if (!s.is_string()) return false;
    return true;
  };
  if (k == "status_any") {
    if (!strings(false)) return "status_any must list status names";
    for (const auto& s : v) {
      const auto& n = s.get_ref<const std::string&>();
      if (!is_status_name(n)) return "unknown status '" + n + "'";
    }
    return "";
  }
  if (k == "member_any") return check_member_where(v);
  if (k == "hukou") return v == "urban" || v == "rural" ? "" : "hukou must be urban or rural";
  if (k == "program") return v.is_string() ? "" : "program must name a program id";
  if (k == "expense_any") {
    if (!strings(false)) return "expense_any must list expense kinds";
    for (const auto& s : v)
      if (s != "medical" && s != "education" && s != "disaster") return "unknown expense kind";
    return "";
  }
  if (k == "event_any") return strings(true) ? "" : "event_any must list event kinds";
  if (k == "date_between") {
    if (!v.is_array() || v.size() != 2 || !v[0].is_string() || !v[1].is_string() ||
        !parse_date(v[0].get<std::string>()) || !parse_date(v[1].get<std::string>()))
      return "date_between must be two ISO dates";
    return "";
  }
  if (k == "any_of" || k == "all_of") {
    if (!v.is_array() || v.empty()) return k + " must be a non-empty list";
    for (const auto& t : v)
      if (auto e = check_test(t); !e.empty()) return e;
    return "";
  }
  if (k == "not") return check_test(v);
  if (k == "recognised_poor") return v == true ? "" : "recognised_poor must be true";
  if (k == "assessment") return v.is_string() ? "" : "assessment must describe what officials judge";
  return "unknown test '" + k + "'";
}

}  // namespace doudi
