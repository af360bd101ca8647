// Autosave: every few minutes the run (if it trained since the last autosave) is written to
// AppDataLocation/autosave.unroll; a clean exit removes it, so one found at start means a crash.
#pragma once
#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace unroll::gui {

class TrainingController;

class Autosave : public QObject {
  Q_OBJECT
 public:
  explicit Autosave(TrainingController* controller, QObject* parent = nullptr);

  static QString path();
  void start(int intervalMs = 3 * 60 * 1000);
  // Writes the run when it trained since the last autosave; true when a file was written.
  bool saveNow();
  // An autosave newer than the last clean exit exists; `saved` gets its time.
  bool recoveryAvailable(QDateTime* saved = nullptr) const;
  void discard();    // removes the autosave file
  void cleanExit();  // removes it and records the time of this clean exit

 private:
  TrainingController* m_controller;
  QTimer m_timer;
  long m_lastSteps = -1;
  uint64_t m_lastGeneration = ~0ull;
};

}  // namespace unroll::gui
