// A bounded, decimating history of per-step scalars: a fixed number of buckets over the whole run,
// each keeping min, max and mean per series, so memory stays flat and spikes survive decimation.
#pragma once
#include <array>
#include <cmath>
#include <vector>

namespace unroll::gui {

// The series the studio records every step (or every probe).
enum Series {
  kLoss,
  kValLoss,
  kGradNorm,         // before clipping
  kGradNormClipped,  // after clipping
  kClipEvent,        // 1 when clipping changed the gradient, else 0
  kLearningRate,
  kTokensPerS,
  kRadius0,                     // spectral radius of W_hh, layers 0..kMaxLayers-1
  kSingular0 = kRadius0 + 4,    // largest singular value of W_hh, per layer
  kSaturated = kSingular0 + 4,  // saturated fraction, mean over layers
  kDead,                        // dead ReLU fraction, mean over layers
  kSeriesCount
};
constexpr int kMaxLayers = 4;  // layers beyond this are not plotted in the dynamics chart

struct Aggregate {
  double min = INFINITY, max = -INFINITY, sum = 0;
  int count = 0;
  void add(double v);
  void merge(const Aggregate& o);
  double mean() const { return count ? sum / count : NAN; }
};

struct Bucket {
  long firstStep = 0, lastStep = 0;
  std::array<Aggregate, kSeriesCount> s;
};

class ScalarHistory {
 public:
  explicit ScalarHistory(int capacity = 1024);  // capacity: even, >= 2

  // Starts a bucket for this step if needed; then add() values for it.
  void beginStep(long step);
  void add(Series s, double v) {  // non-finite values are dropped
    if (std::isfinite(v)) m_buckets.back().s[s].add(v);
  }
  void clear();
  // After going back to `step`: drops what came later. A bucket that straddles the step keeps
  // its aggregates (at most stride - 1 later steps), and later steps continue into new buckets.
  void truncateAfter(long step);

  const std::vector<Bucket>& buckets() const { return m_buckets; }
  long stride() const { return m_stride; }  // steps per bucket
  int capacity() const { return m_capacity; }

 private:
  void halve();

  int m_capacity;
  long m_stride = 1;
  bool m_sealed = false;  // the last bucket holds abandoned steps: the next step starts a new one
  std::vector<Bucket> m_buckets;  // reserved to capacity, never larger
};

}  // namespace unroll::gui
