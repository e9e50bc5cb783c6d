# Writes OUT, a C++ file holding every DIR/*.json as a raw string literal.
file(GLOB files ${DIR}/*.json)
list(SORT files)
set(body "// Generated from policies/*.json by core/embed_policies.cmake. Do not edit.\n#include \"embedded.h\"\nnamespace doudi {\nconst EmbeddedPolicy kEmbeddedPolicies[] = {\n")
foreach(f ${files})
  get_filename_component(name ${f} NAME)
  file(READ ${f} text)
  # Without the indentation: JSON strings hold no raw newline, so every newline
  # and the blanks after it are layout. 22 KB less in the module (1.6 KB gzipped)
  # and less for the loader to skip.
  string(REGEX REPLACE "\n[ ]*" "" text "${text}")
  string(APPEND body "  {\"${name}\", R\"doudi_policy(${text})doudi_policy\"},\n")
endforeach()
string(APPEND body "};\nconst int kEmbeddedPolicyCount = sizeof(kEmbeddedPolicies) / sizeof(kEmbeddedPolicies[0]);\n}  // namespace doudi\n")
file(WRITE ${OUT}.tmp "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
