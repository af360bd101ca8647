// The one thread that owns the Trainer: runs steps as fast as allowed (or at a teaching pace),
// reads commands from a queue between steps and publishes telemetry without ever waiting on the GUI.
#pragma once
#include <QElapsedTimer>
#include <QThread>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

#include "frame.h"
#include "run_spec.h"

namespace unroll::gui {

struct Command {
  enum Kind { Play, Pause, StepOnce, Reset, SetLr, SetClip, SetBptt, SetSpeed, Swap };
  Kind kind = Pause;
  double value = 0;                    // SetLr: rate; SetSpeed: steps per second (0 = full)
  ClipConfig clip;                     // SetClip
  BpttConfig bptt;                     // SetBptt
  RunSpec spec;                        // Swap
  std::shared_ptr<const Task> task;    // Swap: built on the caller's thread
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

 protected:
  void run() override;

 private:
  bool wantsStep() const { return m_trainer && (m_playing || m_pendingSteps > 0); }
  void apply(Command& c);
  void build(const Command& c);
  void resetRun();
  void applyGain();
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
  RunSpec m_spec;
  bool m_playing = false;
  int m_pendingSteps = 0;
  int m_stepsPerSecond = 0;
  double m_elapsedBefore = 0;       // seconds of earlier play stretches
  QElapsedTimer m_playClock;        // valid while a play stretch or a single step runs
  QElapsedTimer m_publishClock;     // rate-limits full report copies

  // Published data: m_dataMutex guards m_out. The training thread writes it after a step; the
  // GUI copies from it in pull().
  std::mutex m_dataMutex;
  Frame m_out;
};

}  // namespace unroll::gui
