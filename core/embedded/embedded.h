#pragma once
namespace doudi {
struct EmbeddedPolicy {
  const char* file_name;
  const char* json;
};
extern const EmbeddedPolicy kEmbeddedPolicies[];
extern const int kEmbeddedPolicyCount;
}  // namespace doudi
