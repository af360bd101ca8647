// The controller's file commands: an open's checks (the file, the rebuilt task) on a loader thread,
// the Trainer's part on the training thread, and its answer as a FileResult event (fileFinished).
#include <QThread>
#include <algorithm>

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

uint64_t TrainingController::request(Command c, uint64_t id) {  // a save or export
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
  const uint64_t id = ++m_nextRequest;
  if (m_filesInFlight++ == 0) emit fileBusyChanged(true);
  // Reading and checking the file and rebuilding its task take a while for a large model: they
  // run on a loader thread, and the command goes to the training thread once they succeeded.
  auto c = std::make_shared<cmd::OpenFile>();
  c->requestId = id;
  c->path = path;
  c->markSaved = markSaved;
  auto error = std::make_shared<QString>();
  QThread* loader = QThread::create([c, error] {
    try {
      const std::string file = c->path.toStdString();
      auto checkpoint = std::make_shared<Checkpoint>(load_checkpoint(file));
      c->spec = runSpecFor(*checkpoint, file);
      c->task = rebuild_task(checkpoint->task, file, checkpoint->config.seq);
      c->checkpoint = std::move(checkpoint);
    } catch (const std::exception& e) {
      *error = QString::fromStdString(e.what());
    }
  });
  m_loaders.push_back(loader);
  connect(loader, &QThread::finished, this, [this, loader, c, error] {
    const auto it = std::find(m_loaders.begin(), m_loaders.end(), loader);
    if (it == m_loaders.end()) return;  // shutdown() waited for it and deleted it
    m_loaders.erase(it);
    loader->deleteLater();
    if (error->isEmpty() && m_thread) {
      c->serial = ++m_serial;
      m_opens[c->requestId] = {c->spec, c->task};
      m_thread->post(std::move(*c));
      return;
    }
    FileResult r;
    r.id = c->requestId;
    r.path = c->path;
    r.message = m_thread ? *error : tr("The studio is shutting down.");
    handle(r);
  });
  loader->start();
  return id;
}

void TrainingController::rewindToLastGood() { post(cmd::Rewind{}); }

void TrainingController::travelTo(long step) { post(cmd::TravelTo{step}); }

}  // namespace unroll::gui
