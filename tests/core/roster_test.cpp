// 台账比对: a roster CSV screened as households, with the flags staff act on.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "doudi/roster.h"

namespace {

using nlohmann::json;

const char* kHeader = "户编号,地区,户籍,姓名,与户主关系,年龄,劳动能力,月工资,月基本养老金,低保户,建档立卡,存款,住房面积\n";

doudi::RosterOutput run(const std::string& rows, const char* region = "") {
  return doudi::screen_roster(doudi::embedded_policies(), std::string(kHeader) + rows, region);
}

// A header with the status columns the lists rest on, and the facts 特困 needs.
const char* kStatusHeader =
    "户编号,地区,户籍,与户主关系,年龄,劳动能力,月工资,存款,低保户,特困人员,有能力的法定赡养抚养扶养人,年医疗支出,年教育支出,年灾害损失\n";

// A whole file (its own header) screened.
doudi::RosterOutput run_csv(const std::string& text, const std::string& region = "") {
  return doudi::screen_roster(doudi::embedded_policies(), text, region);
}

json view(const doudi::RosterOutput& out) { return json::parse(out.json); }

const json& row(const json& v, const std::string& key) {
  for (const auto& r : v["rows"])
    if (r["key"] == key) return r;
  static const json none;
  return none;
}

// The export's row of a household, as header -> cell (RFC 4180, CRLF).
std::map<std::string, std::string> exported(const doudi::RosterOutput& out, const std::string& key) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  const std::string csv = out.csv.substr(3);  // the BOM
  for (size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted && c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') rows.back().back() += '"', ++i;
    else if (c == '"') quoted = !quoted;
    else if (!quoted && c == ',') rows.back().emplace_back();
    else if (!quoted && c == '\r') rows.emplace_back(1), ++i;  // CRLF
    else rows.back().back() += c;
  }
  std::map<std::string, std::string> found;
  for (const auto& r : rows)
    if (!r.empty() && r[0] == key)
      for (size_t c = 0; c < r.size() && c < rows[0].size(); ++c) found[rows[0][c]] = r[c];
  return found;
}

TEST(Roster, GroupsRowsByHouseholdKeyAndScreensEach) {
  auto out = run(
      "A1,quangang-2020,农村,张三,户主,45,完全,1000,,否,否,0,60\n"
      "A1,quangang-2020,农村,李四,配偶,44,完全,,,否,否,0,60\n");
  const json v = view(out);
  ASSERT_EQ(out.households, 1);
  const json& a = row(v, "A1");
  EXPECT_EQ(a["size"], 2);
  EXPECT_EQ(a["per_capita_monthly"], 500);  // a blank income cell counts as 0 in a roster with income columns
  EXPECT_EQ(a["programs"]["dibao"]["status"], "eligible");
  EXPECT_EQ(a["programs"]["dibao"]["amount"], "440元/月");
  EXPECT_TRUE(a["should_have"]);  // 应保未保: meets 低保, not receiving it
  EXPECT_FALSE(a["should_exit"]);
}

TEST(Roster, FlagsDibaoHouseholdsAboveTheStandardForExit) {
  // 泉港: 低保户 with 5000元 wages a head (above 720元 even after the most 就业成本 could
  // take, 2480元), no 建档立卡 (so no 渐退期), no deductible costs.
  const std::string h = std::string(kHeader).substr(0, std::string(kHeader).size() - 1) + ",年医疗支出,年教育支出\n";
  auto out = run_csv(h + "B2,quangang-2020,农村,王五,户主,50,完全,5000,,是,否,0,60,0,0\n", "");
  const json v = view(out);
  const json& b = row(v, "B2");
  EXPECT_EQ(b["programs"]["dibao"]["status"], "ineligible");
  EXPECT_TRUE(b["should_exit"]);  // 应退尽退
  EXPECT_FALSE(b["should_have"]);
}

TEST(Roster, AnUrbanDibaoHouseholdUnderARuralDocumentIsNotToExit) {
  // 鹤壁's document is about 农村低保: its 城镇 低保户 are "不符合" here, but not above any standard.
  auto out = run("U9,hebi-2017,城镇,张三,户主,50,完全,0,,是,否,0,60\n");
  const json v = view(out);
  EXPECT_EQ(exported(out, "U9")["农村最低生活保障"], "不符合");
  EXPECT_EQ(exported(out, "U9")["应退尽退"], "");
  EXPECT_FALSE(row(v, "U9").is_object() && row(v, "U9")["should_exit"].get<bool>());
}

TEST(Roster, TaperKeepsARegisteredHouseholdOffTheExitList) {
  const std::string h = std::string(kHeader).substr(0, std::string(kHeader).size() - 1) + ",年医疗支出,年教育支出\n";
  auto out = run_csv(h + "C3,quangang-2020,农村,赵六,户主,50,完全,5000,,是,是,0,60,0,0\n", "");
  const auto c = exported(out, "C3");
  EXPECT_EQ(c.at("城乡最低生活保障"), "符合");  // 12个月延保渐退期
  EXPECT_EQ(c.at("应退尽退"), "");
  EXPECT_TRUE(row(view(out), "C3").is_null());  // no list shows it
}

TEST(Roster, ABadRowIsReportedWithLineAndColumnAndTheRestGoesOn) {
  auto out = run(
      "A1,quangang-2020,农村,张三,户主,200,完全,1000,,否,否,0,60\n"
      "B2,quangang-2020,农村,王五,户主,50,完全,abc,,否,否,0,60\n"
      "C3,quangang-2020,农村,赵六,户主,50,完全,100,,否,否,0,60\n");
  const json v = view(out);
  EXPECT_EQ(out.households, 3);
  EXPECT_EQ(out.errors, 2);
  const json& a = row(v, "A1");
  ASSERT_EQ(a["errors"].size(), 1u);
  EXPECT_EQ(a["errors"][0]["row"], 2);
  EXPECT_EQ(a["errors"][0]["column"], "年龄");
  const json& b = row(v, "B2");
  ASSERT_EQ(b["errors"].size(), 1u);
  EXPECT_EQ(b["errors"][0]["row"], 3);
  EXPECT_EQ(b["errors"][0]["column"], "月工资");
  EXPECT_EQ(row(v, "C3")["programs"]["dibao"]["status"], "eligible");
}

// Numbers are decimal: strtod alone would read "0x10" as 16 and "inf" as a number.
TEST(Roster, NumberCellsAreDecimalOnly) {
  auto out = run("N1,quangang-2020,农村,甲,户主,50,完全,0x10,,否,否,0,60\n"
                 "N2,quangang-2020,农村,乙,户主,50,完全,inf,,否,否,0,60\n"
                 "N3,quangang-2020,农村,丙,户主,50,完全,\"1,200\",,否,否,0,60\n"
                 "N4,quangang-2020,农村,丁,户主,50,完全,2.5e2,,否,否,0,60\n");
  const json v = view(out);
  EXPECT_EQ(row(v, "N1")["errors"][0]["message"], "“0x10”应填数字");
  EXPECT_EQ(row(v, "N2")["errors"][0]["message"], "“inf”应填数字");
  EXPECT_TRUE(row(v, "N3")["errors"].empty());
  EXPECT_EQ(row(v, "N3")["per_capita_monthly"], 1200);
  EXPECT_TRUE(row(v, "N4")["errors"].empty());
  EXPECT_EQ(row(v, "N4")["per_capita_monthly"], 250);
}

TEST(Roster, UsesTheDefaultRegionAndReportsAnUnknownOne) {
  auto out = run("D4,,城镇,钱七,户主,70,无,0,0,是,否,0,30\nE5,nowhere,城镇,孙八,户主,70,无,0,0,是,否,0,30\n", "mingxi-2019");
  const json v = view(out);
  const auto d = exported(out, "D4");
  EXPECT_EQ(d.at("地区"), "福建省三明市明溪县");  // the place, as staff know it
  EXPECT_EQ(d.at("城市困难家庭认定（“347”精准帮扶）"), "符合");
  ASSERT_EQ(row(v, "E5")["errors"].size(), 1u);
  EXPECT_EQ(row(v, "E5")["errors"][0]["column"], "地区");
}

// A long cell is quoted in the message cut to 40 bytes, at a character's edge:
// cut inside one, the view would not be valid UTF-8 (json::parse refuses it).
TEST(Roster, ALongCellIsQuotedWholeCharactersOnly) {
  auto out = run("G7,quangang-2020,农村,甲,户主,一二三四五六七八九十一二三四五六七八九十,完全,0,,否,否,0,60\n"
                 "H8,nowhere-一二三四五六七八九十一二三四五六七八,农村,丙,户主,40,完全,0,,否,否,0,60\n");
  const json v = json::parse(out.json, nullptr, false);
  ASSERT_FALSE(v.is_discarded()) << "the view is not valid JSON (UTF-8)";
  EXPECT_EQ(row(v, "G7")["errors"][0]["message"], "“一二三四五六七八九十一二三”应填数字");  // 39 bytes, not 40
  EXPECT_EQ(row(v, "H8")["errors"][0]["message"].get<std::string>().rfind("未知地区“nowhere-一二三四五六七八九十”，", 0), 0u);  // 38 bytes
}

TEST(Roster, Utf8IsStrict) {
  EXPECT_TRUE(doudi::is_utf8("户编号,age,😀\r\n"));
  EXPECT_FALSE(doudi::is_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(doudi::is_utf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(doudi::is_utf8("\xED\xA7\x93"));      // an encoded surrogate (U+D9D3)
  EXPECT_FALSE(doudi::is_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(doudi::is_utf8("\xE6\x88"));          // cut short
  EXPECT_EQ(doudi::repair_utf8("a\xFF" "b\xED\xA7\x93" "c"), "a\uFFFDb\uFFFD\uFFFD\uFFFDc");
  // One U+FFFD for a character cut short, as TextDecoder puts it (the site's roster page)
  EXPECT_EQ(doudi::repair_utf8("\xE6\x88," "\xF0\x9F\x98" "x"), "\uFFFD,\uFFFDx");
}

TEST(Roster, AFileIsReadAsUtf8WhenMostOfItsCharactersAre) {
  EXPECT_TRUE(doudi::reads_as_utf8("户编号,姓名\r\n"));
  EXPECT_TRUE(doudi::reads_as_utf8("户编号,姓名\r\nA,Jos\xE9\r\n"));  // a Latin-1 byte in a UTF-8 file
  // 户编号,姓名 in GBK: read as UTF-8, every character is broken
  EXPECT_FALSE(doudi::reads_as_utf8("\xBB\xA7\xB1\xE0\xBA\xC5,\xD0\xD5\xC3\xFB\r\n"));
  EXPECT_FALSE(doudi::reads_as_utf8("A,Jos\xE9\r\n"));  // nothing read well: as GB18030, as the site
}

// Found by fuzz_roster: an encoded surrogate in a header passed into the view,
// which was then not UTF-8 (and not JSON to a strict parser). Such bytes are now read as U+FFFD.
TEST(Roster, TextThatIsNotUtf8IsReadAsReplacementCharacters) {
  const auto out = run_csv("户编号,\xED\xA7\x93名,年龄\nA,\xFF,40\n", "quangang-2020\xFF");
  const json v = json::parse(out.json, nullptr, false);
  ASSERT_FALSE(v.is_discarded()) << out.json;
  EXPECT_EQ(v["ignored_columns"], json::array({"\uFFFD\uFFFD\uFFFD名"}));
  EXPECT_TRUE(doudi::is_utf8(out.csv));
  EXPECT_EQ(row(v, "A")["errors"].back()["message"].get<std::string>().rfind("未知地区“quangang-2020\uFFFD”，", 0), 0u);
}

TEST(Roster, HouseholdFieldsMustAgreeAcrossTheirRows) {
  auto out = run("F6,quangang-2020,农村,甲,户主,40,完全,0,,是,否,0,60\nF6,quangang-2020,农村,乙,配偶,40,完全,0,,否,否,0,60\n");
  const json v = view(out);
  const json& f = row(v, "F6");
  ASSERT_EQ(f["errors"].size(), 1u);
  EXPECT_EQ(f["errors"][0]["row"], 3);
  EXPECT_EQ(f["errors"][0]["column"], "低保户");
}

TEST(Roster, ExportIsExcelReadyCsvWithBomQuotingAndOneRowPerHousehold) {
  auto out = run("\"G,7\",quangang-2020,农村,\"有\"\"引号\"\"的名字\",户主,45,完全,1000,,否,否,0,60\n");
  ASSERT_EQ(out.csv.rfind("\xEF\xBB\xBF户编号,地区,人数", 0), 0u);
  EXPECT_NE(out.csv.find("\r\n\"G,7\",福建省泉州市泉港区,1,,1000,1000,"), std::string::npos);
  size_t lines = 0;
  for (char c : out.csv) lines += c == '\n';
  EXPECT_EQ(lines, 2u);
}

// The site gets view and export in one string: the view with the export, escaped, as "csv".
TEST(Roster, ViewWithExportCarriesTheCsvExactly) {
  auto out = run("\"G,7\",quangang-2020,农村,王\"五\",户主,70,无,1000,,否,否,0,60\n");
  const json both = json::parse(out.view_with_export());
  EXPECT_EQ(both["csv"].get<std::string>(), out.csv);
  json without = both;
  without.erase("csv");
  EXPECT_EQ(without, view(out));
}

// The view is what the page lists: households with a flag or an error, with
// their 低保 and 特困 outcomes; the summary still counts every household.
TEST(Roster, ViewListsOnlyHouseholdsWithAFlagOrAnError) {
  auto out = run(
      "A1,quangang-2020,农村,张三,户主,45,完全,1000,,否,否,0,60\n"    // 应保未保
      "C3,quangang-2020,农村,赵六,户主,50,完全,300,,是,否,0,60\n"     // receiving 低保, still eligible: no flag
      "K9,quangang-2020,农村,孙九,户主,50,完全,abc,,否,否,0,60\n");  // an error
  const json v = view(out);
  EXPECT_EQ(v["households"], 3);
  ASSERT_EQ(v["rows"].size(), 2u);
  EXPECT_EQ(v["rows"][0]["key"], "A1");
  EXPECT_EQ(v["rows"][1]["key"], "K9");
  EXPECT_EQ(v["rows"][0]["programs"].size(), 2u);
  EXPECT_EQ(v["rows"][0]["programs"]["tekun"]["status"], "ineligible");
  EXPECT_EQ(exported(out, "C3").at("城乡最低生活保障"), "符合");
  int dibao = 0;
  for (const auto& s : v["summary"]) {
    if (s["id"] != "dibao") continue;
    EXPECT_EQ(s["eligible"].get<int>() + s["maybe"].get<int>() + s["ineligible"].get<int>(), 2);  // K9 has none
    ++dibao;
  }
  EXPECT_EQ(dibao, 1);
}

// Step by step (the site's worker reports progress between steps) gives the same outputs.
TEST(Roster, ScreeningInStepsGivesTheSameOutputs) {
  const std::string csv = std::string(kHeader) +
                          "A1,quangang-2020,农村,张三,户主,45,完全,1000,,否,否,0,60\n"
                          "B2,hebi-2017,农村,李四,户主,75,无,0,,是,否,0,60\n"
                          "A1,quangang-2020,农村,王五,配偶,44,完全,,,否,否,0,60\n"
                          ",,,,,,\n"                      // blank: skipped
                          ",quangang-2020,农村,钱七,户主,30\n"  // cells but no key: a file error
                          "C3,mingxi-2019,城镇,赵六,户主,50,完全,x,,是,否,0,60\n";
  const doudi::RosterOutput whole = run_csv(csv, "");
  doudi::Roster r(doudi::embedded_policies(), csv, "");
  EXPECT_EQ(r.households(), 3);
  EXPECT_EQ(r.screened(), 0);
  EXPECT_EQ(r.step(2), 2);
  EXPECT_EQ(r.step(5), 3);
  EXPECT_EQ(r.step(1), 3);
  const doudi::RosterOutput stepped = r.finish();
  EXPECT_EQ(stepped.csv, whole.csv);
  EXPECT_EQ(stepped.json, whole.json);
  EXPECT_EQ(stepped.households, 3);
  EXPECT_EQ(stepped.errors, whole.errors);
  EXPECT_EQ(stepped.errors, 3);  // A1 met again after B2; C3's wages; the row with cells but no key
}

// A column not the template's (序号, 乡镇, 身份证号) is left out and named apart from
// the errors: as a "row 1" error staff read it as the header failing.
TEST(Roster, UnknownColumnsAreIgnoredAndNamedAMissingKeyColumnIsAnError) {
  auto out = run_csv("姓名,年龄,身高\n张三,40,170\n", "quangang-2020");
  const json v = view(out);
  EXPECT_EQ(out.households, 0);
  ASSERT_EQ(v["errors"].size(), 1u);
  EXPECT_EQ(v["errors"][0]["column"], "户编号");
  EXPECT_EQ(v["ignored_columns"], json::array({"身高"}));
}

// Headers as rosters write them: units in brackets, 是否…, the usual other names.
TEST(Roster, HeadersMayCarryUnitsAndUsualNames) {
  auto out = run_csv("户号,户籍性质,与户主的关系,年龄（岁）,劳动能力,月工资(元),是否低保户,五保户,存款（元）,序号\n"
                     "A1,农业,户主,45,完全,1000,否,否,0,1\n"
                     "A1,农业,妻,44,完全,,否,否,0,2\n", "quangang-2020");
  const json v = view(out);
  EXPECT_EQ(v["ignored_columns"], json::array({"序号"}));
  EXPECT_TRUE(v["notes"].empty()) << v["notes"];
  const json& a = row(v, "A1");
  EXPECT_TRUE(a["errors"].empty()) << a["errors"];
  EXPECT_EQ(a["per_capita_monthly"], 500);
  EXPECT_EQ(a["programs"]["dibao"]["amount"], "440元/月");
  EXPECT_TRUE(a["should_have"]);
}

// A 花名册's title above the header: the header is found under it, and the file says so.
TEST(Roster, ATitleAboveTheHeaderIsSkippedAndSaid) {
  auto out = run_csv("泉港区2020年6月城乡低保对象花名册,,\n户编号,与户主关系,年龄,低保户,特困人员\nA1,户主,45,否,否\n", "quangang-2020");
  const json v = view(out);
  EXPECT_EQ(out.households, 1);
  EXPECT_TRUE(v["errors"].empty()) << v["errors"];
  ASSERT_EQ(v["notes"].size(), 1u);
  EXPECT_EQ(v["notes"][0]["message"], "表头不在第1行：表头上面的标题等行没有读取");
}

// Whether a household receives 低保 is never guessed: without the column, the
// lists that need it say nothing, and the file says why.
TEST(Roster, WithoutAStatusColumnItsListsAreNotGuessed) {
  auto out = run_csv("户编号,户籍,与户主关系,年龄,劳动能力,月工资,存款\nA1,农村,户主,45,完全,0,0\n",
                     "quangang-2020");
  const json v = view(out);
  ASSERT_EQ(v["notes"].size(), 2u);
  EXPECT_EQ(v["notes"][0]["message"], "没有“低保户”列（列名请用模板的）：低保的应保未保、应退尽退无法判断，没有列出");
  EXPECT_EQ(v["notes"][1]["message"], "没有“特困人员”列（列名请用模板的）：特困的应保未保、应退尽退无法判断，没有列出");
  EXPECT_EQ(exported(out, "A1")["城乡最低生活保障"], "符合");
  EXPECT_EQ(exported(out, "A1")["应保未保"], "");
}

// 特困 recipients: not listed to be added to 低保; listed to leave 特困 when they no longer meet it.
TEST(Roster, TekunRecipientsAreNotListedForDibaoAndAreListedForExit) {
  auto out = run_csv(std::string(kStatusHeader) +
                     "T1,泉港区,农村,户主,50,完全,3000,50000,否,是,是,0,0,0\n"
                     "T2,泉港区,农村,户主,80,无,0,0,否,是,否,0,0,0\n", "");
  const json v = view(out);
  const auto t1 = exported(out, "T1"), t2 = exported(out, "T2");
  EXPECT_EQ(t1.at("特困人员救助供养"), "不符合");
  EXPECT_EQ(t1.at("应退尽退"), "是");
  EXPECT_EQ(t1.at("需走访核实"), "");
  EXPECT_EQ(t1.at("说明"), "特困：户主（50岁）有劳动能力");  // what refused it, first
  EXPECT_EQ(row(v, "T1")["why"], "特困：户主（50岁）有劳动能力");
  EXPECT_EQ(t2.at("城乡最低生活保障"), "符合");
  EXPECT_EQ(t2.at("特困人员救助供养"), "符合");
  EXPECT_EQ(t2.at("应保未保"), "");
  EXPECT_TRUE(row(v, "T2").is_null());
}

// 新密 lists 特困 before 低保: a household open on both is explained in the
// programs' order (roster_flags), each worked out with its reasons.
TEST(Roster, BothProgramsAreExplainedWhereTekunComesBeforeDibao) {
  auto out = run_csv(std::string(kStatusHeader) + "X4,新密,农村,户主,70,无,0,100000,是,否,,0,0,0\n", "");
  const auto x4 = exported(out, "X4");
  EXPECT_EQ(x4.at("农村五保供养（特困人员救助供养）"), "可能符合");
  EXPECT_EQ(x4.at("需走访核实"), "是");
  EXPECT_EQ(x4.at("应退尽退"), "");
  EXPECT_EQ(x4.at("说明"),
            "需了解：有能力的法定赡养抚养扶养人（第2行）；低保：家庭存款100000元；本方案未载明低保家庭的存款限额"
            "（属郑州市农村低保工作规范（郑民文[2010]121号）的家庭财产规定），是否符合由乡镇（街道）经济状况核对认定");
}

// Cells as 户口簿 and 残疾人证 write them; a word that is not a choice names the choices in Chinese.
TEST(Roster, EverydayWordsAreReadAndAWrongOneListsTheChoicesInChinese) {
  auto out = run_csv("户编号,户籍,与户主关系,年龄,残疾等级,劳动能力,月工资,低保户,特困人员\n"
                     "A1,非农业,户主,４５,二级,部分丧失劳动能力,０,否,否\n"
                     "A1,非农业,长子,12,,,0,否,否\n"
                     "B2,农业户,户主,40,,完全,0,否,否\n", "quangang-2020");
  const json v = view(out);
  EXPECT_TRUE(row(v, "A1")["errors"].empty()) << row(v, "A1")["errors"];
  const json& b = row(v, "B2");
  ASSERT_EQ(b["errors"].size(), 1u);
  EXPECT_EQ(b["errors"][0]["column"], "户籍");
  EXPECT_EQ(b["errors"][0]["message"], "“农业户”不是可选值，应填：城镇、农村");
}

TEST(Roster, AQuoteInsideACellIsText) {
  // 王"五: as Excel and WPS read it. Before, the quote opened a quoted cell that
  // swallowed every later row, and those households were silently missing.
  auto out = run(
      "Q1,quangang-2020,农村,王\"五,户主,45,完全,100,,否,否,0,60\n"
      "Q2,quangang-2020,农村,\"孙\"\"八\",户主,30,完全,100,,否,否,0,60\n"
      "Q3,quangang-2020,农村,赵六,户主,30,完全,100,,否,否,0,60\n");
  EXPECT_EQ(out.households, 3);
  EXPECT_EQ(out.errors, 0);
  EXPECT_EQ(exported(out, "Q3")["城乡最低生活保障"], "符合");
}

TEST(Roster, AnUnclosedQuoteIsThatRowsErrorAndTheRestAreScreened) {
  auto out = run(
      "U1,quangang-2020,农村,\"李四,户主,45,完全,100,,否,否,0,60\n"
      "U2,quangang-2020,农村,赵六,户主,30,完全,100,,否,否,0,60\n"
      "U3,quangang-2020,农村,钱七,户主,30,完全,100,,否,否,0,60\n");
  const json v = view(out);
  EXPECT_EQ(out.households, 3);
  const json& u1 = row(v, "U1");
  ASSERT_GE(u1["errors"].size(), 1u);
  EXPECT_EQ(u1["errors"][0]["row"], 2);
  EXPECT_EQ(u1["errors"][0]["column"], "姓名");
  EXPECT_NE(u1["errors"][0]["message"].get<std::string>().find("引号（\"）没有配对"), std::string::npos);
  EXPECT_EQ(exported(out, "U1")["城乡最低生活保障"], "");  // not screened: its cells may be misread
  EXPECT_EQ(exported(out, "U3")["城乡最低生活保障"], "符合");
}

TEST(Roster, ExportWritesFormulaLikeCellsAsText) {
  const std::string h = "户编号,地区,户籍,年龄,月工资\n";
  auto out = run_csv(h + "=1+1,quangang-2020,农村,45,100\n"
                     "@SUM(A1),quangang-2020,农村,45,100\n"
                     "-12,quangang-2020,农村,45,100\n",
                     "");
  EXPECT_NE(out.csv.find("\r\n\"'=1+1\",福建省泉州市泉港区,"), std::string::npos);
  EXPECT_NE(out.csv.find("\r\n\"'@SUM(A1)\",福建省泉州市泉港区,"), std::string::npos);
  EXPECT_NE(out.csv.find("\r\n-12,福建省泉州市泉港区,"), std::string::npos);  // a number stays a number
}

TEST(Roster, MoreThan20RowsUnderOneKeyIsAnErrorOfTheKeyColumn) {
  std::string rows = "户编号,地区,户籍,年龄\n";
  for (int i = 0; i < 21; ++i) rows += "K,quangang-2020,农村,40\n";
  const json v = view(run_csv(rows, ""));
  ASSERT_EQ(row(v, "K")["errors"].size(), 1u);
  EXPECT_EQ(row(v, "K")["errors"][0]["column"], "户编号");  // not the JSON field "members"
  EXPECT_EQ(row(v, "K")["errors"][0]["message"], "家庭成员应为1到20人，实际21人");
}

// Two villages' rosters joined, each numbering from 1: a key met again after
// other households is not merged silently, and its household is not screened.
TEST(Roster, AKeyMetAgainAfterOtherHouseholdsIsAnErrorNotAMerge) {
  auto out = run(
      "1,quangang-2020,农村,张三,户主,45,完全,1000,,否,否,0,60\n"
      "1,quangang-2020,农村,李四,配偶,44,完全,,,否,否,0,60\n"
      "2,quangang-2020,农村,王五,户主,70,无,,,否,否,0,60\n"
      "1,quangang-2020,农村,赵六,户主,50,完全,3000,,否,否,0,60\n"
      "1,quangang-2020,农村,钱七,配偶,50,完全,3000,,否,否,0,60\n"
      "3,quangang-2020,农村,孙八,户主,60,完全,,,否,否,0,60\n");
  ASSERT_EQ(out.households, 3);
  const json v = view(out);
  const json& one = row(v, "1");
  ASSERT_EQ(one["errors"].size(), 1u);  // said once, though two rows are out of place
  EXPECT_EQ(one["errors"][0]["row"], 5);
  EXPECT_EQ(one["errors"][0]["column"], "户编号");
  EXPECT_EQ(one["errors"][0]["message"],
            "户编号“1”在第3行之后隔着其他户又出现在第5行，未测算：同一户的成员请排在相邻的行；不是同一户的，请改用不同的户编号");
  EXPECT_TRUE(one["programs"].empty());  // not screened
  EXPECT_EQ(exported(out, "1")["人数"], "4");
  EXPECT_EQ(exported(out, "2")["城乡最低生活保障"], "符合");  // the others are screened as usual
  EXPECT_EQ(exported(out, "3")["错误"], "");
}

TEST(Roster, ARegionMayBeWrittenAsItsPlace) {
  const std::string h = "户编号,地区,户籍,年龄\n";
  auto out = run_csv(h + "A,泉港区,农村,40\nB,新密,农村,40\nC,福建省,农村,40\n", "");
  const json v = view(out);
  EXPECT_EQ(exported(out, "A")["地区"], "福建省泉州市泉港区");  // the document's place, as staff know it
  EXPECT_EQ(exported(out, "B")["地区"], "河南省郑州市新密市");
  // 福建省 has two documents: an error that lists what may be written
  const std::string m = row(v, "C")["errors"][0]["message"];
  EXPECT_EQ(m.rfind("未知地区“福建省”，请填地区编号或地名：", 0), 0u) << m;
  EXPECT_NE(m.find("quangang-2020（福建省泉州市泉港区）"), std::string::npos) << m;
}

TEST(Roster, ACellThatIsNotAValueIsOneErrorNotAlsoAMissingOne) {
  const json v = view(run_csv("户编号,地区,户籍,年龄\nA,泉港区,农村,六十\n", ""));
  ASSERT_EQ(row(v, "A")["errors"].size(), 1u) << row(v, "A").dump();
  EXPECT_EQ(row(v, "A")["errors"][0]["message"], "“六十”应填数字");
}

TEST(Roster, ARepeatedColumnIsAFileErrorAndTheFirstIsRead) {
  auto out = run_csv("户编号,地区,户籍,年龄,年龄\nD1,quangang-2020,农村,45,\n", "");
  const json v = view(out);
  ASSERT_EQ(v["errors"].size(), 1u);
  EXPECT_EQ(v["errors"][0]["column"], "年龄");
  EXPECT_NE(v["errors"][0]["message"].get<std::string>().find("列重复"), std::string::npos);
  EXPECT_TRUE(row(v, "D1")["errors"].is_null() || row(v, "D1")["errors"].empty());  // 45 is read: no 缺少年龄
}

TEST(Roster, TemplateListsEveryColumnOnce) {
  const std::string t = doudi::roster_template();
  ASSERT_EQ(t.rfind("\xEF\xBB\xBF户编号,地区,户籍", 0), 0u);
  EXPECT_NE(t.find("今年临时救助次数"), std::string::npos);
}

// 需走访核实 says what to find out, by column and row, so that a visit can be planned
// from the list; a household whose answer waits on the office's judgement says that.
TEST(Roster, AHouseholdToVisitSaysWhatToFindOut) {
  auto out = run_csv(std::string(kStatusHeader) +
                     "V1,泉港区,农村,户主,70,无,0,0,否,否,,0,0,0\n"
                     "V1,泉港区,农村,配偶,68,,0,,,,,,,\n"
                     "D1,泉港区,农村,户主,50,完全,0,8000,否,否,是,0,0,0\n", "");
  const json v = view(out);
  EXPECT_EQ(row(v, "V1")["why"], "需了解：有能力的法定赡养抚养扶养人（第2、3行）");
  EXPECT_EQ(exported(out, "V1").at("说明"), "需了解：有能力的法定赡养抚养扶养人（第2、3行）");
  EXPECT_EQ(row(v, "D1")["why"].get<std::string>().rfind("低保：家庭存款8000元；本文件未载明低保家庭的存款限额", 0), 0u) << row(v, "D1")["why"];
  EXPECT_EQ(exported(out, "D1").at("应保未保"), "");
}

// Keys of digits keep their zeros in Excel; a workbook chosen instead of its CSV is said so.
TEST(Roster, DigitKeysStayTextAndAWorkbookIsNamed) {
  auto out = run_csv("户编号,与户主关系,年龄\n000123,户主,40\n350505195001011234,户主,40\n123,户主,40\n",
                     "quangang-2020");
  EXPECT_NE(out.csv.find("\r\n\"=\"\"000123\"\"\",福建省泉州市泉港区,1,"), std::string::npos);
  EXPECT_NE(out.csv.find("\r\n\"=\"\"350505195001011234\"\"\","), std::string::npos);
  EXPECT_NE(out.csv.find("\r\n123,福建省泉州市泉港区,1,"), std::string::npos);  // as Excel shows it anyway
  const json v = view(out);
  EXPECT_TRUE(row(v, "000123").is_object());  // the view keeps the key as it is
  const char xlsx[] = "PK\x03\x04\x14\0\x06\0[Content_Types].xml";  // a zip's first bytes, NULs included
  const auto book = run_csv(std::string(xlsx, sizeof xlsx - 1), "");
  const json b = view(book);
  EXPECT_EQ(book.households, 0);
  ASSERT_EQ(b["errors"].size(), 1u);
  EXPECT_EQ(b["errors"][0]["message"].get<std::string>().rfind("这是 Excel 工作簿（.xlsx），不是 CSV 文件", 0), 0u);
  EXPECT_TRUE(b["ignored_columns"].empty());
}

// A county roster's habits: one 月收入 column, blank 残疾等级 and 重病 for members without
// them, blank costs for none; the lists say what each household receives now.
TEST(Roster, BlankFlagsAndCostsAreNoneAndOneIncomeColumnIsRead) {
  auto out = run_csv("户编号,户籍,与户主关系,年龄,劳动能力,残疾等级,重病,月收入,存款,年医疗支出,低保户,特困人员,有能力的法定赡养抚养扶养人\n"
                     "A1,农村,户主,57,完全,,,2500,5000,,是,否,是\n", "zhongwei-2019");
  const json v = view(out);
  const json& a = row(v, "A1");
  EXPECT_TRUE(v["ignored_columns"].empty()) << v["ignored_columns"];
  EXPECT_EQ(a["per_capita_monthly"], 2500);
  EXPECT_EQ(a["receives"], "低保");
  EXPECT_EQ(exported(out, "A1").at("现享受"), "低保");
  EXPECT_EQ(a["why"].get<std::string>().find("残疾等级"), std::string::npos) << a["why"];
  EXPECT_EQ(a["why"].get<std::string>().find("年医疗支出"), std::string::npos) << a["why"];
  // Without any income column, what is missing is said in the template's words, not the contract's.
  const json w = view(run_csv("户编号,户籍,与户主关系,年龄,劳动能力,存款,低保户,特困人员\nB1,农村,户主,50,完全,0,否,否\n", "quangang-2020"));
  EXPECT_NE(row(w, "B1")["why"].get<std::string>().find("月收入（月工资等各列）（第2行）"), std::string::npos) << row(w, "B1")["why"];
  EXPECT_EQ(row(w, "B1")["why"].get<std::string>().find("income_monthly"), std::string::npos);
}

}  // namespace
