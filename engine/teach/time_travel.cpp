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

void restore_for_branch(Trainer& trainer, const TrainerSnapshot& snapshot) {
  try {
    trainer.restore(snapshot);
  } catch (const Error&) {
    if (snapshot.progress.seq_pos < 0 || !trainer.config().bptt.truncated) throw;
    TrainerSnapshot at_boundary = snapshot;  // the next step draws a new sequence
    at_boundary.progress.seq_pos = -1;
    at_boundary.progress.carried_pos = 0;
    at_boundary.progress.seq_batch = Batch{};
    at_boundary.progress.carried = State<float>{};
    trainer.restore(at_boundary);
  }
}

namespace {
// Bytes of the buffers a kept step report holds (per-timestep norms and hidden states).
std::size_t report_bytes(const StepReport& r) {
  std::size_t n = sizeof(double) * r.param_grad_norms.size();
  for (const auto& layer : r.timestep_grad_norms) n += sizeof(double) * layer.size();
  for (const auto& h : r.hidden) n += sizeof(float) * std::size_t(h.size());
  n += sizeof(int) * r.input_tokens.size() + sizeof(float) * r.input_values.size();
  return n + sizeof(float) * std::size_t(r.input_features.size());
}
}  // namespace

TimeTravel::TimeTravel(Trainer& trainer, const TimeTravelConfig& config)
    : trainer_(trainer), cfg_(config), every_(config.every), origin_(trainer.steps()) {
  cfg_.validate();
  branches_.push_back({0, -1, trainer_.steps(), {}});
  keep();
}

void TimeTravel::keep() {
  forget_future();
  if (!ring_.empty() && ring_.back().step == trainer_.steps()) return;
  // After a restore the trainer's report belongs to another step: keep an empty one then.
  StepReport report =
      trainer_.last_report().step == trainer_.steps() ? trainer_.last_report() : StepReport{};
  ring_.push_back({trainer_.steps(), trainer_.snapshot(), std::move(report)});
  bound();
}

void TimeTravel::bound() {
  std::size_t cap = std::size_t(cfg_.capacity);
  if (cfg_.max_bytes > 0) {
    const Kept& k = ring_.back();
    const std::size_t one =
        std::max<std::size_t>(1, snapshot_bytes(k.snapshot) + report_bytes(k.report));
    cap = std::max<std::size_t>(2, std::min(cap, cfg_.max_bytes / one));
  }
  while (ring_.size() > cap) {
    if (!cfg_.thin) {
      ring_.pop_front();
      continue;
    }
    every_ *= 2;  // keep the origin and every 2N-th step after it
    std::deque<Kept> kept;
    for (Kept& k : ring_)
      if (k.step == origin_ || (k.step - origin_) % every_ == 0) kept.push_back(std::move(k));
    ring_.swap(kept);
  }
}

void TimeTravel::forget_future() {
  while (!ring_.empty() && ring_.back().step > trainer_.steps()) ring_.pop_back();
}

const StepReport& TimeTravel::step() {
  const StepReport& r = trainer_.step();
  if (cfg_.record_losses && r.accepted) branches_.back().losses.push_back(r.loss);
  if (r.accepted && (trainer_.steps() - origin_) % every_ == 0) keep();
  return r;
}

const StepReport& TimeTravel::kept_report(long step) const {
  for (const Kept& k : ring_)
    if (k.step == step) return k.report;
  throw Error("time travel: no point is kept at step " + std::to_string(step));
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
  --it;                                               // the last kept point at or before step
  if (it->step == trainer_.steps()) return it->step;  // already there
  restore_for_branch(trainer_, it->snapshot);
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
  for (const Kept& k : ring_) n += snapshot_bytes(k.snapshot) + report_bytes(k.report);
  return n;
}

}  // namespace unroll
