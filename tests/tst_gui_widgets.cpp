// Studio widgets: the designer refuses invalid settings with a reason, charts fill after a few
// steps, and `unroll --screenshot` writes a PNG whose chart areas are not blank.
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLayout>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>
#include <cmath>

#include "app/main_window.h"
#include "app/task_docks.h"
#include "charts/chart_view.h"
#include "charts/connectivity_view.h"
#include "charts/grad_heatmap.h"
#include "charts/grad_norm_chart.h"
#include "charts/heatmap_view.h"
#include "charts/hidden_heatmap.h"
#include "charts/loss_chart.h"
#include "charts/timestep_grad_chart.h"
#include "charts/unrolled_view.h"
#include "charts/verdict_text.h"
#include "panels/dynamics_panel.h"
#include "panels/model_designer.h"
#include "panels/non_finite_banner.h"
#include "panels/run_controls.h"
#include "session/training_controller.h"
#include "test_util.h"

using namespace unroll;
using namespace unroll::gui;

Q_DECLARE_METATYPE(std::vector<double>)
Q_DECLARE_METATYPE(LayerProbe)
Q_DECLARE_METATYPE(unroll::gui::ValidationEvent)
Q_DECLARE_METATYPE(unroll::gui::ConnectivityEvent)

namespace {

// Standard deviation of grey levels and number of distinct colours inside r.
void pixelStats(const QImage& img, const QRect& r, double* stddev, int* colours) {
  double sum = 0, sq = 0;
  long n = 0;
  QSet<QRgb> seen;
  const QRect clipped = r.intersected(img.rect());
  for (int y = clipped.top(); y <= clipped.bottom(); y += 2)
    for (int x = clipped.left(); x <= clipped.right(); x += 2) {
      const QRgb c = img.pixel(x, y);
      const double g = qGray(c);
      sum += g;
      sq += g * g;
      ++n;
      if (seen.size() < 1000) seen.insert(c);
    }
  const double mean = n ? sum / n : 0;
  *stddev = n ? std::sqrt(std::max(0.0, sq / n - mean * mean)) : 0;
  *colours = int(seen.size());
}

}  // namespace

class TstGuiWidgets : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<ValidationEvent>();
    qRegisterMetaType<ConnectivityEvent>();
  }
  void designerRefusesInvalidValues_data();
  void designerRefusesInvalidValues();
  void spinBoxesClampOutOfRange();
  void chartsReceiveDataAfterSteps();
  void languageShowsConnectivityAndAccuracy();
  void refusedLiveSettingSpringsBack();
  void screenshotIsNotBlank();
  void chartsSaveAsPngAndSvg();
  void germanBannerAndLanguageMenu();
  void typedValueOutOfRangeSaysWhy();
  void unrolledDrawsTheTrainingModel();
  void pauseSaysItWaitsForTheStep();
  void windowFitsALaptop_data();
  void windowFitsALaptop();
  void verdictAndHeadlineAgree_data();
  void verdictAndHeadlineAgree();
  void verdictAgreesInGerman();
};

// In German the non-finite banner says what went wrong in German (the engine's English sentence
// only in its tooltip) and stays short enough for a laptop, and `--lang de` checks Deutsch in the
// Language menu, not the system default.
void TstGuiWidgets::germanBannerAndLanguageMenu() {
  QTranslator german;
  QVERIFY(german.load(QStringLiteral(UNROLL_BIN_DIR "/../gui/unroll_de.qm")));
  QVERIFY(QCoreApplication::installTranslator(&german));
  qApp->setProperty("unrollLanguage", QStringLiteral("de"));
  {
    NonFiniteBanner banner;
    const QString english =
        QStringLiteral("step 7: the loss is not finite; the update was skipped");
    banner.report(NonFiniteEvent{7, QStringLiteral("loss"), english}, 0.5);
    QVERIFY2(!banner.text().contains(QStringLiteral("the loss is not finite")),
             qPrintable(banner.text()));
    QVERIFY2(banner.text().contains(NonFiniteBanner::detail(QStringLiteral("loss"))),
             qPrintable(banner.text()));
    // On a laptop the banner sits above the charts, about 690 px wide: the German explanation
    // runs across it and the buttons go below, so the banner stays short (beside the buttons the
    // text wrapped into a column over 200 px tall and hid the charts).
    banner.report(NonFiniteEvent{2, QStringLiteral("gradient"), english}, 0.1);
    banner.resize(690, 10);
    const int tall = banner.layout()->hasHeightForWidth()
                         ? banner.layout()->totalHeightForWidth(690)
                         : banner.sizeHint().height();
    qInfo("banner at 690 px: %d px tall", tall);
    QVERIFY2(tall < 130, qPrintable(QString::number(tall)));
    for (const char* tensor : {"loss", "gradient", "update", "weights", "rnn.weight_hh_l0"}) {
      const QString de = NonFiniteBanner::detail(QString::fromLatin1(tensor));
      QVERIFY2(de.contains(QStringLiteral("Gradient")) || de.contains(QStringLiteral("Verlust")) ||
                   de.contains(QStringLiteral("Gewicht")),
               qPrintable(de));  // German words, not the English sentence
    }
    MainWindow w(false);
    QAction* deutsch = nullptr;
    for (QAction* a : w.findChildren<QAction*>())
      if (a->text() == QStringLiteral("Deutsch")) deutsch = a;
    QVERIFY(deutsch != nullptr);
    QVERIFY(deutsch->isChecked());
  }
  qApp->setProperty("unrollLanguage", QString());
  QCoreApplication::removeTranslator(&german);
}

// A value typed into a box that cannot take it (out of range, not a number) is not changed
// silently: the designer says what the box kept and why; a valid value clears the note.
void TstGuiWidgets::typedValueOutOfRangeSaysWhy() {
  ModelDesigner d;
  d.show();
  auto type = [](QAbstractSpinBox* box, const QString& text) {
    QLineEdit* edit = box->findChild<QLineEdit*>();
    box->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(box, Qt::Key_Return);
  };
  QSpinBox* hidden = d.hiddenBox();
  const int before = hidden->value();
  type(hidden, QStringLiteral("0"));
  QVERIFY2(d.correctedText().contains(QStringLiteral("from 1 to 1024")),
           qPrintable(d.correctedText()));
  QVERIFY2(d.correctedText().contains(QStringLiteral("0 is out of range")),
           qPrintable(d.correctedText()));
  QCOMPARE(hidden->value(), before);
  type(hidden, QStringLiteral("99999"));
  QVERIFY2(d.correctedText().contains(QStringLiteral("99999")), qPrintable(d.correctedText()));
  type(hidden, QStringLiteral("48"));
  QCOMPARE(hidden->value(), 48);
  QVERIFY(d.correctedText().isEmpty());
  type(d.lrBox(), QStringLiteral("0"));
  QVERIFY2(d.correctedText().contains(QStringLiteral("Learning rate")),
           qPrintable(d.correctedText()));
  QVERIFY(d.lrBox()->value() > 0);
}

// The unrolled drawing shows the model that trains: a cell chosen in the designer shows there
// only after Apply and restart; a live BPTT change shows once the engine accepted it.
void TstGuiWidgets::unrolledDrawsTheTrainingModel() {
  MainWindow w(false);
  QVERIFY(w.loadDemo("vanishing"));
  UnrolledView* u = w.findChild<UnrolledView*>();
  QVERIFY(u);
  QCOMPARE(u->spec().train.model.cell, CellType::RnnTanh);
  QComboBox* cell = w.designer()->findChild<QComboBox*>();  // the first box: the cell
  cell->setCurrentIndex(cell->findData(int(CellType::Lstm)));
  QCOMPARE(w.designer()->spec().train.model.cell, CellType::Lstm);
  QCOMPARE(u->spec().train.model.cell, CellType::RnnTanh);  // still training the RNN
  QVERIFY(w.applyAndRestart(w.designer()->spec()));
  QCOMPARE(u->spec().train.model.cell, CellType::Lstm);
  BpttConfig b{true, 8, 8};
  w.controller()->setBptt(b);
  QTRY_VERIFY_WITH_TIMEOUT((w.controller()->pullNow(), u->spec().train.bptt.truncated), 20000);
  QCOMPARE(u->spec().train.bptt.k2, 8);
}

// Pause pressed while a step runs says that training pauses when the step ends, until it has.
void TstGuiWidgets::pauseSaysItWaitsForTheStep() {
  MainWindow w(false);
  QVERIFY(w.loadDemo("vanishing"));
  RunControls* run = w.findChild<RunControls*>();
  QVERIFY(run);
  emit run->playRequested();
  QTRY_VERIFY_WITH_TIMEOUT((w.refreshNow(), w.controller()->frame().playing), 20000);
  emit run->pauseRequested();
  QVERIFY2(w.runStateText().contains(QStringLiteral("pausing")), qPrintable(w.runStateText()));
  QTRY_VERIFY_WITH_TIMEOUT((w.refreshNow(), !w.controller()->frame().playing), 20000);
  QVERIFY2(w.runStateText().contains(QStringLiteral("paused")) &&
               !w.runStateText().contains(QStringLiteral("pausing")),
           qPrintable(w.runStateText()));
}

void TstGuiWidgets::windowFitsALaptop_data() {
  QTest::addColumn<QString>("language");
  QTest::addColumn<bool>("lesson");
  QTest::addColumn<QSize>("screen");
  for (const char* lang : {"en", "de"})
    for (bool lesson : {false, true})
      for (QSize screen : {QSize(1366, 768), QSize(1280, 800)})
        QTest::newRow(qPrintable(QStringLiteral("%1%2 %3x%4")
                                     .arg(QLatin1String(lang), lesson ? " lesson" : "")
                                     .arg(screen.width())
                                     .arg(screen.height())))
            << QString::fromLatin1(lang) << lesson << screen;
}

// The studio, also with a lesson open and in German, fits a laptop's or a projector's screen: its
// smallest size is within the screen (window frame and taskbar allowed for), and shrunk to that
// screen nothing is cut off (every chart keeps a usable size).
void TstGuiWidgets::windowFitsALaptop() {
  QFETCH(QString, language);
  QFETCH(bool, lesson);
  QFETCH(QSize, screen);
  QTranslator german;
  if (language == QLatin1String("de")) {
    QVERIFY(german.load(QStringLiteral(UNROLL_BIN_DIR "/../gui/unroll_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(&german));
  }
  {
    MainWindow w(false);
    QVERIFY(w.loadDemo("vanishing"));
    const QSize room = screen - QSize(0, 60);  // title bar and a taskbar
    w.resize(room);
    w.show();
    QCoreApplication::processEvents();
    if (lesson) QVERIFY(w.openLesson(QStringLiteral("vanishing")));
    QCoreApplication::processEvents();
    const QSize least = w.minimumSizeHint().expandedTo(w.minimumSize());
    const QString parts = QStringLiteral("smallest %1x%2, shown %3x%4")
                              .arg(least.width())
                              .arg(least.height())
                              .arg(w.width())
                              .arg(w.height());
    qInfo("%s", qPrintable(parts));
    QVERIFY2(least.width() <= room.width() && least.height() <= room.height(), qPrintable(parts));
    QVERIFY(w.width() <= room.width() && w.height() <= room.height());
    for (const QRect& r : w.chartRects()) QVERIFY(r.width() >= 150 && r.height() >= 120);
  }
  QCoreApplication::removeTranslator(&german);
}

// Every chart kind saves itself as a PNG image and as an SVG document with its drawing in it.
void TstGuiWidgets::chartsSaveAsPngAndSvg() {
  MainWindow w(false);
  w.show();
  QVERIFY(w.loadDemo("vanishing"));
  for (int i = 0; i < 5; ++i) w.controller()->stepOnce();
  QTRY_VERIFY_WITH_TIMEOUT((w.refreshNow(), w.controller()->frame().steps == 5), 20000);
  w.refreshNow();
  QTemporaryDir dir;
  ChartView* chart = w.lossChart()->view();
  HeatmapView* heat = w.gradHeatmap()->views().first();
  QVERIFY(chart->savePng(dir.filePath("loss.png")));
  QVERIFY(chart->saveSvg(dir.filePath("loss.svg")));
  QVERIFY(heat->savePng(dir.filePath("heat.png")));
  QVERIFY(heat->saveSvg(dir.filePath("heat.svg")));
  QImage png(dir.filePath("loss.png"));
  QVERIFY(!png.isNull() && png.width() > 100);
  QImage heatPng(dir.filePath("heat.png"));
  QVERIFY(!heatPng.isNull() && heatPng.width() > 100);
  for (const char* name : {"loss.svg", "heat.svg"}) {
    QFile svg(dir.filePath(name));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray text = svg.readAll();
    QVERIFY2(text.contains("<svg") && text.size() > 2000, name);
  }
}

void TstGuiWidgets::designerRefusesInvalidValues_data() {
  QTest::addColumn<bool>("truncated");
  QTest::addColumn<int>("k1");
  QTest::addColumn<int>("k2");
  QTest::addColumn<bool>("valid");
  QTest::newRow("full BPTT ignores k1,k2") << false << 50 << 10 << true;
  QTest::newRow("k1 == k2") << true << 16 << 16 << true;
  QTest::newRow("k1 < k2") << true << 8 << 32 << true;
  QTest::newRow("k1 > k2") << true << 32 << 8 << false;
  QTest::newRow("k1 longer than T") << true << 90 << 100 << false;
}

void TstGuiWidgets::designerRefusesInvalidValues() {
  QFETCH(bool, truncated);
  QFETCH(int, k1);
  QFETCH(int, k2);
  QFETCH(bool, valid);
  ModelDesigner d;  // starts on the vanishing demo: adding problem, T = 80
  QSignalSpy live(&d, &ModelDesigner::bpttChanged);
  d.k2Box()->setValue(k2);
  d.k1Box()->setValue(k1);
  d.bpttBox()->setCurrentIndex(truncated ? 1 : 0);
  QCOMPARE(d.reason().isEmpty(), valid);
  QCOMPARE(d.applyButton()->isEnabled(), valid);
  if (!valid) {
    QVERIFY(d.reason().contains("k1"));
    // The last signal, if any, came from a valid intermediate state, never from this one.
    if (!live.isEmpty()) {
      const auto b = live.last().first().value<BpttConfig>();
      QVERIFY(!(b.truncated && b.k1 == k1 && b.k2 == k2));
    }
  }
}

void TstGuiWidgets::spinBoxesClampOutOfRange() {
  ModelDesigner d;
  d.hiddenBox()->setValue(100000);
  QCOMPARE(d.hiddenBox()->value(), 1024);
  d.hiddenBox()->setValue(-5);
  QCOMPARE(d.hiddenBox()->value(), 1);
  d.lrBox()->setValue(1e9);
  QCOMPARE(d.lrBox()->value(), 10.0);
  QVERIFY(!d.hiddenBox()->toolTip().isEmpty());  // the range is explained
  QVERIFY(d.reason().isEmpty());
}

void TstGuiWidgets::chartsReceiveDataAfterSteps() {
  MainWindow w(false);
  w.show();
  QVERIFY(w.loadDemo("vanishing"));
  for (int i = 0; i < 30; ++i) w.controller()->stepOnce();
  QTRY_VERIFY_WITH_TIMEOUT((w.refreshNow(), w.controller()->frame().steps == 30), 20000);
  w.refreshNow();
  QVERIFY(w.lossChart()->pointCount() > 0);
  QVERIFY(w.gradNormChart()->pointCount() > 0);
  QVERIFY(w.timestepChart()->pointCount() > 10);
  QVERIFY(w.timestepChart()->fit().valid);
  qInfo("vanishing demo, 30 steps: gradient factor per step back %.3f",
        w.timestepChart()->fit().factor);
  QVERIFY(w.timestepChart()->fit().factor < 0.9);  // the geometric fall
  QVERIFY(!w.gradHeatmap()->views().first()->image().isNull());
  QVERIFY(!w.hiddenHeatmap()->view()->image().isNull());
  QVERIFY(!w.dynamicsPanel()->verdict().isEmpty());
}

// The language demo (an LSTM): the connectivity map of the Nepal sentence arrives at step 1 and is
// renewed at step 50, the loss chart's readout gives the language-word accuracy with its chance
// level, and the gradient chart carries ||dL/dc_t|| and the forget gate.
void TstGuiWidgets::languageShowsConnectivityAndAccuracy() {
  MainWindow w(false);
  w.show();
  QVERIFY(w.loadDemo("language"));
  TrainingController* c = w.controller();
  ConnectivityView* view = w.taskDocks()->connectivity();
  QVERIFY(view->map().empty());
  QVERIFY(w.taskDocks()->connectivityDock()->isVisible());  // raised for the language task
  QSignalSpy maps(c, &TrainingController::connectivityMapped);
  QSignalSpy validations(c, &TrainingController::validated);
  const int steps = c->spec().train.val_every;
  QCOMPARE(c->spec().train.connectivity_every, steps);
  for (int i = 0; i < steps; ++i) c->stepOnce();
  QTRY_VERIFY_WITH_TIMEOUT(
      (w.refreshNow(), validations.size() == 1 && maps.size() == 2 && c->frame().steps == steps),
      30000);
  // The map: the six characters of "Nepali" explained, on a sentence about Nepal.
  QCOMPARE(int(view->map().positions.size()), 6);
  QCOMPARE(view->selected(), 0);
  QString sentence;
  for (int id : view->map().tokens) sentence += c->tokenLabels().at(id);
  QVERIFY2(sentence.startsWith("I am from Nepal. "), qPrintable(sentence));
  const double share = view->countryShare();
  QVERIFY(share >= 0 && share <= 1);
  qInfo("step %d: %s", steps, qPrintable(view->readout()));
  QVERIFY(view->readout().contains(QString("Step %1:").arg(steps)));
  QVERIFY(view->readout().contains(QString("%1%").arg(QString::number(100 * share, 'f', 0))));
  view->select(5);
  QVERIFY(!view->matrix()->image().isNull());
  // The accuracy readout says what the validation event measured, and the task's chance level.
  const auto event = validations.last().at(0).value<ValidationEvent>();
  const QString readout = w.lossChart()->accuracyText();
  qInfo("%s", qPrintable(readout));
  QVERIFY(readout.contains(QString::number(100 * event.accuracy, 'f', 1) + "%"));
  QVERIFY(readout.contains(QString::number(100 * c->task()->chance_accuracy(), 'f', 1) + "%"));
  // The cell state's gradient and the forget gate over the window.
  QVERIFY(w.timestepChart()->cellPointCount() > 10);
  QCOMPARE(w.timestepChart()->keepPointCount(),
           int(c->frame().report.timestep_keep_gate.at(0).size()));
}

// A BPTT window the designer allows (it checks against its own, edited but not applied, sequence
// length) but the running model refuses: the widgets return to what the engine runs with and show
// its reason; the controller's spec never held the refused window.
void TstGuiWidgets::refusedLiveSettingSpringsBack() {
  MainWindow w(false);
  QVERIFY(w.loadDemo("sine"));  // a task whose sequence length the designer may change
  TrainingController* c = w.controller();
  ModelDesigner* d = w.designer();
  for (int i = 0; i < 3; ++i) c->stepOnce();  // mid-run
  QTRY_VERIFY_WITH_TIMEOUT((w.refreshNow(), c->frame().steps == 3), 20000);
  QVERIFY(!c->spec().train.bptt.truncated);
  const int seq = c->spec().train.seq;
  QSignalSpy settings(c, &TrainingController::settingsChanged);
  d->seqBox()->setValue(seq + 100);  // a structural edit, pending until Apply
  d->k2Box()->setValue(seq + 50);
  d->k1Box()->setValue(seq + 50);
  d->bpttBox()->setCurrentIndex(1);  // truncated, k1 = seq + 50: longer than the running sequence
  QVERIFY2(d->reason().isEmpty(), qPrintable(d->reason()));  // the designer saw nothing wrong
  QTRY_VERIFY_WITH_TIMEOUT(!d->refusedText().isEmpty(), 20000);
  qInfo("refused: %s", qPrintable(d->refusedText()));
  QVERIFY(d->refusedText().contains(QStringLiteral("k1")));
  QVERIFY(!settings.isEmpty());
  QVERIFY(!settings.last().at(1).toString().isEmpty());
  QCOMPARE(d->bpttBox()->currentIndex(), 0);  // sprang back to full BPTT
  QVERIFY(!c->spec().train.bptt.truncated);
  QVERIFY(!c->frame().settings.bptt.truncated);
  QCOMPARE(d->k1Box()->value(), c->spec().train.bptt.k1);
  // An accepted change clears the reason and becomes the spec.
  d->lrBox()->setValue(0.0042);
  QTRY_VERIFY_WITH_TIMEOUT(c->spec().train.optimizer.lr == 0.0042, 20000);
  QVERIFY(d->refusedText().isEmpty());
  QCOMPARE(d->lrBox()->value(), 0.0042);
}

void TstGuiWidgets::screenshotIsNotBlank() {
  QTemporaryDir dir;
  const QString png = dir.filePath("studio.png");
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert("QT_QPA_PLATFORM", "offscreen");
  p.setProcessEnvironment(env);
  p.start(QStringLiteral(UNROLL_BIN_DIR "/unroll"),
          {"--demo", "vanishing", "--autoplay", "--screenshot", png, "--after", "3"});
  QVERIFY2(p.waitForFinished(60000), "unroll did not quit after its screenshot");
  QCOMPARE(p.exitCode(), 0);
  QImage img(png);
  QVERIFY(!img.isNull());
  QVERIFY(QFileInfo(png).size() > 10000);
  // The same window laid out in-process tells where the charts are.
  MainWindow w(false);
  w.show();
  QVERIFY(w.loadDemo("vanishing"));
  QCOMPARE(img.size(), w.size());
  w.refreshNow();
  const QImage empty = w.grab().toImage().convertToFormat(img.format());  // step 0: no data
  const QStringList names = {
      "loss",        "gradient norm", "dynamics", "gradient vs timestep", "gradient heatmap",
      "hidden state"};
  const QList<QRect> rects = w.chartRects();
  for (int i = 0; i < rects.size(); ++i) {
    double sd = 0;
    int colours = 0;
    pixelStats(img, rects[i], &sd, &colours);
    // Drawn data, not just axes: a good part of the area differs from the empty chart.
    long changed = 0, total = 0;
    for (int y = rects[i].top(); y <= rects[i].bottom(); y += 2)
      for (int x = rects[i].left(); x <= rects[i].right(); x += 2, ++total)
        changed += img.pixel(x, y) != empty.pixel(x, y);
    const double fraction = double(changed) / double(std::max(1L, total));
    qInfo("%s: grey-level stddev %.1f, %d colours, %.1f%% changed by training",
          qPrintable(names[i]), sd, colours, 100 * fraction);
    QVERIFY2(sd > 8 && colours > 20, qPrintable(names[i] + " looks blank"));
    QVERIFY2(fraction > 0.02, qPrintable(names[i] + " shows no data"));
  }
}

void TstGuiWidgets::verdictAndHeadlineAgree_data() {
  QTest::addColumn<int>("cell");
  QTest::addColumn<std::vector<double>>("profile");
  QTest::addColumn<LayerProbe>("probe");
  QTest::addColumn<int>("kind");
  QTest::addColumn<QString>("mustSay");     // in the panel's sentence
  QTest::addColumn<QString>("mustNotSay");  // nowhere in it
  QTest::addColumn<int>("truncatedAt");     // truncated BPTT's k2, 0: full BPTT
  std::vector<double> overflow = test::geometric_profile(80, 1.3);
  for (int t = 0; t < 10; ++t) overflow[t] = INFINITY;
  QTest::addRow("rnn x1.10: exploding, not 'keep their size'")
      << int(CellType::RnnTanh) << test::geometric_profile(80, 1.10)
      << test::layer_probe(1.0, 0.05, {}) << int(GradientKind::Exploding) << "Clip"
      << "keep" << 0;
  QTest::addRow("lstm x0.89: vanishing, forget gates")
      << int(CellType::Lstm) << test::geometric_profile(80, 0.89)
      << test::layer_probe(1.3, 0, {0.4, 0.89, 0.1, 0.3}) << int(GradientKind::Vanishing)
      << "Forget gates"
      << "keep their size" << 0;
  QTest::addRow("gru: update gates, never forget gates")
      << int(CellType::Gru) << test::geometric_profile(80, 1.0)
      << test::layer_probe(1.3, 0, {0.4, 0.97, 0.1}) << int(GradientKind::Stable) << "Update gates"
      << "orget" << 0;
  QTest::addRow("vanishing with rho 2.4: saturation despite the stretch")
      << int(CellType::RnnTanh) << test::geometric_profile(80, 0.62)
      << test::layer_probe(2.4, 0.41, {}) << int(GradientKind::Vanishing)
      << "but 41% of units are saturated"
      << "> 1" << 0;
  QTest::addRow("overflow: the chart says it explodes")
      << int(CellType::RnnTanh) << overflow << test::layer_probe(1.6, 0.1, {})
      << int(GradientKind::Exploding) << "overflows"
      << "not enough" << 0;
  QTest::addRow("no gradient") << int(CellType::RnnTanh) << std::vector<double>(80, 0.0)
                               << test::layer_probe(1.0, 0, {}) << int(GradientKind::NotMeasurable)
                               << "fewer than 3"
                               << "keep" << 0;
  QTest::addRow("truncated x1.02: keeps its size only within the window")
      << int(CellType::RnnRelu) << test::geometric_profile(20, 1.02)
      << test::layer_probe(1.5, 0, {}) << int(GradientKind::Stable) << "truncated"
      << "learnable" << 20;
}

// One Frame to both widgets: the chart's headline and the panel's verdict name the same kind and
// factor, the panel's sentence begins with the chart's headline, and its cause fits the cell.
void TstGuiWidgets::verdictAndHeadlineAgree() {
  QFETCH(int, cell);
  QFETCH(std::vector<double>, profile);
  QFETCH(LayerProbe, probe);
  QFETCH(int, kind);
  QFETCH(QString, mustSay);
  QFETCH(QString, mustNotSay);
  QFETCH(int, truncatedAt);
  Frame f;
  f.settings.bptt = {truncatedAt > 0, truncatedAt, truncatedAt};
  f.version = f.historyVersion = 1;
  f.hasReport = true;
  f.report.step = 100;
  f.report.timestep_grad_norms = {profile};
  f.hasProbes = true;
  f.probeStep = 100;
  f.probes = {probe};
  TimestepGradChart chart;
  DynamicsPanel panel;
  panel.setCell(CellType(cell));
  chart.showFrame(f);
  panel.showFrame(f);
  const GradientVerdict& a = chart.verdict();
  const GradientVerdict& b = panel.gradientVerdict();
  qInfo("chart: %s", qPrintable(chart.headline()));
  qInfo("panel: %s", qPrintable(panel.verdict()));
  QCOMPARE(int(a.kind), kind);
  QCOMPARE(int(b.kind), kind);
  QVERIFY(a.factor == b.factor || (std::isnan(a.factor) && std::isnan(b.factor)));
  const QString label = verdictKindLabel(a.kind);
  QVERIFY(chart.headline().startsWith(label));
  QVERIFY(panel.verdict().startsWith(chart.headline()));
  if (std::isfinite(a.factor) && a.explosion != Explosion::Overflow) {
    const QString factor = verdictFactorText(a.factor);
    QVERIFY(chart.headline().contains(factor));
    QVERIFY(panel.verdict().contains(factor));
  }
  QVERIFY2(panel.verdict().contains(mustSay), qPrintable(mustSay));
  QVERIFY2(!panel.verdict().contains(mustNotSay), qPrintable(mustNotSay));
}

// With the German translation the two still agree, and every verdict string is translated.
void TstGuiWidgets::verdictAgreesInGerman() {
  QTranslator german;
  QVERIFY(german.load(QStringLiteral(UNROLL_BIN_DIR "/../gui/unroll_de.qm")));
  QCoreApplication::installTranslator(&german);
  Frame f;
  f.version = f.historyVersion = 1;
  f.hasReport = true;
  f.report.timestep_grad_norms = {test::geometric_profile(80, 0.62)};
  f.hasProbes = true;
  f.probes = {test::layer_probe(2.4, 0.41, {})};
  TimestepGradChart chart;
  DynamicsPanel panel;
  panel.setCell(CellType::RnnTanh);
  chart.showFrame(f);
  panel.showFrame(f);
  QCoreApplication::removeTranslator(&german);
  qInfo("Diagramm: %s", qPrintable(chart.headline()));
  qInfo("Dynamik: %s", qPrintable(panel.verdict()));
  QVERIFY(chart.headline().startsWith(QStringLiteral("Verschwindend: ×0.62 pro Schritt zurück")));
  QVERIFY(panel.verdict().startsWith(chart.headline()));
  QVERIFY(panel.verdict().contains(QStringLiteral("gesättigt")));
}

QTEST_MAIN(TstGuiWidgets)
#include "tst_gui_widgets.moc"
