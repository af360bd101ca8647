// Snapshot ring for non-finite recovery: bounded (capacity x one training state), healthy
// steps only.
#include "telemetry/snapshot_ring.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace unroll {
namespace {
constexpr size_t kRecent = 50;  // losses in the median window
}

SnapshotRing::SnapshotRing(int every, int capacity, double spike)
    : m_every(std::max(1, every)), m_capacity(std::max(1, capacity)), m_spike(spike) {}

void SnapshotRing::start(const Trainer& trainer) {
  m_snaps.clear();
  m_recent.clear();
  m_snaps.push_back(trainer.snapshot());
  m_latestUsed = false;
}

bool SnapshotRing::healthy(double loss) const {
  if (!std::isfinite(loss)) return false;
  if (m_recent.size() < 5) return true;
  std::vector<double> v(m_recent.begin(), m_recent.end());
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return loss <= m_spike * v[v.size() / 2];
}

void SnapshotRing::observe(const Trainer& trainer, double loss) {
  const bool good = healthy(loss);
  if (std::isfinite(loss)) {
    m_recent.push_back(loss);
    if (m_recent.size() > kRecent) m_recent.pop_front();
  }
  if (!good || trainer.steps() % m_every != 0) return;
  if (int(m_snaps.size()) == m_capacity) m_snaps.pop_front();
  m_snaps.push_back(trainer.snapshot());
  m_latestUsed = false;
}

const TrainerSnapshot* SnapshotRing::rewindTarget() {
  if (m_snaps.empty()) return nullptr;
  if (m_latestUsed && m_snaps.size() > 1) m_snaps.pop_back();
  m_latestUsed = true;
  m_recent.clear();  // the losses since then belong to the abandoned branch
  return &m_snaps.back();
}

}  // namespace unroll
