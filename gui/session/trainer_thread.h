// The one thread that owns the Trainer: runs steps as fast as allowed (or at a teaching pace),
// reads commands from a queue between steps and publishes telemetry without ever waiting on the
// GUI.
#pragma once
#include <QElapsedTimer>
#include <QThread>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <variant>
#include <vector>

#include "io/checkpoint.h"
#include "session/event_queue.h"
#include "session/frame.h"
#include "session/network_snapshot.h"
#include "session/run_spec.h"
#include "teach/lesson.h"
#include "teach/time_travel.h"
#include "telemetry/metrics_recorder.h"
#include "telemetry/snapshot_ring.h"

namespace unroll::gui {

// Commands to the training thread: one struct per command, applied between steps with
// std::visit (trainer_thread.cpp).
namespace cmd {
struct Play {};
struct Pause {};
struct Steps {  // runs this many more steps, then pauses
  int count = 1;
};
struct Reset {};
struct SetLr {
  double lr = 0;
};
struct SetClip {
  ClipConfig clip;
};
struct SetBptt {
  BpttConfig bptt;
};
struct SetSpeed {
  int stepsPerSecond = 0;  // 0 = full speed
};
struct Swap {
  uint64_t serial = 0;  // the controller's count of specs sent; tags later SettingsEvents
  RunSpec spec;
  std::shared_ptr<const Task> task;  // built on the caller's thread
};
struct Snapshot {
  SnapshotReply reply;  // gets a copy of the network
};
struct Rewind {};
// File commands (trainer_thread_files.cpp); answered by a FileResult event with requestId.
struct SaveFile {
  uint64_t requestId = 0;
  QString path;
  FileKind kind = FileKind::Checkpoint;
  bool markSaved = true;  // a checkpoint save clears (else keeps) modified
  TaskSpec taskSpec;      // what built the task
};
struct OpenFile {
  uint64_t serial = 0;  // as Swap's
  uint64_t requestId = 0;
  QString path;
  bool markSaved = true;  // false: the opened run counts as modified (a recovered autosave)
  RunSpec spec;
  std::shared_ptr<const Task> task;
  std::shared_ptr<const Checkpoint> checkpoint;  // loaded and checked by the caller
};
struct TravelTo {
  long step = 0;  // the step to go back to
};
// Watches a condition on every later step (accepted or rejected); the first step that meets it
// sends a ConditionEvent with this id. A new watch replaces the old one; id 0 stops watching.
struct Watch {
  uint64_t id = 0;
  LessonCondition condition;
  bool pauseWhenMet = false;  // the run pauses on the step that meets the condition
  long budget = 0;  // after this many steps without it: pause and send a BudgetEvent (0: none)
};
}  // namespace cmd

using Command = std::variant<cmd::Play, cmd::Pause, cmd::Steps, cmd::Reset, cmd::SetLr,
                             cmd::SetClip, cmd::SetBptt, cmd::SetSpeed, cmd::Swap, cmd::Snapshot,
                             cmd::Rewind, cmd::SaveFile, cmd::OpenFile, cmd::TravelTo, cmd::Watch>;

// The published histories: built by the training thread from its own copies and never changed
// after publication, so the GUI takes one by swapping a pointer under the lock.
struct HistoryChunk {
  ScalarHistory history;
  HeatHistory heat;
  std::vector<long> keptSteps;
  std::vector<GhostBranch> ghosts;
};

// How long the training thread waited for the data lock (for ui_bench).
struct LockStats {
  double maxWaitUs = 0;   // the longest single wait
  double meanWaitUs = 0;  // over all waits
  uint64_t waits = 0;
  uint64_t skipped = 0;  // step frames not published because the GUI held the lock
};

class TrainerThread : public QThread {
 public:
  explicit TrainerThread(QObject* parent = nullptr);
  ~TrainerThread() override;  // stops and joins

  // Any thread. Commands are applied in order, between steps.
  void post(Command c);
  // Asks run() to return after the current step; wakes it if it is idle or pacing.
  void requestStop();
  // GUI thread: fills `into` with what changed since it was last filled. Holds the data lock only
  // to copy the small run state and take pointers to the immutable report and history chunk;
  // copying those happens after the lock is released.
  void pull(Frame& into);
  // GUI thread: the events queued since the last call, oldest first.
  std::vector<Event> takeEvents() { return m_events.takeAll(); }
  // Any thread: how long the training thread waited for the data lock so far.
  LockStats lockStats() const;
  void resetLockStats();

 protected:
  void run() override;

 private:
  bool wantsStep() const { return m_trainer && (m_playing || m_pendingSteps > 0); }
  void apply(Command& c);
  void on(const cmd::Play&);
  void on(const cmd::Pause&);
  void on(const cmd::Steps& c);
  void on(const cmd::Reset&) { resetRun(); }
  void on(const cmd::SetLr& c);
  void on(const cmd::SetClip& c);
  void on(const cmd::SetBptt& c);
  void on(const cmd::SetSpeed& c);
  void on(const cmd::Swap& c);
  void on(const cmd::Snapshot& c);
  void on(const cmd::Rewind&) { rewind(); }
  void on(const cmd::SaveFile& c) { saveFile(c); }
  void on(const cmd::OpenFile& c) { openFile(c); }
  void on(const cmd::TravelTo& c) { travelTo(c.step); }
  void on(const cmd::Watch& c);
  void resetRun();
  // File commands and rewinds (trainer_thread_files.cpp).
  void saveFile(const cmd::SaveFile& c);
  void openFile(const cmd::OpenFile& c);
  void rewind();
  // Time travel (trainer_thread_travel.cpp): a fresh ring after a build, reset or open; going
  // back to a kept point, leaving the abandoned branch's loss curve behind as a ghost.
  void startTravel();
  void travelTo(long step);
  void updateKept();
  void finishFile(uint64_t id, const QString& path, bool ok, const QString& message);
  void doStep();
  void record(const StepReport& r);  // into the training thread's own histories
  void checkWatch(const StepReport& r);
  void pauseForWatch();  // the watched condition held or its budget ran out
  // A new immutable copy of the histories when they changed and the GUI took the last one (or
  // `force`); null otherwise. Built outside the data lock.
  std::shared_ptr<const HistoryChunk> makeChunk(bool force);
  void publishState(bool newGeneration);
  RunSettings currentSettings() const;
  void sendSettings(const QString& refused);
  // Runs a live setting's validate-and-apply; either way the engine's settings (and the reason
  // it refused, rethrown as the command's error) go back as a SettingsEvent.
  void applyLiveSetting(const std::function<void()>& apply);
  void fail(const QString& message);
  double elapsed() const;
  std::unique_lock<std::mutex> lockData();     // takes m_dataMutex, timing the wait
  std::unique_lock<std::mutex> tryLockData();  // never waits; may not own the lock

  // Command queue: m_cmdMutex guards m_queue and m_stop; m_wake is signalled on post/stop.
  std::mutex m_cmdMutex;
  std::condition_variable m_wake;
  std::deque<Command> m_queue;
  bool m_stop = false;

  // Training-thread state, touched only inside run().
  std::unique_ptr<Trainer> m_trainer;
  std::shared_ptr<const Task> m_task;  // the trainer's task, handed out with snapshots
  uint64_t m_generation = 0;           // bumps per build or reset, for snapshots
  RunSpec m_spec;
  bool m_playing = false;
  bool m_modified = false;               // trained since the last checkpoint save or open
  SnapshotRing m_snapshots;              // known-good states for rewinding after a non-finite step
  std::unique_ptr<TimeTravel> m_travel;  // the timeline's kept points; drives m_trainer's steps
  int m_branchesLeft = 0;                // ghost branches left in this generation
  MetricsRecorder m_metrics;             // what a checkpoint's metrics history holds
  int m_pendingSteps = 0;
  int m_stepsPerSecond = 0;
  double m_elapsedBefore = 0;    // seconds of earlier play stretches
  QElapsedTimer m_playClock;     // valid while a play stretch or a single step runs
  QElapsedTimer m_publishClock;  // rate-limits full report copies
  QElapsedTimer m_chunkClock;    // rate-limits history chunks
  uint64_t m_serial = 0;         // the latest Swap's or OpenFile's serial
  uint64_t m_watchId = 0;        // 0: no condition watched
  cmd::Watch m_watch;
  long m_watchSteps = 0;  // steps since the watch began
  // The training thread's own histories and timeline state; published as HistoryChunk copies.
  ScalarHistory m_history;
  HeatHistory m_heat;
  std::vector<long> m_keptSteps;
  std::vector<GhostBranch> m_ghosts;
  long m_travelledTo = -1;
  bool m_historyDirty = true;  // changed since the last chunk

  // Published data: m_dataMutex guards m_out, m_report, m_probes and m_chunk. The training
  // thread replaces them after a step (pointer swaps and small values); the GUI reads them in
  // pull() and copies what the pointers hold after releasing the lock.
  std::mutex m_dataMutex;
  Frame m_out;  // the run state only: its report, probes and histories stay empty
  std::shared_ptr<const StepReport> m_report;  // null until the generation's first step
  std::shared_ptr<const std::vector<LayerProbe>> m_probes;  // null: none in this generation
  std::shared_ptr<const HistoryChunk> m_chunk;
  std::atomic<bool> m_chunkTaken{true};  // the GUI pulled the latest chunk
  // GUI thread only (pull()): what `into` was last filled from.
  std::shared_ptr<const StepReport> m_pulledReport;
  std::shared_ptr<const std::vector<LayerProbe>> m_pulledProbes;
  std::shared_ptr<const HistoryChunk> m_pulledChunk;

  EventQueue m_events;
  std::atomic<int64_t> m_lockWaitMaxNs{0}, m_lockWaitTotalNs{0};
  std::atomic<uint64_t> m_lockWaits{0}, m_lockSkips{0};
  // What a step could not publish (the GUI held the lock); the next step publishes it.
  std::shared_ptr<const StepReport> m_unpublishedReport;
  std::shared_ptr<const std::vector<LayerProbe>> m_unpublishedProbes;
  long m_unpublishedProbeStep = 0;
  std::shared_ptr<const HistoryChunk> m_unpublishedChunk;
};

}  // namespace unroll::gui
