// Autosave: every few minutes the run (if it trained since the last autosave) is written to
// AppDataLocation/autosave.unroll; a clean exit removes it, so one found at start means a crash.
#pragma once
#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <cstdint>

#include "session/frame.h"

namespace unroll::gui {

class TrainingController;

class Autosave : public QObject {
  Q_OBJECT
 public:
  explicit Autosave(TrainingController* controller, QObject* parent = nullptr);

  static QString path();
  void start(int intervalMs = 3 * 60 * 1000);
  // Starts writing the run when it trained since the last autosave; true when a save started.
  // finished(ok) follows when the training thread wrote the file (or failed to).
  bool saveNow();
  bool saving() const { return m_request != 0; }
  // An autosave exists: a clean exit removes it, so it was left by a crash (or by another
  // instance still running, which the offer to recover says); `saved` gets its time.
  bool recoveryAvailable(QDateTime* saved = nullptr) const;
  void discard();    // removes the autosave file
  void cleanExit();  // stops autosaving and removes the file

 signals:
  void finished(bool ok);

 private:
  void onFinished(const FileResult& r);

  TrainingController* m_controller;
  uint64_t m_request = 0;  // the save under way, 0: none
  QTimer m_timer;
  long m_lastSteps = -1;  // what the last autosave (or the one under way) holds
  uint64_t m_lastGeneration = ~0ull;
  long m_prevSteps = -1;  // restored if the save under way fails
  uint64_t m_prevGeneration = ~0ull;
};

}  // namespace unroll::gui
