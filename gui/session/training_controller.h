// The GUI-thread face of training: owns the TrainerThread, turns user actions into commands and
// pulls telemetry at a fixed frame rate (never per step), announcing each new frame once and each
// event from the thread's lossless queue as a signal. It never waits for the thread.
#pragma once
#include <QObject>
#include <QStringList>
#include <QThread>
#include <QTimer>
#include <cmath>
#include <map>
#include <memory>
#include <vector>

#include "session/frame.h"
#include "session/network_snapshot.h"
#include "session/run_spec.h"
#include "session/trainer_thread.h"
#include "teach/lesson.h"

namespace unroll::gui {

class TrainingController : public QObject {
  Q_OBJECT
 public:
  explicit TrainingController(QObject* parent = nullptr);
  ~TrainingController() override;  // stops and joins the training thread

  // Builds the task here (a file is read on this thread, so errors show at once) and sends the
  // model to the training thread, paused at step 0. Returns an empty string or the reason.
  QString setSpec(const RunSpec& spec);
  const RunSpec& spec() const { return m_spec; }
  uint64_t specSerial() const { return m_serial; }  // bumps with every run sent (setSpec, open)
  // Text of each token id of the current task (empty for dense tasks).
  const QStringList& tokenLabels() const { return m_tokenLabels; }
  bool regressionTask() const { return m_regression; }
  // The task of the current spec (null before the first setSpec).
  std::shared_ptr<const Task> task() const { return m_task; }
  // Asks the training thread for a copy of the network, taken between steps; onReady runs later on
  // this thread, unless `context` is gone by then. Never blocks.
  void requestNetwork(QObject* context, std::function<void(const NetworkSnapshot&)> onReady);
  // Loss of a model that ignores context (adding: MSE of the mean; text: unigram entropy).
  double lossBaseline() const { return m_baseline; }

  void play();
  void pause();
  void stepOnce();
  void runSteps(int n);  // exactly n more steps, then paused
  void reset();
  // Live settings: sent to the engine, which owns them. spec() changes only when the engine
  // accepted the value (settingsChanged); a refused value leaves it as it was.
  void setLearningRate(double lr);
  void setClip(const ClipConfig& clip);
  void setBptt(const BpttConfig& bptt);
  void setStepsPerSecond(int n);  // 0 = full speed

  // File commands (controller_files.cpp), run by the training thread between steps. Both return
  // at once with the request's id; fileFinished(result with that id) follows, also when the
  // request failed before it reached the thread. Checkpoint saves with markSaved clear
  // Frame::modified; exports never do.
  uint64_t saveFile(const QString& path, FileKind kind = FileKind::Checkpoint,
                    bool markSaved = true);
  // Loads and checks the file and rebuilds its task on a loader thread, then the training thread
  // swaps in the restored run, paused; on any error nothing changes. markSaved false: the opened
  // run counts as modified. spec() becomes the file's when fileFinished reports success.
  uint64_t openFile(const QString& path, bool markSaved = true);
  bool fileBusy() const { return m_filesInFlight > 0; }  // a file request is not answered yet
  // Watches a condition on every later step; conditionMet(id, ...) follows once it holds. A new
  // watch replaces the old one. pauseWhenMet: training pauses on that step. budget > 0: after
  // that many steps without it, training pauses and budgetReached(id, step) follows.
  uint64_t watch(const LessonCondition& condition, bool pauseWhenMet = false, long budget = 0);
  // How long the training thread waited for the lock it shares with pull() (ui_bench).
  LockStats trainerLockStats() const;
  void resetTrainerLockStats();
  // After a non-finite step: back to the last known-good snapshot (then change LR/clip, play).
  void rewindToLastGood();
  // Time travel: back to the kept point at or before `step` (Frame::keptSteps), paused; the
  // branch left behind stays in Frame::ghosts. A step not kept is refused through engineError.
  void travelTo(long step);
  bool modified() const { return m_frame.modified; }

  // The latest pulled frame; pullNow() pulls immediately (tests, screenshots).
  const Frame& frame() const { return m_frame; }
  void pullNow();
  void setFrameRate(int hz);
  // Stops and joins the thread; returns milliseconds taken. Later commands are ignored.
  qint64 shutdown();

 signals:
  void frameReady(const unroll::gui::Frame& frame);  // at most once per timer tick
  void playingChanged(bool playing);
  void nonFiniteStep(const unroll::gui::NonFiniteEvent& event);
  void engineError(const QString& message);
  void specChanged(const unroll::gui::RunSpec& spec);
  // The live settings the engine runs with after a change; `refused` is its reason when it kept
  // the old value instead of the requested one (empty when accepted).
  void settingsChanged(const unroll::gui::RunSettings& accepted, const QString& refused);
  void fileFinished(const unroll::gui::FileResult& result);
  void fileBusyChanged(bool busy);
  void conditionMet(quint64 watch, long step, double value);
  void budgetReached(quint64 watch, long step);
  void validated(const unroll::gui::ValidationEvent& event);
  void probed(const unroll::gui::ProbeEvent& event);
  void connectivityMapped(const unroll::gui::ConnectivityEvent& event);

 private:
  void post(Command c);
  void adopt(const RunSpec& spec, std::shared_ptr<const Task> task);
  uint64_t request(Command c, uint64_t id);
  uint64_t refuse(const QString& path, const QString& message);  // fileFinished, not ok, later
  void handle(const ValidationEvent& e) { emit validated(e); }
  void handle(const ProbeEvent& e) { emit probed(e); }
  void handle(const ConnectivityEvent& e) { emit connectivityMapped(e); }
  void handle(const NonFiniteEvent& e) { emit nonFiniteStep(e); }
  void handle(const EngineErrorEvent& e) { emit engineError(e.message); }
  void handle(const FileResult& r);
  void handle(const SettingsEvent& e);
  void handle(const ConditionEvent& e) { emit conditionMet(e.watch, e.step, e.value); }
  void handle(const BudgetEvent& e) { emit budgetReached(e.watch, e.step); }

  // An open waiting for its answer: the spec and task to adopt when it succeeded.
  struct PendingOpen {
    RunSpec spec;
    std::shared_ptr<const Task> task;
  };

  std::unique_ptr<TrainerThread> m_thread;
  QTimer m_timer;
  RunSpec m_spec;
  std::shared_ptr<const Task> m_task;
  QStringList m_tokenLabels;
  bool m_regression = false;
  double m_baseline = NAN;
  Frame m_frame;
  uint64_t m_shownVersion = ~0ull, m_shownHistory = ~0ull, m_shownGeneration = ~0ull;
  bool m_wasPlaying = false;
  uint64_t m_nextRequest = 0;
  int m_filesInFlight = 0;
  std::map<uint64_t, PendingOpen> m_opens;
  std::vector<QThread*> m_loaders;  // opens still reading their file; shutdown() waits for them
  uint64_t m_serial = 0;            // specs sent to the thread (setSpec, openFile)
  uint64_t m_nextWatch = 0;
};

}  // namespace unroll::gui
