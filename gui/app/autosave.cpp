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
}

QString Autosave::path() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
         QStringLiteral("/autosave.unroll");
}

void Autosave::start(int intervalMs) { m_timer.start(intervalMs); }

bool Autosave::saveNow() {
  m_controller->pullNow();
  const Frame& f = m_controller->frame();
  if (!f.modified || (f.steps == m_lastSteps && f.generation == m_lastGeneration)) return false;
  QDir().mkpath(QFileInfo(path()).absolutePath());
  const FileResult r = m_controller->saveFile(path(), FileKind::Checkpoint, /*markSaved=*/false);
  if (!r.ok) return false;
  m_lastSteps = f.steps;
  m_lastGeneration = f.generation;
  return true;
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
  discard();
  QSettings().setValue(kCleanExitKey, QDateTime::currentDateTime());
}

}  // namespace unroll::gui
