// A race: up to four training configurations on the same task, with the same seed, data order and
// step budget, sharing the machine fairly: one thread each where cores allow, else in turn.
#pragma once
#include <atomic>
#include <memory>
#include <mutex>
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
  // Every step's loss is kept per entrant (for the curves and the exact comparisons), so the
  // budget is bounded: 200k steps x 4 entrants is a few MB.
  static constexpr long kMaxSteps = 200000;
  std::vector<RaceEntrant> entrants;  // 1..kMaxEntrants
  std::shared_ptr<const Task> task;   // shared by all entrants
  uint64_t seed = 1;                  // given to every entrant: same init stream and data order
  long steps = 200;                   // the budget: steps per entrant, rejected ones included
  void validate() const;              // throws unroll::Error naming the problem
};

struct RaceResult {
  std::string name;
  CellType cell = CellType::Lstm;
  std::vector<double> losses;  // losses[i]: training loss of step i + 1
  double final_loss = StepReport::kNaN;
  double val_loss = StepReport::kNaN;  // after the last step
  long steps = 0;                      // steps taken, rejected ones included (see rejected)
  long rejected = 0;   // steps the trainer refused as non-finite: no update was made
  double seconds = 0;  // wall time of this entrant's own steps and final validation
};

// How a race shares the machine. Either way the numbers are the same: every entrant trains with
// one compute thread (the batch split changes float sums, so the thread count must not vary).
enum class RaceSchedule {
  Auto,         // Threads when std::thread::hardware_concurrency() >= entrants, else Interleaved
  Threads,      // one std::thread per entrant
  Interleaved,  // one step of each entrant in turn, on the calling thread
};

// One entrant as another thread sees it while the race runs (copied under the entrant's lock).
struct RaceProgress {
  long steps = 0;              // steps taken, rejected ones included
  long rejected = 0;           // of which the trainer refused as non-finite
  bool accepted = true;        // the latest step made an update
  long losses_from = 0;        // index of losses[0] in the whole list (what was asked for)
  std::vector<double> losses;  // training losses of steps losses_from + 1 .. steps
  double seconds = 0;          // as RaceResult::seconds, so far
  double grad_norm = 0;        // latest step's global gradient norm before clipping
  bool clipped = false;        // latest step was clipped
  std::vector<std::vector<double>> timestep_grad_norms;  // latest step's ||dL/dh_t||, [layer][t]
  int truncation_cut = 0;  // latest step's: window steps before this got no gradient
  bool finished = false;   // budget used and validated: the result is final
  double val_loss = StepReport::kNaN;
};

class Race {
 public:
  explicit Race(const RaceSpec& spec);  // throws unroll::Error for a bad spec
  int size() const { return int(lanes_.size()); }

  // One step of each entrant still within the budget, in entrant order. Returns false once
  // everybody has used the budget (then validates each once, so results() are complete).
  bool step_round();
  // Runs until every entrant has used the budget (returns true) or *stop becomes true (returns
  // false within one step per entrant; a later run() continues exactly where it stopped).
  // Rethrows the first error an entrant's training threw, after all workers have ended.
  bool run(RaceSchedule schedule = RaceSchedule::Auto, const std::atomic<bool>* stop = nullptr);
  bool done() const { return done_; }
  // The schedule Auto picks for this many entrants on this machine; others are returned as given.
  static RaceSchedule resolve(RaceSchedule schedule, int entrants);

  // Safe from any thread at any time, also while run() works on another: a short lock per
  // entrant that the workers take once per step. losses_from skips losses already fetched.
  RaceProgress progress(int i, long losses_from = 0) const;
  long steps_done(int i) const { return lanes_[size_t(i)]->steps.load(); }  // lock-free

  // The rest only while no run() is working.
  Trainer& trainer(int i) { return *lanes_[size_t(i)]->trainer; }
  const StepReport& last_report(int i) const { return lanes_[size_t(i)]->trainer->last_report(); }
  const std::vector<RaceResult>& results() const { return results_; }

 private:
  // One entrant: its trainer (touched only by whoever steps it) and what it publishes.
  struct Lane {
    std::unique_ptr<Trainer> trainer;
    mutable std::mutex mutex;  // guards results_[i] and the fields below during a run
    std::vector<std::vector<double>> timestep_grad_norms;
    int truncation_cut = 0;
    double grad_norm = 0;
    bool clipped = false;
    bool accepted = true;
    bool finished = false;
    std::atomic<long> steps{0};
  };
  void step_entrant(size_t i);    // one update, published
  void finish_entrant(size_t i);  // the final validation, published
  void run_entrant(size_t i, const std::atomic<bool>* stop, const std::atomic<bool>& failed);
  bool run_threads(const std::atomic<bool>* stop);
  bool all_finished() const;

  RaceSpec spec_;
  std::vector<std::unique_ptr<Lane>> lanes_;
  std::vector<RaceResult> results_;  // [entrant]; element i guarded by lanes_[i]->mutex
  bool done_ = false;
};

// The result table: header "entrant,cell,final_train_loss,val_loss,steps,seconds", one row each.
std::string race_csv(const std::vector<RaceResult>& results);

}  // namespace unroll
