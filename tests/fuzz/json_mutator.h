// A structure-aware mutator for JSON inputs: half the time libFuzzer's own byte
// mutations, otherwise the input is parsed and one node is changed the way a
// careless author or a hostile client would change it (another type, a key
// removed, a subtree copied elsewhere, a number at a boundary). Type confusion
// deep in a valid document is what byte flips rarely reach.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

namespace doudi_fuzz {

using ojson = nlohmann::ordered_json;

inline void collect(ojson& j, std::vector<ojson*>* nodes) {
  nodes->push_back(&j);
  if (j.is_structured())
    for (auto& v : j) collect(v, nodes);
}

inline ojson odd_value(std::minstd_rand& rng, const std::vector<ojson*>& nodes) {
  static const char* const kValues[] = {
      "null", "true", "false", "0", "-1", "1.5", "0.001", "1e300", "-1e300", "100000001", "2147483648",
      "-9223372036854775808", "18446744073709551615", "\"\"", "\"x\"", "\"2020-02-30\"", "\"2020-06-01\"",
      "\"yuan/person/month\"", "\"yuan/person/year\"", "\"ratio\"", "\"list\"", "\"flag\"", "\"months\"",
      "\"dibao\"", "\"generic\"", "\"rural\"", "[]", "{}", "[1]", "[\"x\"]", "{\"x\":1}", "\"\\u0000\""};
  if (rng() % 4 == 0 && !nodes.empty()) return *nodes[rng() % nodes.size()];
  return ojson::parse(kValues[rng() % (sizeof kValues / sizeof *kValues)]);
}

inline size_t mutate_json(uint8_t* data, size_t size, size_t max_size, unsigned seed) {
  std::minstd_rand rng(seed);
  if (rng() % 2 == 0) return LLVMFuzzerMutate(data, size, max_size);
  ojson doc = ojson::parse(data, data + size, nullptr, false);
  if (doc.is_discarded()) return LLVMFuzzerMutate(data, size, max_size);
  std::vector<ojson*> nodes;
  collect(doc, &nodes);
  ojson* target = nodes[rng() % nodes.size()];
  switch (rng() % 5) {
    case 0:
    case 1:  // another type or a boundary value
      *target = odd_value(rng, nodes);
      break;
    case 2:  // remove a member or an item
      if (target->is_object() && !target->empty()) {
        auto it = target->begin();
        std::advance(it, rng() % target->size());
        target->erase(it);
      } else if (target->is_array() && !target->empty()) {
        target->erase(target->begin() + static_cast<std::ptrdiff_t>(rng() % target->size()));
      }
      break;
    case 3:  // add a member: an unknown key, or a known key copied from elsewhere
      if (target->is_object()) {
        std::string key = "x";
        for (ojson* n : nodes)
          if (n->is_object() && !n->empty() && rng() % 3 == 0) key = n->begin().key();
        (*target)[key] = odd_value(rng, nodes);
      } else if (target->is_array()) {
        target->push_back(target->empty() ? odd_value(rng, nodes) : (*target)[rng() % target->size()]);
      }
      break;
    default:  // a number nudged across a boundary
      if (target->is_number()) {
        const double d = target->get<double>();
        static const double kSteps[] = {1, -1, 0.01, -0.01, 0.005};
        *target = d + kSteps[rng() % 5];
      } else {
        *target = odd_value(rng, nodes);
      }
  }
  const std::string out = doc.dump(-1, ' ', false, ojson::error_handler_t::replace);
  if (out.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
  std::memcpy(data, out.data(), out.size());
  return out.size();
}

}  // namespace doudi_fuzz

#define DOUDI_JSON_CUSTOM_MUTATOR                                                                       \
  extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size, unsigned seed) { \
    return doudi_fuzz::mutate_json(data, size, max_size, seed);                                          \
  }
