// Time travel through a run: the snapshot ring and its branches (see time_travel.h).
#include "teach/time_travel.h"

#include <algorithm>
#include <string>

#include "core/error.h"

namespace unroll {

void TimeTravelConfig::validate() const {
  if (every < 1)
    throw Error("time travel: every must be at least 1 step (got " + std::to_string(every) + ")");
  if (capacity < 1)
    throw Error("time travel: capacity must be at least 1 snapshot (got " +
                std::to_string(capacity) + ")");
}

std::size_t snapshot_bytes(const TrainerSnapshot& s) {
  std::size_t n = sizeof(float) * std::size_t(s.params.size());
  for (const auto& [name, buffer] : s.optimizer.buffers)
    n += name.size() + sizeof(float) * std::size_t(buffer.size());
  const Batch& b = s.progress.seq_batch;
  n += sizeof(int32_t) * (b.tokens.size() + b.targets.size());
  n += sizeof(double) * std::size_t(b.inputs.size() + b.target_values.size());
  for (const auto& m : s.progress.carried.h) n += sizeof(float) * std::size_t(m.size());
  for (const auto& m : s.progress.carried.c) n += sizeof(float) * std::size_t(m.size());
  return n + s.progress.data_rng.size();
}

TimeTravel::TimeTravel(Trainer& trainer, const TimeTravelConfig& config)
    : trainer_(trainer), cfg_(config) {
  cfg_.validate();
  branches_.push_back({0, -1, trainer_.steps(), {}});
  keep();
}

void TimeTravel::keep() {
  if (!ring_.empty() && ring_.back().step == trainer_.steps()) return;
  ring_.push_back({trainer_.steps(), trainer_.snapshot()});
  while (int(ring_.size()) > cfg_.capacity) ring_.pop_front();
}

const StepReport& TimeTravel::step() {
  const StepReport& r = trainer_.step();
  branches_.back().losses.push_back(r.loss);
  if (trainer_.steps() % cfg_.every == 0) keep();
  return r;
}

long TimeTravel::travel_to(long step) {
  if (step > trainer_.steps())
    throw Error("time travel: step " + std::to_string(step) +
                " is in the future (the run is at step " + std::to_string(trainer_.steps()) + ")");
  if (ring_.empty() || step < ring_.front().step)
    throw Error("time travel: step " + std::to_string(step) +
                " is before the oldest kept point (step " +
                std::to_string(ring_.empty() ? 0 : ring_.front().step) +
                "); keep more snapshots (capacity) or keep them more often (every)");
  auto it = std::upper_bound(ring_.begin(), ring_.end(), step,
                             [](long s, const Kept& k) { return s < k.step; });
  --it;  // the last kept point at or before step
  trainer_.restore(it->snapshot);
  ring_.erase(it + 1, ring_.end());
  const int parent = branches_.back().id;
  branches_.push_back({int(branches_.size()), parent, trainer_.steps(), {}});
  return trainer_.steps();
}

std::vector<long> TimeTravel::kept_steps() const {
  std::vector<long> out;
  for (const Kept& k : ring_) out.push_back(k.step);
  return out;
}

std::size_t TimeTravel::bytes() const {
  std::size_t n = 0;
  for (const Kept& k : ring_) n += snapshot_bytes(k.snapshot);
  return n;
}

}  // namespace unroll
