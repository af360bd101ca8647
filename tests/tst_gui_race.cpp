// The Race window: a three-entrant race fills one loss curve and one gradient chart per entrant
// and a table of finite results; CSV export writes that table (a failed export says why and
// keeps it); Stop and closing the window end a race mid-way; a real race renders legibly; the
// studio's loss chart draws the named runs.
#include <QFile>
#include <QLegendMarker>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QtTest>
#include <cmath>

#include "app/main_window.h"
#include "charts/chart_view.h"
#include "charts/loss_chart.h"
#include "gui_test_util.h"
#include "panels/model_designer.h"
#include "race/race_window.h"
#include "session/training_controller.h"

using namespace unroll;
using namespace unroll::gui;
using test::ScriptedUi;

namespace {

// The adding problem at T = 12 with a tiny model: a race of a few dozen steps takes a moment.
RunSpec tinySpec() {
  RunSpec s;
  s.data = TaskSpec::of("adding", {{"length", "12"}});
  s.train.model.hidden = 8;
  s.train.batch = 8;
  s.train.optimizer.kind = OptimizerKind::Adam;
  s.train.optimizer.lr = 0.01;
  s.train.seed = 5;
  return s;
}

double cellNumber(const QTableWidget* t, int row, int col) {
  bool ok = false;
  const double v = t->item(row, col) ? t->item(row, col)->text().toDouble(&ok) : NAN;
  return ok ? v : NAN;
}

// Waits (no deadline but the test's own) until entrant 0 has reported a step.
bool raceUnderWay(const RaceWindow& w) { return w.lossPointCount(0) > 0; }

// Pixels within `tol` of colour c inside r.
long pixelsNear(const QImage& img, const QRect& r, QColor c, int tol = 40) {
  long n = 0;
  for (int y = r.top(); y <= r.bottom(); ++y)
    for (int x = r.left(); x <= r.right(); ++x) {
      const QColor p = img.pixelColor(x, y);
      n += std::abs(p.red() - c.red()) + std::abs(p.green() - c.green()) +
               std::abs(p.blue() - c.blue()) <
           tol;
    }
  return n;
}

// The names the chart's legend shows (markers are laid out, and shown, by the event loop).
QStringList legendEntries(const LossChart& chart) {
  QStringList shown;
  for (QLegendMarker* m : chart.view()->chart()->legend()->markers())
    if (m->isVisible()) shown << m->label();
  return shown;
}

}  // namespace

class TstGuiRace : public QObject {
  Q_OBJECT
 private slots:
  void presetsNameTheEntrants();
  void threeEntrantRace();
  void failedExportKeepsTheTable();
  void stopMidRace();
  void closeMidRace();
  void unusableTaskIsRefused();
  void screenshotOfARealRace();
  void studioOpensRaceOnItsRun();
  void lossChartDrawsNamedRuns();
};

void TstGuiRace::presetsNameTheEntrants() {
  RaceWindow w(tinySpec());
  w.setPreset(RacePreset::Cells);
  QCOMPARE(w.entrantCount(), 3);
  QCOMPARE(w.entrantNames(), (QStringList{"tanh RNN", "LSTM", "GRU"}));
  w.setPreset(RacePreset::Clipping);
  QCOMPARE(w.entrantCount(), 2);
  QCOMPARE(w.entrantNames(), (QStringList{"LSTM, no clip", "LSTM, clip 1"}));
  QCOMPARE(w.choices()[1].clip, true);
  QCOMPARE(w.windowTitle(), QString("Race"));
}

void TstGuiRace::threeEntrantRace() {
  RaceWindow w(tinySpec());
  w.setPreset(RacePreset::Cells);
  w.setSteps(40);
  QSignalSpy finished(&w, &RaceWindow::raceFinished);
  QVERIFY(w.start());
  QVERIFY(w.running());
  QVERIFY(!w.start());  // one race at a time
  QTRY_VERIFY_WITH_TIMEOUT(!w.running(), 120000);
  QCOMPARE(finished.size(), 1);
  QCOMPARE(finished[0][0].toBool(), true);
  const QTableWidget* t = w.resultTable();
  QCOMPARE(t->rowCount(), 3);
  for (int i = 0; i < 3; ++i) {
    QVERIFY2(w.lossPointCount(i) > 0, qPrintable(QString::number(i)));
    QCOMPARE(w.gradPointCount(i), 12);  // one layer, T = 12 timesteps
    QCOMPARE(t->item(i, 0)->text(), w.entrantNames()[i]);
    QVERIFY2(std::isfinite(cellNumber(t, i, 2)), qPrintable(t->item(i, 2)->text()));
    QVERIFY2(std::isfinite(cellNumber(t, i, 3)), qPrintable(t->item(i, 3)->text()));
    QCOMPARE(t->item(i, 4)->text(), QString("40"));
  }
  QTemporaryDir dir;
  const QString path = dir.filePath("race.csv");
  QCOMPARE(w.exportCsv(path), QString());
  QFile f(path);
  QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
  const QString text = QString::fromUtf8(f.readAll());
  QCOMPARE(text, w.raceCsv());
  const QStringList lines = text.trimmed().split('\n');
  QCOMPARE(lines.size(), 4);
  QCOMPARE(lines[0], QString("entrant,cell,final_train_loss,val_loss,steps,seconds"));
  QVERIFY2(lines[1].startsWith("tanh RNN,rnn,"), qPrintable(lines[1]));
  QVERIFY2(lines[2].startsWith("LSTM,lstm,"), qPrintable(lines[2]));
  QVERIFY2(lines[3].startsWith("GRU,gru,"), qPrintable(lines[3]));
  for (int i = 1; i < 4; ++i) {
    const QStringList f = lines[i].split(',');
    QCOMPARE(f[4], QString("40"));
    QVERIFY(std::isfinite(f[2].toDouble()) && std::isfinite(f[3].toDouble()));
  }
}

// An export to a place that cannot be written shows the reason; the results stay and a second
// export elsewhere works.
void TstGuiRace::failedExportKeepsTheTable() {
  RaceWindow w(tinySpec());
  ScriptedUi ui;
  w.setFileUi(&ui);
  w.setPreset(RacePreset::Clipping);
  w.setSteps(5);
  QVERIFY(!w.exportButton()->isEnabled());  // nothing to export yet
  QVERIFY(w.start());
  QTRY_VERIFY_WITH_TIMEOUT(!w.running(), 120000);
  QVERIFY(w.exportButton()->isEnabled());
  QTemporaryDir dir;
  ui.path = dir.filePath("no such folder/race.csv");
  w.exportButton()->click();
  QCOMPARE(ui.errors.size(), 1);
  QVERIFY2(ui.errors[0].contains("no such folder"), qPrintable(ui.errors[0]));
  QCOMPARE(w.resultTable()->rowCount(), 2);
  QVERIFY(!w.raceCsv().isEmpty());
  ui.path = dir.filePath("race.csv");
  w.exportButton()->click();
  QCOMPARE(ui.errors.size(), 1);
  QVERIFY(QFile::exists(ui.path));
}

void TstGuiRace::stopMidRace() {
  RaceWindow w(tinySpec());
  w.setPreset(RacePreset::Cells);
  w.setSteps(10'000'000);
  QSignalSpy finished(&w, &RaceWindow::raceFinished);
  QVERIFY(w.start());
  QTRY_VERIFY_WITH_TIMEOUT(raceUnderWay(w), 60000);
  w.stop();
  // Liveness, not speed: each worker ends after its current step (milliseconds here).
  QTRY_VERIFY_WITH_TIMEOUT(!w.running(), 30000);
  QCOMPARE(finished.size(), 1);
  QCOMPARE(finished[0][0].toBool(), false);
  for (int i = 0; i < 3; ++i) {
    const long steps = w.resultTable()->item(i, 4)->text().toLong();
    QVERIFY(steps > 0 || i > 0);  // the others may not have been scheduled yet
    QVERIFY(steps < 10'000'000);
  }
  QVERIFY(w.raceCsv().count('\n') == 4);  // the numbers so far still export
  QVERIFY(w.start());                     // and a new race can start
  w.stop();
  QTRY_VERIFY_WITH_TIMEOUT(!w.running(), 30000);
}

// Closing the window mid-race ends the workers before close() returns.
void TstGuiRace::closeMidRace() {
  RaceWindow w(tinySpec());
  w.setSteps(10'000'000);
  w.show();
  QVERIFY(w.start());
  QTRY_VERIFY_WITH_TIMEOUT(raceUnderWay(w), 60000);
  QVERIFY(w.close());
  QVERIFY(!w.running());
  QVERIFY(w.resultTable()->item(0, 4)->text().toLong() > 0);
}

void TstGuiRace::unusableTaskIsRefused() {
  RunSpec s = tinySpec();
  s.data = TaskSpec::of("text", {{"data", "/nonexistent/corpus.txt"}});
  s.train.seq = 16;
  RaceWindow w(s);
  QVERIFY(!w.start());
  QVERIFY(!w.running());
  QCOMPARE(w.resultTable()->rowCount(), 0);
}

// ~300 steps of the long-range language task; the grab goes to $UNROLL_RACE_PNG when set (to
// look at), else a temporary folder. The loss chart must show each entrant's colour.
void TstGuiRace::screenshotOfARealRace() {
  RunSpec s;
  QVERIFY(demoSpec("language", &s));
  s.data.set("filler", 10L);
  s.train.model.hidden = 32;
  RaceWindow w(s);
  w.setPreset(RacePreset::Cells);
  w.setSteps(300);
  w.show();
  QVERIFY(w.start());
  QTRY_VERIFY_WITH_TIMEOUT(!w.running(), 300000);
  const QImage img = w.grab().toImage();
  QTemporaryDir dir;
  const QString path = qEnvironmentVariableIsSet("UNROLL_RACE_PNG")
                           ? qEnvironmentVariable("UNROLL_RACE_PNG")
                           : dir.filePath("race.png");
  QVERIFY(img.save(path));
  qInfo("screenshot: %s", qPrintable(path));
  const QColor colours[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44)};
  const QRect chart(w.lossView()->mapTo(&w, QPoint(0, 0)), w.lossView()->size());
  for (const QColor& c : colours) {
    const long n = pixelsNear(img, chart, c);
    qInfo("pixels near %s: %ld", qPrintable(c.name()), n);
    QVERIFY2(n > 200, qPrintable(c.name()));
  }
}

QTEST_MAIN(TstGuiRace)
// Run > Race opens one race window on the studio's current model and task, and follows later
// changes of the studio's run when opened again.
void TstGuiRace::studioOpensRaceOnItsRun() {
  MainWindow w(false);
  QVERIFY(w.loadDemo(QStringLiteral("vanishing")));
  RaceWindow* race = w.openRace();
  QVERIFY(race && race->isVisible());
  QVERIFY(race->isWindow());
  QCOMPARE(race->base().train.model.hidden, w.controller()->spec().train.model.hidden);
  QCOMPARE(race->base().data.task(), w.controller()->spec().data.task());
  const std::string before = race->base().data.task();
  QVERIFY(w.loadDemo(QStringLiteral("text")));
  QVERIFY(w.controller()->spec().data.task() != before);
  QCOMPARE(w.openRace(), race);  // the same window, now on the new run
  QCOMPARE(race->base().data.task(), w.controller()->spec().data.task());
  QCOMPARE(race->base().train.seq, w.controller()->spec().train.seq);
}

// The studio's loss chart with several runs: one named curve each, in its colour, over the fixed
// step range; fewer runs later hide the rest; the studio's own entries stay out of the legend.
void TstGuiRace::lossChartDrawsNamedRuns() {
  LossChart chart;
  std::vector<LossChart::Run> runs(2);
  for (int i = 0; i < 2; ++i) {
    runs[i] = {QStringLiteral("run %1").arg(i), QColor(i ? Qt::red : Qt::blue), ScalarHistory(8)};
    for (long s = 1; s <= 20; ++s) {
      runs[i].history.beginStep(s);
      runs[i].history.add(kLoss, 1.0 / double(s + i));
    }
  }
  chart.show();
  chart.setLastStep(100);
  chart.showRuns(runs);
  QTRY_COMPARE(legendEntries(chart), (QStringList{"run 0", "run 1"}));
  for (int i = 0; i < 2; ++i)
    QCOMPARE(chart.runPointCount(i), int(runs[i].history.buckets().size()));
  QCOMPARE(chart.pointCount(), 0);  // no frame: the studio's curve is empty
  auto* x = qobject_cast<QValueAxis*>(chart.view()->xAxis());
  QVERIFY(x);
  QCOMPARE(x->max(), 100.0);
  chart.showRuns({runs[1]});
  QTRY_COMPARE(legendEntries(chart), QStringList{"run 1"});
  QCOMPARE(chart.runPointCount(1), 0);
  QCOMPARE(chart.runPointCount(0), int(runs[1].history.buckets().size()));
}

#include "tst_gui_race.moc"
