// Small helpers shared by the engine tests.
#pragma once
#include <string>

#include "io/checkpoint.h"

namespace unroll::test {

// s written n times in a row.
inline std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// The task record of a small built-in-text run, for checkpoints made in tests.
inline TaskSpec tiny_spec() {
  TaskSpec s;
  s.name = "tiny";
  s.options = {{"task", "text"}};
  return s;
}

}  // namespace unroll::test
