// Autosave and crash recovery: the file exists only between a run's first autosave and a clean
// exit, so no clock or file time decides whether to offer it.
#include "app/autosave.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "session/training_controller.h"

namespace unroll::gui {
Autosave::Autosave(TrainingController* controller, QObject* parent)
    : QObject(parent), m_controller(controller) {
  connect(&m_timer, &QTimer::timeout, this, &Autosave::saveNow);
  connect(controller, &TrainingController::fileFinished, this, &Autosave::onFinished);
}

QString Autosave::path() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
         QStringLiteral("/autosave.unroll");
}

void Autosave::start(int intervalMs) { m_timer.start(intervalMs); }

bool Autosave::saveNow() {
  if (m_request != 0) return false;  // the last one is still being written
  m_controller->pullNow();
  const Frame& f = m_controller->frame();
  if (!f.modified || (f.steps == m_lastSteps && f.generation == m_lastGeneration)) return false;
  QDir().mkpath(QFileInfo(path()).absolutePath());
  m_prevSteps = m_lastSteps;
  m_prevGeneration = m_lastGeneration;
  m_lastSteps = f.steps;
  m_lastGeneration = f.generation;
  m_request = m_controller->saveFile(path(), FileKind::Checkpoint, /*markSaved=*/false);
  return true;
}

void Autosave::onFinished(const FileResult& r) {
  if (r.id != m_request || m_request == 0) return;
  m_request = 0;
  if (!r.ok) {  // the next tick tries again
    m_lastSteps = m_prevSteps;
    m_lastGeneration = m_prevGeneration;
  }
  emit finished(r.ok);
}

bool Autosave::recoveryAvailable(QDateTime* saved) const {
  const QFileInfo info(path());
  if (!info.exists()) return false;
  if (saved) *saved = info.lastModified();
  return true;
}

void Autosave::discard() { QFile::remove(path()); }

void Autosave::cleanExit() {
  m_timer.stop();
  m_request = 0;  // an answer after this must not count
  discard();
}

}  // namespace unroll::gui
