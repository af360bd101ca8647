// Autosave and crash recovery bookkeeping (the last clean exit is kept in QSettings).
#include "app/autosave.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include "session/training_controller.h"

namespace unroll::gui {
namespace {
const char* const kCleanExitKey = "session/cleanExit";
}

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
  const QDateTime clean = QSettings().value(kCleanExitKey).toDateTime();
  if (saved) *saved = info.lastModified();
  return !clean.isValid() || info.lastModified() > clean;
}

void Autosave::discard() { QFile::remove(path()); }

void Autosave::cleanExit() {
  m_timer.stop();
  m_request = 0;  // an answer after this must not count
  discard();
  QSettings().setValue(kCleanExitKey, QDateTime::currentDateTime());
}

}  // namespace unroll::gui
