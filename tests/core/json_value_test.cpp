// The core's JSON reader (json_value.h): what RFC 8259 allows and refuses,
// numbers as JSON readers take them, and the messages a resident or a policy
// author sees. tests/fuzz compares it with nlohmann/json on random input.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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

// Every decimal gives strtod's double, bit for bit: correctly rounded, ties to
// even, subnormals and overflow included (decimal.cpp). The shapes that the
// first version got wrong are here: exponents past ±22 once the fraction's
// digits are counted, trailing zeros, the edges of double's range.
double strtod_of(const std::string& text) { return std::strtod(text.c_str(), nullptr); }

void expect_as_strtod(const std::string& text) {
  double mine = 0;
  ASSERT_TRUE(doudi::decimal_number(text, &mine)) << text;
  const double want = strtod_of(text);
  ASSERT_EQ(std::memcmp(&mine, &want, sizeof mine), 0) << text << ": " << mine << " against " << want;
}

std::string digits(std::mt19937_64& rng, int n) {
  std::string d(1, static_cast<char>('1' + rng() % 9));
  while (static_cast<int>(d.size()) < n) d += static_cast<char>('0' + rng() % 10);
  return d;
}

TEST(JsonValue, DecimalsAreCorrectlyRounded) {
  std::mt19937_64 rng(20261203);
  const auto pick = [&](int lo, int hi) { return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1)); };
  for (int k = 0; k < 20000; ++k) {
    expect_as_strtod(digits(rng, pick(1, 15)) + "e" + std::to_string(pick(-22, 22)));  // the fast path
    const std::string d = digits(rng, pick(1, 17));
    expect_as_strtod(d.substr(0, 1) + "." + d.substr(1) + "e" + std::to_string(pick(-30, 30)));
    expect_as_strtod(d + "." + std::string(static_cast<size_t>(pick(1, 12)), '0'));  // trailing zeros
  }
  for (int k = 0; k < 3000; ++k) {
    expect_as_strtod(digits(rng, pick(16, 25)) + "e" + std::to_string(pick(-340, 310)));
    expect_as_strtod("0." + digits(rng, pick(30, 120)) + "e" + std::to_string(pick(-300, 300)));
  }
  // Exact halfway points between neighbouring doubles (x86's long double holds
  // them exactly; glibc prints them exactly), and a hair either side.
  for (int k = 0; k < 1500; ++k) {
    std::uint64_t bits = rng() & 0x7FEFFFFFFFFFFFFFULL;
    double x;
    std::memcpy(&x, &bits, sizeof x);
    const long double half = (static_cast<long double>(x) + std::nextafter(x, HUGE_VAL)) / 2;
    char buf[1200];
    std::snprintf(buf, sizeof buf, "%.800Le", half);
    std::string exact = buf;
    const size_t e = exact.find('e');
    std::string mantissa = exact.substr(0, e), exponent = exact.substr(e);
    while (mantissa.back() == '0') mantissa.pop_back();
    expect_as_strtod(mantissa + exponent);
    expect_as_strtod(mantissa + "0000000000000000000001" + exponent);
  }
  for (const char* text : {"1.0e-22", "1.6e-22", "1.54605804615024e-15", "9223892.830000000000", "1234567890123450000e-5",
                           "1.7976931348623157e308", "1.7976931348623158e308", "1e308", "1.7976931348623159e308", "2e308",
                           "2.2250738585072014e-308", "2.2250738585072011e-308", "4.9406564584124654e-324",
                           "2.4703282292062328e-324", "2.4703282292062327e-324", "1e-400", "9007199254740993",
                           "9007199254740993.0", "123456789012345678901234567890", "0.1000000000000000055511151231257827",
                           "0.000000123456789012345", "7.038531e-26", "1e23", "8.41e21", "5e-324", "0e999", "-0.0"})
    expect_as_strtod(text);
  // An exponent past what any double holds, with digits that bring it back.
  expect_as_strtod("0." + std::string(150000, '0') + "1e150010");
  expect_as_strtod("1" + std::string(150000, '0') + "e-150000");
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
           "\"\x80\"", "\xEF\xBB{}",  // a stray continuation byte; a cut byte-order mark
           std::string("1\0", 2), std::string("\"a\0\"", 4)}) {
    EXPECT_FALSE(parse_json(text, 32).ok) << text;
  }
}

TEST(JsonValue, SkipsALeadingByteOrderMark) {
  EXPECT_TRUE(read("\xEF\xBB\xBF{\"a\": 1}")["a"].is_number());
  EXPECT_FALSE(parse_json("{}\xEF\xBB\xBF", 32).ok);  // only at the start
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
