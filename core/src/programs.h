// The program kinds: one evaluator per kind of rule, and the parameters each
// kind reads (the policy loader checks files against these specs).
#pragma once

#include <string_view>
#include <vector>

#include "context.h"
#include "text.h"

namespace doudi {

using Evaluator = void (*)(const Program&, Context&, Decision&, ProgramResult*);

struct ParamSpec {
  const char* name;
  const char* units;  // allowed units, '|'-separated
  bool required;
};

struct KindSpec {
  const char* kind;
  std::vector<ParamSpec> params;
  bool takes_conditions;  // reads `conditions` (the generic kind)
  Evaluator decide;       // the kind's own criteria and amount

  // The kind's evaluator, unless the program's conditions have refused it already
  // and no reasons are written (the roster, the questionnaire's flow): 明溪's
  // programs are for urban households, and a rural one was judged member by member
  // for 特困 and its three routes to 城市困难家庭 only for the work to be dropped.
  void evaluate(const Program& p, Context& ctx, Decision& d, ProgramResult* out) const {
    if (!d.settled()) decide(p, ctx, d, out);
  }
};

const KindSpec* find_kind(std::string_view kind);
bool is_standard_program_id(std::string_view id);  // the contract's list
// A name Context::status_flag knows: the household's status fields, and
// low_income_urban, a 低收入家庭 with urban hukou (新密's 城市低收入家庭).
bool is_status_name(std::string_view name);
// Checks a criterion or `when` test of policy data; returns "" or what is wrong.
std::string check_test(const json& test);
std::string check_member_where(const json& where);

void evaluate_dibao(const Program&, Context&, Decision&, ProgramResult*);
void evaluate_tekun(const Program&, Context&, Decision&, ProgramResult*);
void evaluate_temporary_aid(const Program&, Context&, Decision&, ProgramResult*);
void evaluate_elderly_allowance(const Program&, Context&, Decision&, ProgramResult*);
void evaluate_orphan_allowance(const Program&, Context&, Decision&, ProgramResult*);
void evaluate_disability_living(const Program&, Context&, Decision&, ProgramResult*);
void evaluate_disability_care(const Program&, Context&, Decision&, ProgramResult*);
void evaluate_education_aid(const Program&, Context&, Decision&, ProgramResult*);
void evaluate_housing_aid(const Program&, Context&, Decision&, ProgramResult*);
void evaluate_urban_hardship(const Program&, Context&, Decision&, ProgramResult*);
void evaluate_generic(const Program&, Context&, Decision&, ProgramResult*);

// Criteria written in the policy file (`conditions`), applied before any kind's own.
void apply_conditions(const Program& p, const Context& ctx, Decision* d);

// Shared by evaluators: "低于" text and the gap, e.g. "超出标准37元".
std::string per_head(Fen fen);  // "500元"

// The property half of 低保 (《社会救助暂行办法》第九条: 且符合当地最低生活保障家庭财产状况
// 规定) and of 特困's 无生活来源 (《特困人员认定办法》第六条), as far as the household's
// deposits tell: against the program's `deposits_max_per_person`. None of the five
// documents states that limit, so deposits decide only when there are none; any
// others leave it to the 乡镇's 经济状况核对 (maybe), never to an invented figure.
struct PropertyTest {
  Fact fact;
  std::string text;  // written only when `say`
  Source source;
};
// `per_head`: the household's property, shared (低保); else one person's (特困), of which
// the household's deposits are the most it could be.
PropertyTest deposits_test(const Program& p, const Context& ctx, const Source& rule, bool say, bool per_head = true);

}  // namespace doudi
