// The studio's File menu: save -> open continues a run bit-identically, a bad file shows an error
// and changes nothing, recent files and the unsaved-changes prompt, autosave recovery bookkeeping.
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include "app/app_options.h"
#include "app/autosave.h"
#include "app/file_actions.h"
#include "app/main_window.h"
#include "gui_test_util.h"
#include "io/checkpoint.h"
#include "panels/lesson_panel.h"
#include "panels/model_designer.h"
#include "session/training_controller.h"

using namespace unroll;
using namespace unroll::gui;
using test::ScriptedUi;
using test::smallSpec;

namespace {

// Runs exactly n more steps and waits for them.
bool stepN(TrainingController& c, int n) {
  if (!test::settle(c)) return false;  // the frame of the run the earlier commands made
  const long target = c.frame().steps + n;
  for (int i = 0; i < n; ++i) c.stepOnce();
  return test::waitFor(
      c, [&](const Frame& f) { return f.steps == target; }, 20000);
}

// Losses of the last n steps, from the (stride 1) history.
std::vector<double> lastLosses(const Frame& f, int n) {
  std::vector<double> out;
  const auto& b = f.history.buckets();
  for (size_t i = b.size() - std::min<size_t>(b.size(), n); i < b.size(); ++i)
    out.push_back(b[i].s[kLoss].mean());
  return out;
}

struct Studio {
  QMainWindow window;
  TrainingController* c = new TrainingController(&window);
  FileActions files{&window, c, false};
  ScriptedUi* ui = new ScriptedUi;
  Studio() { files.setUi(std::unique_ptr<FileUi>(ui)); }
};

// File commands are answered later: waits for the answer to the request a FileActions call just
// made (started: what the call returned); true when it succeeded.
bool done(Studio& s, bool started) {
  if (!started) return false;
  QSignalSpy finished(&s.files, &FileActions::finished);
  if (!finished.wait(60000)) return false;
  return finished.last().first().value<FileResult>().ok;
}

// An autosave started and written.
bool autosaved(Autosave* a) {
  QSignalSpy finished(a, &Autosave::finished);
  if (!a->saveNow()) return false;
  return finished.wait(60000) && finished.last().first().toBool();
}

}  // namespace

class TstGuiFiles : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnrollTest"));
    QSettings().clear();
  }
  void saveOpenContinuesIdentically();
  void badFileShowsErrorAndChangesNothing_data();
  void badFileShowsErrorAndChangesNothing();
  void recentFilesUpdated();
  void unsavedPrompt();
  void autosaveRecovery();
  void saveIsAnsweredLater();
  void replacingTheRunAsks();
  void recoveryIsAskedFirst();

 private:
  QTemporaryDir m_dir;
};

void TstGuiFiles::saveOpenContinuesIdentically() {
  // A: 10 steps, save, 10 more. B: open the file, 10 steps. Same losses and weights.
  const QString path = m_dir.filePath("run.unroll"), endA = m_dir.filePath("a.unroll"),
                endB = m_dir.filePath("b.unroll");
  Studio a;
  QVERIFY(a.c->setSpec(smallSpec()).isEmpty());
  QVERIFY(stepN(*a.c, 10));
  QVERIFY(done(a, a.files.saveTo(path)));
  QVERIFY(!a.c->modified());
  QVERIFY(stepN(*a.c, 10));
  const std::vector<double> lossA = lastLosses(a.c->frame(), 10);
  QVERIFY(done(a, a.files.saveTo(endA)));

  Studio b;
  QVERIFY(b.c->setSpec(smallSpec()).isEmpty());
  QVERIFY(done(b, b.files.openPath(path)));
  QCOMPARE(b.c->frame().steps, 10L);
  QCOMPARE(b.files.currentPath(), path);
  QCOMPARE(b.c->spec().train.model.recurrent_gain, smallSpec().train.model.recurrent_gain);
  QVERIFY(stepN(*b.c, 10));
  const std::vector<double> lossB = lastLosses(b.c->frame(), 10);
  QVERIFY(done(b, b.files.saveTo(endB)));
  QCOMPARE(lossB.size(), size_t(10));
  double worst = 0;
  for (size_t i = 0; i < lossA.size(); ++i) worst = std::max(worst, std::abs(lossA[i] - lossB[i]));
  const Checkpoint ca = load_checkpoint(endA.toStdString());
  const Checkpoint cb = load_checkpoint(endB.toStdString());
  const double wdiff = (ca.params - cb.params).cwiseAbs().maxCoeff();
  qInfo("largest loss difference %g, weight difference %g", worst, wdiff);
  QCOMPARE(worst, 0.0);
  QCOMPARE(wdiff, 0.0);
  QCOMPARE(cb.progress.step, 20L);
  QVERIFY(b.ui->errors.isEmpty());
}

void TstGuiFiles::badFileShowsErrorAndChangesNothing_data() {
  QTest::addColumn<QByteArray>("bytes");
  Studio s;
  QVERIFY(s.c->setSpec(smallSpec()).isEmpty());
  QVERIFY(stepN(*s.c, 3));
  const QString good = m_dir.filePath("good.unroll");
  QVERIFY(done(s, s.files.saveTo(good)));
  QFile f(good);
  QVERIFY(f.open(QIODevice::ReadOnly));
  const QByteArray bytes = f.readAll();
  QByteArray flipped = bytes;
  flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x5a);
  QByteArray newer = bytes;
  newer[8] = char(99);  // the version field follows the 8-byte magic
  QTest::newRow("truncated") << bytes.left(bytes.size() / 2);
  QTest::newRow("flipped byte") << flipped;
  QTest::newRow("newer version") << newer;
  QTest::newRow("not unroll") << QByteArray("hello, this is a text file\n");
  QTest::newRow("empty") << QByteArray();
}

void TstGuiFiles::badFileShowsErrorAndChangesNothing() {
  QFETCH(QByteArray, bytes);
  const QString bad = m_dir.filePath("bad.unroll");
  QFile f(bad);
  QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
  f.write(bytes);
  f.close();
  Studio s;
  QVERIFY(s.c->setSpec(smallSpec()).isEmpty());
  QVERIFY(stepN(*s.c, 4));
  const uint64_t generation = s.c->frame().generation;
  const int hidden = s.c->spec().train.model.hidden;
  const QString before = s.files.currentPath();
  s.ui->unsaved = FileUi::Discard;  // past the unsaved prompt, to the file itself
  QVERIFY(!done(s, s.files.openPath(bad)));
  QCOMPARE(s.ui->errors.size(), 1);
  qInfo("error shown: %s", qPrintable(s.ui->errors.first()));
  QVERIFY(s.ui->errors.first().contains("bad.unroll"));
  QVERIFY(stepN(*s.c, 1));  // the old run is still there and trains on
  QCOMPARE(s.c->frame().steps, 5L);
  QCOMPARE(s.c->frame().generation, generation);
  QCOMPARE(s.c->spec().train.model.hidden, hidden);
  QCOMPARE(s.files.currentPath(), before);
  QVERIFY(!s.files.recentFiles().contains(QFileInfo(bad).absoluteFilePath()));
}

void TstGuiFiles::recentFilesUpdated() {
  Studio s;
  QVERIFY(s.c->setSpec(smallSpec()).isEmpty());
  const QString p1 = m_dir.filePath("r1.unroll"), p2 = m_dir.filePath("r2.unroll");
  QVERIFY(done(s, s.files.saveTo(p1)));
  QVERIFY(done(s, s.files.saveTo(p2)));
  QCOMPARE(s.files.recentFiles().value(0), QFileInfo(p2).absoluteFilePath());
  QCOMPARE(s.files.recentFiles().value(1), QFileInfo(p1).absoluteFilePath());
  QVERIFY(done(s, s.files.openPath(p1)));
  QCOMPARE(s.files.recentFiles().value(0), QFileInfo(p1).absoluteFilePath());
  QCOMPARE(s.files.recentFiles().count(QFileInfo(p1).absoluteFilePath()), 1);
  QFile::remove(p2);  // a recent file that went away is dropped when opened
  QVERIFY(!done(s, s.files.openPath(QFileInfo(p2).absoluteFilePath())));
  QVERIFY(!s.files.recentFiles().contains(QFileInfo(p2).absoluteFilePath()));
}

void TstGuiFiles::unsavedPrompt() {
  Studio s;
  QVERIFY(s.c->setSpec(smallSpec()).isEmpty());
  s.c->pullNow();
  QVERIFY(!s.c->modified());
  QVERIFY(s.files.maybeSave());  // nothing trained: no question
  QCOMPARE(s.ui->asked, 0);
  QVERIFY(stepN(*s.c, 2));
  QVERIFY(s.c->modified());
  QVERIFY(s.window.isWindowModified());  // the "*" in the title
  s.ui->unsaved = FileUi::Cancel;
  QVERIFY(!s.files.maybeSave());
  QVERIFY(!s.files.newRun());  // cancelled: the run stays
  s.ui->unsaved = FileUi::Discard;
  QVERIFY(s.files.maybeSave());
  s.ui->unsaved = FileUi::Save;  // no file yet: Save As asks for a path
  s.ui->path = m_dir.filePath("prompt");
  QVERIFY(done(s, s.files.maybeSave()));
  QCOMPARE(s.files.currentPath(), m_dir.filePath("prompt.unroll"));
  QVERIFY(QFileInfo::exists(m_dir.filePath("prompt.unroll")));
  QVERIFY(!s.c->modified());
  QVERIFY(!s.window.isWindowModified());
  QCOMPARE(s.ui->asked, 4);
  // Exports do not count as saving.
  QVERIFY(stepN(*s.c, 1));
  QVERIFY(done(s, s.files.exportTo(FileKind::MetricsCsv, m_dir.filePath("m.csv"))));
  QVERIFY(s.c->modified());
  QFile csv(m_dir.filePath("m.csv"));
  QVERIFY(csv.open(QIODevice::ReadOnly));
  QVERIFY(csv.readLine().startsWith("step,"));
  QVERIFY(done(s, s.files.exportTo(FileKind::Safetensors, m_dir.filePath("m.safetensors"))));
  QVERIFY(done(s, s.files.exportTo(FileKind::Onnx, m_dir.filePath("m.onnx"))));
  QVERIFY(QFileInfo(m_dir.filePath("m.onnx")).size() > 0);
}

void TstGuiFiles::autosaveRecovery() {
  Studio s;
  QVERIFY(s.c->setSpec(smallSpec()).isEmpty());
  Autosave* a = s.files.autosave();
  a->cleanExit();
  QVERIFY(!a->saveNow());  // nothing trained
  QVERIFY(stepN(*s.c, 3));
  QVERIFY(autosaved(a));
  QVERIFY(!a->saveNow());    // nothing new since
  QVERIFY(s.c->modified());  // an autosave is not a save
  QVERIFY(a->recoveryAvailable());
  Studio t;  // "after a crash"
  QVERIFY(t.c->setSpec(smallSpec()).isEmpty());
  QVERIFY(done(t, t.files.offerRecovery()));
  QCOMPARE(t.c->frame().steps, 3L);
  QVERIFY(t.c->modified());
  QVERIFY(t.files.currentPath().isEmpty());
  a->cleanExit();
  QVERIFY(!a->recoveryAvailable());
}

// A save returns at once: while the training thread writes, Save and Save As are disabled and the
// status bar says so; the answer re-enables them and reports the step saved.
void TstGuiFiles::saveIsAnsweredLater() {
  Studio s;
  QMenu menu;
  s.files.populate(&menu);
  QVERIFY(s.c->setSpec(smallSpec()).isEmpty());
  QVERIFY(stepN(*s.c, 2));
  QSignalSpy finished(&s.files, &FileActions::finished);
  QSignalSpy busy(s.c, &TrainingController::fileBusyChanged);
  QVERIFY(s.files.saveTo(m_dir.filePath("later.unroll")));
  QVERIFY(s.files.busy());
  QVERIFY(s.c->fileBusy());
  QVERIFY(!s.files.saveAction()->isEnabled());
  QVERIFY2(s.window.statusBar()->currentMessage().startsWith(QStringLiteral("Saving later.unroll")),
           qPrintable(s.window.statusBar()->currentMessage()));
  QCOMPARE(busy.count(), 1);
  QVERIFY(finished.wait(60000));
  QVERIFY(finished.last().first().value<FileResult>().ok);
  QVERIFY(!s.files.busy());
  QVERIFY(!s.c->fileBusy());
  QCOMPARE(busy.count(), 2);
  QVERIFY(s.files.saveAction()->isEnabled());
  QCOMPARE(s.window.statusBar()->currentMessage(), QStringLiteral("Saved later.unroll at step 2"));
  QVERIFY(!s.c->modified());
}

// A demo, Apply and restart, Reset and opening a lesson each replace the run: with unsaved changes
// they ask first; Cancel keeps the run, Save writes it to its file first, and the new run is
// Untitled, so the next Save cannot overwrite the old run's file. A lesson's own runs are replaced
// between its steps without asking.
void TstGuiFiles::replacingTheRunAsks() {
  MainWindow w(false);
  auto* ui = new ScriptedUi;
  w.fileActions()->setUi(std::unique_ptr<FileUi>(ui));
  TrainingController& c = *w.controller();
  QVERIFY(w.loadDemo("vanishing"));
  QCOMPARE(ui->asked, 0);  // nothing trained yet: nothing to ask
  QVERIFY(stepN(c, 3));

  ui->unsaved = FileUi::Cancel;
  QVERIFY(!w.loadDemo("lstm"));
  QVERIFY(!w.applyAndRestart(w.designer()->spec()));
  QVERIFY(!w.resetRun());
  QVERIFY(!w.openLesson("vanishing"));
  QCOMPARE(ui->asked, 4);
  QVERIFY(test::settle(c));
  QCOMPARE(c.frame().steps, 3L);  // the run is untouched
  QCOMPARE(c.spec().demo, QStringLiteral("vanishing"));
  QVERIFY(w.lessonPanel() == nullptr);

  const QString path = m_dir.filePath("kept.unroll");
  QSignalSpy finished(w.fileActions(), &FileActions::finished);
  QVERIFY(w.fileActions()->saveTo(path));
  QVERIFY(finished.wait(60000));
  QCOMPARE(w.fileActions()->currentPath(), path);
  QVERIFY(stepN(c, 2));
  ui->unsaved = FileUi::Save;  // the old run goes to its file, then the demo replaces it
  QVERIFY(w.loadDemo("lstm"));
  QTRY_COMPARE_WITH_TIMEOUT(c.spec().demo, QStringLiteral("lstm"), 60000);
  QCOMPARE(ui->asked, 5);
  QCOMPARE(load_checkpoint(path.toStdString()).progress.step, 5L);
  QCOMPARE(w.fileActions()->currentPath(), QString());  // Untitled: Save asks for a name

  QVERIFY(stepN(c, 2));
  ui->unsaved = FileUi::Discard;
  QVERIFY(w.resetRun());
  QCOMPARE(ui->asked, 6);
  QVERIFY(test::settle(c));
  QCOMPARE(c.frame().steps, 0L);

  QVERIFY(w.openLesson("vanishing"));  // nothing trained since the reset: no question
  QCOMPARE(ui->asked, 6);
  QVERIFY(w.lessonPanel() != nullptr);
  QVERIFY(stepN(c, 1));  // one: the step's goal pauses training as soon as it holds
  QVERIFY(w.lessonPanel()->goToStep(2));  // a new preset replaces the lesson's own run unasked
  QCOMPARE(ui->asked, 6);
  QCOMPARE(w.lessonPanel()->currentStep(), 2);
  QVERIFY(test::settle(c));
  QCOMPARE(c.frame().steps, 0L);
}

// At start-up the offer to recover a crashed run's autosave comes first, before any demo, lesson
// or autoplay: accepted, the recovered run opens paused and no lesson covers it; declined, the
// autosave goes and the requested lesson starts.
void TstGuiFiles::recoveryIsAskedFirst() {
  {
    Studio s;
    QVERIFY(s.c->setSpec(smallSpec()).isEmpty());
    s.files.autosave()->cleanExit();
    QVERIFY(stepN(*s.c, 3));
    QVERIFY(autosaved(s.files.autosave()));
  }  // "a crash": no clean exit
  AppOptions options;
  options.lesson = QStringLiteral("vanishing");
  options.autoplay = true;
  for (bool accept : {true, false}) {
    if (!accept) {  // another crashed run for the declined offer
      Studio s;
      QVERIFY(s.c->setSpec(smallSpec()).isEmpty());
      QVERIFY(stepN(*s.c, 2));
      QVERIFY(autosaved(s.files.autosave()));
    }
    MainWindow w(false);
    auto* ui = new ScriptedUi;
    ui->recover = accept;
    w.fileActions()->setUi(std::unique_ptr<FileUi>(ui));
    QSignalSpy finished(w.fileActions(), &FileActions::finished);
    w.start(options, /*offerRecovery=*/true);
    if (accept) {
      QVERIFY(finished.wait(60000));
      QVERIFY(test::settle(*w.controller()));
      QCOMPARE(w.controller()->frame().steps, 3L);
      QVERIFY(!w.controller()->frame().playing);
      QVERIFY(w.lessonPanel() == nullptr);
    } else {
      QVERIFY(!w.fileActions()->autosave()->recoveryAvailable());
      QVERIFY(w.lessonPanel() != nullptr);
      QCOMPARE(w.lessonPanel()->currentStep(), 0);
    }
    w.fileActions()->autosave()->cleanExit();
  }
}

QTEST_MAIN(TstGuiFiles)
#include "tst_gui_files.moc"
