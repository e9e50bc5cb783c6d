// The policies compiled into the program, loaded once on first use.
#include "embedded.h"

#include "doudi/screen.h"

namespace doudi {

const PolicySet& embedded_policies() {
  static const PolicySet set = [] {
    PolicySet s;
    // Policy files are checked by the tests and `screen --check-policies`; a file
    // that fails here is simply absent, never a crash. Each is parsed when first
    // needed: the module's first screening parsed all five (50-120 ms in a
    // desktop browser, several times that on a phone) for the one region asked.
    for (int i = 0; i < kEmbeddedPolicyCount; ++i)
      s.add_later(kEmbeddedPolicies[i].file_name, kEmbeddedPolicies[i].json);
    return s;
  }();
  return set;
}

}  // namespace doudi
