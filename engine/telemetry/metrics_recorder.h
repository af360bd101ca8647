// The metrics history a studio checkpoint carries: every step's scalars until the buffer is full,
// then every 2nd, 4th... step, and a bounded set of timestep-gradient profiles. Both thin by the
// histories' own policy (DecimatingHistory), keeping the earliest step of each bucket.
#pragma once
#include <string>
#include <vector>

#include "io/metrics_history.h"
#include "telemetry/decimating_history.h"
#include "telemetry/heat_history.h"
#include "telemetry/scalar_history.h"

namespace unroll {

class MetricsRecorder {
 public:
  explicit MetricsRecorder(int maxRows = 100000, int maxProfiles = 500);

  void record(const StepReport& report);       // accepted steps only
  void assign(const MetricsHistory& history);  // an opened checkpoint's history
  void truncateAfter(long step);               // a rewind abandons later steps
  void clear();
  // The recorded history in the checkpoint's layout (rebuilt when it changed).
  const MetricsHistory& history() const;
  long stride() const { return m_rows.stride(); }  // steps between kept rows

 private:
  std::vector<std::string> m_columns;                     // of every row
  DecimatingHistory<Sample<std::vector<double>>> m_rows;  // [row] values of m_columns
  DecimatingHistory<Sample<MetricsHistory::Timestep>> m_profiles;
  mutable MetricsHistory m_h;  // history()'s answer
  mutable bool m_stale = true;
};

// Replays a recorded history into the charts' histories (after opening a checkpoint).
void replayHistory(const MetricsHistory& h, ScalarHistory& scalars, HeatHistory& heat);

}  // namespace unroll
