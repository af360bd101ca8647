// A bounded, decimating history of per-step scalars: a DecimatingHistory whose buckets keep min,
// max and mean per series, so memory stays flat and spikes survive decimation.
#pragma once
#include <array>
#include <cmath>

#include "telemetry/decimating_history.h"

namespace unroll {

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

// One bucket's series.
struct ScalarRow {
  std::array<Aggregate, kSeriesCount> s;
  void merge(const ScalarRow& o);
};

class ScalarHistory : public DecimatingHistory<ScalarRow> {
 public:
  explicit ScalarHistory(int capacity = 1024) : DecimatingHistory(capacity) {}  // even, >= 2

  // Starts a bucket for this step if needed; then add() values for it.
  void beginStep(long step) { DecimatingHistory::beginStep(step); }
  void add(Series s, double v) {  // non-finite values are dropped
    if (std::isfinite(v)) last().s[s].add(v);
  }
};
using Bucket = ScalarHistory::Bucket;

}  // namespace unroll
