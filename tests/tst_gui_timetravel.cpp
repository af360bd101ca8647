// Time travel in the studio: going back to a kept point returns the model and the charts there,
// continuing unchanged replays the original losses exactly, a changed setting makes a branch
// that stays on the loss chart beside the old one, and the timeline selects and requests points.
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include "app/main_window.h"
#include "charts/loss_chart.h"
#include "gui_test_util.h"
#include "panels/timeline_bar.h"
#include "session/training_controller.h"
#include "telemetry/scalar_history.h"

using namespace unroll;
using namespace unroll::gui;
using test::smallSpec;

namespace {

// Runs here take a few hundred steps: allow more than the shared default.
template <class Pred>
bool waitFor(TrainingController& c, Pred pred) {
  return test::waitFor(c, pred, 20000);
}

// Training loss per step from the (stride 1) history: losses[s] is step s's, NaN where absent.
std::vector<double> lossesByStep(const Frame& f) {
  std::vector<double> out;
  for (const Bucket& b : f.history.buckets()) {
    if (b.firstStep != b.lastStep) qFatal("history is decimated; the test needs stride 1");
    out.resize(size_t(b.lastStep) + 1, NAN);
    out[size_t(b.lastStep)] = b.s[kLoss].mean();
  }
  return out;
}

// Runs to at least `steps` and pauses; returns the step reached.
long runTo(TrainingController& c, long steps) {
  c.play();
  if (!waitFor(c, [&](const Frame& f) { return f.steps >= steps; })) return -1;
  c.pause();
  if (!waitFor(c, [](const Frame& f) { return !f.playing; })) return -1;
  if (!test::settle(c)) return -1;
  return c.frame().steps;
}

}  // namespace

class TstGuiTimeTravel : public QObject {
  Q_OBJECT
 private slots:
  void backAndForwardReplaysExactly();
  void changedSettingBranchesAndShows();
  void refusedTravelIsReported();
  void timelineSelectsKeptPoints();
  void windowScreenshot();
};

void TstGuiTimeTravel::backAndForwardReplaysExactly() {
  TrainingController c;
  QVERIFY(c.setSpec(smallSpec()).isEmpty());
  const long end = runTo(c, 130);
  QVERIFY(end >= 130);
  const std::vector<double> original = lossesByStep(c.frame());
  QCOMPARE(long(original.size()) - 1, end);
  const std::vector<long> kept = c.frame().keptSteps;
  QVERIFY2(kept.size() >= 5 && kept.front() == 0,
           "the timeline keeps the start and every 25th step");
  QVERIFY(std::find(kept.begin(), kept.end(), 50L) != kept.end());

  c.travelTo(60);  // not kept: the nearest kept point before it
  QVERIFY(waitFor(c, [](const Frame& f) { return f.travelCount == 1; }));
  const Frame& f = c.frame();
  QCOMPARE(f.travelledTo, 50L);
  QCOMPARE(f.steps, 50L);
  QVERIFY(!f.playing);
  QCOMPARE(f.history.buckets().back().lastStep, 50L);  // the charts went back too
  QVERIFY(f.heat.columns().back().lastStep <= 50);
  QVERIFY(f.hasReport);
  QCOMPARE(f.report.step, 50L);  // the step-50 gradient and hidden-state views
  QVERIFY(!f.report.timestep_grad_norms.empty());
  QVERIFY(!f.hasProbes || f.probeStep == 50);  // no probes of the abandoned branch
  QCOMPARE(f.keptSteps.back(), 50L);
  QCOMPARE(int(f.ghosts.size()), 1);
  QCOMPARE(f.ghosts[0].fromStep, 50L);
  QCOMPARE(f.ghosts[0].toStep, end);
  QVERIFY(f.ghosts[0].points.size() >= size_t(end - 50));

  QVERIFY(runTo(c, end) >= end);
  const std::vector<double> replay = lossesByStep(c.frame());
  double largest = 0;
  for (long s = 1; s <= end; ++s) {
    QVERIFY2(std::isfinite(replay[size_t(s)]), qPrintable(QString("step %1 missing").arg(s)));
    largest = std::max(largest, std::abs(replay[size_t(s)] - original[size_t(s)]));
  }
  qInfo("steps 1..%ld after going back to 50 and on: largest loss difference %g", end, largest);
  QCOMPARE(largest, 0.0);
}

void TstGuiTimeTravel::changedSettingBranchesAndShows() {
  TrainingController c;
  QVERIFY(c.setSpec(smallSpec()).isEmpty());
  const long end = runTo(c, 100);
  QVERIFY(end >= 100);
  const std::vector<double> original = lossesByStep(c.frame());
  const double lr = c.spec().train.optimizer.lr;
  c.travelTo(25);
  QVERIFY(waitFor(c, [](const Frame& f) { return f.travelCount == 1; }));
  c.setLearningRate(lr * 20);
  QVERIFY(runTo(c, 75) >= 75);
  const std::vector<double> branch = lossesByStep(c.frame());
  QCOMPARE(branch[25], original[25]);  // the shared past
  int differ = 0;
  for (long s = 27; s <= 75; ++s) differ += branch[size_t(s)] != original[size_t(s)];
  qInfo("after going back to 25 with lr x20: %d of 49 later losses differ", differ);
  QVERIFY(differ >= 45);

  c.travelTo(50);  // a second branch, left at lr x20
  QVERIFY(waitFor(c, [](const Frame& f) { return f.travelCount == 2; }));
  const Frame& f = c.frame();
  QCOMPARE(int(f.ghosts.size()), 2);
  QCOMPARE(f.ghosts[1].id, 2);
  QCOMPARE(f.ghosts[1].fromStep, 50L);
  QVERIFY(f.ghosts[1].toStep >= 75);
  QCOMPARE(f.ghosts[1].lr, lr * 20);
  QCOMPARE(f.ghosts[0].lr, lr);

  LossChart chart;
  chart.showFrame(f);
  const QStringList names = chart.ghostNames();
  qInfo("loss chart branches: %s", qPrintable(names.join(" | ")));
  QCOMPARE(names.size(), 2);
  QCOMPARE(names[0], QString("branch 1 · lr %1").arg(lr));
  QCOMPARE(names[1], QString("branch 2 · lr %1").arg(lr * 20));
}

void TstGuiTimeTravel::refusedTravelIsReported() {
  TrainingController c;
  QVERIFY(c.setSpec(smallSpec()).isEmpty());
  QVERIFY(runTo(c, 10) >= 10);
  QSignalSpy errors(&c, &TrainingController::engineError);
  const long steps = c.frame().steps;
  c.travelTo(steps + 100);
  QVERIFY(waitFor(c, [](const Frame& f) { return f.errorCount > 0; }));
  QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 5000);
  const QString msg = errors.first().first().toString();
  qInfo("refused: %s", qPrintable(msg));
  QVERIFY(msg.contains("in the future"));
  QCOMPARE(c.frame().steps, steps);  // nothing changed
  QCOMPARE(c.frame().travelCount, uint64_t(0));
}

void TstGuiTimeTravel::timelineSelectsKeptPoints() {
  Frame f;
  f.steps = 130;
  f.keptSteps = {0, 25, 50, 75, 100, 125};
  TimelineBar bar;
  bar.resize(700, 40);
  bar.setFrame(f);
  QCOMPARE(bar.selectedStep(), 125L);  // follows the newest point
  QVERIFY(bar.goButton()->isEnabled());
  bar.selectStep(60);
  QCOMPARE(bar.selectedStep(), 50L);
  QVERIFY(bar.goButton()->text().contains("50"));
  QSignalSpy spy(&bar, &TimelineBar::travelRequested);
  bar.goButton()->click();
  QCOMPARE(spy.count(), 1);
  QCOMPARE(spy.first().first().toLongLong(), 50LL);
  f.steps = 150;
  f.keptSteps = {0, 50, 100, 150};  // thinned: the selection stays on a kept point
  bar.setFrame(f);
  QCOMPARE(bar.selectedStep(), 50L);
  f.keptSteps = {0, 100, 150};
  bar.setFrame(f);
  QCOMPARE(bar.selectedStep(), 0L);  // 50 is gone; 0 and 100 are equally near, the first wins
  f.steps = 150;
  f.keptSteps = {0, 100, 150};
  bar.selectStep(150);  // the current step itself: nothing to go back to
  QVERIFY(!bar.goButton()->isEnabled());
  bar.requestTravel();  // what Enter and double-click do
  QCOMPARE(spy.count(), 1);
  QVERIFY(bar.infoText().contains("3 kept points"));
}

// The whole window after a trip back and a branch; saved for a person to look at when
// UNROLL_SCREENSHOT_DIR is set.
void TstGuiTimeTravel::windowScreenshot() {
  MainWindow w(false);
  QVERIFY(w.loadDemo(QStringLiteral("vanishing")));
  w.show();
  TrainingController& c = *w.controller();
  QVERIFY(runTo(c, 400) >= 400);
  c.travelTo(150);
  QVERIFY(waitFor(c, [](const Frame& f) { return f.travelCount == 1; }));
  c.setLearningRate(c.spec().train.optimizer.lr * 10);
  QVERIFY(runTo(c, 400) >= 400);
  w.refreshNow();
  QCOMPARE(w.lossChart()->ghostNames().size(), 1);
  QVERIFY(w.timeline()->keptSteps().size() >= 5);
  const QByteArray dir = qgetenv("UNROLL_SCREENSHOT_DIR");
  if (!dir.isEmpty()) {
    QVERIFY(w.saveWindowPng(QString::fromLocal8Bit(dir) + "/timetravel.png"));
    QVERIFY(w.lossChart()->grab().save(QString::fromLocal8Bit(dir) + "/timetravel_loss.png"));
  }
}

QTEST_MAIN(TstGuiTimeTravel)
#include "tst_gui_timetravel.moc"
