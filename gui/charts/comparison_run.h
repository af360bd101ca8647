// A finished run kept on the charts beside the live one, so that "before and after" is one
// picture: a lesson step's earlier run, with its loss curve thinned to a few hundred points and
// the gradient-vs-timestep profile of its last step.
#pragma once
#include <QString>
#include <utility>
#include <vector>

#include "telemetry/scalar_history.h"
#include "telemetry/step_report.h"

namespace unroll::gui {

struct ComparisonRun {
  static constexpr int kMaxPoints = 256;        // of the loss curve: a run's memory is bounded
  QString name;                                 // as the legend shows it: "before: tanh RNN"
  long stride = 1;                              // training steps per loss point (for smoothing)
  std::vector<std::pair<double, double>> loss;  // (step, mean training loss), ascending
  std::vector<double> profile;  // ||dL/dh_t|| of layer 1 at the run's last step, [t]
  int cut = 0;                  // window steps before this received no gradient (truncation)
};

// The run of `history` and its last report, thinned: adjacent buckets are merged until at most
// kMaxPoints remain (each point the mean of its steps' losses).
ComparisonRun comparisonRun(const QString& name, const ScalarHistory& history,
                            const StepReport& last);

}  // namespace unroll::gui
