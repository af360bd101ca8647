// The controller's file commands: checks on the GUI thread (the file, the rebuilt task), the
// Trainer's part on the training thread, and its answer as a FileResult event (fileFinished).
#include "core/error.h"
#include "session/checkpoint_spec.h"
#include "session/trainer_thread.h"
#include "session/training_controller.h"

namespace unroll::gui {

uint64_t TrainingController::refuse(const QString& path, const QString& message) {
  FileResult r;
  r.id = ++m_nextRequest;
  r.path = path;
  r.message = message;
  // Later, like every answer, so that callers connect and record the id first.
  QMetaObject::invokeMethod(
      this, [this, r] { emit fileFinished(r); }, Qt::QueuedConnection);
  return r.id;
}

uint64_t TrainingController::request(Command c, uint64_t id) {
  m_thread->post(std::move(c));
  if (m_filesInFlight++ == 0) emit fileBusyChanged(true);
  return id;
}

void TrainingController::handle(const FileResult& r) {
  if (auto open = m_opens.find(r.id); open != m_opens.end()) {
    PendingOpen p = std::move(open->second);
    m_opens.erase(open);
    if (r.ok) {
      adopt(p.spec, std::move(p.task));
      emit specChanged(m_spec);
    }
  }
  if (m_filesInFlight > 0 && --m_filesInFlight == 0) emit fileBusyChanged(false);
  emit fileFinished(r);
}

uint64_t TrainingController::saveFile(const QString& path, FileKind kind, bool markSaved) {
  if (!m_thread) return refuse(path, tr("The studio is shutting down."));
  cmd::SaveFile c;
  c.path = path;
  c.kind = kind;
  c.markSaved = markSaved;
  try {
    if (!m_task) throw Error("there is no model to save yet");
    c.taskSpec = taskSpecFor(m_spec, *m_task);
  } catch (const std::exception& e) {
    return refuse(path, QString::fromStdString(e.what()));
  }
  const uint64_t id = c.requestId = ++m_nextRequest;
  return request(std::move(c), id);
}

uint64_t TrainingController::openFile(const QString& path, bool markSaved) {
  if (!m_thread) return refuse(path, tr("The studio is shutting down."));
  cmd::OpenFile c;
  c.path = path;
  c.markSaved = markSaved;
  try {
    const std::string file = path.toStdString();
    auto checkpoint = std::make_shared<Checkpoint>(load_checkpoint(file));
    c.spec = runSpecFor(*checkpoint, file);
    c.task = rebuild_task(checkpoint->task, file, checkpoint->config.seq);
    c.checkpoint = std::move(checkpoint);
  } catch (const std::exception& e) {
    return refuse(path, QString::fromStdString(e.what()));
  }
  const uint64_t id = c.requestId = ++m_nextRequest;
  c.serial = ++m_serial;
  m_opens[id] = {c.spec, c.task};
  return request(std::move(c), id);
}

void TrainingController::rewindToLastGood() { post(cmd::Rewind{}); }

void TrainingController::travelTo(long step) { post(cmd::TravelTo{step}); }

}  // namespace unroll::gui
