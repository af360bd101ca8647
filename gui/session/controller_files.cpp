// The controller's file commands: checks on the GUI thread (the file, the rebuilt task), the
// Trainer's part on the training thread, and a wait for its answer through the mailbox.
#include "core/error.h"
#include "session/checkpoint_spec.h"
#include "session/trainer_thread.h"
#include "session/training_controller.h"

namespace unroll::gui {
namespace {
constexpr int kFileTimeoutMs = 120000;  // a step of the largest model plus a write
}

FileResult TrainingController::request(Command c) {
  FileResult r;
  r.path = c.path;
  if (!m_thread) {
    r.message = tr("The studio is shutting down.");
    return r;
  }
  c.requestId = ++m_nextRequest;
  m_thread->post(std::move(c));
  r = m_thread->waitFileResult(m_nextRequest, kFileTimeoutMs);
  pullNow();
  return r;
}

FileResult TrainingController::saveFile(const QString& path, FileKind kind, bool markSaved) {
  Command c;
  c.kind = Command::SaveFile;
  c.path = path;
  c.fileKind = kind;
  c.markSaved = markSaved;
  try {
    if (!m_task) throw Error("there is no model to save yet");
    c.taskSpec = taskSpecFor(m_spec, *m_task);
  } catch (const std::exception& e) {
    FileResult r;
    r.path = path;
    r.message = QString::fromStdString(e.what());
    return r;
  }
  return request(std::move(c));
}

FileResult TrainingController::openFile(const QString& path, bool markSaved) {
  Command c;
  c.kind = Command::OpenFile;
  c.path = path;
  c.markSaved = markSaved;
  try {
    const std::string file = path.toStdString();
    auto checkpoint = std::make_shared<Checkpoint>(load_checkpoint(file));
    c.spec = runSpecFor(*checkpoint, file);
    c.task = rebuild_task(checkpoint->task, file, checkpoint->config.seq);
    c.checkpoint = std::move(checkpoint);
  } catch (const std::exception& e) {
    FileResult r;
    r.path = path;
    r.message = QString::fromStdString(e.what());
    return r;
  }
  const RunSpec spec = c.spec;
  std::shared_ptr<const Task> task = c.task;
  const FileResult r = request(std::move(c));
  if (r.ok) {
    adopt(spec, std::move(task));
    emit specChanged(m_spec);
  }
  return r;
}

void TrainingController::rewindToLastGood() { post(Command::Rewind); }

void TrainingController::travelTo(long step) { post(Command::TravelTo, double(step)); }

}  // namespace unroll::gui
