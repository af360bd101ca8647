// Studio task views: the data panel builds every task kind, a bad CSV is refused with the loader's
// message, samples are coloured by the chosen unit (argmax equals the engine), forecasts and
// sweeps.
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QtTest>
#include <algorithm>

#include "app/main_window.h"
#include "app/task_docks.h"
#include "charts/colormap.h"
#include "data/language_task.h"
#include "panels/data_panel.h"
#include "panels/forecast_view.h"
#include "panels/sample_panel.h"
#include "panels/sweep_panel.h"
#include "session/training_controller.h"

using namespace unroll;
using namespace unroll::gui;

class TstGuiTasks : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir m_dir;
  QString writeFile(const QString& name, const QByteArray& text) {
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(text);
    return path;
  }
  // A small spec on `data` that trains fast; the controller steps it `steps` times.
  static RunSpec smallSpec(const TaskSpec& data) {
    RunSpec s;
    demoSpec(QStringLiteral("text"), &s);
    s.data = data;
    s.train.model.hidden = 24;
    s.train.batch = 8;
    s.train.seq = 32;
    s.train.bptt = {};
    return normalized(s);
  }
  static void train(TrainingController& c, int steps) {
    for (int i = 0; i < steps; ++i) c.stepOnce();
    QTRY_VERIFY_WITH_TIMEOUT((c.pullNow(), c.frame().steps >= steps), 20000);
  }

 private slots:
  void dataPanelBuildsEachTask_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("file");  // the text task reads a file
    QTest::addColumn<bool>("tokens");
    QTest::addColumn<int>("seq");  // the task's own length, 0 when any fits
    const int symbols = 5;         // the copy task's default
    QTest::newRow("builtin text") << "text" << false << true << 0;
    QTest::newRow("text file") << "text" << true << true << 0;
    QTest::newRow("language filler 7") << "language" << false << true << -1;
    QTest::newRow("adding T 30") << "adding" << false << false << 30;
    QTest::newRow("copy lag 12") << "copy" << false << true << 2 * symbols + 12;
    QTest::newRow("sine") << "sine" << false << false << 0;
    QTest::newRow("stock") << "stock" << false << false << 0;
    QTest::newRow("csv column b") << "csv" << true << false << 0;
  }
  // Each kind goes panel -> TaskSpec -> engine task -> a model the controller accepts.
  void dataPanelBuildsEachTask() {
    QFETCH(QString, kind);
    QFETCH(bool, file);
    QFETCH(bool, tokens);
    QFETCH(int, seq);
    DataPanel panel;
    TaskSpec d = TaskSpec::of(kind.toStdString());
    const QString text =
        writeFile("t.txt", QByteArray("hello world, hello studio.\n").repeated(40));
    if (kind == "text" && file) d.set("data", text.toStdString());
    if (kind == "adding") d.set("length", 30L);
    if (kind == "language") d.set("filler", 7L);
    if (kind == "copy") d.set("lag", 12L);
    if (kind == "csv") {
      QString csv = "date,a,b\n";
      for (int i = 0; i < 300; ++i)
        csv += QString("2024-01-%1,%2,%3\n").arg(i).arg(i % 7).arg(i * 0.5);
      QSignalSpy changed(&panel, &DataPanel::dataChanged);
      QVERIFY(panel.loadCsvFile(writeFile("ok.csv", csv.toUtf8())));
      QCOMPARE(changed.count(), 1);
      QCOMPARE(panel.csvColumnBox()->count(), 2);
      panel.csvColumnBox()->setCurrentText("b");
    } else {
      panel.setDataSpec(d);
    }
    const TaskSpec got = panel.dataSpec();
    QCOMPARE(QString::fromStdString(got.task()), kind);
    if (kind == "csv") QCOMPARE(got.option("columns"), std::string("b"));
    const auto task = makeTask(got);
    QVERIFY(task);
    QCOMPARE(task->shape().tokens, tokens);
    if (seq == -1) seq = LanguageTask(7).length();
    QCOMPARE(naturalLength(got), seq);
    TrainingController c;
    QCOMPARE(c.setSpec(smallSpec(got)), QString());
    if (seq > 0) QCOMPARE(c.spec().train.seq, seq);
    train(c, 2);
  }

  // A bad CSV: a (non-blocking) message naming line and column; the previous task stays.
  void badCsvKeepsPreviousTask() {
    DataPanel panel;
    panel.setDataSpec(TaskSpec::of("language", {{"filler", "9"}}));
    QSignalSpy changed(&panel, &DataPanel::dataChanged);
    QVERIFY(!panel.loadCsvFile(writeFile("bad.csv", "a,b\n1,2\n3,4x\n5,6\n")));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(panel.dataSpec().task(), std::string("language"));
    QCOMPARE(panel.dataSpec().option("filler"), std::string("9"));
    auto* box = panel.findChild<QMessageBox*>();
    QVERIFY(box);
    QVERIFY(box->isVisible());
    qInfo() << "message:" << box->text();
    QVERIFY(box->text().contains("line 3"));
    QVERIFY(box->text().contains("column 2"));
    box->close();
  }

  // A sample shows the model it came from: Reset or a new model clears it, and the language task
  // primes with its own sentences' start, not "The".
  void samplesFollowTheRun() {
    TrainingController c;
    SamplePanel panel(&c);
    QCOMPARE(c.setSpec(smallSpec(TaskSpec::of("language"))), QString());
    QCOMPARE(panel.primeEdit()->text(), QStringLiteral("I am from "));
    train(c, 3);
    QSignalSpy sampled(&panel, &SamplePanel::sampled);
    panel.sampleNow();
    QVERIFY(sampled.wait(20000));
    QVERIFY(!panel.textView()->toPlainText().isEmpty());
    c.reset();
    QTRY_VERIFY_WITH_TIMEOUT((c.pullNow(), panel.textView()->toPlainText().isEmpty()), 20000);
    train(c, 2);
    panel.sampleNow();
    QVERIFY(sampled.wait(20000));
    QVERIFY(!panel.textView()->toPlainText().isEmpty());
    QCOMPARE(c.setSpec(smallSpec(TaskSpec::of("text"))), QString());
    QVERIFY(panel.textView()->toPlainText().isEmpty());  // another model: its sample is gone
    QCOMPARE(panel.primeEdit()->text(), QStringLiteral("The "));
  }

  // Argmax samples equal the engine's; each character's colour is the chosen unit's activation.
  void samplesColouredByUnit() {
    TrainingController c;
    SamplePanel panel(&c);
    QCOMPARE(c.setSpec(smallSpec(TaskSpec::of("text"))), QString());
    QVERIFY(panel.available());
    train(c, 5);
    panel.temperatureSlider()->setValue(0);
    panel.lengthBox()->setValue(60);
    panel.primeEdit()->setText("The ");
    QSignalSpy sampled(&panel, &SamplePanel::sampled);
    std::vector<float> previous;
    for (int unit : {3, 11}) {
      panel.unitBox()->setValue(unit);
      panel.sampleNow();
      QVERIFY(sampled.wait(20000));
      const SampleResult& r = panel.lastResult();
      QVERIFY(panel.lastSnapshot().net);
      std::vector<std::string> texts;
      for (int i = 0; i < c.task()->shape().input_size; ++i)
        texts.push_back(c.task()->token_text(i));
      SampleOptions o;
      o.prime = "The ";
      o.temperature = 0;
      o.length = 60;
      o.unit = unit;
      const SampleResult engine = sample_text(*panel.lastSnapshot().net, Vocabulary(texts), o);
      QCOMPARE(QString::fromStdString(r.text), QString::fromStdString(engine.text));
      QCOMPARE(r.chars.size(), size_t(64));
      QCOMPARE(r.activation.size(), r.chars.size());
      const QList<QRgb> colors = panel.charColors();
      QCOMPARE(colors.size(), qsizetype(r.chars.size()));
      float largest = 0;
      for (size_t i = 0; i < r.chars.size(); ++i) {
        largest = std::max(largest, std::abs(r.activation[i] - engine.activation[i]));
        QCOMPARE(colors[qsizetype(i)],
                 divergingColor(std::clamp(double(engine.activation[i]), -1.0, 1.0)));
      }
      qInfo() << "unit" << unit << "largest activation difference" << largest;
      QCOMPARE(largest, 0.0f);
      QVERIFY(r.activation != previous);  // another unit, other colours
      previous = r.activation;
      QVERIFY(panel.textView()->toHtml().contains("background-color"));
    }
  }

  // A sine run: the view gets the truth, one-step and free-running forecasts and the scores.
  void forecastForSineRun() {
    TrainingController c;
    ForecastView view(&c);
    QVERIFY(!view.available());
    QSignalSpy shown(&view, &ForecastView::forecastShown);
    QCOMPARE(c.setSpec(smallSpec(TaskSpec::of("sine"))), QString());
    QVERIFY(view.available());
    QVERIFY(shown.wait(20000));  // the untrained model's forecast, at once
    train(c, 5);
    view.forecastNow();
    QVERIFY(shown.wait(20000));
    const ForecastResult& r = view.lastResult();
    QCOMPARE(view.truthPoints(), int(r.truth.cols()));
    QVERIFY(view.truthPoints() > 100);
    QCOMPARE(view.oneStepPoints(), view.truthPoints());
    QCOMPARE(view.pathCount(), int(r.paths.size()));
    QVERIFY(view.pathCount() > 0);
    QVERIFY(view.summary().contains("RMSE"));
    QVERIFY(std::isfinite(r.model.rmse) && std::isfinite(r.baseline.rmse));
  }

  // A tiny sweep fills the chart and the rows; a long one cancels promptly.
  void sweepFillsChart() {
    SweepPanel panel;
    panel.taskBox()->setCurrentIndex(2);  // copy
    panel.lagsEdit()->setText("1,3");
    panel.stepsBox()->setValue(3);
    panel.hiddenBox()->setValue(8);
    QSignalSpy done(&panel, &SweepPanel::sweepFinished);
    QVERIFY(panel.start());
    QVERIFY(panel.running());
    QVERIFY(done.wait(60000));
    QCOMPARE(done.first().first().toBool(), false);
    QCOMPARE(panel.rows().size(), size_t(6));
    for (CellType cell : {CellType::RnnTanh, CellType::Lstm, CellType::Gru})
      QCOMPARE(panel.pointCount(cell), 2);
    for (const SweepRow& r : panel.rows()) QVERIFY(r.score.accuracy >= 0 && r.score.accuracy <= 1);

    panel.stepsBox()->setValue(100000);
    QVERIFY(panel.start());
    QTRY_VERIFY_WITH_TIMEOUT(panel.stepsDone() > 0, 20000);  // cancelled mid-run, not before
    QElapsedTimer t;
    t.start();
    panel.cancel();
    QVERIFY(done.wait(10000));
    qInfo() << "cancel took" << t.elapsed() << "ms";
    QCOMPARE(done.last().first().toBool(), true);
    QVERIFY(!panel.running());
  }

  // The task docks share the bottom area with the unrolled drawing, as tabs; a sweep fills the
  // chart there. UNROLL_SCREENSHOT_DIR=dir saves the window for a look.
  void mainWindowTabsTaskDocks() {
    MainWindow w(/*restoreLayout=*/false);
    w.resize(1600, 1000);
    w.show();
    TaskDocks* docks = w.taskDocks();
    QVERIFY(docks);
    const auto unrolled = w.findChild<QDockWidget*>("unrolledDock");
    QVERIFY(unrolled);
    const auto tabs = w.tabifiedDockWidgets(unrolled);
    for (QDockWidget* d : {docks->sampleDock(), docks->forecastDock(), docks->sweepDock()})
      QVERIFY(tabs.contains(d));
    QVERIFY(w.loadDemo("sine"));
    QVERIFY(docks->forecast()->available());
    QVERIFY(!docks->samples()->available());
    QVERIFY(w.loadDemo("language"));
    QVERIFY(docks->samples()->available());
    docks->sweepDock()->raise();
    SweepPanel* sweep = docks->sweep();
    sweep->taskBox()->setCurrentIndex(0);  // language
    sweep->lagsEdit()->setText("2,6,12");
    sweep->stepsBox()->setValue(4);
    sweep->hiddenBox()->setValue(8);
    QSignalSpy done(sweep, &SweepPanel::sweepFinished);
    QVERIFY(sweep->start());
    QVERIFY(done.wait(60000));
    QCOMPARE(sweep->pointCount(CellType::Lstm), 3);
    if (const QString dir = qEnvironmentVariable("UNROLL_SCREENSHOT_DIR"); !dir.isEmpty())
      QVERIFY(w.saveWindowPng(dir + "/unroll_sweep.png"));
  }
};

QTEST_MAIN(TstGuiTasks)
#include "tst_gui_tasks.moc"
