// How the studio writes numbers and ticks axes: huge and tiny values in compact scientific
// notation, step axes at whole numbers only, log colour bars at powers of ten only.
#include <QtTest>
#include <cmath>

#include "charts/chart_view.h"
#include "charts/heatmap_view.h"
#include "charts/numbers.h"

using namespace unroll::gui;

class TstGuiNumbers : public QObject {
  Q_OBJECT
 private slots:
  void formatNumber_data();
  void formatNumber();
  void stepTicksAreWhole_data();
  void stepTicksAreWhole();
  void stepRangeIsWhole();
  void logColorBarTicksPowersOfTen_data();
  void logColorBarTicksPowersOfTen();
};

void TstGuiNumbers::formatNumber_data() {
  QTest::addColumn<double>("value");
  QTest::addColumn<int>("decimals");
  QTest::addColumn<QString>("text");
  QTest::addRow("huge") << 3239558768336784634982974806294528.0 << 6 << "3.24e33";
  QTest::addRow("gradient overflow") << 5767607735939789.0 << 2 << "5.77e15";
  QTest::addRow("a million") << 1e6 << 0 << "1e6";
  QTest::addRow("tiny") << 1.5e-7 << 3 << "1.5e-7";
  QTest::addRow("negative tiny") << -2.25e-9 << 2 << "-2.25e-9";
  QTest::addRow("ordinary") << 0.6234 << 2 << "0.62";
  QTest::addRow("below the decimals") << 0.0042 << 2 << "0.0042";
  QTest::addRow("zero") << 0.0 << 2 << "0.00";
  QTest::addRow("thousands") << 12345.678 << 1 << "12345.7";
  QTest::addRow("infinity") << double(INFINITY) << 2 << "∞";
  QTest::addRow("nan") << double(NAN) << 2 << "NaN";
}

void TstGuiNumbers::formatNumber() {
  QFETCH(double, value);
  QFETCH(int, decimals);
  QFETCH(QString, text);
  QCOMPARE(unroll::gui::formatNumber(value, decimals), text);
  QVERIFY(unroll::gui::formatNumber(value, decimals).size() <= 9);  // never 30 digits
}

void TstGuiNumbers::stepTicksAreWhole_data() {
  QTest::addColumn<double>("lo");
  QTest::addColumn<double>("hi");
  QTest::addColumn<int>("count");
  QTest::addRow("steps 1..2") << 1.0 << 2.0 << 5;
  QTest::addRow("steps 0..3") << 0.0 << 3.0 << 8;
  QTest::addRow("steps 1..1") << 1.0 << 1.0 << 5;
  QTest::addRow("steps 0..4000") << 0.0 << 4000.0 << 6;
}

void TstGuiNumbers::stepTicksAreWhole() {
  QFETCH(double, lo);
  QFETCH(double, hi);
  QFETCH(int, count);
  const QList<double> ticks = niceTicks(lo, hi, count, true);
  QVERIFY(!ticks.isEmpty());
  for (double t : ticks) QCOMPARE(t, std::round(t));
  // Without `integers` the same range may tick at halves: the rule is what makes the difference.
  if (hi - lo <= 2 && hi > lo) {
    bool half = false;
    for (double t : niceTicks(lo, hi, count)) half = half || t != std::round(t);
    QVERIFY(half);
  }
}

// A chart of training steps over steps 1..2 ticks at whole steps: 1, 2 (never 1.5).
void TstGuiNumbers::stepRangeIsWhole() {
  for (double span : {1.0, 2.0, 3.0, 7.0}) {
    double lo = 1, hi = 1 + span;
    int ticks = 5;
    niceRange(lo, hi, ticks, true);
    const double step = (hi - lo) / (ticks - 1);
    QCOMPARE(lo, std::round(lo));
    QVERIFY(step >= 1);
    QCOMPARE(step, std::round(step));
  }
  double lo = 1, hi = 2;
  int ticks = 5;
  niceRange(lo, hi, ticks);
  QVERIFY((hi - lo) / (ticks - 1) < 1);  // the fractional rule this replaces for steps
}

void TstGuiNumbers::logColorBarTicksPowersOfTen_data() {
  QTest::addColumn<double>("lo10");
  QTest::addColumn<double>("hi10");
  QTest::addColumn<int>("count");
  QTest::addColumn<QStringList>("labels");
  QTest::addRow("1e-8..1e-1") << -8.0 << -1.0 << 4 << QStringList{"1e-8", "1e-6", "1e-4", "1e-2"};
  QTest::addRow("a decade and a bit") << -1.3 << 0.2 << 5 << QStringList{"1e-1", "1e0"};
  QTest::addRow("1e0..1e6") << 0.0 << 6.0 << 4 << QStringList{"1e0", "1e2", "1e4", "1e6"};
  QTest::addRow("inside a decade") << -1.2 << -1.1 << 5 << QStringList{};
}

void TstGuiNumbers::logColorBarTicksPowersOfTen() {
  QFETCH(double, lo10);
  QFETCH(double, hi10);
  QFETCH(int, count);
  QFETCH(QStringList, labels);
  const HeatmapView::ColorBar bar{QString(), lo10, hi10, false, true};
  QStringList got;
  for (double e : powerOfTenTicks(lo10, hi10, count)) {
    QCOMPARE(e, std::round(e));
    got << colorBarLabel(bar, e);
  }
  QCOMPARE(got, labels);
  QCOMPARE(colorBarLabel(bar, -1.1), QStringLiteral("7.9e-2"));  // an end label, compact
}

QTEST_MAIN(TstGuiNumbers)
#include "tst_gui_numbers.moc"
