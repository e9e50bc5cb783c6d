// Writes the seed corpora for the fuzz targets:
//   fuzz_seeds SCENARIOS_DIR POLICIES_DIR HOUSEHOLD_OUT POLICY_OUT ROSTER_OUT
// Households come from every case of tests/scenarios/*.json (with the file's
// region filled in), plus a few fixed ones; policies are the files as written;
// rosters are a few written here (every column, quoting, errors, English headers).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const fs::path& dir, const std::string& name, const std::string& text) {
  std::ofstream(dir / name, std::ios::binary) << text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::cerr << "usage: fuzz_seeds SCENARIOS_DIR POLICIES_DIR HOUSEHOLD_OUT POLICY_OUT ROSTER_OUT\n";
    return 2;
  }
  const fs::path scenarios = argv[1], policies = argv[2], households_out = argv[3], policies_out = argv[4],
                 rosters_out = argv[5];
  fs::create_directories(households_out);
  fs::create_directories(policies_out);
  fs::create_directories(rosters_out);
  write(rosters_out, "every-column.csv",
        "\xEF\xBB\xBF户编号,地区,户籍,查询日期,姓名,与户主关系,年龄,劳动能力,生活自理能力,残疾等级,残疾类别,重病,在读学段,孤儿,"
        "事实无人抚养儿童,集中供养,有能力的法定赡养抚养扶养人,在业,低保期间新就业,革命五老,月工资,月经营收入,月财产收入,"
        "月基本养老金,月其他养老金,月荣誉抚恤优待金,月在校生补助,月其他转移收入,月其他收入,存款,住房面积,自有住房,"
        "年医疗支出,年教育支出,年灾害损失,低保户,特困人员,低收入家庭,低保边缘家庭,建档立卡,享受低保月数,今年临时救助次数\r\n"
        "A1,quangang-2020,农村,2021-05-01,张三,户主,45,完全,自理,0,,否,无,否,否,否,是,是,否,否,1500,0,0,0,0,0,0,0,0,"
        "2000,60,是,6000,0,0,否,否,否,否,是,0,0\r\n"
        "A1,quangang-2020,农村,2021-05-01,李四,父母,72,无,半失能,2,肢体,是,无,否,否,否,是,否,否,否,0,0,0,150,0,0,0,0,0,"
        "2000,60,是,6000,0,0,否,否,否,否,是,0,0\r\n");
  write(rosters_out, "quoting-and-errors.csv",
        "户编号,地区,户籍,姓名,与户主关系,年龄,月工资,存款,低保户,住房面积,age\n"
        "B2,hebi-2017,农村,\"王,五\",户主,60岁,\"1,500元\",0元,是,36平方米,61\n"
        "B2,hebi-2017,城镇,\"赵\"\"六\"\"\",邻居,abc,x,,maybe,36㎡,\n\n,xinmi-2016,农村,钱七,户主,30,0,,,,\r"
        "C3,nowhere,rural,孙八,head,12,,,,,\n");
  write(rosters_out, "english.csv", "key,region,hukou,name,age,wages,dibao\nK1,mingxi-2019,urban,x,61,100,是\nK2,,rural,z,75,0,否");
  int households = 0, files = 0;
  std::error_code ec;

  // The contract's example and the smallest valid household, for every region.
  const json example = json::parse(R"({"schema":1,"region":"quangang-2020","as_of":"2020-06-01","hukou":"rural",
    "members":[{"age":45,"relation":"head","labor":"full","self_care":"full","disability_grade":0,"disability_kind":null,
    "serious_illness":false,"school":"none","orphan":false,"unsupported_child":false,"in_institution":false,
    "has_capable_supporter":true,"employed":false,"newly_employed":false,"veteran_5lao":false,
    "income_monthly":{"wages":1500,"business":0,"property":0,"pension_basic":0,"pension_other":0,"honors":0,
    "student_aid":0,"transfers":0,"other":0}}],"assets":{"deposits":0,"housing_area_m2":60,"owns_home":true},
    "expenses_yearly":{"medical":0,"education":0,"disaster":0},"status":{"dibao":false,"tekun":false,"low_income":false,
    "dibao_marginal":false,"poverty_registered":false,"months_on_dibao":0},
    "events":[{"kind":"fire","months_ago":1,"cost":20000,"compensated":5000}],"aid_this_year":{"temporary":0}})",
                                   nullptr, false);
  for (const auto& e : fs::directory_iterator(policies, ec)) {
    if (e.path().extension() != ".json") continue;
    write(policies_out, e.path().filename().string(), slurp(e.path()));
    ++files;
    json h = example;
    h["region"] = e.path().stem().string();
    write(households_out, "example-" + e.path().stem().string() + ".json", h.dump());
    write(households_out, "minimal-" + e.path().stem().string() + ".json",
          json{{"schema", 1}, {"region", e.path().stem().string()}, {"hukou", "urban"}, {"members", {{{"age", 80}}}}}.dump());
    households += 2;
  }

  for (const auto& e : fs::directory_iterator(scenarios, ec)) {
    if (e.path().extension() != ".json") continue;
    const json doc = json::parse(slurp(e.path()), nullptr, false);
    if (!doc.is_object() || !doc.contains("cases") || !doc["cases"].is_array()) continue;
    const std::string region = doc.value("region", std::string());
    int i = 0;
    for (const auto& c : doc["cases"]) {
      if (!c.is_object() || !c.contains("household") || !c["household"].is_object()) continue;
      json h = c["household"];
      if (!h.contains("region")) h["region"] = region;
      write(households_out, e.path().stem().string() + "-" + std::to_string(i++) + ".json", h.dump());
      ++households;
    }
  }
  std::cout << "seeds: " << households << " households, " << files << " policies, 3 rosters\n";
  return 0;
}
