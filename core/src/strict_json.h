// Strict, non-throwing JSON parsing shared by the household and policy readers:
// bounded size and depth, duplicate keys reported by path, and a readable
// position for text that is not JSON at all.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "json_value.h"

namespace doudi {

// Objects keep their order (policy files read as written): json_value.h.
using json = Json;

struct JsonProblem {
  std::string path;        // "" for the whole document, else "members[0].age"
  std::string message;     // Chinese
  std::string message_en;  // English
};

struct ParsedJson {
  json value;                         // discarded when `problems` is non-empty
  std::vector<JsonProblem> problems;  // not JSON, too large, too deep, duplicate keys
};

struct JsonLimits {
  size_t max_bytes = 1 << 20;
  int max_depth = 32;
  size_t max_members = 1000;  // of one object
};

ParsedJson parse_strict(std::string_view text, JsonLimits limits = {});


// "members" + 0 -> "members[0]"; "" + "age" -> "age"; "members[0]" + "age" -> "members[0].age"
std::string path_index(const std::string& base, size_t i);
std::string path_key(const std::string& base, std::string_view key);

// At most `max` bytes of `s` for quoting it in a message, never cut inside a
// UTF-8 character (a cut one would make the message invalid text).
std::string_view utf8_prefix(std::string_view s, size_t max);

// A JSON type name in Chinese and English for error messages.
const char* type_zh(const json& j);
const char* type_en(const json& j);

}  // namespace doudi
