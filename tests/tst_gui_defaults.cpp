// Defaults that show the result: the Race window as it opens on the studio's default run, and the
// long-lag sweep panel as it opens, each run to its end as a teacher would press Start. Each takes
// about a minute or two (README, Teaching, has the numbers); a change that leaves the entrants at
// the guessing level, or makes the sweep's caption false, fails here.
#include <QSignalSpy>
#include <QtTest>
#include <numeric>

#include "data/language_task.h"
#include "panels/sweep_panel.h"
#include "race/race_window.h"
#include "session/run_spec.h"
#include "teach/race.h"

using namespace unroll;
using namespace unroll::gui;

namespace {

// The first step whose trailing 50-step mean training loss is below `level`, or -1.
long solvedAt(const std::vector<double>& losses, double level) {
  constexpr size_t kWindow = 50;
  for (size_t i = kWindow; i <= losses.size(); ++i) {
    const double mean =
        std::accumulate(losses.begin() + long(i - kWindow), losses.begin() + long(i), 0.0) /
        kWindow;
    if (mean < level) return long(i);
  }
  return -1;
}

}  // namespace

class TstGuiDefaults : public QObject {
  Q_OBJECT
 private slots:
  void raceShowsTheGatedCellsWin();
  void sweepCaptionHolds();
};

// Run > Race on the studio's default run (the vanishing demo: the adding problem at T = 80),
// started as it opens: the GRU and the LSTM solve it (validation MSE below 0.01, the guess 0.167),
// the tanh RNN stays at the guessing level.
void TstGuiDefaults::raceShowsTheGatedCellsWin() {
  RunSpec base;
  QVERIFY(demoSpec(QStringLiteral("vanishing"), &base));
  RaceWindow w(base);
  QCOMPARE(w.entrantNames(), (QStringList{"tanh RNN", "LSTM", "GRU"}));
  QSignalSpy finished(&w, &RaceWindow::raceFinished);
  QElapsedTimer clock;
  clock.start();
  QVERIFY(w.start());
  QVERIFY(finished.wait(600000));
  QCOMPARE(finished[0][0].toBool(), true);
  const double seconds = clock.elapsed() / 1000.0;
  const std::vector<RaceResult>& r = w.race()->results();
  QCOMPARE(int(r.size()), 3);
  for (const RaceResult& e : r)
    qInfo(
        "%s: validation MSE %.4f after %ld steps; solved (50-step mean below 0.01) at step %ld; "
        "%.1f s of its own",
        e.name.c_str(), e.val_loss, e.steps, solvedAt(e.losses, 0.01), e.seconds);
  qInfo("the whole race: %.1f s on %d cores", seconds, QThread::idealThreadCount());
  QCOMPARE(r[0].steps, kDefaultRaceSteps);
  QVERIFY2(r[0].val_loss > 0.1, "the tanh RNN is expected at the guessing level");
  QVERIFY2(r[1].val_loss < 0.01, "the LSTM should solve the adding problem");
  QVERIFY2(r[2].val_loss < 0.01, "the GRU should solve the adding problem");
  QVERIFY(solvedAt(r[2].losses, 0.01) > 0 && solvedAt(r[1].losses, 0.01) > 0);
}

// The sweep panel's defaults, started as it opens (the language task): what its caption says holds.
// At the shortest lag every cell names the language; at the longest the tanh RNN is within ten
// points of the majority guess while the LSTM and the GRU name it in at least 80% of sentences.
void TstGuiDefaults::sweepCaptionHolds() {
  SweepPanel panel;
  QSignalSpy finished(&panel, &SweepPanel::sweepFinished);
  QElapsedTimer clock;
  clock.start();
  QVERIFY(panel.start());
  QVERIFY(finished.wait(600000));
  QCOMPARE(finished[0][0].toBool(), false);
  qInfo("the whole sweep: %.1f s", clock.elapsed() / 1000.0);
  int longest = 0, shortest = 1 << 30;
  for (const SweepRow& r : panel.rows()) {
    qInfo("%s lag %d: whole word %.1f%% (letters %.1f%%), %.1f s", to_string(r.cell).c_str(), r.lag,
          100 * r.score.task_accuracy, 100 * r.score.accuracy, r.seconds);
    longest = std::max(longest, r.lag);
    shortest = std::min(shortest, r.lag);
  }
  QCOMPARE(int(panel.rows().size()), 6);
  const double chance = LanguageTask::majority_share();
  for (const SweepRow& r : panel.rows()) {
    QCOMPARE(r.score.unit, AccuracyUnit::Sequences);
    const QString what = QStringLiteral("%1 at lag %2: %3")
                             .arg(QString::fromStdString(to_string(r.cell)))
                             .arg(r.lag)
                             .arg(r.score.task_accuracy);
    if (r.lag == shortest || r.cell != CellType::RnnTanh)
      QVERIFY2(r.score.task_accuracy >= 0.8, qPrintable(what));
    if (r.lag == longest && r.cell == CellType::RnnTanh)
      QVERIFY2(r.score.task_accuracy < chance + 0.1, qPrintable(what));
    // The chart shows what the task counts, the whole word.
    QCOMPARE(panel.pointCount(r.cell), 2);
  }
}

QTEST_MAIN(TstGuiDefaults)
#include "tst_gui_defaults.moc"
