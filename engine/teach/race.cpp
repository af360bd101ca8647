// A race of up to four configurations, on a thread each or interleaved step by step (see race.h).
#include "teach/race.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <sstream>
#include <thread>

#include "core/error.h"

namespace unroll {
namespace {
using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}
}  // namespace

void RaceSpec::validate() const {
  if (entrants.empty()) throw Error("race: no entrants; add one to four configurations");
  if (int(entrants.size()) > kMaxEntrants)
    throw Error("race: " + std::to_string(entrants.size()) +
                " entrants, but a race takes at most " + std::to_string(kMaxEntrants) +
                " (one chart each); remove some");
  if (!task) throw Error("race: no task");
  if (steps < 1 || steps > kMaxSteps)
    throw Error("race: steps must be between 1 and " + std::to_string(kMaxSteps) + " (got " +
                std::to_string(steps) + ")");
  const TrainConfig& first = entrants.front().config;
  for (const RaceEntrant& e : entrants)
    if (e.config.seq != first.seq || e.config.batch != first.batch)
      throw Error("race: entrant '" + e.name + "' uses seq " + std::to_string(e.config.seq) +
                  " and batch " + std::to_string(e.config.batch) + ", but '" +
                  entrants.front().name + "' uses " + std::to_string(first.seq) + " and " +
                  std::to_string(first.batch) + "; the same data needs the same seq and batch");
}

Race::Race(const RaceSpec& spec) : spec_(spec) {
  spec_.validate();
  for (const RaceEntrant& e : spec_.entrants) {
    TrainConfig c = e.config;
    c.seed = spec_.seed;
    c.threads = 1;  // the same numbers under either schedule (see RaceSchedule)
    auto lane = std::make_unique<Lane>();
    lane->trainer = std::make_unique<Trainer>(c, spec_.task);
    lanes_.push_back(std::move(lane));
    RaceResult r;
    r.name = e.name;
    r.cell = c.model.cell;
    r.losses.reserve(size_t(spec_.steps));
    results_.push_back(std::move(r));
  }
}

RaceSchedule Race::resolve(RaceSchedule schedule, int entrants) {
  if (schedule != RaceSchedule::Auto) return schedule;
  // hardware_concurrency() may say 0 (unknown): then interleave, which is never unfair.
  return int(std::thread::hardware_concurrency()) >= entrants ? RaceSchedule::Threads
                                                              : RaceSchedule::Interleaved;
}

void Race::step_entrant(size_t i) {
  Lane& lane = *lanes_[i];
  const auto t0 = Clock::now();
  const StepReport& rep = lane.trainer->step();
  const double seconds = seconds_since(t0);
  std::lock_guard lock(lane.mutex);
  RaceResult& r = results_[i];
  r.seconds += seconds;
  r.losses.push_back(rep.loss);
  r.final_loss = rep.loss;
  ++r.steps;  // rejected steps count: the budget is the same number of tries for everybody
  r.rejected += rep.accepted ? 0 : 1;
  lane.timestep_grad_norms = rep.timestep_grad_norms;  // reuses the lane's buffers
  lane.truncation_cut = rep.truncation_cut;
  lane.grad_norm = rep.grad_norm;
  lane.clipped = rep.clipped;
  lane.accepted = rep.accepted;
  lane.steps = r.steps;
}

void Race::finish_entrant(size_t i) {
  Lane& lane = *lanes_[i];
  const auto t0 = Clock::now();
  const double val = lane.trainer->validate();
  const double seconds = seconds_since(t0);
  std::lock_guard lock(lane.mutex);
  results_[i].val_loss = val;
  results_[i].seconds += seconds;
  lane.finished = true;
}

bool Race::all_finished() const {
  for (const auto& lane : lanes_) {
    std::lock_guard lock(lane->mutex);
    if (!lane->finished) return false;
  }
  return true;
}

bool Race::step_round() {
  if (done_) return false;
  for (size_t i = 0; i < lanes_.size(); ++i)
    if (lanes_[i]->steps < spec_.steps) step_entrant(i);
  for (const auto& lane : lanes_)
    if (lane->steps < spec_.steps) return true;
  for (size_t i = 0; i < lanes_.size(); ++i)
    if (!lanes_[i]->finished) finish_entrant(i);
  done_ = true;
  return false;
}

void Race::run_entrant(size_t i, const std::atomic<bool>* stop, const std::atomic<bool>& failed) {
  Lane& lane = *lanes_[i];
  const auto stopped = [&] { return failed.load() || (stop && stop->load()); };
  while (lane.steps < spec_.steps && !stopped()) step_entrant(i);
  if (lane.steps >= spec_.steps && !lane.finished && !stopped()) finish_entrant(i);
}

bool Race::run_threads(const std::atomic<bool>* stop) {
  std::atomic<bool> failed{false};
  std::vector<std::exception_ptr> errors(lanes_.size());
  std::vector<std::thread> workers;
  for (size_t i = 0; i < lanes_.size(); ++i)
    workers.emplace_back([this, i, stop, &failed, &errors] {
      try {
        run_entrant(i, stop, failed);
      } catch (...) {
        errors[i] = std::current_exception();
        failed = true;  // the others stop after their current step
      }
    });
  for (std::thread& w : workers) w.join();
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
  done_ = all_finished();
  return done_;
}

bool Race::run(RaceSchedule schedule, const std::atomic<bool>* stop) {
  if (resolve(schedule, size()) == RaceSchedule::Threads) return run_threads(stop);
  while (!(stop && stop->load()) && step_round()) {
  }
  return done_;
}

RaceProgress Race::progress(int i, long losses_from) const {
  const Lane& lane = *lanes_[size_t(i)];
  RaceProgress p;
  std::lock_guard lock(lane.mutex);
  const RaceResult& r = results_[size_t(i)];
  p.steps = r.steps;
  p.rejected = r.rejected;
  p.accepted = lane.accepted;
  p.losses_from = std::clamp(losses_from, 0L, long(r.losses.size()));
  p.losses.assign(r.losses.begin() + p.losses_from, r.losses.end());
  p.seconds = r.seconds;
  p.grad_norm = lane.grad_norm;
  p.clipped = lane.clipped;
  p.timestep_grad_norms = lane.timestep_grad_norms;
  p.truncation_cut = lane.truncation_cut;
  p.finished = lane.finished;
  p.val_loss = r.val_loss;
  return p;
}

namespace {
// RFC 4180: quote a field holding a comma, quote or line break; double the quotes inside.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}
std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}
}  // namespace

std::string race_csv(const std::vector<RaceResult>& results) {
  std::ostringstream out;
  out << "entrant,cell,final_train_loss,val_loss,steps,seconds\n";
  for (const RaceResult& r : results)
    out << csv_field(r.name) << ',' << to_string(r.cell) << ',' << number(r.final_loss) << ','
        << number(r.val_loss) << ',' << r.steps << ',' << number(r.seconds) << '\n';
  return out.str();
}

}  // namespace unroll
