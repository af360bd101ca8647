// The gradient verdict over synthetic profiles: a geometric fall is vanishing, a flat one stable,
// a rise or an overflow to inf exploding, an all-zero one not measurable; the probes choose only
// the cause, and only one true for the cell (forget gates for the LSTM, update gates for the GRU).
#include <QtTest>
#include <cmath>

#include "telemetry/gradient_verdict.h"
#include "test_util.h"

using namespace unroll;

Q_DECLARE_METATYPE(std::vector<double>)
Q_DECLARE_METATYPE(GradientKind)
Q_DECLARE_METATYPE(Explosion)
Q_DECLARE_METATYPE(LayerProbe)
Q_DECLARE_METATYPE(VerdictReason)

class TstVerdict : public QObject {
  Q_OBJECT
 private slots:
  void kindFromProfile_data();
  void kindFromProfile();
  void probesChooseOnlyTheCause();
  void causesFitTheCell_data();
  void causesFitTheCell();
  void mostSevereLayerDecides();
};

void TstVerdict::kindFromProfile_data() {
  QTest::addColumn<std::vector<double>>("profile");
  QTest::addColumn<GradientKind>("kind");
  QTest::addColumn<Explosion>("explosion");
  QTest::addColumn<double>("factor");  // NaN: no fit expected
  std::vector<double> inf = test::geometric_profile(40, 1.3, 1.0);
  for (int t = 0; t < 8; ++t) inf[t] = INFINITY;
  std::vector<double> cut = test::geometric_profile(40, 0.5);
  for (int t = 0; t < 30; ++t) cut[t] = 0;  // float underflow: excluded, the rest still fits
  QTest::addRow("decaying x0.62") << test::geometric_profile(40, 0.62) << GradientKind::Vanishing
                                  << Explosion::None << 0.62;
  QTest::addRow("LSTM-like x0.89")
      << test::geometric_profile(80, 0.89) << GradientKind::Vanishing << Explosion::None << 0.89;
  QTest::addRow("flat") << std::vector<double>(40, 0.3) << GradientKind::Stable << Explosion::None
                        << 1.0;
  QTest::addRow("nearly flat x0.99")
      << test::geometric_profile(40, 0.99) << GradientKind::Stable << Explosion::None << 0.99;
  QTest::addRow("growing x1.10") << test::geometric_profile(80, 1.10) << GradientKind::Exploding
                                 << Explosion::Growth << 1.10;
  QTest::addRow("overflowing to inf")
      << inf << GradientKind::Exploding << Explosion::Overflow << 1.3;
  QTest::addRow("huge but falling") << test::geometric_profile(40, 0.5, 5e7)
                                    << GradientKind::Exploding << Explosion::Magnitude << 0.5;
  QTest::addRow("underflowed start") << cut << GradientKind::Vanishing << Explosion::None << 0.5;
  QTest::addRow("all zero") << std::vector<double>(40, 0.0) << GradientKind::NotMeasurable
                            << Explosion::None << double(NAN);
  QTest::addRow("one huge value") <<
      [] {
        std::vector<double> g(40, 0.0);
        g.back() = 1e9;
        return g;
      }() << GradientKind::Exploding
                                  << Explosion::Magnitude << double(NAN);
}

void TstVerdict::kindFromProfile() {
  QFETCH(std::vector<double>, profile);
  QFETCH(GradientKind, kind);
  QFETCH(Explosion, explosion);
  QFETCH(double, factor);
  const GradientVerdict v = judge_gradient({profile}, 0);
  qInfo("kind %d explosion %d factor %.4f (expected %.4f) total %.3g peak %.3g", int(v.kind),
        int(v.explosion), v.factor, factor, v.total, v.peak);
  QCOMPARE(v.kind, kind);
  QCOMPARE(v.explosion, explosion);
  if (std::isnan(factor)) {
    QVERIFY(std::isnan(v.factor));
    QVERIFY(!v.fit.valid);
  } else {
    QVERIFY(std::abs(v.factor - factor) < 1e-9);
  }
  if (explosion == Explosion::Overflow) QCOMPARE(v.overflow_t, 7);
}

// The same profile with probes that point the other way: the kind and factor stay the profile's.
void TstVerdict::probesChooseOnlyTheCause() {
  const std::vector<std::vector<double>> falling = {test::geometric_profile(80, 0.62)};
  const GradientVerdict bare = judge_gradient(falling, 0);
  const GradientVerdict withProbes =
      judge_gradient(falling, 0, CellType::RnnTanh, {test::layer_probe(2.4, 0.41)});
  QCOMPARE(withProbes.kind, GradientKind::Vanishing);
  QCOMPARE(withProbes.factor, bare.factor);
  // rho 2.4 stretches, yet saturation wins: the cause says both, never "stretches" alone.
  QCOMPARE(withProbes.reason, VerdictReason::SaturatedDespiteRho);
  QCOMPARE(withProbes.reason_value, 0.41);
  const GradientVerdict flat = judge_gradient({std::vector<double>(80, 1.0)}, 0, CellType::RnnTanh,
                                              {test::layer_probe(0.5, 0)});
  QCOMPARE(flat.kind, GradientKind::Stable);
  QVERIFY(flat.reason != VerdictReason::ShrinkingWeights);  // rho < 1 never contradicts the kind
}

void TstVerdict::causesFitTheCell_data() {
  QTest::addColumn<int>("cell");
  QTest::addColumn<double>("q");
  QTest::addColumn<LayerProbe>("probe");
  QTest::addColumn<VerdictReason>("reason");
  const LayerProbe lstm = test::layer_probe(1.3, 0, {0.4, 0.83, 0.1, 0.3});
  const LayerProbe gru = test::layer_probe(1.3, 0, {0.4, 0.97, 0.1});
  QTest::addRow("lstm vanishing") << int(CellType::Lstm) << 0.89 << lstm
                                  << VerdictReason::ForgetGatesClosing;
  QTest::addRow("lstm stable") << int(CellType::Lstm) << 1.0 << lstm
                               << VerdictReason::ForgetGatesOpen;
  QTest::addRow("lstm exploding: no gate talk")
      << int(CellType::Lstm) << 1.2 << lstm << VerdictReason::None;
  QTest::addRow("gru vanishing: update gate")
      << int(CellType::Gru) << 0.7 << gru << VerdictReason::UpdateGatesClosing;
  QTest::addRow("gru stable: update gate")
      << int(CellType::Gru) << 1.0 << gru << VerdictReason::UpdateGatesOpen;
  QTest::addRow("tanh vanishing, rho < 1")
      << int(CellType::RnnTanh) << 0.6 << test::layer_probe(0.6, 0.05)
      << VerdictReason::ShrinkingWeights;
  QTest::addRow("tanh exploding, rho > 1")
      << int(CellType::RnnTanh) << 1.2 << test::layer_probe(1.5, 0.05)
      << VerdictReason::StretchingWeights;
  LayerProbe dead = test::layer_probe(1.0, 0);
  dead.dead_fraction = 0.5;
  QTest::addRow("relu vanishing, dead units")
      << int(CellType::RnnRelu) << 0.6 << dead << VerdictReason::DeadUnits;
}

void TstVerdict::causesFitTheCell() {
  QFETCH(int, cell);
  QFETCH(double, q);
  QFETCH(LayerProbe, probe);
  QFETCH(VerdictReason, reason);
  const GradientVerdict v =
      judge_gradient({test::geometric_profile(80, q)}, 0, CellType(cell), {probe});
  QCOMPARE(v.reason, reason);
}

// Two layers: the exploding one decides, and the verdict says which layer it was.
void TstVerdict::mostSevereLayerDecides() {
  const GradientVerdict v =
      judge_gradient({test::geometric_profile(40, 0.99), test::geometric_profile(40, 1.3)}, 0);
  QCOMPARE(v.kind, GradientKind::Exploding);
  QCOMPARE(v.layer, 1);
  QCOMPARE(v.layers, 2);
  QVERIFY(std::abs(v.factor - 1.3) < 1e-9);
}

QTEST_APPLESS_MAIN(TstVerdict)
#include "tst_verdict.moc"
