// The one thread that owns the Trainer: runs steps as fast as allowed (or at a teaching pace),
// reads commands from a queue between steps and publishes telemetry without ever waiting on the
// GUI.
#pragma once
#include <QElapsedTimer>
#include <QThread>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

#include "io/checkpoint.h"
#include "session/frame.h"
#include "session/network_snapshot.h"
#include "session/run_spec.h"
#include "teach/time_travel.h"
#include "telemetry/metrics_recorder.h"
#include "telemetry/snapshot_ring.h"

namespace unroll::gui {

struct Command {
  enum Kind {
    Play,
    Pause,
    StepOnce,
    Reset,
    SetLr,
    SetClip,
    SetBptt,
    SetSpeed,
    Swap,
    Snapshot,
    Rewind,
    SaveFile,
    OpenFile,
    TravelTo
  };
  Kind kind = Pause;
  double value = 0;                  // SetLr: rate; SetSpeed: steps per second (0 = full);
                                     // TravelTo: the step to go back to
  ClipConfig clip;                   // SetClip
  BpttConfig bptt;                   // SetBptt
  RunSpec spec;                      // Swap
  std::shared_ptr<const Task> task;  // Swap: built on the caller's thread
  SnapshotReply reply;               // Snapshot: gets a copy of the network
  // File commands (trainer_thread_files.cpp); answered through Frame::lastFile with requestId.
  uint64_t requestId = 0;
  QString path;                                  // SaveFile, OpenFile
  FileKind fileKind = FileKind::Checkpoint;      // SaveFile
  bool markSaved = true;                         // SaveFile/OpenFile: clears (else sets) modified
  TaskSpec taskSpec;                             // SaveFile: what built the task
  std::shared_ptr<const Checkpoint> checkpoint;  // OpenFile: loaded and checked by the caller;
                                                 // spec and task are built from it
};

class TrainerThread : public QThread {
 public:
  explicit TrainerThread(QObject* parent = nullptr);
  ~TrainerThread() override;  // stops and joins

  // Any thread. Commands are applied in order, between steps.
  void post(Command c);
  // Asks run() to return after the current step; wakes it if it is idle or pacing.
  void requestStop();
  // GUI thread: copies what changed since `into` was last filled. Holds the data lock only for
  // the copy; the training thread takes it once per published step.
  void pull(Frame& into);
  // Any thread: waits up to timeoutMs for the answer to file request `id`; ok == false on timeout.
  FileResult waitFileResult(uint64_t id, int timeoutMs);

 protected:
  void run() override;

 private:
  bool wantsStep() const { return m_trainer && (m_playing || m_pendingSteps > 0); }
  void apply(Command& c);
  void build(const Command& c);
  void resetRun();
  // File commands and rewinds (trainer_thread_files.cpp).
  void saveFile(const Command& c);
  void openFile(const Command& c);
  void rewind();
  // Time travel (trainer_thread_travel.cpp): a fresh ring after a build, reset or open; going
  // back to a kept point, leaving the abandoned branch's loss curve behind as a ghost.
  void startTravel();
  void travelTo(long step);
  void publishKept();  // with m_dataMutex held
  void finishFile(const Command& c, bool ok, const QString& message);
  void doStep();
  void publishState(bool newGeneration);
  void fail(const QString& message);
  double elapsed() const;

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

  // Published data: m_dataMutex guards m_out. The training thread writes it after a step; the
  // GUI copies from it in pull().
  std::mutex m_dataMutex;
  Frame m_out;
  std::condition_variable m_fileDone;  // signalled (with m_dataMutex) when lastFile changes
};

}  // namespace unroll::gui
