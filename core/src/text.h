// Reason texts put together from pieces.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace doudi {

// The pieces as one text, sized once. `a + b + c` on std::string copies the
// first piece and grows it (a new allocation and a copy) as the rest come in,
// and most reasons are such texts, built for every household screened.
std::string cat(std::initializer_list<std::string_view> parts);

}  // namespace doudi
