// A read-only JSON tree for the household reader: nodes in one vector, in
// document order, strings as views into the text. It is the hot path of every
// screening, so it is built in one pass with a handful of allocations.
//
// Its parser takes only plain input (ASCII strings without escapes, numbers in
// JSON's grammar, no repeated keys, within the size and depth limits) and
// declines everything else. The caller then parses with parse_strict
// (json_value.h), which either names the problem or yields a document that
// JsonTree::from copies: so every error message has one source, and the fast
// parser can only ever be stricter than the library, never more lenient.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "strict_json.h"

namespace doudi {

enum class JsonType : std::uint8_t { null, boolean, number, string, array, object };

struct JsonNode {
  JsonType type = JsonType::null;
  bool boolean = false;
  std::uint32_t children = 0;  // of an array or object
  std::uint32_t span = 1;   // nodes in this subtree, itself included
  double number = 0;
  std::string_view text;    // a string's value
  std::string_view key;     // the key of an object's member

  bool is_null() const { return type == JsonType::null; }
  bool is_boolean() const { return type == JsonType::boolean; }
  bool is_number() const { return type == JsonType::number; }
  bool is_string() const { return type == JsonType::string; }
  bool is_array() const { return type == JsonType::array; }
  bool is_object() const { return type == JsonType::object; }
  bool empty() const { return children == 0; }
  size_t size() const { return children; }

  // Children in order: for (const JsonNode* c = first(); c != end(); c = c->next())
  const JsonNode* first() const { return this + 1; }
  const JsonNode* end() const { return this + span; }
  const JsonNode* next() const { return this + span; }
  const JsonNode* child(size_t i) const;  // the i-th child (linear)
};

// Same types, values, keys and shape (a differential check of the two parsers).
bool same_tree(const std::vector<JsonNode>& a, const std::vector<JsonNode>& b);

class JsonTree {
 public:
  // Parses plain JSON (see above); false leaves the tree empty.
  bool parse(std::string_view text, const JsonLimits& limits = {});
  // Copies a document parse_strict accepted; its strings must outlive the tree.
  void from(const json& doc);

  // Builds a tree in document order (the roster makes households of CSV cells):
  // open() a container, add() its members, close() it with the index open gave.
  // Keys and texts are views that must outlive the tree.
  void clear() { nodes_.clear(); }
  size_t open(JsonType container, std::string_view key);
  void add(const JsonNode& leaf, std::string_view key);
  void close(size_t at);

  const JsonNode& root() const { return nodes_.front(); }
  const std::vector<JsonNode>& nodes() const { return nodes_; }

 private:
  void copy(const json& j, std::string_view key);
  std::vector<JsonNode> nodes_;
};

// Keys (and choice words) are short: compared a word at a time here, as memcmp
// is a call (a byte loop) in the size-optimised WebAssembly build.
inline bool same_key(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  const char *x = a.data(), *y = b.data();
  size_t i = 0;
  for (; i + 8 <= a.size(); i += 8) {
    std::uint64_t u, v;
    std::memcpy(&u, x + i, 8);
    std::memcpy(&v, y + i, 8);
    if (u != v) return false;
  }
  for (; i < a.size(); ++i)
    if (x[i] != y[i]) return false;
  return true;
}

const char* type_zh(const JsonNode& j);
const char* type_en(const JsonNode& j);

}  // namespace doudi
