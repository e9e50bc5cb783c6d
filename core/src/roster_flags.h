// The lists a roster puts a household on (应保未保, 应退尽退, 需走访核实), decided on
// structs from its results: the roster's decision apart from its CSV and text
// layers, so that benchmarks time the same work the roster does.
#pragma once

#include <cstddef>
#include <vector>

#include "context.h"

namespace doudi {

// Where a policy's 低保 and 特困 are in its programs (and so in its results), or -1.
struct DibaoTekun {
  int dibao = -1, tekun = -1;
};
DibaoTekun dibao_tekun(const Policy& policy);

struct RosterFlags {
  bool should_have = false;  // 应保未保: meets 低保 or 特困, and the file says it is not received
  bool should_exit = false;  // 应退尽退: receives it, and no longer meets it
  bool visit = false;        // 需走访核实: may meet it
  // The programs the 说明 speaks of (低保 and 特困 at most): refused while received, or open.
  struct Listed {
    size_t program;
    bool refused;
  };
  std::vector<Listed> listed;  // (allocates only for a household listed)
};

// `results` are evaluate_household's for `h` under `policy` (any Detail).
RosterFlags roster_flags(const Policy& policy, const Household& h, const std::vector<ProgramResult>& results, DibaoTekun at);

}  // namespace doudi
