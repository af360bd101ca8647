// Commands out, frames in: the controller never blocks on training and the thread never on it.
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
  if (m_thread) {
    Command c;
    c.kind = Command::Swap;
    c.spec = spec;
    c.task = std::move(task);
    m_thread->post(std::move(c));
  }
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

void TrainingController::post(int kind, double value) {
  if (!m_thread) return;
  Command c;
  c.kind = Command::Kind(kind);
  c.value = value;
  m_thread->post(std::move(c));
}

void TrainingController::requestNetwork(QObject* context,
                                        std::function<void(const NetworkSnapshot&)> onReady) {
  if (!m_thread) return;
  Command c;
  c.kind = Command::Snapshot;
  // The reply hops to this object's thread; the controller outlives the thread (it joins it).
  c.reply = [this, guard = QPointer<QObject>(context), f = std::move(onReady)](NetworkSnapshot s) {
    QMetaObject::invokeMethod(
        this,
        [guard, f, s = std::move(s)] {
          if (guard) f(s);
        },
        Qt::QueuedConnection);
  };
  m_thread->post(std::move(c));
}

void TrainingController::play() { post(Command::Play); }
void TrainingController::pause() { post(Command::Pause); }
void TrainingController::stepOnce() { post(Command::StepOnce); }
void TrainingController::reset() { post(Command::Reset); }

void TrainingController::setLearningRate(double lr) {
  m_spec.train.optimizer.lr = lr;
  post(Command::SetLr, lr);
}

void TrainingController::setStepsPerSecond(int n) { post(Command::SetSpeed, n); }

void TrainingController::setClip(const ClipConfig& clip) {
  if (!m_thread) return;
  m_spec.train.clip = clip;
  Command c;
  c.kind = Command::SetClip;
  c.clip = clip;
  m_thread->post(std::move(c));
}

void TrainingController::setBptt(const BpttConfig& bptt) {
  if (!m_thread) return;
  m_spec.train.bptt = bptt;
  Command c;
  c.kind = Command::SetBptt;
  c.bptt = bptt;
  m_thread->post(std::move(c));
}

void TrainingController::pullNow() {
  if (!m_thread) return;
  m_thread->pull(m_frame);
  if (m_frame.errorCount != m_seenErrors) {
    m_seenErrors = m_frame.errorCount;
    emit engineError(m_frame.lastError);
  }
  if (m_frame.nonFiniteCount != m_seenNonFinite) {
    m_seenNonFinite = m_frame.nonFiniteCount;
    emit nonFiniteStep(m_frame.lastNonFinite);
  }
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
