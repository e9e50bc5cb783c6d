// The household's fast JSON parser (json_tree.h): what it takes, what it
// declines to the strict parser, and that both give the same tree.
#include <gtest/gtest.h>

#include <string>

#include "json_tree.h"
#include "household.h"
#include "json_writer.h"

namespace {

using doudi::JsonNode;
using doudi::JsonTree;
using doudi::JsonType;

// The tree the strict parser (nlohmann) gives for the same text.
JsonTree strict_tree(const std::string& text, doudi::ParsedJson* keep) {
  *keep = doudi::parse_strict(text);
  EXPECT_TRUE(keep->problems.empty()) << text;
  JsonTree t;
  t.from(keep->value);
  return t;
}

TEST(JsonTree, ReadsPlainJsonAsTheLibraryDoes) {
  const std::string text =
      R"( {"a": [1, -2, 0, 3.25, 1e2, -0.5E-1, 123456789012345678], "b": {"c": true, "d": false, "e": null},)"
      R"( "f": "quangang-2020", "g": [], "h": {}} )";
  JsonTree fast;
  ASSERT_TRUE(fast.parse(text));
  doudi::ParsedJson keep;
  const JsonTree strict = strict_tree(text, &keep);
  EXPECT_TRUE(doudi::same_tree(fast.nodes(), strict.nodes()));

  const JsonNode& root = fast.root();
  ASSERT_TRUE(root.is_object());
  EXPECT_EQ(root.size(), 5u);
  const JsonNode* a = root.first();
  EXPECT_EQ(a->key, "a");
  ASSERT_EQ(a->size(), 7u);
  EXPECT_EQ(a->child(3)->number, 3.25);
  EXPECT_EQ(a->child(4)->number, 100.0);
  EXPECT_EQ(a->child(5)->number, -0.05);
  EXPECT_EQ(a->child(6)->number, 123456789012345678.0);
  const JsonNode* b = a->next();
  EXPECT_EQ(b->key, "b");
  EXPECT_TRUE(b->child(0)->boolean);
  EXPECT_TRUE(b->child(2)->is_null());
  EXPECT_EQ(b->next()->text, "quangang-2020");
  EXPECT_TRUE(root.child(3)->empty());
  EXPECT_TRUE(root.child(4)->is_object());
}

// Declined input goes to the strict parser, which accepts or explains it.
TEST(JsonTree, DeclinesWhatOnlyTheStrictParserHandles) {
  for (const char* text : {
           R"({"a": "\u6210"})",      // escapes
           "{\"a\": \"\xe6\x88\x90\"}",  // non-ASCII text
           R"({"a": 1, "a": 2})",     // a repeated key: an error named by path
           R"({"a": 01})",            // not JSON's number grammar
           R"({"a": 1.})",
           R"({"a": -})",
           R"({"a": 1e400})",         // overflow
           R"({"a": tru})",
           R"({"a": 1,})",
           R"([1 2])",
           R"({"a": 1} x)",
           "\xEF\xBB\xBF{}",          // a byte-order mark
           "",
       }) {
    JsonTree t;
    EXPECT_FALSE(t.parse(text)) << text;
  }
  std::string deep(33, '[');
  deep += std::string(33, ']');
  JsonTree t;
  EXPECT_FALSE(t.parse(deep));
  EXPECT_TRUE(t.parse(std::string(32, '[') + std::string(32, ']')));
  EXPECT_FALSE(t.parse(std::string(200, ' ') + "1", {100, 32})) << "over the size limit";
}

// Both paths of parse_household give the same household and the same errors.
TEST(JsonTree, HouseholdReadTheSameThroughEitherParser) {
  const std::string plain =
      R"({"schema":1,"region":"hebi-2017","hukou":"urban","members":[{"age":70,"labor":"none","income_monthly":{"pension_basic":150.5}},)"
      R"({"age":"x"}],"assets":{"deposits":2000.25}})";
  std::string escaped = plain;
  escaped.replace(escaped.find("hebi"), 4, "\\u0068ebi");  // the same text, spelt with an escape
  JsonTree t;
  ASSERT_TRUE(t.parse(plain));
  ASSERT_FALSE(t.parse(escaped));
  const auto a = doudi::parse_household(plain), b = doudi::parse_household(escaped);
  EXPECT_EQ(a.household.region, "hebi-2017");
  EXPECT_EQ(b.household.region, "hebi-2017");
  ASSERT_EQ(a.household.members.size(), 2u);
  ASSERT_EQ(b.household.members.size(), 2u);
  EXPECT_EQ((*a.household.members[0].income_monthly)[3], 15050);
  EXPECT_EQ((*b.household.members[0].income_monthly)[3], 15050);
  EXPECT_EQ(*a.household.assets.deposits, 200025);
  ASSERT_EQ(a.errors.size(), 1u);
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_EQ(a.errors[0].field, "members[1].age");
  EXPECT_EQ(a.errors[0].message, b.errors[0].message);
  EXPECT_EQ(a.errors[0].message_en, "must be a whole number, got string");
}

}  // namespace

namespace {

// The writer skips eight plain bytes at a time: every byte that needs escaping
// must still be found, wherever it falls in a word, beside UTF-8 and high bytes.
std::string escaped_by_byte(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c == '\b') out += "\\b";
    else if (c == '\f') out += "\\f";
    else if (c < 0x20) {
      static const char hex[] = "0123456789abcdef";
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else out += static_cast<char>(c);
  }
  return out + "\"";
}

TEST(JsonWriterEscape, FindsEverySpecialByteAtEveryPosition) {
  const std::string fillers[] = {"abcdefghijklmnopqrstuvwxyz0123", "低保标准每月七百二十元", "\x7f\x80\xff\xfe!#[]~ "};
  for (const std::string& filler : fillers)
    for (char special : {'\x01', '\x1f', '\0', '"', '\\', '\n', '\t', '\b'})
      for (size_t len = 1; len <= filler.size(); ++len)
        for (size_t at = 0; at < len; ++at) {
          std::string s = filler.substr(0, len);
          s[at] = special;
          std::string out;
          doudi::JsonWriter::escape(s, &out);
          ASSERT_EQ(out, escaped_by_byte(s)) << "length " << len << " at " << at;
        }
  std::string out;
  doudi::JsonWriter::escape("", &out);
  EXPECT_EQ(out, "\"\"");
}

}  // namespace
