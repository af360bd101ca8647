// Decimation by pairwise merging: when the buckets are full, neighbours merge and the stride
// doubles, so a million steps take the same memory as a thousand.
#include "session/scalar_history.h"

#include <algorithm>

namespace unroll::gui {

void Aggregate::add(double v) {
  min = std::min(min, v);
  max = std::max(max, v);
  sum += v;
  ++count;
}

void Aggregate::merge(const Aggregate& o) {
  min = std::min(min, o.min);
  max = std::max(max, o.max);
  sum += o.sum;
  count += o.count;
}

ScalarHistory::ScalarHistory(int capacity) : m_capacity(std::max(2, capacity & ~1)) {
  m_buckets.reserve(m_capacity);
}

void ScalarHistory::clear() {
  m_buckets.clear();
  m_sealed = false;
  m_stride = 1;
}

void ScalarHistory::beginStep(long step) {
  if (!m_sealed && !m_buckets.empty() && step < m_buckets.back().firstStep + m_stride) {
    m_buckets.back().lastStep = step;
    return;
  }
  if (int(m_buckets.size()) == m_capacity) halve();
  m_sealed = false;
  Bucket b;
  b.firstStep = b.lastStep = step;
  m_buckets.push_back(b);
}

void ScalarHistory::truncateAfter(long step) {
  while (!m_buckets.empty() && m_buckets.back().firstStep > step) m_buckets.pop_back();
  m_sealed = !m_buckets.empty() && m_buckets.back().lastStep > step;
  if (m_sealed) m_buckets.back().lastStep = step;
}

void ScalarHistory::halve() {
  const int n = int(m_buckets.size()) / 2;
  for (int i = 0; i < n; ++i) {
    Bucket m = m_buckets[2 * i];
    const Bucket& o = m_buckets[2 * i + 1];
    m.lastStep = o.lastStep;
    for (int k = 0; k < kSeriesCount; ++k) m.s[k].merge(o.s[k]);
    m_buckets[i] = m;
  }
  m_buckets.resize(n);
  m_stride *= 2;
}

}  // namespace unroll::gui
