// Small helpers shared by the generated tasks: fixed validation seeds and batch-size checks.
#pragma once
#include <cstdint>
#include <string>

#include "core/error.h"

namespace unroll {

// splitmix64's finaliser: nearby (seed, k) pairs give unrelated generator seeds, so validation
// sample k of a task is the same whatever the batch size or thread count.
inline uint64_t mix_seed(uint64_t seed, uint64_t k) {
  uint64_t z = seed + 0x9E3779B97F4A7C15ull * (k + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Throws unless the batch has exactly `length` steps (a generated task has one natural length)
// and at least one sequence. `what` names the task and the parameter that sets its length.
inline void check_fixed_length(const std::string& what, int length, int steps, int batch) {
  if (steps != length)
    throw Error(what + " makes sequences of exactly " + std::to_string(length) +
                " steps, but a batch of " + std::to_string(steps) +
                " steps was asked for; set the sequence length (--seq) to " +
                std::to_string(length));
  if (batch <= 0)
    throw Error(what + ": asked for " + std::to_string(batch) +
                " sequences per batch; it must be at least 1");
}

inline void check_validation_index(const std::string& what, int i, int count) {
  if (i < 0 || i >= count)
    throw Error(what + ": validation batch " + std::to_string(i) + " does not exist; there are " +
                std::to_string(count) + " (0.." + std::to_string(count - 1) + ")");
}

}  // namespace unroll
