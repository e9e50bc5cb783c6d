// Helpers shared by the core suites. The core is built with JSON_NOEXCEPTION, so
// a throwing nlohmann call aborts: tests parse with the non-throwing API and read
// through the checked helpers below.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "doudi/screen.h"

namespace doudi_test {

using nlohmann::json;

inline json parse(const std::string& text) { return json::parse(text, nullptr, /*allow_exceptions=*/false); }

// A string member of an object, or "" when absent or not a string.
inline std::string str(const json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The smallest household that passes validation.
inline json minimal_household() {
  return parse(R"({"schema": 1, "region": "quangang-2020", "hukou": "rural", "members": [{"age": 45}]})");
}

struct Screened {
  json result;         // the parsed result (discarded if the output was not JSON)
  bool ok = false;     // ScreenOutput::ok
  std::string raw;     // the output as written
};

inline Screened screen_text(const std::string& text) {
  doudi::ScreenOutput out = doudi::screen(doudi::embedded_policies(), text);
  return {parse(out.json), out.ok, out.json};
}

inline Screened screen_json(const json& household) { return screen_text(household.dump()); }

// The result's `errors` entries whose field is exactly `field`.
inline std::vector<json> errors_at(const json& result, const std::string& field) {
  std::vector<json> out;
  if (!result.is_object() || !result.contains("errors") || !result["errors"].is_array()) return out;
  for (const auto& e : result["errors"])
    if (str(e, "field") == field) out.push_back(e);
  return out;
}

inline std::string fields_of(const json& result) {
  std::string s;
  if (result.is_object() && result.contains("errors") && result["errors"].is_array())
    for (const auto& e : result["errors"]) s += "[" + str(e, "field") + "] " + str(e, "message_en") + "; ";
  return s;
}

}  // namespace doudi_test
