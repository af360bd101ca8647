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
  long every = 50;        // N: keep a snapshot after every N-th step (and one of the start)
  int capacity = 20;      // K: at most this many snapshots; the oldest is dropped first
  void validate() const;  // throws unroll::Error naming the bad field
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
  // Restores the nearest kept point at or before `step` and starts a new branch there; returns the
  // step actually restored. Kept points after it belong to the abandoned future and are dropped.
  // Throws unroll::Error, changing nothing, when `step` is before the oldest kept point or beyond
  // the current step.
  long travel_to(long step);

  std::vector<long> kept_steps() const;  // oldest first
  int kept() const { return int(ring_.size()); }
  std::size_t bytes() const;  // memory held by the kept snapshots (their buffers)
  const std::vector<Branch>& branches() const { return branches_; }
  const Branch& current_branch() const { return branches_.back(); }
  const TimeTravelConfig& config() const { return cfg_; }

 private:
  struct Kept {
    long step = 0;
    TrainerSnapshot snapshot;
  };
  void keep();

  Trainer& trainer_;
  TimeTravelConfig cfg_;
  std::deque<Kept> ring_;  // ascending steps, at most cfg_.capacity
  std::vector<Branch> branches_;
};

// Bytes of the buffers a snapshot holds (weights, optimizer state, carried batch and state).
std::size_t snapshot_bytes(const TrainerSnapshot& s);

}  // namespace unroll
