// A bounded history of the gradient-vs-timestep profile: one column per bucket of training steps
// (mean of log10 ||dL/dh_t||), per layer; buckets merge pairwise when full, like ScalarHistory.
#pragma once
#include <vector>

namespace unroll::gui {

class HeatHistory {
 public:
  explicit HeatHistory(int capacity = 512);

  // norms[layer][t]; zero or non-finite entries (no gradient) are kept as NaN.
  void add(long step, const std::vector<std::vector<double>>& norms);
  void clear();
  // After going back to `step`: drops what came later. A bucket that straddles the step keeps
  // its aggregates (at most stride - 1 later steps), and later steps continue into new buckets.
  void truncateAfter(long step);

  struct Column {
    long firstStep = 0, lastStep = 0;
    std::vector<std::vector<float>> sum;  // [layer][t] sum of log10 ||dL/dh_t|| over the steps
    std::vector<std::vector<float>> n;    // [layer][t] steps that had a gradient there
  };
  const std::vector<Column>& columns() const { return m_columns; }
  long stride() const { return m_stride; }
  // Value of a column cell as a mean log10 norm, NaN where no step had a gradient.
  static float value(const Column& c, int layer, int t);

 private:
  void halve();
  static void accumulate(Column& into, const Column& from);

  int m_capacity;
  long m_stride = 1;
  bool m_sealed = false;  // the last column holds abandoned steps: the next step starts a new one
  std::vector<Column> m_columns;
};

}  // namespace unroll::gui
