// What the studio's views need from a probe stream (docs/probe_stream.md), per rank: the latest
// step as a StepReport (the latest replay's per-timestep profile and hidden states carried over
// the steps between replays), the decimating histories the charts draw, and the spread between
// ranks. Plain data, no threads: the caller feeds records and reads views under its own lock.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "stream/probe_stream.h"
#include "telemetry/heat_history.h"
#include "telemetry/scalar_history.h"
#include "telemetry/step_report.h"

namespace unroll {

// A probe's STEP as the engine's own report of a step (what the charts read).
StepReport to_step_report(const ProbeRun& run, const ProbeStep& step);

class ProbeFeed {
 public:
  // One rank's run as far as it has arrived.
  struct RankView {
    ProbeRun run;             // empty cell until its RUN record came
    bool has_report = false;  // a step arrived
    StepReport report;        // the latest step (profile and hidden states: latest replay's)
    long replay_step = 0;     // the step the profile and hidden states are from (0: none)
    ScalarHistory history;    // loss, norms, lr, dynamics per step
    HeatHistory heat;         // the profiles of the replay steps
    long steps = 0;           // STEP records received
    uint64_t dropped = 0;     // what the rank's probe reported dropping
    bool ended = false;       // its END came
    std::string end_reason;
  };

  // The latest step every rank reported, and the range of their values there.
  struct Spread {
    long step = 0;  // 0: no step common to all ranks (yet)
    int ranks = 0;
    double loss_min = 0, loss_max = 0;
    double grad_norm_min = 0, grad_norm_max = 0;
  };

  static constexpr int kMaxRanks = 64;  // each rank's histories take about 1 MB
  // Throws unroll::Error when a record would make more than kMaxRanks ranks.
  void add(const ProbeRecord& record);

  std::vector<int> ranks() const;     // ascending, those with a RUN or a STEP
  const RankView* rank(int r) const;  // nullptr when that rank never appeared
  Spread spread() const;
  long records() const { return records_; }
  bool all_ended() const;  // every rank that appeared has ended

 private:
  struct Recent {  // a rank's last few steps, for the spread
    std::map<long, std::pair<double, double>> loss_grad;
  };
  RankView& view(int rank);
  std::map<int, RankView> ranks_;
  std::map<int, Recent> recent_;
  long records_ = 0;
};

}  // namespace unroll
