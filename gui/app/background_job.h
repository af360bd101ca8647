// One piece of work at a time on its own thread, its result handled back on the owner's thread;
// the destructor waits for a running job, so captured state never outlives its owner.
#pragma once
#include <QObject>
#include <QThread>
#include <functional>

namespace unroll::gui {

class BackgroundJob : public QObject {
  Q_OBJECT
 public:
  explicit BackgroundJob(QObject* parent = nullptr) : QObject(parent) {}
  ~BackgroundJob() override { wait(); }

  bool busy() const { return m_thread != nullptr; }
  // Runs work() on a new thread, then done() on this object's thread. Returns false (nothing
  // started) while a job is running.
  bool start(std::function<void()> work, std::function<void()> done);
  void wait();

 signals:
  void finished();

 private:
  QThread* m_thread = nullptr;
};

}  // namespace unroll::gui
