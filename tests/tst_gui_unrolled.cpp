// The unrolled drawing's backward pass: the pulse front moves from the loss back to the start of
// the backprop window (and stops at the window with truncated BPTT), cells it has passed take
// the colour of their real gradient, and the animation runs and stops with its checkbox.
#include <QCheckBox>
#include <QImage>
#include <QtTest>
#include <cmath>

#include "charts/unrolled_view.h"
#include "telemetry/step_report.h"

using namespace unroll;
using namespace unroll::gui;

namespace {

RunSpec spec(int T, bool truncated) {
  RunSpec s;
  demoSpec(QStringLiteral("vanishing"), &s);
  s.data.set("length", long(T));
  s.train.seq = T;
  s.train.model.layers = 1;
  s.train.bptt = {truncated, 3, 4};
  return normalized(s);
}

// A report whose gradient falls tenfold per step back: ||dL/dh_t|| = 10^-(T-1-t).
StepReport fading(int T) {
  StepReport r;
  r.step = 1;
  r.timestep_grad_norms.assign(1, std::vector<double>(size_t(T)));
  for (int t = 0; t < T; ++t) r.timestep_grad_norms[0][size_t(t)] = std::pow(10.0, -(T - 1 - t));
  return r;
}

QColor centre(const QImage& img, const QRectF& r) {
  return img.pixelColor(r.center().toPoint() + QPoint(0, -r.height() / 2 + 3));
}

}  // namespace

class TstGuiUnrolled : public QObject {
  Q_OBJECT
 private slots:
  void frontTravelsBack();
  void truncatedStopsAtWindow();
  void reportSetsTheRange();
  void cellsColouredByGradient();
  void checkboxRunsAnimation();
};

void TstGuiUnrolled::frontTravelsBack() {
  UnrolledView v;
  v.resize(900, 220);
  v.setSpec(spec(8, false));
  v.setReport(fading(8));
  QCOMPARE(v.gradientAt(0, 7), 1.0);
  QCOMPARE(v.gradientAt(0, 0), 1e-7);
  v.setPhase(0);
  QCOMPARE(v.frontStep(), 8);  // at the loss: no cell reached yet
  int last = 8;
  for (double ph = 0.05; ph <= 1.0001; ph += 0.05) {
    v.setPhase(ph);
    QVERIFY(v.frontStep() <= last);  // never forwards
    last = v.frontStep();
  }
  QCOMPARE(v.frontStep(), 0);  // full BPTT: the pulse reaches t = 0
  v.setPhase(0.5);
  QCOMPARE(v.frontStep(), 4);
}

void TstGuiUnrolled::truncatedStopsAtWindow() {
  UnrolledView v;
  v.resize(900, 220);
  v.setSpec(spec(10, true));  // k2 = 4: backprop reaches t = 6..9 only
  v.setPhase(1);
  QCOMPARE(v.frontStep(), 6);
}

// With truncated BPTT the window moves through the sequence: the pulse covers the latest
// update's window (from the report), not always the last k2 steps.
void TstGuiUnrolled::reportSetsTheRange() {
  UnrolledView v;
  v.resize(900, 220);
  v.setSpec(spec(10, true));
  StepReport r;
  r.step = 3;
  r.window_start = 3;  // window steps 0..3 are timesteps 3..6; the first got no gradient
  r.truncation_cut = 1;
  r.timestep_grad_norms = {{0.0, 1e-3, 1e-2, 1e-1}};
  v.setReport(r);
  QVERIFY(std::isnan(v.gradientAt(0, 3)));
  QCOMPARE(v.gradientAt(0, 4), 1e-3);
  QCOMPARE(v.gradientAt(0, 6), 1e-1);
  QVERIFY(std::isnan(v.gradientAt(0, 8)));
  v.setPhase(0);
  QCOMPARE(v.frontStep(), 7);
  v.setPhase(1);
  QCOMPARE(v.frontStep(), 4);
  v.clearGradients();  // back to the settings' window: the last k2 = 4 steps
  QCOMPARE(v.frontStep(), 6);
}

void TstGuiUnrolled::cellsColouredByGradient() {
  UnrolledView v;
  v.resize(900, 220);
  v.setSpec(spec(8, false));
  v.setReport(fading(8));
  v.animateBox()->setChecked(true);
  v.setPhase(1);  // the whole sweep done
  const QImage done = v.grab().toImage();
  const QColor late = centre(done, v.cellRect(0, 7)), early = centre(done, v.cellRect(0, 0));
  qInfo("cell fill at t=7 (1e0): %s, at t=0 (1e-7): %s", qPrintable(late.name()),
        qPrintable(early.name()));
  // Viridis: large gradients yellow (bright), small ones purple (dark).
  QVERIFY(late.lightness() > early.lightness() + 80);
  v.setPhase(0.3);  // the pulse has not reached t = 0 yet: its cell keeps the forward colours
  const QImage midway = v.grab().toImage();
  QVERIFY(v.frontStep() > 0);
  QVERIFY(centre(midway, v.cellRect(0, 0)) != early);
  QCOMPARE(centre(midway, v.cellRect(0, 7)), late);
  v.animateBox()->setChecked(false);
}

void TstGuiUnrolled::checkboxRunsAnimation() {
  UnrolledView v;
  v.resize(900, 220);
  v.setSpec(spec(8, false));
  v.show();
  QVERIFY(!v.animating());
  v.animateBox()->setChecked(true);
  QVERIFY(v.animating());
  const double start = v.phase();
  QTRY_VERIFY_WITH_TIMEOUT(v.phase() > start + 0.05, 3000);  // driven by its own timer
  v.animateBox()->setChecked(false);
  QVERIFY(!v.animating());
  QCOMPARE(v.phase(), 1.0);
  v.setAnimating(true);  // the lesson turns it on from code: the box follows
  QVERIFY(v.animateBox()->isChecked());
}

QTEST_MAIN(TstGuiUnrolled)
#include "tst_gui_unrolled.moc"
