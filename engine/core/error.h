// The engine's one exception type: a message a user can act on (what, where, what to do).
#pragma once
#include <stdexcept>
#include <string>

namespace unroll {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what) : std::runtime_error(what) {}
};

}  // namespace unroll
