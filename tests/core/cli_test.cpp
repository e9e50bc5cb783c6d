// The `screen` command as CONTRACT.md describes it: exit codes, one result per
// household, JSON Lines in order, --regions, --check-policies.
#include <sys/wait.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace {

using doudi_test::errors_at;
using doudi_test::json;
using doudi_test::parse;
using doudi_test::str;

struct CliRun {
  int exit_code = -1;
  std::string out;
};

std::string temp_path(const std::string& name) {
  return ::testing::TempDir() + "doudi_cli_" + std::to_string(::getpid()) + "_" + name;
}

// Runs build/native/screen with `args`, feeding `input` on stdin; stderr is dropped.
CliRun screen(const std::string& args, const std::string& input = "") {
  const std::string in = temp_path("stdin");
  std::ofstream(in, std::ios::binary) << input;
  const std::string cmd = std::string("'") + DOUDI_SCREEN_BIN + "' " + args + " < '" + in + "' 2>/dev/null";
  CliRun r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = ::pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::remove(in.c_str());
  return r;
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string::npos) nl = s.size();
    out.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

const std::string kGood =
    R"({"schema":1,"region":"quangang-2020","hukou":"rural","members":[{"age":45,"income_monthly":{"wages":1000}},{"age":44,"income_monthly":{}}]})";
const std::string kBad = R"({"schema":1,"region":"quangang-2020","hukou":"rural","members":[{"age":131}]})";

TEST(Cli, AGoodHouseholdExitsZeroWithPrograms) {
  const CliRun r = screen("-", kGood);
  EXPECT_EQ(r.exit_code, 0);
  ASSERT_EQ(lines(r.out).size(), 1u) << r.out;
  const json result = parse(r.out);
  ASSERT_TRUE(result.is_object()) << r.out;
  EXPECT_EQ(result["errors"], json::array());
  ASSERT_TRUE(result.contains("programs"));
  EXPECT_EQ(result["region"], "quangang-2020");
  // The same bytes as the library (the WebAssembly module's entry).
  EXPECT_EQ(r.out, doudi::screen(doudi::embedded_policies(), kGood).json + "\n");
}

TEST(Cli, AHouseholdFromAFileIsReadToo) {
  const std::string file = temp_path("household.json");
  std::ofstream(file, std::ios::binary) << kGood;
  const CliRun r = screen("'" + file + "'");
  std::remove(file.c_str());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(parse(r.out).contains("programs")) << r.out;
}

// Notepad on Windows saves UTF-8 with a byte-order mark; the result is the same.
TEST(Cli, AHouseholdFileWithAByteOrderMarkIsReadAsWithout) {
  const std::string file = temp_path("household-bom.json");
  std::ofstream(file, std::ios::binary) << "\xEF\xBB\xBF" << kGood;
  const CliRun r = screen("'" + file + "'");
  std::remove(file.c_str());
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, doudi::screen(doudi::embedded_policies(), kGood).json + "\n");
}

TEST(Cli, AValidationErrorExitsTwoWithAResultAndNoPrograms) {
  const CliRun r = screen("", kBad);
  EXPECT_EQ(r.exit_code, 2);
  const json result = parse(r.out);
  ASSERT_TRUE(result.is_object()) << r.out;
  EXPECT_FALSE(result.contains("programs"));
  EXPECT_EQ(errors_at(result, "members[0].age").size(), 1u) << r.out;
}

TEST(Cli, InputThatIsNotJsonExitsTwoWithAnError) {
  const CliRun r = screen("-", "this is not json");
  EXPECT_EQ(r.exit_code, 2);
  const json result = parse(r.out);
  ASSERT_TRUE(result.is_object()) << r.out;
  EXPECT_FALSE(result.contains("programs"));
  ASSERT_EQ(errors_at(result, "").size(), 1u) << r.out;
  EXPECT_NE(str(errors_at(result, "")[0], "message_en").find("not valid JSON"), std::string::npos);
}

TEST(Cli, EmptyInputExitsTwo) {
  const CliRun r = screen("-", "");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(parse(r.out).value("errors", json::array()).empty()) << r.out;
}

TEST(Cli, BatchWritesOneResultALineInOrder) {
  const CliRun r = screen("--batch", kGood + "\n" + kBad + "\n{not json\n");
  EXPECT_EQ(r.exit_code, 0);
  const auto out = lines(r.out);
  ASSERT_EQ(out.size(), 3u) << r.out;
  const json first = parse(out[0]), second = parse(out[1]), third = parse(out[2]);
  ASSERT_TRUE(first.is_object() && second.is_object() && third.is_object()) << r.out;
  EXPECT_EQ(first["errors"], json::array());
  EXPECT_TRUE(first.contains("programs"));
  EXPECT_EQ(errors_at(second, "members[0].age").size(), 1u) << out[1];
  EXPECT_FALSE(second.contains("programs"));
  EXPECT_EQ(errors_at(third, "").size(), 1u) << out[2];
  EXPECT_FALSE(third.contains("programs"));
}

TEST(Cli, BatchAnswersABlankLineWithAnErrorSoResultsStayInLine) {
  const CliRun r = screen("--batch", kGood + "\n\n" + kGood + "\n");
  const auto out = lines(r.out);
  ASSERT_EQ(out.size(), 3u) << r.out;
  EXPECT_EQ(parse(out[0])["errors"], json::array());
  ASSERT_EQ(errors_at(parse(out[1]), "").size(), 1u) << out[1];
  EXPECT_EQ(errors_at(parse(out[1]), "")[0]["message_en"], "input is empty: no household");
  EXPECT_EQ(parse(out[2])["errors"], json::array());
}

TEST(Cli, BatchAcceptsCrLfLineEndings) {
  const CliRun r = screen("--batch -", kGood + "\r\n" + kGood + "\r\n");
  const auto out = lines(r.out);
  ASSERT_EQ(out.size(), 2u) << r.out;
  for (const auto& l : out) EXPECT_EQ(parse(l)["errors"], json::array()) << l;
}

TEST(Cli, RegionsPrintsTheListOfRegions) {
  const CliRun r = screen("--regions");
  EXPECT_EQ(r.exit_code, 0);
  const json list = parse(r.out);
  ASSERT_TRUE(list.is_array()) << r.out;
  std::vector<std::string> ids;
  for (const auto& region : list) {
    ids.push_back(str(region, "id"));
    for (const char* key : {"id", "name", "doc", "issued"})
      EXPECT_FALSE(str(region, key).empty()) << key << " in " << region.dump();
  }
  for (const char* id : {"hebi-2017", "mingxi-2019", "quangang-2020", "xinmi-2016", "zhongwei-2019"})
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
}

TEST(Cli, CheckPoliciesPassesOnTheCheckout) {
  const CliRun r = screen("--check-policies");
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

TEST(Cli, CheckPoliciesFailsOnABadPolicyFolder) {
  const std::string dir = temp_path("policies");
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/broken-2020.json") << R"({"schema": 1, "id": "broken-2020"})";
  const CliRun r = screen("--policies '" + dir + "' --check-policies");
  std::filesystem::remove_all(dir);
  EXPECT_EQ(r.exit_code, 1);
}

TEST(Cli, AnUnreadableFileExitsTwoWithAJsonError) {
  const CliRun r = screen("'" + temp_path("does-not-exist.json") + "'");
  EXPECT_EQ(r.exit_code, 2);
  const json result = parse(r.out);
  ASSERT_TRUE(result.is_object()) << r.out;
  EXPECT_FALSE(result.contains("programs"));
  ASSERT_FALSE(result.value("errors", json::array()).empty()) << r.out;
  EXPECT_FALSE(str(result["errors"][0], "message").empty());
  EXPECT_FALSE(str(result["errors"][0], "message_en").empty());
}

TEST(Cli, AnUnknownOptionExitsTwo) { EXPECT_EQ(screen("--frobnicate").exit_code, 2); }

}  // namespace
