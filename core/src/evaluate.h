// Screening on structs, without JSON: for the roster path and benchmarks.
#pragma once

#include <vector>

#include "context.h"

namespace doudi {

// One program under the household's context (records its status for later gates).
ProgramResult evaluate_program(const Program& prog, Context& ctx);

// How much of a result to work out: everything the site shows; what the
// questionnaire's flow needs (statuses, amounts, members, `missing`; no reasons);
// or only what the roster lists (statuses, amounts, members, 渐退期).
enum class Detail { reasons, missing, statuses };

// Every program of the policy, in order, for an already validated household.
// `income`, when given, receives the household's income as the policy counts it.
std::vector<ProgramResult> evaluate_household(const Policy& policy, const Household& h, HouseholdIncome* income = nullptr,
                                              Detail detail = Detail::reasons);

}  // namespace doudi
