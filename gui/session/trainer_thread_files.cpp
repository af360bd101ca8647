// The training thread's file commands (save, export, open) and its rewind to a known-good state:
// the Trainer is read and replaced here, on its own thread; answers go out as FileResult events.
#include <QFileInfo>

#include "core/error.h"
#include "io/metrics_csv.h"
#include "io/onnx_export.h"
#include "io/safetensors.h"
#include "session/checkpoint_spec.h"
#include "session/trainer_thread.h"

namespace unroll::gui {

void TrainerThread::saveFile(const cmd::SaveFile& c) {
  try {
    if (!m_trainer) throw Error("there is no model to save yet");
    const std::string path = c.path.toStdString();
    const Checkpoint ck = capture_checkpoint(*m_trainer, c.taskSpec, m_metrics.history());
    switch (c.kind) {
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
    if (c.kind == FileKind::Checkpoint && c.markSaved) m_modified = false;
    finishFile(c.requestId, c.path, true, {});
  } catch (const std::exception& e) {
    finishFile(c.requestId, c.path, false, QString::fromStdString(e.what()));
  }
}

void TrainerThread::openFile(const cmd::OpenFile& c) {
  m_serial = c.serial;  // settings sent from now on belong to the spec the caller sent with it
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
    publishState(true);  // a new generation: empty histories, no report
    replayHistory(m_metrics.history(), m_history, m_heat);
    startTravel();  // publishes the replayed histories
    finishFile(c.requestId, c.path, true, {});
  } catch (const std::exception& e) {
    finishFile(c.requestId, c.path, false, QString::fromStdString(e.what()));
  }
}

void TrainerThread::finishFile(uint64_t id, const QString& path, bool ok, const QString& message) {
  const long step = m_trainer ? m_trainer->steps() : 0;
  publishState(false);  // the frame first (modified, steps): events never run ahead of it
  m_events.push(FileResult{id, ok, path, message, step});
}

void TrainerThread::rewind() {
  if (!m_trainer) return;
  const TrainerSnapshot* s = m_snapshots.rewindTarget();
  if (!s) throw Error("there is no known-good state to return to");
  restore_for_branch(*m_trainer, *s);  // also after the BPTT windows were changed
  const long step = s->progress.step;
  m_metrics.truncateAfter(step);
  if (m_travel) m_travel->forget_future();
  m_history.truncateAfter(step);
  m_heat.truncateAfter(step);
  updateKept();
  m_historyDirty = true;
  {
    auto lock = lockData();
    ++m_out.rewindCount;
    m_out.rewoundTo = step;
  }
  publishState(false);
}

}  // namespace unroll::gui
