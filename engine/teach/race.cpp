// A race of up to four configurations, interleaved step by step (see race.h).
#include "teach/race.h"

#include <chrono>
#include <cstdio>
#include <sstream>

#include "core/error.h"

namespace unroll {

void RaceSpec::validate() const {
  if (entrants.empty()) throw Error("race: no entrants; add one to four configurations");
  if (int(entrants.size()) > kMaxEntrants)
    throw Error("race: " + std::to_string(entrants.size()) +
                " entrants, but a race takes at most " + std::to_string(kMaxEntrants) +
                " (one chart each); remove some");
  if (!task) throw Error("race: no task");
  if (steps < 1) throw Error("race: steps must be at least 1 (got " + std::to_string(steps) + ")");
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
    trainers_.push_back(std::make_unique<Trainer>(c, spec_.task));
    RaceResult r;
    r.name = e.name;
    r.cell = c.model.cell;
    r.losses.reserve(size_t(spec_.steps));
    results_.push_back(std::move(r));
  }
}

bool Race::step_round() {
  if (done_) return false;
  using Clock = std::chrono::steady_clock;
  for (size_t i = 0; i < trainers_.size(); ++i) {
    RaceResult& r = results_[i];
    if (r.steps >= spec_.steps) continue;
    const auto t0 = Clock::now();
    const StepReport& rep = trainers_[i]->step();
    r.seconds += std::chrono::duration<double>(Clock::now() - t0).count();
    r.losses.push_back(rep.loss);
    r.final_loss = rep.loss;
    r.steps = trainers_[i]->steps();
  }
  for (const RaceResult& r : results_)
    if (r.steps < spec_.steps) return true;
  finish();
  return false;
}

void Race::finish() {
  using Clock = std::chrono::steady_clock;
  for (size_t i = 0; i < trainers_.size(); ++i) {
    const auto t0 = Clock::now();
    results_[i].val_loss = trainers_[i]->validate();
    results_[i].seconds += std::chrono::duration<double>(Clock::now() - t0).count();
  }
  done_ = true;
}

void Race::run() {
  while (step_round()) {
  }
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
