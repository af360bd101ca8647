// Known-good training states to rewind to after a non-finite step: a few snapshots of accepted
// steps whose loss was finite and not far above the recent median. Training thread only.
#pragma once
#include <deque>

#include "train/trainer.h"

namespace unroll {

class SnapshotRing {
 public:
  // every: steps between snapshots; capacity: snapshots kept; spike: a loss above spike x the
  // recent median is not "good" (an explosion may be under way).
  explicit SnapshotRing(int every = 25, int capacity = 4, double spike = 10.0);

  // After a build, reset or open: forgets everything and keeps the starting state.
  void start(const Trainer& trainer);
  // After an accepted step: records its loss and, when due and healthy, a snapshot.
  void observe(const Trainer& trainer, double loss);
  // The state to rewind to: the latest snapshot, or the one before it when the latest was already
  // rewound to and training failed again without a new snapshot. nullptr when there is none.
  const TrainerSnapshot* rewindTarget();

  int size() const { return int(m_snaps.size()); }
  long latestStep() const { return m_snaps.empty() ? -1 : m_snaps.back().progress.step; }

 private:
  bool healthy(double loss) const;

  int m_every, m_capacity;
  double m_spike;
  std::deque<TrainerSnapshot> m_snaps;  // oldest first, at most m_capacity
  std::deque<double> m_recent;          // the last accepted losses, for the median
  bool m_latestUsed = false;            // the latest snapshot was rewound to already
};

}  // namespace unroll
