// The one thinning policy of the run's histories: at most `capacity` buckets over the whole run,
// each covering `stride` consecutive steps; when the buckets are full, neighbours merge pairwise
// and the stride doubles, so a million steps take the same memory as a thousand.
#pragma once
#include <algorithm>
#include <utility>
#include <vector>

namespace unroll {

// Value: default-constructible and copyable, with `void merge(const Value& later)` folding the
// value of later steps in. What survives a merge is Value's choice: min/max aggregates keep
// spikes (ScalarHistory), sums keep means (HeatHistory), Sample keeps the earliest step.
template <class Value>
class DecimatingHistory {
 public:
  struct Bucket : Value {
    long firstStep = 0, lastStep = 0;  // the steps merged into this bucket
  };

  explicit DecimatingHistory(int capacity) : m_capacity(std::max(2, capacity & ~1)) {
    m_buckets.reserve(size_t(m_capacity));
  }

  // True when `step` would start a new bucket (and not merge into the last one).
  bool startsBucket(long step) const {
    return m_sealed || m_buckets.empty() || step >= m_buckets.back().firstStep + m_stride;
  }
  // The bucket `step` belongs to, started (empty) if needed; values are merged into it.
  Value& beginStep(long step) {
    if (!startsBucket(step)) {
      m_buckets.back().lastStep = step;
      return m_buckets.back();
    }
    open(step);
    return m_buckets.back();
  }
  // Adds one step's value: it starts a bucket or merges into the last one.
  void add(long step, Value v) {
    if (!startsBucket(step)) {
      m_buckets.back().merge(v);
      m_buckets.back().lastStep = step;
      return;
    }
    open(step);
    static_cast<Value&>(m_buckets.back()) = std::move(v);
  }
  void clear() {
    m_buckets.clear();
    m_stride = 1;
    m_sealed = false;
  }
  // After going back to `step`: drops what came later. A bucket that straddles the step keeps
  // its aggregates (at most stride - 1 later steps), and later steps continue into new buckets.
  void truncateAfter(long step) {
    while (!m_buckets.empty() && m_buckets.back().firstStep > step) m_buckets.pop_back();
    m_sealed = !m_buckets.empty() && m_buckets.back().lastStep > step;
    if (m_sealed) m_buckets.back().lastStep = step;
  }

  const std::vector<Bucket>& buckets() const { return m_buckets; }
  bool empty() const { return m_buckets.empty(); }
  long stride() const { return m_stride; }  // steps per bucket
  int capacity() const { return m_capacity; }

 protected:
  Bucket& last() { return m_buckets.back(); }  // after beginStep

 private:
  void open(long step) {
    if (int(m_buckets.size()) == m_capacity) halve();
    m_sealed = false;
    Bucket b;
    b.firstStep = b.lastStep = step;
    m_buckets.push_back(std::move(b));
  }
  void halve() {
    const size_t n = m_buckets.size() / 2;
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) m_buckets[i] = std::move(m_buckets[2 * i]);
      m_buckets[i].merge(m_buckets[2 * i + 1]);
      m_buckets[i].lastStep = m_buckets[2 * i + 1].lastStep;
    }
    m_buckets.resize(n);
    m_stride *= 2;
  }

  int m_capacity;
  long m_stride = 1;
  bool m_sealed = false;  // the last bucket holds abandoned steps: the next step starts a new one
  std::vector<Bucket> m_buckets;  // reserved to capacity, never larger
};

// A value that a merge thins instead of aggregating: the bucket keeps its earliest step's value.
template <class T>
struct Sample {
  T value{};
  void merge(const Sample&) {}
};

}  // namespace unroll
