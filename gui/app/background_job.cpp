// BackgroundJob: QThread::create for the work, a queued `finished` for the hand-back.
#include "app/background_job.h"

namespace unroll::gui {

bool BackgroundJob::start(std::function<void()> work, std::function<void()> done) {
  if (m_thread) return false;
  m_thread = QThread::create(std::move(work));
  // Emitted on the worker thread; the context object makes the call queued onto ours.
  connect(m_thread, &QThread::finished, this, [this, t = m_thread, done = std::move(done)] {
    if (m_thread != t) return;  // already collected by wait()
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    if (done) done();
    emit finished();
  });
  m_thread->start();
  return true;
}

void BackgroundJob::wait() {
  if (!m_thread) return;
  m_thread->wait();
  delete m_thread;  // its pending finished hand-back dies with it
  m_thread = nullptr;
}

}  // namespace unroll::gui
