// The GUI-thread face of training: owns the TrainerThread, turns user actions into commands and
// pulls telemetry at a fixed frame rate (never per step), announcing each new frame once.
#pragma once
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <cmath>
#include <memory>

#include "session/frame.h"
#include "session/network_snapshot.h"
#include "session/run_spec.h"

namespace unroll::gui {

class TrainerThread;
struct Command;

class TrainingController : public QObject {
  Q_OBJECT
 public:
  explicit TrainingController(QObject* parent = nullptr);
  ~TrainingController() override;  // stops and joins the training thread

  // Builds the task here (a file is read on this thread, so errors show at once) and sends the
  // model to the training thread, paused at step 0. Returns an empty string or the reason.
  QString setSpec(const RunSpec& spec);
  const RunSpec& spec() const { return m_spec; }
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
  void reset();
  void setLearningRate(double lr);
  void setClip(const ClipConfig& clip);
  void setBptt(const BpttConfig& bptt);
  void setStepsPerSecond(int n);  // 0 = full speed

  // File commands (controller_files.cpp), run by the training thread between steps. These wait
  // for its answer (at most a step plus the write); the thread never waits on the GUI.
  // Checkpoint saves with markSaved clear Frame::modified; exports never do.
  FileResult saveFile(const QString& path, FileKind kind = FileKind::Checkpoint,
                      bool markSaved = true);
  // Loads and checks the file here, rebuilds its task, then the thread swaps in the restored run,
  // paused; on any error nothing changes. markSaved false: the opened run counts as modified.
  FileResult openFile(const QString& path, bool markSaved = true);
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

 private:
  void post(int kind, double value = 0);
  void adopt(const RunSpec& spec, std::shared_ptr<const Task> task);
  FileResult request(Command c);

  std::unique_ptr<TrainerThread> m_thread;
  QTimer m_timer;
  RunSpec m_spec;
  std::shared_ptr<const Task> m_task;
  QStringList m_tokenLabels;
  bool m_regression = false;
  double m_baseline = NAN;
  Frame m_frame;
  uint64_t m_shownVersion = ~0ull, m_shownHistory = ~0ull, m_shownGeneration = ~0ull;
  uint64_t m_seenNonFinite = 0, m_seenErrors = 0;
  bool m_wasPlaying = false;
  uint64_t m_nextRequest = 0;
};

}  // namespace unroll::gui
