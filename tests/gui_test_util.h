// Small helpers shared by the studio tests (tst_gui_*).
#pragma once
#include <QElapsedTimer>
#include <QtTest>

#include "app/file_ui.h"
#include "session/run_spec.h"
#include "session/training_controller.h"

namespace unroll::gui::test {

// The vanishing demo shrunk to a quick run: hidden 16, batch 8, adding length 20, no validation.
inline RunSpec smallSpec() {
  RunSpec s;
  demoSpec(QStringLiteral("vanishing"), &s);
  s.train.model.hidden = 16;
  s.train.batch = 8;
  s.data.set("length", 20L);
  s.train.val_every = 0;
  return normalized(s);
}

// The file dialogs and message boxes, scripted: answers set beforehand, errors recorded instead of
// shown.
struct ScriptedUi : FileUi {
  Answer unsaved = Cancel;  // the answer to "save changes?"
  QString path;             // the answer to every open and save dialog
  bool recover = true;      // the answer to "recover the autosaved run?"
  int asked = 0;            // "save changes?" questions so far
  QStringList errors;
  Answer askUnsaved(QWidget*, const QString&) override { return ++asked, unsaved; }
  QString openPath(QWidget*, const QString&) override { return path; }
  QString savePath(QWidget*, const QString&, const QString&, const QString&) override {
    return path;
  }
  void error(QWidget*, const QString&, const QString& text) override { errors << text; }
  bool askRecover(QWidget*, const QDateTime&) override { return recover; }
};

// Pulls until pred(frame) holds or timeoutMs passes; returns whether it held.
template <class Pred>
bool waitFor(TrainingController& c, Pred pred, int timeoutMs = 10000) {
  QElapsedTimer t;
  t.start();
  while (t.elapsed() < timeoutMs) {
    c.pullNow();
    if (pred(c.frame())) return true;
    QTest::qWait(5);
  }
  c.pullNow();
  return pred(c.frame());
}

// Waits until the training thread has handled every command posted so far (a snapshot request is
// answered in order, between steps), then pulls: a barrier on the thread's answer, not on time.
inline bool settle(TrainingController& c, int timeoutMs = 10000) {
  bool answered = false;
  QObject context;
  c.requestNetwork(&context, [&](const NetworkSnapshot&) { answered = true; });
  QElapsedTimer t;
  t.start();
  while (!answered && t.elapsed() < timeoutMs)
    QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
  c.pullNow();
  return answered;
}

}  // namespace unroll::gui::test
