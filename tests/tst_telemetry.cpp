// Gradient telemetry and the trainer's guards: ||dL/dh_t|| falls geometrically for small recurrent
// weights and grows for large ones; clipping bounds the update; non-finite steps are rejected with
// the weights kept; truncated BPTT carries state; runs are deterministic.
#include <Eigen/SVD>
#include <QtTest>
#include <cmath>

#include "data/adding_task.h"
#include "data/sample_text.h"
#include "model/init.h"
#include "train/trainer.h"

using namespace unroll;

namespace {

// A dense regression task that wraps the adding problem and can poison one input or target.
class PoisonedAdding : public Task {
 public:
  PoisonedAdding(int T, double input, double target) : inner_(T), input_(input), target_(target) {}
  std::string name() const override { return "poisoned"; }
  TaskShape shape() const override { return inner_.shape(); }
  Batch train_batch(int steps, int batch, Rng& rng) const override {
    Batch b = inner_.train_batch(steps, batch, rng);
    if (!std::isnan(target_) || std::isinf(target_))
      b.target_values(0, b.col(steps - 1, 0)) = target_;
    b.inputs(0, b.col(0, 0)) = input_;
    return b;
  }
  Batch validation_batch(int steps, int batch, int i) const override {
    return inner_.validation_batch(steps, batch, i);
  }
  int validation_batches() const override { return inner_.validation_batches(); }

 private:
  AddingTask inner_;
  double input_, target_;
};

// Sets every recurrent weight matrix to an orthogonal matrix times `gain` (all singular values and
// |eigenvalues| equal gain) and shrinks the input weights so the units stay in tanh's linear range.
void set_recurrent_gain(Trainer& tr, double gain, double input_scale) {
  auto& net = tr.network();
  const auto& lay = net.layout();
  for (int k = 0; k < net.config().layers; ++k) {
    auto W_hh = lay.map(net.params().data(), lay.layer(k).weight_hh);
    W_hh *= float(gain / W_hh.template cast<double>().jacobiSvd().singularValues()(0));
    lay.map(net.params().data(), lay.layer(k).weight_ih) *= float(input_scale);
  }
}

// Per-step factor of ||dL/dh_t|| going back in time: exp of the least-squares slope of
// log norm against distance from the end.
double per_step_factor(const std::vector<double>& norms) {
  const int n = int(norms.size());
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (int t = 0; t < n; ++t) {
    const double x = n - 1 - t, y = std::log(norms[t]);
    sx += x, sy += y, sxx += x * x, sxy += x * y;
  }
  return std::exp((n * sxy - sx * sy) / (n * sxx - sx * sx));
}

TrainConfig adding_rnn(int T) {
  TrainConfig c;
  c.model.cell = CellType::RnnTanh;
  c.model.hidden = 32;
  c.model.init = InitKind::Orthogonal;
  c.seq = T;
  c.batch = 16;
  c.val_every = 0;
  c.probe_every = 1;
  c.optimizer.kind = OptimizerKind::Sgd;
  c.optimizer.lr = 1e-3;
  return c;
}

}  // namespace

class TestTelemetry : public QObject {
  Q_OBJECT
 private slots:
  void gradient_over_time_data();
  void gradient_over_time();
  void clipping_bounds_update_data();
  void clipping_bounds_update();
  void nonfinite_rejected_data();
  void nonfinite_rejected();
  void truncated_windows_carry_state();
  void deterministic();
};

void TestTelemetry::gradient_over_time_data() {
  QTest::addColumn<double>("gain");
  QTest::addColumn<bool>("vanishing");
  QTest::newRow("spectral radius 0.5: vanishing") << 0.5 << true;
  QTest::newRow("spectral radius 0.8: vanishing") << 0.8 << true;
  QTest::newRow("spectral radius 1.6: exploding") << 1.6 << false;
}

void TestTelemetry::gradient_over_time() {
  QFETCH(double, gain);
  QFETCH(bool, vanishing);
  const int T = 20;
  Trainer tr(adding_rnn(T), std::make_shared<AddingTask>(T));
  set_recurrent_gain(tr, gain, 1e-4);
  const StepReport& r = tr.step();
  QVERIFY(r.accepted);
  QCOMPARE(int(r.timestep_grad_norms.size()), 1);
  const auto& g = r.timestep_grad_norms[0];
  QCOMPARE(int(g.size()), T);
  const double factor = per_step_factor(g);
  qInfo(
      "gain %.2f: ||dL/dh_t|| at t=T-1 %.3g, at t=0 %.3g, per-step factor %.4f; probe: "
      "spectral radius %.3f",
      gain, g[T - 1], g[0], factor, r.probes[0].spectral_radius);
  QVERIFY(r.probed);
  QVERIFY(std::abs(r.probes[0].spectral_radius - gain) < 1e-3);
  QVERIFY(std::abs(r.probes[0].max_singular - gain) < 1e-3);
  // In tanh's linear range the backward pass multiplies by W_hh^T each step: the factor is gain.
  QVERIFY2(std::abs(factor - gain) < 0.05 * gain, qPrintable(QString::number(factor)));
  for (int t = 1; t < T; ++t)
    QVERIFY(vanishing ? g[t - 1] < g[t] : g[t - 1] > g[t]);  // monotone in distance from the end
  // End to end, T-1 steps back, the signal is scaled by about gain^(T-1).
  const double expected = std::pow(gain, T - 1), seen = g[0] / g[T - 1];
  QVERIFY2(seen > expected / 1.5 && seen < expected * 1.5, qPrintable(QString::number(seen)));
}

void TestTelemetry::clipping_bounds_update_data() {
  QTest::addColumn<QString>("mode");
  QTest::newRow("norm") << "norm";
  QTest::newRow("value") << "value";
}

void TestTelemetry::clipping_bounds_update() {
  QFETCH(QString, mode);
  // Large recurrent gain: big gradients. Plain SGD with lr 1, so the update is the clipped
  // gradient.
  TrainConfig c = adding_rnn(20);
  c.optimizer.lr = 1.0;
  c.clip = {parse_clip_mode(mode.toStdString()), 0.25};
  Trainer tr(c, std::make_shared<AddingTask>(20));
  set_recurrent_gain(tr, 1.6, 1e-2);
  const Vec<float> before = tr.network().params();
  const StepReport& r = tr.step();
  QVERIFY(r.accepted);
  QVERIFY(r.clipped);
  QVERIFY(r.grad_norm > 0.25);
  const Vec<float> delta = tr.network().params() - before;
  qInfo("%s: gradient norm %.4g -> %.4g; update norm %.4g, largest entry %.4g", qPrintable(mode),
        r.grad_norm, r.grad_norm_clipped, double(delta.norm()),
        double(delta.cwiseAbs().maxCoeff()));
  if (mode == "norm") {
    QVERIFY(std::abs(r.grad_norm_clipped - 0.25) < 1e-5);
    QVERIFY(delta.norm() <= 0.25 * (1 + 1e-4));
  } else {
    QVERIFY(delta.cwiseAbs().maxCoeff() <= 0.25f * (1 + 1e-5f));
    QVERIFY(r.grad_norm_clipped < r.grad_norm);
  }
}

void TestTelemetry::nonfinite_rejected_data() {
  QTest::addColumn<double>("input");
  QTest::addColumn<double>("target");
  QTest::addColumn<QString>("tensor");
  QTest::newRow("NaN input") << std::nan("") << std::nan("") << "loss";
  QTest::newRow("infinite target") << 0.5 << double(INFINITY) << "loss";
  QTest::newRow("overflowing gradient") << 0.5 << 1e18 << "gradient";
}

void TestTelemetry::nonfinite_rejected() {
  QFETCH(double, input);
  QFETCH(double, target);
  QFETCH(QString, tensor);
  TrainConfig c = adding_rnn(10);
  c.optimizer.kind = OptimizerKind::Adam;
  Trainer tr(c, std::make_shared<PoisonedAdding>(10, input, target));
  const Vec<float> before = tr.network().params();
  const StepReport& r = tr.step();
  qInfo("%s", r.message.c_str());
  QVERIFY(!r.accepted);
  QCOMPARE(QString::fromStdString(r.rejected_tensor), tensor);
  QCOMPARE(r.step, 1L);
  QVERIFY(QString::fromStdString(r.message).contains("step 1"));
  QCOMPARE(tr.steps(), 0L);                  // the step did not count
  QCOMPARE(tr.optimizer().steps(), 0L);      // optimizer state untouched
  QVERIFY(tr.network().params() == before);  // weights bit-identical
}

void TestTelemetry::truncated_windows_carry_state() {
  // With a learning rate too small to move float weights, windowed losses must equal the
  // per-step losses of one full pass over the same sequence: proof the state is carried.
  auto corpus = std::make_shared<TextCorpus>(builtin_corpus());
  TrainConfig c;
  c.model.cell = CellType::Lstm;
  c.model.hidden = 16;
  c.seq = 24;
  c.batch = 3;
  c.val_every = 0;
  c.probe_every = 0;
  c.optimizer.kind = OptimizerKind::Sgd;
  c.optimizer.lr = 1e-30;
  c.bptt = {true, 6, 10};
  Trainer tr(c, corpus);
  std::vector<double> window_loss;
  std::vector<int> starts;
  for (int i = 0; i < 4; ++i) {
    const StepReport& r = tr.step();
    window_loss.push_back(r.loss);
    starts.push_back(r.window_start);
    QCOMPARE(int(r.timestep_grad_norms[0].size()), i == 0 ? 6 : 10);
  }
  QCOMPARE(starts, (std::vector<int>{0, 2, 8, 14}));
  // Replay: the same sequence comes from the same data stream after reset.
  tr.reset();
  Rng data_rng(c.seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull);
  const Batch b = corpus->train_batch(c.seq, c.batch, data_rng);
  Workspace<float> ws;
  PassSpec p;
  p.steps = c.seq;
  p.b0 = 0;
  p.b1 = c.batch;
  tr.network().forward(b, p, nullptr, ws);
  // Per-step losses of the full pass, from its logits.
  double worst = 0;
  for (int w = 0; w < 4; ++w) {
    double sum = 0;
    for (int t = 6 * w; t < 6 * w + 6; ++t)
      for (int j = 0; j < c.batch; ++j) {
        const auto y = ws.head.y.col(Index(t) * c.batch + j).template cast<double>();
        const double m = y.maxCoeff();
        sum += std::log((y.array() - m).exp().sum()) + m - y(b.targets[b.col(t, j)]);
      }
    worst = std::max(worst, std::abs(sum / (6 * c.batch) - window_loss[w]));
  }
  qInfo("largest difference between windowed and full-pass losses: %.3g", worst);
  QVERIFY(worst < 1e-5);
}

void TestTelemetry::deterministic() {
  auto run = [](int threads) {
    TrainConfig c;
    c.model.cell = CellType::Gru;
    c.model.hidden = 24;
    c.seq = 16;
    c.batch = 8;
    c.threads = threads;
    c.val_every = 0;
    Trainer tr(c, std::make_shared<TextCorpus>(builtin_corpus()));
    std::vector<double> losses;
    for (int i = 0; i < 5; ++i) losses.push_back(tr.step().loss);
    return losses;
  };
  QCOMPARE(run(1), run(1));
  QCOMPARE(run(2), run(2));
  const auto a = run(1), b = run(2);
  for (size_t i = 0; i < a.size(); ++i) QVERIFY(std::abs(a[i] - b[i]) < 1e-4);
}

QTEST_APPLESS_MAIN(TestTelemetry)
#include "tst_telemetry.moc"
