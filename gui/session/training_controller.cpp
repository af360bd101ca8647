// Commands out, frames and events in: the controller never blocks on training and the thread never
// on it.
#include "session/training_controller.h"

#include <QElapsedTimer>
#include <QPointer>

#include "data/adding_task.h"
#include "data/text_corpus.h"
#include "session/trainer_thread.h"

namespace unroll::gui {

TrainingController::TrainingController(QObject* parent)
    : QObject(parent), m_thread(std::make_unique<TrainerThread>()) {
  m_thread->start();
  m_timer.setTimerType(Qt::PreciseTimer);
  connect(&m_timer, &QTimer::timeout, this, &TrainingController::pullNow);
  // 40 Hz: a frame that takes longer than 25 ms (a busy core, a large redraw) still leaves the
  // studio above 30 frames per second.
  setFrameRate(40);
}

TrainingController::~TrainingController() { shutdown(); }

qint64 TrainingController::shutdown() {
  QElapsedTimer t;
  t.start();
  m_timer.stop();
  for (QThread* loader : m_loaders) {  // a file being read; bounded by its size
    loader->wait();
    delete loader;
  }
  m_loaders.clear();
  if (m_thread) {
    m_thread->requestStop();
    m_thread->wait();
    m_thread.reset();
  }
  return t.elapsed();
}

void TrainingController::setFrameRate(int hz) { m_timer.start(1000 / std::max(1, hz)); }

QString TrainingController::setSpec(const RunSpec& requested) {
  const RunSpec spec = normalized(requested);
  if (QString why = validationError(spec); !why.isEmpty()) return why;
  std::shared_ptr<const Task> task;
  try {
    task = makeTask(spec.data);
  } catch (const std::exception& e) {
    return QString::fromStdString(e.what());
  }
  adopt(spec, task);
  post(cmd::Swap{++m_serial, spec, std::move(task)});
  emit specChanged(m_spec);
  return {};
}

void TrainingController::adopt(const RunSpec& spec, std::shared_ptr<const Task> task) {
  m_spec = spec;
  m_task = task;
  const TaskShape shape = task->shape();
  m_regression = shape.head == HeadKind::Regression;
  m_baseline = task->baseline_loss();
  m_tokenLabels.clear();
  if (shape.tokens)
    for (int i = 0; i < shape.input_size; ++i)
      m_tokenLabels << QString::fromStdString(task->token_text(i));
}

void TrainingController::post(Command c) {
  if (m_thread) m_thread->post(std::move(c));
}

void TrainingController::requestNetwork(QObject* context,
                                        std::function<void(const NetworkSnapshot&)> onReady) {
  if (!m_thread) return;
  // The reply hops to this object's thread; the controller outlives the thread (it joins it).
  post(cmd::Snapshot{
      [this, guard = QPointer<QObject>(context), f = std::move(onReady)](NetworkSnapshot s) {
        QMetaObject::invokeMethod(
            this,
            [guard, f, s = std::move(s)] {
              if (guard) f(s);
            },
            Qt::QueuedConnection);
      }});
}

void TrainingController::play() { post(cmd::Play{}); }
void TrainingController::pause() { post(cmd::Pause{}); }
void TrainingController::stepOnce() { post(cmd::Steps{1}); }
void TrainingController::runSteps(int n) { post(cmd::Steps{n}); }
void TrainingController::reset() { post(cmd::Reset{}); }
void TrainingController::setLearningRate(double lr) { post(cmd::SetLr{lr}); }
void TrainingController::setStepsPerSecond(int n) { post(cmd::SetSpeed{n}); }
void TrainingController::setClip(const ClipConfig& clip) { post(cmd::SetClip{clip}); }
void TrainingController::setBptt(const BpttConfig& bptt) { post(cmd::SetBptt{bptt}); }

uint64_t TrainingController::watch(const LessonCondition& condition, bool pauseWhenMet,
                                   long budget) {
  post(cmd::Watch{++m_nextWatch, condition, pauseWhenMet, budget});
  return m_nextWatch;
}

LockStats TrainingController::trainerLockStats() const {
  return m_thread ? m_thread->lockStats() : LockStats{};
}

void TrainingController::resetTrainerLockStats() {
  if (m_thread) m_thread->resetLockStats();
}

void TrainingController::handle(const SettingsEvent& e) {
  // Settings of a spec this controller has since replaced describe a run that is gone.
  if (e.serial != m_serial) return;
  m_spec.train.optimizer.lr = e.accepted.lr;
  m_spec.train.clip = e.accepted.clip;
  m_spec.train.bptt = e.accepted.bptt;
  emit settingsChanged(e.accepted, e.refused);
}

void TrainingController::pullNow() {
  if (!m_thread) return;
  // Events first, then the frame: the thread publishes a frame before the events it caused, so
  // every event handled here finds a frame at least as new as itself.
  std::vector<Event> events = m_thread->takeEvents();
  m_thread->pull(m_frame);
  for (const Event& e : events) std::visit([this](const auto& x) { handle(x); }, e);
  if (m_frame.playing != m_wasPlaying) {
    m_wasPlaying = m_frame.playing;
    emit playingChanged(m_wasPlaying);
  }
  if (m_frame.version != m_shownVersion || m_frame.historyVersion != m_shownHistory ||
      m_frame.generation != m_shownGeneration) {
    m_shownVersion = m_frame.version;
    m_shownHistory = m_frame.historyVersion;
    m_shownGeneration = m_frame.generation;
    emit frameReady(m_frame);
  }
}

}  // namespace unroll::gui
