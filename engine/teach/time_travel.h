// Time travel through a run: a bounded ring of trainer snapshots taken every N steps, a way back to
// any kept point, and branches, so a run continued from the past can be compared with the original.
#pragma once
#include <cstddef>
#include <deque>
#include <vector>

#include "telemetry/step_report.h"
#include "train/trainer.h"

namespace unroll {

struct TimeTravelConfig {
  long every = 50;    // N: keep a snapshot after every N-th step (and one of the start)
  int capacity = 20;  // K: at most this many snapshots
  // When full: false drops the oldest point (the ring covers the last K*N steps); true drops every
  // second point and doubles N, so the kept points always span the whole run (a scrubber's view).
  bool thin = false;
  // Also bound the snapshots' memory: at most this many bytes in all (0: only the capacity).
  // The capacity shrinks to what fits, but never below 2 points.
  std::size_t max_bytes = 0;
  bool record_losses = true;  // keep every step's loss in the branches (off: the caller records)
  void validate() const;      // throws unroll::Error naming the bad field
};

// One line of history. Branch 0 is the original run; travelling back starts a new branch whose
// parent is the branch that was current, so branches form a tree with shared prefixes.
struct Branch {
  int id = 0;
  int parent = -1;             // -1 for the original run
  long start_step = 0;         // the step the branch continues from
  std::vector<double> losses;  // losses[i]: training loss of step start_step + i + 1
};

// Drives a trainer it does not own (the trainer must outlive it). Use step() instead of
// trainer.step() so that losses and snapshots are recorded.
class TimeTravel {
 public:
  TimeTravel(Trainer& trainer, const TimeTravelConfig& config);

  // One trainer step; records its loss and, every N steps, a snapshot.
  const StepReport& step();
  // Restores the nearest kept point at or before `step` (restore_for_branch) and starts a new
  // branch there; returns the step actually restored. When that point is the current step itself,
  // nothing changes and no branch starts. Kept points after it belong to the abandoned future and
  // are dropped. Throws unroll::Error, changing nothing, when `step` is before the oldest kept
  // point or beyond the current step.
  long travel_to(long step);

  // After the trainer was restored elsewhere (e.g. a rewind after a non-finite step): drops the
  // kept points after its step, which belong to a future that no longer happens.
  void forget_future();

  std::vector<long> kept_steps() const;  // oldest first
  // The step report the trainer had published when the point at `step` was kept (empty, step 0,
  // for the starting point). Throws unroll::Error when no point is kept at that step.
  const StepReport& kept_report(long step) const;
  long every() const { return every_; }  // the current interval (grows when thinning)
  int kept() const { return int(ring_.size()); }
  std::size_t bytes() const;  // memory held by the kept snapshots (their buffers)
  const std::vector<Branch>& branches() const { return branches_; }
  const Branch& current_branch() const { return branches_.back(); }
  const TimeTravelConfig& config() const { return cfg_; }

 private:
  struct Kept {
    long step = 0;
    TrainerSnapshot snapshot;
    StepReport report;
  };
  void keep();
  void bound();

  Trainer& trainer_;
  TimeTravelConfig cfg_;
  long every_;             // cfg_.every, doubled by each thinning
  long origin_;            // the first kept step: thinning keeps it and every 2N-th step after it
  std::deque<Kept> ring_;  // ascending steps, at most cfg_.capacity
  std::vector<Branch> branches_;
};

// Bytes of the buffers a snapshot holds (weights, optimizer state, carried batch and state).
std::size_t snapshot_bytes(const TrainerSnapshot& s);

// Restores a snapshot to continue from, also after the truncated-BPTT windows were changed since
// it was taken: if its partly consumed sequence no longer fits the trainer's windows, that
// sequence is dropped and training resumes at the next one (weights, optimizer and data order
// are the snapshot's either way). Throws unroll::Error, changing nothing, for any other mismatch.
void restore_for_branch(Trainer& trainer, const TrainerSnapshot& snapshot);

}  // namespace unroll
