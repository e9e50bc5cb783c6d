// The core's JSON reader (json_value.h): what RFC 8259 allows and refuses,
// numbers as JSON readers take them, and the messages a resident or a policy
// author sees. tests/fuzz compares it with nlohmann/json on random input.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "json_tree.h"
#include "json_value.h"
#include "strict_json.h"

namespace {

using doudi::Json;
using doudi::parse_json;

Json read(const std::string& text) {
  const auto p = parse_json(text, 32);
  EXPECT_TRUE(p.ok) << text;
  return p.value;
}

TEST(JsonValue, ReadsEveryKindOfValueInOrder) {
  const Json j = read(R"( {"b": [1, -2, 3.5, true, false, null], "a": {"x": "y"}, "c": ""} )");
  ASSERT_TRUE(j.is_object());
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(j.begin().key(), "b");  // as written, not sorted
  const Json& b = j["b"];
  EXPECT_TRUE(b[0].is_number_unsigned());
  EXPECT_EQ(b[0].get<int>(), 1);
  EXPECT_TRUE(b[1].is_number_integer());
  EXPECT_FALSE(b[1].is_number_unsigned());
  EXPECT_EQ(b[1].get<long long>(), -2);
  EXPECT_FALSE(b[2].is_number_integer());
  EXPECT_EQ(b[2].get<double>(), 3.5);
  EXPECT_TRUE(b[3] == true);
  EXPECT_TRUE(b[4].is_boolean());
  EXPECT_FALSE(b[4].get<bool>());
  EXPECT_TRUE(b[5].is_null());
  EXPECT_TRUE(j["a"]["x"] == "y");
  EXPECT_TRUE(j["c"].is_string());
  EXPECT_TRUE(j["missing"].is_null());  // absent reads as null, never a fault
  EXPECT_TRUE(b[99].is_null());
  EXPECT_EQ(j.dump(), R"({"b":[1,-2,3.5,true,false,null],"a":{"x":"y"},"c":""})");
}

TEST(JsonValue, NumbersKeepTheirTextAndIntegersStayExact) {
  EXPECT_EQ(read("[0.80, 1e2, -0, 60]").dump(), "[0.80,1e2,-0,60]");
  EXPECT_TRUE(read("60")[0].is_null());  // a scalar has no items
  EXPECT_TRUE(read("60").is_number_integer());
  EXPECT_FALSE(read("60.0").is_number_integer());
  EXPECT_EQ(read("18446744073709551615").get<unsigned long long>(), 18446744073709551615ULL);
  EXPECT_EQ(read("-9223372036854775808").get<long long>(), INT64_MIN);
  EXPECT_FALSE(read("18446744073709551616").is_number_integer());  // past 64 bits: a decimal
  EXPECT_EQ(read("-0").get<double>(), 0.0);
  EXPECT_FALSE(std::signbit(read("-0").get<double>()));  // the integer 0, as JSON readers take it
  EXPECT_TRUE(std::signbit(read("-0.0").get<double>()));
}

// The fast path is exact: every decimal of up to 15 significant digits within
// 10^±22 gives strtod's double (correct rounding), bit for bit.
TEST(JsonValue, DecimalsAreCorrectlyRoundedOnTheFastPath) {
  std::mt19937_64 rng(20261203);
  for (int k = 0; k < 200000; ++k) {
    const unsigned long long digits = rng() % 1000000000000000ULL;  // up to 15 digits
    const int exp = static_cast<int>(rng() % 45) - 22;
    const std::string text = std::to_string(digits) + "e" + std::to_string(exp);
    double mine = 0;
    ASSERT_TRUE(doudi::decimal_number(text, &mine)) << text;
    ASSERT_EQ(mine, std::strtod(text.c_str(), nullptr)) << text;
  }
  for (const char* money : {"0.01", "1234.56", "99999999.99", "0.1", "267.5", "3.14159", "100000000"}) {
    double mine = 0;
    ASSERT_TRUE(doudi::decimal_number(money, &mine));
    EXPECT_EQ(mine, std::strtod(money, nullptr)) << money;
  }
}

TEST(JsonValue, LongDecimalsAreWithinAFewUnitsInTheLastPlace) {
  for (const char* text : {"0.1000000000000000055511151231257827", "123456789012345678901234567890", "1.7976931348623157e308",
                           "2.2250738585072014e-308", "4.9e-324", "123.456e-200"}) {
    double mine = 0;
    ASSERT_TRUE(doudi::decimal_number(text, &mine)) << text;
    const double want = std::strtod(text, nullptr);
    EXPECT_NEAR(mine, want, std::fabs(want) * 1e-15 + 1e-320) << text;
  }
  double d = 0;
  EXPECT_TRUE(doudi::decimal_number("1e400", &d));
  EXPECT_TRUE(std::isinf(d));
  for (const char* bad : {"", "-", "e5", "1e", "1e+", "0x1A", "inf", " 5", "5 ", "1.2.3", "--1"})
    EXPECT_FALSE(doudi::decimal_number(bad, &d)) << bad;
  for (const char* lenient : {"+5", ".5", "5.", "007"})  // the roster's cells
    EXPECT_TRUE(doudi::decimal_number(lenient, &d)) << lenient;
}

TEST(JsonValue, StringsDecodeEscapesAndKeepUtf8) {
  EXPECT_TRUE(read(R"("\u6210\u8bed")") == "成语");
  EXPECT_TRUE(read(R"("\ud83d\ude00")") == "\xF0\x9F\x98\x80");  // a surrogate pair
  EXPECT_TRUE(read(R"("a\"b\\c\/d\b\f\n\r\t")") == "a\"b\\c/d\b\f\n\r\t");
  EXPECT_TRUE(read("\"\xE6\x88\x90\"") == "成");
  EXPECT_TRUE(read(R"("\u0000")") == std::string_view("\0", 1));
  EXPECT_EQ(read(R"(["a\"b\n\u0001"])").dump(), R"(["a\"b\n\u0001"])");
}

TEST(JsonValue, RefusesWhatJsonDoesNotAllow) {
  for (const std::string& text : std::vector<std::string>{
           "", " ", "{", "[1,]", "{\"a\":1,}", "{a:1}", "'a'", "01", "1.", ".5", "+1", "-", "1e", "NaN", "Infinity",
           "tru", "nul", "[1 2]", "{\"a\" 1}", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"",
           "\"a\nb\"", "\"unterminated", "1 2", "1e400", "[-1e400]",
           "\"\xC0\xAF\"",          // overlong '/'
           "\"\xED\xA0\x80\"",      // an encoded surrogate
           "\"\xF4\x90\x80\x80\"",  // past U+10FFFF
           "\"\xE6\x88\"",          // cut short
           "\"\x80\"", "\xEF\xBB\xBF{}",  // a stray continuation byte; a byte-order mark
           std::string("1\0", 2), std::string("\"a\0\"", 4)}) {
    EXPECT_FALSE(parse_json(text, 32).ok) << text;
  }
}

TEST(JsonValue, NamesWhereTheTextGoesWrong) {
  const auto p = parse_json(R"({"age": tru})", 32);
  ASSERT_FALSE(p.ok);
  EXPECT_EQ(p.error.position, 12u);  // the '}' where "true" was expected
  EXPECT_EQ(p.error.near, "tru}");
  const doudi::ParsedJson s = doudi::parse_strict("{\"schema\": 1,, }");
  ASSERT_EQ(s.problems.size(), 1u);
  EXPECT_EQ(s.problems[0].message, "输入不是有效的 JSON（第 14 个字节附近有误，读到“,”）");
  EXPECT_EQ(s.problems[0].message_en, "input is not valid JSON (error near byte 14, at ',')");
}

TEST(JsonValue, RepeatedKeysAreNamedByPath) {
  const auto p = parse_json(R"({"members": [{"age": 1}, {"age": 2, "age": 3}], "hukou": "x", "hukou": "y"})", 32);
  ASSERT_TRUE(p.ok);
  ASSERT_EQ(p.duplicates.size(), 2u);
  EXPECT_EQ(p.duplicates[0].path, "members[1].age");
  EXPECT_EQ(p.duplicates[1].path, "hukou");
  // A wide object (searched through a set past 16 members) finds them too.
  std::string wide = "{";
  for (int i = 0; i < 40; ++i) wide += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  wide += "\"k7\":0}";
  const auto w = parse_json(wide, 32);
  ASSERT_EQ(w.duplicates.size(), 1u);
  EXPECT_EQ(w.duplicates[0].path, "k7");
  const doudi::ParsedJson s = doudi::parse_strict(R"({"a": 1, "a": 2})");
  ASSERT_EQ(s.problems.size(), 1u);
  EXPECT_EQ(s.problems[0].path, "a");
  EXPECT_EQ(s.problems[0].message, "字段重复出现");
}

// What fuzz_household found while the reader was written: the one-pass reader
// and the strict one must give the same bits ("-0" is the integer 0; a 20-digit
// integer is rounded once, not through a 19-digit decimal), and a huge exponent
// must not index past the powers of ten.
TEST(JsonValue, BothReadersGiveTheSameBitsForFuzzFindings) {
  const std::string text = "[18446744002143431374, -0, 1e+300, 123456789012345678901, 0.000001]";
  doudi::JsonTree fast;
  ASSERT_TRUE(fast.parse(text));
  doudi::ParsedJson strict = doudi::parse_strict(text);
  ASSERT_TRUE(strict.problems.empty());
  doudi::JsonTree copy;
  copy.from(strict.value);
  EXPECT_TRUE(doudi::same_tree(fast.nodes(), copy.nodes()));
  EXPECT_EQ(fast.root().child(0)->number, static_cast<double>(18446744002143431374ULL));
  EXPECT_FALSE(parse_json("[1e+700]", 32).ok);
}

TEST(JsonValue, StopsAtTheDepthItIsGiven) {
  EXPECT_TRUE(parse_json("[[[1]]]", 3).ok);
  EXPECT_FALSE(parse_json("[[[[1]]]]", 3).ok);
}

}  // namespace
