// Money and dates at the core's edges: fen arithmetic rounds halves away from
// zero, yuan with a third decimal are refused, and only real ISO dates parse.
// And text for JavaScript: UTF-8 as UTF-16, and the writer that writes UTF-16.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>

#include "date.h"
#include "json_writer.h"
#include "money.h"

namespace {

using doudi::div_round;
using doudi::fen_from_yuan;
using doudi::parse_date;
using doudi::yuan_text;

TEST(Money, DivRoundHalvesAwayFromZero) {
  EXPECT_EQ(div_round(5, 2), 3);
  EXPECT_EQ(div_round(-5, 2), -3);
  EXPECT_EQ(div_round(3, 2), 2);
  EXPECT_EQ(div_round(-3, 2), -2);
  EXPECT_EQ(div_round(6, 12), 1);   // 0.5
  EXPECT_EQ(div_round(-6, 12), -1);
  EXPECT_EQ(div_round(7, 12), 1);   // 0.583
  EXPECT_EQ(div_round(5, 12), 0);   // 0.417
  EXPECT_EQ(div_round(-5, 12), 0);
  EXPECT_EQ(div_round(-7, 12), -1);
  EXPECT_EQ(div_round(1, 3), 0);
  EXPECT_EQ(div_round(2, 3), 1);
  EXPECT_EQ(div_round(-2, 3), -1);
  EXPECT_EQ(div_round(0, 7), 0);
  EXPECT_EQ(div_round(100, 1), 100);
}

TEST(Money, DivRoundOnRealFigures) {
  EXPECT_EQ(div_round(864000, 12), 72000);  // 8640元/年 -> 720元/月
  EXPECT_EQ(div_round(321000, 12), 26750);  // 3210元/年 -> 267.5元/月
  EXPECT_EQ(div_round(150000, 3), 50000);   // 1500元 for three -> 500元 a head
  EXPECT_EQ(div_round(100000, 3), 33333);   // 333.333...
  EXPECT_EQ(div_round(200000, 3), 66667);   // 666.666...
  EXPECT_EQ(div_round(-100000, 3), -33333);
  const doudi::Fen big = doudi::kMaxFen * 20;  // 20 members at the money ceiling
  EXPECT_EQ(div_round(big, 20), doudi::kMaxFen);
}

TEST(Money, FenFromYuanAcceptsAtMostTwoDecimals) {
  EXPECT_EQ(fen_from_yuan(0), 0);
  EXPECT_EQ(fen_from_yuan(0.01), 1);
  EXPECT_EQ(fen_from_yuan(0.1), 10);
  EXPECT_EQ(fen_from_yuan(267.5), 26750);
  EXPECT_EQ(fen_from_yuan(19.99), 1999);
  EXPECT_EQ(fen_from_yuan(0.1 + 0.2), 30);  // binary noise is not a third decimal
  EXPECT_EQ(fen_from_yuan(1.15), 115);
  EXPECT_EQ(fen_from_yuan(100000000), doudi::kMaxFen);
  EXPECT_EQ(fen_from_yuan(99999999.99), doudi::kMaxFen - 1);
  EXPECT_EQ(fen_from_yuan(-5.5), -550);
}

TEST(Money, FenFromYuanRejectsThreeDecimalsAndNonFinite) {
  EXPECT_FALSE(fen_from_yuan(0.001));
  EXPECT_FALSE(fen_from_yuan(0.005));
  EXPECT_FALSE(fen_from_yuan(1.005));
  EXPECT_FALSE(fen_from_yuan(12.345));
  EXPECT_FALSE(fen_from_yuan(1500.999));
  EXPECT_FALSE(fen_from_yuan(std::numeric_limits<double>::infinity()));
  EXPECT_FALSE(fen_from_yuan(-std::numeric_limits<double>::infinity()));
  EXPECT_FALSE(fen_from_yuan(std::nan("")));
  EXPECT_FALSE(fen_from_yuan(1e300));
}

TEST(Money, YuanTextDropsTrailingZeros) {
  EXPECT_EQ(yuan_text(66000), "660");
  EXPECT_EQ(yuan_text(26750), "267.5");
  EXPECT_EQ(yuan_text(1), "0.01");
  EXPECT_EQ(yuan_text(10), "0.1");
  EXPECT_EQ(yuan_text(0), "0");
  EXPECT_EQ(yuan_text(123456), "1234.56");
  EXPECT_EQ(yuan_text(-150), "-1.5");
  EXPECT_EQ(yuan_text(-1), "-0.01");
  EXPECT_EQ(yuan_text(doudi::kMaxFen), "100000000");
}

TEST(Money, YuanInJsonIsAWholeNumberWhenItCan) {
  doudi::JsonWriter w;
  w.begin_array().yuan(66000).yuan(26750).yuan(1).yuan(-150).end_array();
  EXPECT_EQ(w.take(), "[660,267.5,0.01,-1.5]");
}

// A character at a time, as the Unicode standard reads UTF-8: the reference for the fast one.
std::u16string utf16_reference(const std::string& s) {
  std::u16string out;
  for (size_t i = 0; i < s.size();) {
    const auto b = [&](size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(s[i + k])); };
    char32_t cp;
    size_t n;
    if (b(0) < 0x80) cp = b(0), n = 1;
    else if (b(0) < 0xE0) cp = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F), n = 2;
    else if (b(0) < 0xF0) cp = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F), n = 3;
    else cp = ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F), n = 4;
    if (cp >= 0x10000) {
      out += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
      out += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      out += static_cast<char16_t>(cp);
    }
    i += n;
  }
  return out;
}

TEST(Utf16, KnownTexts) {
  using doudi::utf16_from_utf8;
  EXPECT_EQ(utf16_from_utf8(""), u"");
  EXPECT_EQ(utf16_from_utf8("{\"schema\":1,\"region\":\"mingxi-2019\"}"), u"{\"schema\":1,\"region\":\"mingxi-2019\"}");
  EXPECT_EQ(utf16_from_utf8("2人合计9216元（每人每年不低于4608元）"), u"2人合计9216元（每人每年不低于4608元）");
  EXPECT_EQ(utf16_from_utf8("café ½ → 🏠 end"), u"café ½ → 🏠 end");  // two-, three- and four-byte characters
  EXPECT_EQ(utf16_from_utf8("吉𠮷"), u"吉𠮷");  // a name's character beyond the BMP: a surrogate pair
  // Not UTF-8 (the core writes none): replaced, never read past the end.
  EXPECT_EQ(utf16_from_utf8(std::string("a\xFF") + "b"), u"a\uFFFDb");
  EXPECT_EQ(utf16_from_utf8("\xE4\xB8"), u"\uFFFD\uFFFD");  // a three-byte character cut short
}

// Random mixes of the four lengths, in runs as a result has them (keys, numbers
// and punctuation between Chinese sentences), at every alignment.
TEST(Utf16, MatchesTheReferenceOnRandomText) {
  const char* pieces[] = {"a", "0", "\"", "{\"text\":\"", "é", "中", "，", "元", "🏠", "𠮷", "12345678", "低保标准为每人每月"};
  std::mt19937 rng(20261204);
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) s += pieces[rng() % (sizeof pieces / sizeof *pieces)];
    ASSERT_EQ(doudi::utf16_from_utf8(s), utf16_reference(s)) << s;
  }
}

TEST(Utf16, TheWriterWritesWhatItsUtf8TwinWrites) {
  doudi::JsonWriter w8;
  doudi::JsonWriter16 w16;
  const auto write = [](auto& w) {
    w.begin_object().key("text").text("低保标准为每人每月660元").key("n").number(-42).key("yuan").yuan(26750);
    w.key("quoted").string("他说\"可以\"\n\x01好").key("list").strings({"户口簿", "a\\b"});
    w.key("ok").boolean(true).key("none").null().end_object();
  };
  write(w8);
  write(w16);
  const std::string utf8 = w8.take();
  EXPECT_EQ(utf8, "{\"text\":\"低保标准为每人每月660元\",\"n\":-42,\"yuan\":267.5,"
                  "\"quoted\":\"他说\\\"可以\\\"\\n\\u0001好\",\"list\":[\"户口簿\",\"a\\\\b\"],\"ok\":true,\"none\":null}");
  EXPECT_EQ(w16.take(), doudi::utf16_from_utf8(utf8));
}

TEST(Dates, LeapDays) {
  ASSERT_TRUE(parse_date("2020-02-29"));
  EXPECT_EQ(parse_date("2020-02-29")->iso(), "2020-02-29");
  EXPECT_FALSE(parse_date("2019-02-29"));
  EXPECT_TRUE(parse_date("2000-02-29"));   // divisible by 400
  EXPECT_FALSE(parse_date("1900-02-29"));  // divisible by 100 only
  EXPECT_FALSE(parse_date("2020-02-30"));
}

TEST(Dates, OnlyRealDatesWrittenExactlyAsYYYYMMDD) {
  EXPECT_TRUE(parse_date("2020-12-31"));
  EXPECT_TRUE(parse_date("2020-01-01"));
  EXPECT_FALSE(parse_date("2020-04-31"));
  EXPECT_FALSE(parse_date("2020-13-01"));
  EXPECT_FALSE(parse_date("2020-00-10"));
  EXPECT_FALSE(parse_date("2020-01-00"));
  EXPECT_FALSE(parse_date("2020-6-1"));
  EXPECT_FALSE(parse_date("2020/06/01"));
  EXPECT_FALSE(parse_date("20200601"));
  EXPECT_FALSE(parse_date(" 2020-06-01"));
  EXPECT_FALSE(parse_date("2020-06-01T00:00"));
  EXPECT_FALSE(parse_date("2020-0a-01"));
  EXPECT_FALSE(parse_date("+020-06-01"));
  EXPECT_FALSE(parse_date(""));
}

TEST(Dates, OrderAndChineseText) {
  const auto a = *parse_date("2020-05-28"), b = *parse_date("2020-06-01");
  EXPECT_TRUE(a < b);
  EXPECT_FALSE(b < a);
  EXPECT_TRUE(a <= a);
  EXPECT_EQ(b.chinese(), "2020年6月1日");
  EXPECT_EQ(a.iso(), "2020-05-28");
}

}  // namespace
