// The training thread's file commands (save, export, open) and its rewind to a known-good state:
// the Trainer is read and replaced here, on its own thread; answers go out through the mailbox.
#include <QFileInfo>

#include "core/error.h"
#include "io/metrics_csv.h"
#include "io/onnx_export.h"
#include "io/safetensors.h"
#include "session/checkpoint_spec.h"
#include "session/trainer_thread.h"

namespace unroll::gui {

void TrainerThread::saveFile(const Command& c) {
  try {
    if (!m_trainer) throw Error("there is no model to save yet");
    const std::string path = c.path.toStdString();
    const Checkpoint ck = capture_checkpoint(*m_trainer, c.taskSpec, m_metrics.history());
    switch (c.fileKind) {
      case FileKind::Checkpoint:
        save_checkpoint(path, ck);
        break;
      case FileKind::Safetensors:
        write_safetensors(path, ck);
        break;
      case FileKind::Onnx:
        write_onnx(path, ck);
        break;
      case FileKind::MetricsCsv:
        write_file_atomically(path, metrics_csv(ck.history));
        break;
      case FileKind::TimestepCsv:
        write_file_atomically(path, timestep_grads_csv(ck.history));
        break;
    }
    if (c.fileKind == FileKind::Checkpoint && c.markSaved) m_modified = false;
    finishFile(c, true, {});
  } catch (const std::exception& e) {
    finishFile(c, false, QString::fromStdString(e.what()));
  }
}

void TrainerThread::openFile(const Command& c) {
  try {
    // Built aside and swapped in only when the restore succeeded: a failure changes nothing.
    auto trainer = std::make_unique<Trainer>(c.checkpoint->config, c.task);
    restore_checkpoint(*c.checkpoint, *trainer);
    m_travel.reset();
    m_trainer = std::move(trainer);
    m_task = c.task;
    m_spec = c.spec;
    m_playing = false;
    m_pendingSteps = 0;
    m_elapsedBefore = 0;
    if (m_playClock.isValid()) m_playClock.invalidate();
    ++m_generation;
    m_modified = !c.markSaved;  // a recovered autosave is not saved anywhere
    m_metrics.assign(c.checkpoint->history);
    m_snapshots.start(*m_trainer);
    publishState(true);
    {
      std::lock_guard lock(m_dataMutex);
      replayHistory(m_metrics.history(), m_out.history, m_out.heat);
      ++m_out.historyVersion;
    }
    startTravel();
    finishFile(c, true, {});
  } catch (const std::exception& e) {
    finishFile(c, false, QString::fromStdString(e.what()));
  }
}

void TrainerThread::finishFile(const Command& c, bool ok, const QString& message) {
  {
    std::lock_guard lock(m_dataMutex);
    m_out.lastFile = {c.requestId, ok, c.path, message, m_trainer ? m_trainer->steps() : 0};
    m_out.modified = m_modified;
    ++m_out.version;
  }
  m_fileDone.notify_all();
}

FileResult TrainerThread::waitFileResult(uint64_t id, int timeoutMs) {
  std::unique_lock lock(m_dataMutex);
  const bool done = m_fileDone.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                                        [&] { return m_out.lastFile.id >= id; });
  if (done && m_out.lastFile.id == id) return m_out.lastFile;
  FileResult r;
  r.id = id;
  r.message = QStringLiteral("the training thread did not answer in time");
  return r;
}

void TrainerThread::rewind() {
  if (!m_trainer) return;
  const TrainerSnapshot* s = m_snapshots.rewindTarget();
  if (!s) throw Error("there is no known-good state to return to");
  restore_for_branch(*m_trainer, *s);  // also after the BPTT windows were changed
  const long step = s->progress.step;
  m_metrics.truncateAfter(step);
  if (m_travel) m_travel->forget_future();
  std::lock_guard lock(m_dataMutex);
  m_out.history.truncateAfter(step);
  m_out.heat.truncateAfter(step);
  publishKept();
  ++m_out.historyVersion;
  ++m_out.rewindCount;
  m_out.rewoundTo = step;
  m_out.steps = m_trainer->steps();
  ++m_out.version;
}

}  // namespace unroll::gui
