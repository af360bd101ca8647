// The engine's random numbers: one seeded generator, with uniform and normal draws written out here
// so the same seed gives the same numbers with any standard library.
#pragma once
#include <cmath>
#include <cstdint>
#include <random>

namespace unroll {

class Rng {
 public:
  explicit Rng(uint64_t seed = 0) : gen_(seed) {}
  uint64_t next() { return gen_(); }
  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(gen_() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Uniform integer in [0, n), n > 0 (Lemire-free but unbiased by rejection).
  uint64_t below(uint64_t n) {
    const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do x = gen_();
    while (x >= limit);
    return x % n;
  }
  // Standard normal by Box-Muller (no cached second value, so the stream is easy to reason about).
  double normal() {
    double u1 = uniform();
    while (u1 <= 0.0) u1 = uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  double normal(double mean, double stddev) { return mean + stddev * normal(); }
  // A seed for a child generator (one per worker or per purpose), derived deterministically.
  uint64_t split() { return gen_() ^ 0x9E3779B97F4A7C15ull; }

  std::mt19937_64& engine() { return gen_; }
  const std::mt19937_64& engine() const { return gen_; }

 private:
  std::mt19937_64 gen_;
};

}  // namespace unroll
