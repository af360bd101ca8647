// A race: up to four training configurations on the same task, with the same seed, data order and
// step budget, stepped in turn on the calling thread so each gets the same share of the machine.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "data/task.h"
#include "telemetry/step_report.h"
#include "train/trainer.h"

namespace unroll {

struct RaceEntrant {
  std::string name;    // e.g. "lstm" or "clip on"
  TrainConfig config;  // its seed is replaced by the race's; seq and batch must match the others'
};

struct RaceSpec {
  static constexpr int kMaxEntrants = 4;
  std::vector<RaceEntrant> entrants;  // 1..kMaxEntrants
  std::shared_ptr<const Task> task;   // shared by all entrants
  uint64_t seed = 1;                  // given to every entrant: same init stream and data order
  long steps = 200;                   // the budget: updates per entrant
  void validate() const;              // throws unroll::Error naming the problem
};

struct RaceResult {
  std::string name;
  CellType cell = CellType::Lstm;
  std::vector<double> losses;  // losses[i]: training loss of step i + 1
  double final_loss = StepReport::kNaN;
  double val_loss = StepReport::kNaN;  // after the last step
  long steps = 0;
  double seconds = 0;  // wall time of this entrant's own steps and final validation
};

class Race {
 public:
  explicit Race(const RaceSpec& spec);  // throws unroll::Error for a bad spec

  // One step of each entrant still within the budget, in entrant order. Returns false once
  // everybody has used the budget (then validates each once, so results() are complete).
  bool step_round();
  void run();  // step_round() until done
  bool done() const { return done_; }

  int size() const { return int(trainers_.size()); }
  Trainer& trainer(int i) { return *trainers_[size_t(i)]; }
  const StepReport& last_report(int i) const { return trainers_[size_t(i)]->last_report(); }
  const std::vector<RaceResult>& results() const { return results_; }

 private:
  void finish();

  RaceSpec spec_;
  std::vector<std::unique_ptr<Trainer>> trainers_;
  std::vector<RaceResult> results_;
  bool done_ = false;
};

// The result table: header "entrant,cell,final_train_loss,val_loss,steps,seconds", one row each.
std::string race_csv(const std::vector<RaceResult>& results);

}  // namespace unroll
