// The metrics history a studio checkpoint carries: every step's scalars until the buffer is full,
// then every 2nd, 4th... step (bounded memory), and a bounded set of timestep-gradient profiles.
#pragma once
#include "io/checkpoint.h"
#include "session/heat_history.h"
#include "session/scalar_history.h"

namespace unroll::gui {

class MetricsRecorder {
 public:
  explicit MetricsRecorder(size_t maxRows = 100000, size_t maxProfiles = 500);

  void record(const StepReport& report);       // accepted steps only
  void assign(const MetricsHistory& history);  // an opened checkpoint's history
  void truncateAfter(long step);               // a rewind abandons later steps
  void clear();
  const MetricsHistory& history() const { return m_h; }

 private:
  void thinRows();
  void thinProfiles();

  size_t m_maxRows, m_maxProfiles;
  long m_stride = 1, m_profileStride = 1;  // steps between kept rows / profiles
  MetricsHistory m_h;
};

// Replays a recorded history into the charts' histories (after opening a checkpoint).
void replayHistory(const MetricsHistory& h, ScalarHistory& scalars, HeatHistory& heat);

}  // namespace unroll::gui
