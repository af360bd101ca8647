// What the GUI pulls from the training thread at each frame: the latest step (latest wins), the
// latest probes, the decimated histories and the run state; and the events that must not be
// missed (validation, probes, rejected steps, errors, file replies, accepted settings), which go
// through a bounded lossless queue beside it. Plain values.
#pragma once
#include <QString>
#include <cstdint>
#include <variant>

#include "telemetry/heat_history.h"
#include "telemetry/scalar_history.h"
#include "telemetry/step_report.h"
#include "train/trainer.h"

namespace unroll::gui {

struct NonFiniteEvent {
  long step = 0;    // the step that was rejected (1-based, as in StepReport)
  QString tensor;   // "loss", "weights", "gradient" or a parameter name
  QString message;  // the engine's sentence
};

// The answer of the training thread to a file command (save, export, open).
struct FileResult {
  uint64_t id = 0;  // the request this answers
  bool ok = false;
  QString path;
  QString message;  // the engine's sentence when !ok
  long step = 0;    // the run's step when saved or opened
};

// The run settings that can change between steps, as the engine accepted them: each has one
// owner, the training thread, and panels show what it reports.
struct RunSettings {
  double lr = 0;
  ClipConfig clip;
  BpttConfig bptt;
};

// Events: one struct per kind, lossless unless droppable (validation and probe results: the
// histories keep them too, so the queue may drop the oldest of these when the GUI falls behind;
// a connectivity map is replaced by the next).
struct ValidationEvent {
  long step = 0;
  double loss = 0, accuracy = 0;
};
struct ProbeEvent {
  long step = 0;
  std::vector<LayerProbe> probes;  // [layer]
};
// A new connectivity map on the task's example sequence (Trainer's connectivity_every).
struct ConnectivityEvent {
  long step = 0;
  ConnectivityMap map;
};
struct EngineErrorEvent {
  QString message;  // a command the engine refused or a failed build
};
// After every live setting command: what the engine now runs with, and why it refused the
// requested value (empty when accepted).
struct SettingsEvent {
  RunSettings accepted;
  QString refused;
  uint64_t serial = 0;  // the spec these settings belong to (the controller's count of specs)
};
// A watched condition (a lesson step's) held on this step; sent once per watch.
struct ConditionEvent {
  uint64_t watch = 0;
  long step = 0;
  double value = 0;  // the metric's value on that step
};
// A watch's budget ran out before its condition held; the run paused on that step.
struct BudgetEvent {
  uint64_t watch = 0;
  long step = 0;
};
using Event =
    std::variant<ValidationEvent, ProbeEvent, ConnectivityEvent, NonFiniteEvent, EngineErrorEvent,
                 FileResult, SettingsEvent, ConditionEvent, BudgetEvent>;
inline bool droppable(const Event& e) {
  return std::holds_alternative<ValidationEvent>(e) || std::holds_alternative<ProbeEvent>(e) ||
         std::holds_alternative<ConnectivityEvent>(e);
}

// What a save command writes.
enum class FileKind { Checkpoint, Safetensors, Onnx, MetricsCsv, TimestepCsv };

// A branch left behind by travelling back in time: the loss curve it had after the point the run
// went back to, and the live settings it ran with, so both branches can be compared.
struct GhostBranch {
  int id = 0;         // 1, 2, ... in the order branches were left
  long fromStep = 0;  // the step the run went back to (both branches share the steps before)
  long toStep = 0;    // the last step this branch reached
  double lr = 0;      // its learning rate, clipping threshold (0: off) and truncated-BPTT
  double clip = 0;    // window (0: full BPTT) when it was left
  int bptt = 0;
  long stride = 1;  // steps per point below (the history's bucket stride)
  // (step, mean training loss), ascending, over the whole branch: the shared past before
  // fromStep too, so it can be smoothed like the live curve. Bounded by the history's buckets.
  std::vector<std::pair<double, double>> points;
};

struct Frame {
  uint64_t generation = 0;      // bumps when the model or task is swapped or reset
  uint64_t version = 0;         // bumps with every published step
  uint64_t historyVersion = 0;  // bumps whenever the histories change
  bool hasReport = false;       // false until the first step of this generation
  StepReport report;            // the latest published step
  bool hasProbes = false;
  long probeStep = 0;
  std::vector<LayerProbe> probes;  // [layer] the latest probes
  ScalarHistory history;
  HeatHistory heat;
  long steps = 0;      // accepted updates so far
  double elapsed = 0;  // seconds spent playing or stepping
  bool playing = false;
  int stepsPerSecond = 0;  // 0: full speed
  uint64_t nonFiniteCount = 0;
  NonFiniteEvent lastNonFinite;
  uint64_t errorCount = 0;
  QString lastError;         // a command the engine refused (bad BPTT window...) or a failed build
  bool modified = false;     // trained since the last checkpoint save or open
  uint64_t rewindCount = 0;  // rewinds to a known-good snapshot after a non-finite step
  long rewoundTo = -1;       // the step the last rewind returned to
  RunSettings settings;      // what the engine runs with now
  uint64_t droppedEvents = 0;  // droppable events the queue dropped because the GUI fell behind
  // Time travel: the kept points (steps, oldest first), the branches left behind (at most
  // kMaxGhosts, the oldest dropped first), and the latest travel.
  static constexpr int kMaxGhosts = 4;
  std::vector<long> keptSteps;
  std::vector<GhostBranch> ghosts;
  uint64_t travelCount = 0;
  long travelledTo = -1;
};

}  // namespace unroll::gui
