// Finite-difference gradient checks in double: every cell, activation, 1-2 layers, every input and
// head, full and truncated BPTT, for the parameters and for dL/dh_t itself; and the head alone.
#include <QtTest>
#include <cmath>

#include "core/rng.h"
#include "model/head.h"
#include "model/init.h"
#include "model/network.h"

using namespace unroll;

namespace {

struct Case {
  ModelConfig cfg;
  Batch batch;
  PassSpec pass;
  State<double> h0;     // carried state (truncated windows) or empty
  State<double> h_cut;  // state entering step `cut`, computed with the unperturbed weights
};

double loss_of(const Network<double>& net, const Case& c, const PassSpec& pass,
               const State<double>* h0) {
  Workspace<double> ws;
  net.forward(c.batch, pass, h0, ws);
  return ws.head.loss_sum * pass.loss_scale;
}

// The reference for truncated BPTT: the loss of the steps after the cut, started from the state
// at the cut held fixed (detached), as a function of the weights.
double reference_loss(const Network<double>& net, const Case& c) {
  if (c.pass.cut == 0) return loss_of(net, c, c.pass, &c.h0);
  PassSpec tail = c.pass;
  tail.t0 = c.pass.t0 + c.pass.cut;
  tail.steps = c.pass.steps - c.pass.cut;
  tail.loss_begin = c.pass.loss_begin - c.pass.cut;
  tail.cut = 0;
  tail.perturb.t -= c.pass.cut;
  return loss_of(net, c, tail, &c.h_cut);
}

// Relative error where the gradient is large enough for a relative error to mean something; the
// absolute error (checked separately, < 1e-10) covers the rest.
double rel_error(double a, double n) {
  const double scale = std::max(std::abs(a), std::abs(n));
  if (scale < 1e-5) return 0.0;
  return std::abs(a - n) / scale;
}

// Five-point central difference: truncation error O(h^4), so h = 1e-4 leaves ~1e-12 of rounding.
template <class F>
double derivative(F&& f, double h) {
  return (-f(2 * h) + 8 * f(h) - 8 * f(-h) + f(-2 * h)) / (12 * h);
}

}  // namespace

class TestGradcheck : public QObject {
  Q_OBJECT
 private slots:
  void gradients_data();
  void gradients();
  void head_data();
  void head();
};

void TestGradcheck::gradients_data() {
  QTest::addColumn<QString>("cell");
  QTest::addColumn<int>("layers");
  QTest::addColumn<QString>(
      "io");  // input+head: onehot-lm, embedding-lm, dense-regression, dense-class
  QTest::addColumn<bool>("truncated");
  for (const char* cell : {"rnn", "rnn-relu", "lstm", "gru"})
    for (int layers : {1, 2})
      for (const char* io : {"onehot-lm", "embedding-lm", "dense-regression", "dense-class"})
        for (bool truncated : {false, true})
          QTest::addRow("%s L%d %s %s", cell, layers, io, truncated ? "tbptt" : "full")
              << QString(cell) << layers << QString(io) << truncated;
}

void TestGradcheck::gradients() {
  QFETCH(QString, cell);
  QFETCH(int, layers);
  QFETCH(QString, io);
  QFETCH(bool, truncated);
  const int T = 7, B = 3, V = 5, D = 3, O = 2;
  Case c;
  c.cfg.cell = parse_cell(cell.toStdString());
  c.cfg.hidden = 4;
  c.cfg.layers = layers;
  c.cfg.init = InitKind::XavierNormal;
  c.cfg.forget_bias = 0.5;
  const bool lm = io.endsWith("-lm");
  c.cfg.input = io.startsWith("onehot")      ? InputKind::OneHot
                : io.startsWith("embedding") ? InputKind::Embedding
                                             : InputKind::Dense;
  c.cfg.embed_dim = 3;
  c.cfg.input_size = c.cfg.input == InputKind::Dense ? D : V;
  c.cfg.head = io.endsWith("regression") ? HeadKind::Regression : HeadKind::Softmax;
  c.cfg.output_size = c.cfg.head == HeadKind::Regression ? O : V;
  Network<double> net(c.cfg);
  Rng rng(42 + layers);
  initialize(net, rng);
  // Random biases too, so every bias path is exercised.
  for (auto& t : net.layout().tensors())
    if (t.is_vector)
      net.layout().vec(net.params().data(), &t - &net.layout().tensors()[0]).setRandom();

  Batch& b = c.batch;
  b.steps = T;
  b.batch = B;
  b.tokens.resize(T * B);
  b.targets.resize(T * B);
  b.inputs.resize(D, T * B);
  b.target_values.resize(O, T * B);
  for (int j = 0; j < T * B; ++j) {
    b.tokens[j] = int(rng.below(V));
    b.targets[j] = int(rng.below(V));
    for (int i = 0; i < D; ++i) b.inputs(i, j) = rng.normal();
    for (int i = 0; i < O; ++i) b.target_values(i, j) = rng.normal();
  }
  if (lm) b.targets[3] = -1;  // an unscored position
  b.loss_begin = lm ? 0 : T - 2;
  c.pass.t0 = 0;
  c.pass.steps = T;
  c.pass.b0 = 0;
  c.pass.b1 = B;
  c.pass.cut = 0;
  c.pass.loss_begin = b.loss_begin;
  if (truncated) {
    // LM windows start from a carried state; end-loss windows stop the gradient k2 steps back.
    c.h0.zeros(c.cfg, B);
    for (auto& m : c.h0.h) m.setRandom();
    for (auto& m : c.h0.c) m.setRandom();
    if (lm) {
      c.pass.t0 = 1;
      c.pass.steps = T - 1;
      c.pass.loss_begin = 2;  // k2 = 6 steps run, k1 = 4 scored
      c.pass.cut = 0;
    } else {
      c.pass.cut = 3;
    }
  }
  long count = 0;
  for (int t = c.pass.loss_begin; t < c.pass.steps; ++t)
    for (int j = 0; j < B; ++j)
      count += c.cfg.head == HeadKind::Regression ? O : b.targets[b.col(c.pass.t0 + t, j)] >= 0;
  c.pass.loss_scale = 1.0 / double(count);
  if (c.pass.cut > 0) {
    Workspace<double> ws;
    net.forward(b, c.pass, &c.h0, ws);
    c.h_cut.zeros(c.cfg, B);
    net.extract_state(ws, c.pass.cut - 1, 0, c.h_cut);
  }

  // Analytic gradients.
  Workspace<double> ws;
  Vec<double> grads = Vec<double>::Zero(net.params().size());
  net.forward(b, c.pass, &c.h0, ws);
  net.backward(b, c.pass, ws, grads.data());

  const double eps = 1e-4;
  const bool relu = c.cfg.cell == CellType::RnnRelu;
  int kinks = 0;
  double worst = 0, worst_abs = 0;
  std::string worst_name;
  const auto& tensors = net.layout().tensors();
  for (const auto& info : tensors) {
    for (Index i = 0; i < info.size(); ++i) {
      double& w = net.params()[info.offset + i];
      const double saved = w;
      auto loss_at = [&](double d) {
        w = saved + d;
        return reference_loss(net, c);
      };
      const double numeric = derivative(loss_at, eps);
      const double analytic = grads[info.offset + i];
      // ReLU's kink: where a pre-activation sits within the stencil of zero the loss is not smooth
      // there and no difference quotient is meaningful. Such an entry shows up as a quotient that
      // changes with the step size; it is counted, not compared.
      if (relu && rel_error(analytic, numeric) > 1e-6 &&
          rel_error(numeric, derivative(loss_at, eps / 16)) > 1e-6) {
        ++kinks;
        w = saved;
        continue;
      }
      w = saved;
      const double e = rel_error(analytic, numeric);
      worst_abs = std::max(worst_abs, std::abs(analytic - numeric));
      if (e > worst) {
        worst = e;
        worst_name = info.name + "[" + std::to_string(i) + "]";
      }
    }
  }
  // dL/dh_t for every layer, step (after the cut), unit and column.
  double worst_dh = 0;
  for (int k = 0; k < c.cfg.layers; ++k)
    for (int t = c.pass.cut; t < c.pass.steps; ++t)
      for (int row = 0; row < c.cfg.hidden; ++row)
        for (int col = 0; col < B; ++col) {
          Case p = c;
          p.pass.perturb = {k, t, row, col, 0.0};
          const double numeric = derivative(
              [&](double d) {
                p.pass.perturb.eps = d;
                return reference_loss(net, p);
              },
              eps);
          const double analytic = ws.layers[k].dh(row, Index(t) * B + col);
          worst_dh = std::max(worst_dh, rel_error(analytic, numeric));
          worst_abs = std::max(worst_abs, std::abs(analytic - numeric));
        }
  // LSTM: the recorded ||dL/dc_t|| (summed over columns) against the norm of the numeric dL/dc_t.
  double worst_dc = 0;
  if (c.cfg.cell == CellType::Lstm) {
    QCOMPARE(int(ws.dc_norm.size()), c.cfg.layers);
    for (int k = 0; k < c.cfg.layers; ++k)
      for (int t = c.pass.cut; t < c.pass.steps; ++t) {
        double sum = 0;
        for (int col = 0; col < B; ++col) {
          double sq = 0;
          for (int row = 0; row < c.cfg.hidden; ++row) {
            Case p = c;
            p.pass.perturb = {k, t, row, col, 0.0, /*cell_state=*/true};
            const double d = derivative(
                [&](double e) {
                  p.pass.perturb.eps = e;
                  return reference_loss(net, p);
                },
                eps);
            sq += d * d;
          }
          sum += std::sqrt(sq);
        }
        worst_dc = std::max(worst_dc, rel_error(ws.dc_norm[k][size_t(t)], sum));
        worst_abs = std::max(worst_abs, std::abs(ws.dc_norm[k][size_t(t)] - sum));
      }
  }
  qInfo(
      "largest relative error: params %.3g (%s), dL/dh_t %.3g, ||dL/dc_t|| %.3g; largest "
      "absolute %.3g; %d of %d entries at a ReLU kink",
      worst, worst_name.c_str(), worst_dh, worst_dc, worst_abs, kinks, int(net.params().size()));
  QVERIFY(kinks <= net.params().size() / 20);  // a kink spoils a few entries, never many
  QVERIFY2(worst < 1e-6, worst_name.c_str());
  QVERIFY(worst_dh < 1e-6);
  QVERIFY(worst_dc < 1e-6);
  QVERIFY(worst_abs < 1e-10);
  QVERIFY(grads.norm() > 1e-3);  // the check is not vacuous
}

void TestGradcheck::head_data() {
  QTest::addColumn<int>("head_kind");
  QTest::newRow("softmax cross-entropy") << int(HeadKind::Softmax);
  QTest::newRow("linear + MSE") << int(HeadKind::Regression);
}

// head_backward's dW, db and dh against five-point differences of head_forward's loss.
void TestGradcheck::head() {
  QFETCH(int, head_kind);
  const auto kind = HeadKind(head_kind);
  const int H = 4, O = 3, N = 6;
  Rng rng(11);
  Vec<double> theta(O * H + O);  // W (O, H) then b (O), as the network lays them out
  for (Index i = 0; i < theta.size(); ++i) theta[i] = rng.normal();
  Mat<double> h(H, N), targets(O, N);
  for (Index i = 0; i < h.size(); ++i) h(i) = rng.normal();
  for (Index i = 0; i < targets.size(); ++i) targets(i) = rng.normal();
  std::vector<int32_t> classes(N);
  for (auto& y : classes) y = int32_t(rng.below(O));
  classes[2] = -1;  // an unscored column
  const double scale = kind == HeadKind::Regression ? 1.0 / (O * N) : 1.0 / (N - 1);
  const CMatMap<double> W(theta.data(), O, H);
  const CVecMap<double> b(theta.data() + O * H, O);
  auto forward = [&](HeadCache<double>& cache) {
    cache.target = classes;
    if (kind == HeadKind::Regression) cache.p = targets;
    head_forward<double>(kind, W, b, h, cache);
    return cache.loss_sum * scale;
  };

  HeadCache<double> cache;
  forward(cache);
  Vec<double> grads = Vec<double>::Zero(theta.size());
  Mat<double> dh(H, N);
  head_backward<double>(kind, W, h, scale, cache, MatMap<double>(grads.data(), O, H),
                        VecMap<double>(grads.data() + O * H, O), dh);

  const double eps = 1e-4;
  double worst = 0, worst_abs = 0;
  auto compare = [&](double& x, double analytic) {
    const double saved = x;
    const double numeric = derivative(
        [&](double d) {
          x = saved + d;
          HeadCache<double> c;
          return forward(c);
        },
        eps);
    x = saved;
    worst = std::max(worst, rel_error(analytic, numeric));
    worst_abs = std::max(worst_abs, std::abs(analytic - numeric));
  };
  for (Index i = 0; i < theta.size(); ++i) compare(theta[i], grads[i]);
  for (Index i = 0; i < h.size(); ++i) compare(h(i), dh(i));
  qInfo("head: largest relative error %.3g, largest absolute %.3g over dW, db and dh", worst,
        worst_abs);
  QVERIFY(worst < 1e-6);
  QVERIFY(worst_abs < 1e-10);
  QVERIFY(grads.norm() > 1e-3 && dh.norm() > 1e-3);                // the check is not vacuous
  if (kind == HeadKind::Softmax) QCOMPARE(dh.col(2).norm(), 0.0);  // unscored: no gradient
}

QTEST_APPLESS_MAIN(TestGradcheck)
#include "tst_gradcheck.moc"
