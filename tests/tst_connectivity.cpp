// Connectivity through time, ||dL_t/dx_k||, against five-point differences in double for every
// cell; one-hot against the same weights fed dense one-hot vectors; the trainer's map, cell-state
// gradients and keep-gate means in its reports; and unroll-cli connectivity.
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <numeric>

#include "cli_run.h"
#include "core/error.h"
#include "core/rng.h"
#include "data/language_task.h"
#include "data/task_registry.h"
#include "model/init.h"
#include "telemetry/connectivity.h"
#include "train/trainer.h"

using namespace unroll;

namespace {

template <class F>
double derivative(F&& f, double h) {
  return (-f(2 * h) + 8 * f(h) - 8 * f(-h) + f(-2 * h)) / (12 * h);
}

// A random network with dense inputs (D features) and a softmax head of V classes.
Network<double> dense_net(CellType cell, int layers, int D, int V, uint64_t seed) {
  ModelConfig m;
  m.cell = cell;
  m.hidden = 5;
  m.layers = layers;
  m.input = InputKind::Dense;
  m.input_size = D;
  m.head = HeadKind::Softmax;
  m.output_size = V;
  m.init = InitKind::XavierNormal;
  m.forget_bias = 0.5;
  Network<double> net(m);
  Rng rng(seed);
  initialize(net, rng);
  return net;
}

Batch random_batch(int T, int B, int D, int V, uint64_t seed) {
  Rng rng(seed);
  Batch b;
  b.steps = T;
  b.batch = B;
  b.inputs.resize(D, T * B);
  b.tokens.assign(size_t(T) * B, 0);
  b.targets.resize(size_t(T) * B);
  for (int j = 0; j < T * B; ++j) {
    for (int i = 0; i < D; ++i) b.inputs(i, j) = rng.normal();
    b.targets[size_t(j)] = int(rng.below(V));
  }
  return b;
}

// L_t alone: the cross-entropy of step t of column col against `target`, from a zero state.
double loss_at(const Network<double>& net, const Batch& b, int col, int t, int target) {
  Batch one;
  one.steps = t + 1;
  one.batch = 1;
  one.inputs.resize(b.inputs.rows(), t + 1);
  one.tokens.assign(size_t(t) + 1, 0);
  one.targets.assign(size_t(t) + 1, -1);
  for (int k = 0; k <= t; ++k) one.inputs.col(k) = b.inputs.col(b.col(k, col));
  one.targets[size_t(t)] = target;
  PassSpec p;
  p.steps = t + 1;
  p.loss_begin = t;
  p.b1 = 1;
  Workspace<double> ws;
  net.forward(one, p, nullptr, ws);
  return ws.head.loss_sum;
}

}  // namespace

class TestConnectivity : public QObject {
  Q_OBJECT
 private slots:
  void matches_finite_differences_data();
  void matches_finite_differences();
  void one_hot_is_dense_one_hot();
  void unscored_steps_explain_the_prediction();
  void bad_positions();
  void trainer_reports_data();
  void trainer_reports();
  void cli_connectivity();
};

void TestConnectivity::matches_finite_differences_data() {
  QTest::addColumn<QString>("cell");
  QTest::addColumn<int>("layers");
  for (const char* cell : {"rnn", "rnn-relu", "lstm", "gru"})
    for (int layers : {1, 2}) QTest::addRow("%s L%d", cell, layers) << QString(cell) << layers;
}

// Every ||dL_t/dx_k|| against the norm of the numeric gradient over x_k's D features.
void TestConnectivity::matches_finite_differences() {
  QFETCH(QString, cell);
  QFETCH(int, layers);
  const int T = 6, B = 2, D = 3, V = 4, col = 1;
  const Network<double> net = dense_net(parse_cell(cell.toStdString()), layers, D, V, 7);
  Batch b = random_batch(T, B, D, V, 3);
  const std::vector<int> positions = {0, 2, 5};
  const ConnectivityMap map = connectivity(net, b, col, positions);
  QCOMPARE(map.grad.rows(), Index(T));
  QCOMPARE(map.grad.cols(), Index(positions.size()));
  double worst = 0, worst_abs = 0, largest = 0;
  for (size_t p = 0; p < positions.size(); ++p) {
    const int t = positions[p];
    QCOMPARE(map.targets[p], b.targets[size_t(b.col(t, col))]);
    for (int k = 0; k < T; ++k) {
      double sq = 0;
      for (int i = 0; i < D; ++i) {
        double& x = b.inputs(i, b.col(k, col));
        const double saved = x;
        const double d = derivative(
            [&](double e) {
              x = saved + e;
              return loss_at(net, b, col, t, map.targets[p]);
            },
            1e-4);
        x = saved;
        sq += d * d;
      }
      const double numeric = std::sqrt(sq), analytic = map.grad(k, Index(p));
      if (k > t) QCOMPARE(analytic, 0.0);  // the future does not move the past
      // Relative where the norm is large enough for that to mean something; absolute elsewhere.
      const double scale = std::max(numeric, analytic);
      if (scale > 1e-5) worst = std::max(worst, std::abs(analytic - numeric) / scale);
      worst_abs = std::max(worst_abs, std::abs(analytic - numeric));
      largest = std::max(largest, analytic);
    }
  }
  qInfo("largest relative error %.3g, absolute %.3g (largest norm %.3g)", worst, worst_abs,
        largest);
  QVERIFY(worst < 1e-6);
  QVERIFY(worst_abs < 1e-10);
  QVERIFY(largest > 1e-3);  // not vacuous
}

// A one-hot input is the dense input of its one-hot vector through the same W_ih.
void TestConnectivity::one_hot_is_dense_one_hot() {
  const int T = 5, V = 4;
  Network<double> dense = dense_net(CellType::Gru, 1, V, V, 9);
  ModelConfig m = dense.config();
  m.input = InputKind::OneHot;
  Network<double> onehot(m);
  QCOMPARE(onehot.params().size(), dense.params().size());
  onehot.params() = dense.params();
  Batch b = random_batch(T, 1, V, V, 5);
  b.inputs.setZero();
  for (int t = 0; t < T; ++t) {
    b.tokens[size_t(t)] = (t * 3 + 1) % V;
    b.inputs(b.tokens[size_t(t)], t) = 1;
  }
  const ConnectivityMap a = connectivity(onehot, b, 0, {1, 4});
  const ConnectivityMap d = connectivity(dense, b, 0, {1, 4});
  QCOMPARE(int(a.tokens.size()), T);
  QVERIFY(d.tokens.empty());
  const double diff = (a.grad - d.grad).cwiseAbs().maxCoeff();
  qInfo("one-hot vs dense one-hot: largest difference %.3g", diff);
  QVERIFY(diff < 1e-12);
  QVERIFY(a.grad.norm() > 1e-3);
}

// Where the target is unscored (-1), the map explains the class the network predicts.
void TestConnectivity::unscored_steps_explain_the_prediction() {
  const int T = 4, D = 2, V = 3;
  const Network<double> net = dense_net(CellType::Lstm, 1, D, V, 11);
  Batch b = random_batch(T, 1, D, V, 2);
  b.targets[3] = -1;
  const ConnectivityMap map = connectivity(net, b, 0, {3});
  // The predicted class: the lowest loss of the three.
  int best = 0;
  for (int c = 1; c < V; ++c)
    if (loss_at(net, b, 0, 3, c) < loss_at(net, b, 0, 3, best)) best = c;
  QCOMPARE(map.targets[0], best);
  b.targets[3] = best;
  const ConnectivityMap scored = connectivity(net, b, 0, {3});
  QCOMPARE((map.grad - scored.grad).cwiseAbs().maxCoeff(), 0.0);
}

void TestConnectivity::bad_positions() {
  const Network<double> net = dense_net(CellType::RnnTanh, 1, 2, 3, 1);
  const Batch b = random_batch(4, 2, 2, 3, 1);
  for (const std::vector<int>& bad : std::vector<std::vector<int>>{{4}, {-1}, {2, 1}, {1, 1}}) {
    try {
      connectivity(net, b, 0, bad);
      QFAIL("accepted a bad position");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("output position"), e.what());
    }
  }
  QVERIFY_THROWS_EXCEPTION(Error, connectivity(net, b, 2, {0}));
  QCOMPARE(scored_positions(b, 0, false).size(), size_t(4));
  QCOMPARE(scored_positions(b, 0, false, 3), (std::vector<int>{0, 1, 3}));
  QCOMPARE(scored_positions(b, 0, false, 1), (std::vector<int>{0}));
}

void TestConnectivity::trainer_reports_data() {
  QTest::addColumn<QString>("cell");
  for (const char* cell : {"rnn", "lstm", "gru"}) QTest::newRow(cell) << QString(cell);
}

// The trainer's reports: the map on the Nepal sentence at step 1 and every N steps, the LSTM's
// ||dL/dc_t|| and the keep-gate means.
void TestConnectivity::trainer_reports() {
  QFETCH(QString, cell);
  TaskSpec spec = TaskSpec::of("language");
  spec.set("filler", 5L);
  const auto task = make_task(spec);
  TrainConfig c;
  c.model.cell = parse_cell(cell.toStdString());
  c.model.hidden = 16;
  c.model.forget_bias = 3.0;
  c.seq = task->fixed_length();
  c.batch = 4;
  c.val_every = 0;
  c.connectivity_every = 3;
  Trainer tr(c, task);
  const std::string nepal = "I am from Nepal.";
  for (int s = 1; s <= 6; ++s) {
    const StepReport& r = tr.step();
    QCOMPARE(r.connected, s == 1 || s % 3 == 0);
    if (r.connected) {
      std::string text;
      for (int id : r.connectivity.tokens) text += task->token_text(id);
      QVERIFY2(text.rfind(nepal, 0) == 0, text.c_str());
      // Explained: the language word "Nepali", each of its six characters.
      QCOMPARE(int(r.connectivity.positions.size()), 6);
      std::string word;
      for (int y : r.connectivity.targets) word += task->token_text(y);
      QCOMPARE(QString::fromStdString(word), QString("Nepali"));
      QVERIFY(r.connectivity.grad.allFinite() && r.connectivity.grad.maxCoeff() > 0);
    }
    const size_t W = r.timestep_grad_norms[0].size();
    if (c.model.cell == CellType::Lstm) {
      QCOMPARE(r.timestep_cell_grad_norms.size(), size_t(1));
      QCOMPARE(r.timestep_cell_grad_norms[0].size(), W);
      const auto& dc = r.timestep_cell_grad_norms[0];
      QVERIFY(*std::max_element(dc.begin(), dc.end()) > 0);
    } else {
      QVERIFY(r.timestep_cell_grad_norms.empty());
    }
    if (c.model.cell == CellType::RnnTanh) {
      QVERIFY(r.timestep_keep_gate.empty());
    } else {
      QCOMPARE(r.timestep_keep_gate[0].size(), W);
      for (double g : r.timestep_keep_gate[0]) QVERIFY(g > 0 && g < 1);
    }
  }
  // A forget bias of 3 starts the LSTM's forget gate near sigmoid(3) = 0.95.
  if (c.model.cell == CellType::Lstm) {
    const auto& f = tr.step().timestep_keep_gate[0];
    const double mean = std::accumulate(f.begin(), f.end(), 0.0) / double(f.size());
    qInfo("mean forget gate %.3f", mean);
    QVERIFY(mean > 0.85 && mean < 0.99);
  }
}

void TestConnectivity::cli_connectivity() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  using unroll::test::run_cli;
  const auto train = run_cli(
      dir.path(), {"train", "--task", "language", "--filler", "3", "--cell", "gru", "--hidden", "8",
                   "--steps", "3", "--batch", "2", "--save", "m.unroll", "--quiet"});
  QVERIFY2(train.code == 0, qPrintable(train.err));
  const QString text = "I am from Nepal. the I can speak ";
  const auto r = run_cli(dir.path(), {"connectivity", "--checkpoint", "m.unroll", "--text", text});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  const QStringList rows = r.out.split('\n', Qt::SkipEmptyParts);
  QCOMPARE(rows.first(), QString("k,char,grad_norm"));
  QCOMPARE(rows.size(), int(text.size()) + 1);
  QVERIFY(rows[1].startsWith("0,\"I\","));
  for (int k = 1; k < rows.size(); ++k) QVERIFY(rows[k].section(',', -1).toDouble() >= 0);
  QVERIFY(r.err.startsWith("predicted after position " + QString::number(text.size() - 1)));
  const auto at = run_cli(
      dir.path(), {"connectivity", "--checkpoint", "m.unroll", "--text", text, "--position", "12"});
  QCOMPARE(at.code, 0);
  QCOMPARE(at.out.split('\n', Qt::SkipEmptyParts).size(), 14);
  // Bad input: one line, exit 2.
  for (const QStringList& bad :
       {QStringList{"connectivity", "--checkpoint", "m.unroll", "--text", "I am from Nepal?"},
        QStringList{"connectivity", "--checkpoint", "m.unroll", "--text", "abc", "--position", "3"},
        QStringList{"connectivity", "--checkpoint", "none.unroll", "--text", "abc"},
        QStringList{"connectivity", "--text", "abc"}}) {
    const auto e = run_cli(dir.path(), bad);
    QCOMPARE(e.code, 2);
    QCOMPARE(e.err.count('\n'), 1);
    QVERIFY(e.out.isEmpty());
  }
}

QTEST_GUILESS_MAIN(TestConnectivity)
#include "tst_connectivity.moc"
