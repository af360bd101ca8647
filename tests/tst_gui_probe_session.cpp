// ProbeSession, the studio's reader of a PyTorch run's probe stream: frames for each rank from a
// file or a socket (the token sent), the spread between ranks, and a wrong token, a malformed
// stream or a connection dying mid-record reported with one line while the studio runs on.
#include <QComboBox>
#include <QLabel>
#include <QLocalServer>
#include <QLocalSocket>
#include <QMainWindow>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include "app/attach_actions.h"
#include "app/main_window.h"
#include "charts/loss_chart.h"
#include "panels/run_controls.h"
#include "session/probe_session.h"
#include "session/training_controller.h"
#include "stream/probe_stream.h"

using namespace unroll;
using namespace unroll::gui;

namespace {

std::string two_rank_stream(int steps, bool end = true) {
  std::string s = encode_probe_header();
  for (int rank = 0; rank < 2; ++rank) {
    ProbeRun r;
    r.rank = rank;
    r.world_size = 2;
    r.cell = "gru";
    r.layers = 1;
    r.hidden = 2;
    s += encode_probe_record(r);
  }
  for (int step = 1; step <= steps; ++step)
    for (int rank = 0; rank < 2; ++rank) {
      ProbeStep p;
      p.rank = rank;
      p.step = step;
      p.loss = 3.0 - 0.1 * step + rank;
      p.grad_norm = p.grad_norm_clipped = 1.0 + rank;
      if (step == 1) {
        p.dh_norms = {{0.1, 0.5, 1.0}};
        p.hidden = {Eigen::MatrixXf::Constant(2, 3, 0.25f)};
        p.spectral_radius = {0.7};
        p.max_singular = {0.9};
      }
      s += encode_probe_record(p);
    }
  if (end)
    for (int rank = 0; rank < 2; ++rank) s += encode_probe_record(ProbeEnd{rank, "done"});
  return s;
}

}  // namespace

class TestGuiProbeSession : public QObject {
  Q_OBJECT
 private slots:
  void file_of_two_ranks();
  void bad_file_data();
  void bad_file();
  void tcp_sends_the_token_and_streams();
  void refused_and_dead_connections_data();
  void refused_and_dead_connections();
  void unix_socket();
  void ddp_run_into_the_studio();
  void attach_actions_in_a_window();
  void studio_keeps_the_outside_run();

 private:
  QString write(const char* name, const std::string& bytes) {
    QFile f(m_dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(bytes.data(), qint64(bytes.size()));
    return f.fileName();
  }
  QTemporaryDir m_dir;
};

void TestGuiProbeSession::file_of_two_ranks() {
  ProbeSession s;
  QSignalSpy ended(&s, &ProbeSession::ended), frames(&s, &ProbeSession::frameReady);
  s.openFile(write("two.ups", two_rank_stream(5)));
  QVERIFY(ended.wait(10000));
  QVERIFY(frames.count() >= 1);
  QVERIFY(s.ranks() == (std::vector<int>{0, 1}));
  QCOMPARE(s.frame().report.step, 5L);
  QCOMPARE(s.frame().report.loss, 2.5);
  QCOMPARE(s.frame().report.timestep_grad_norms[0][2], 1.0);  // step 1's replay, kept
  QCOMPARE(s.frame().probeStep, 1L);
  QCOMPARE(s.frame().history.buckets().size(), size_t(5));
  QCOMPARE(s.frame().heat.columns().size(), size_t(1));
  QVERIFY2(s.status().contains("ended at step 5"), qPrintable(s.status()));
  s.setRank(1);
  QCOMPARE(s.frame().report.loss, 3.5);
  QCOMPARE(s.frame().history.buckets().back().s[kLoss].mean(), 3.5);  // rank 1's history too
  const auto sp = s.spread();
  QCOMPARE(sp.step, 5L);
  QCOMPARE(sp.loss_max - sp.loss_min, 1.0);
}

void TestGuiProbeSession::bad_file_data() {
  QTest::addColumn<QByteArray>("bytes");
  QTest::addColumn<QString>("mentions");
  const std::string good = two_rank_stream(3);
  std::string v3 = good;
  v3[8] = 3;
  std::string flipped = good;
  flipped[good.size() / 2] ^= 1;
  QTest::newRow("garbage") << QByteArray("PK\x03\x04 not a stream") << "not an Unroll probe stream";
  QTest::newRow("wrong version") << QByteArray::fromStdString(v3) << "stream version 3";
  QTest::newRow("truncated") << QByteArray::fromStdString(good.substr(0, good.size() - 4))
                             << "ended inside a record";
  QTest::newRow("damaged") << QByteArray::fromStdString(flipped) << "CRC-32";
  QTest::newRow("oversize") << QByteArray::fromStdString(good.substr(0, 12) +
                                                         std::string("\xff\xff\xff\xff\0\0\0\0", 8))
                            << "more than the limit";
}

void TestGuiProbeSession::bad_file() {
  QFETCH(QByteArray, bytes);
  QFETCH(QString, mentions);
  ProbeSession s;
  QSignalSpy failed(&s, &ProbeSession::failed);
  s.openFile(write("bad.ups", bytes.toStdString()));
  QVERIFY(failed.wait(10000));
  const QString msg = failed.at(0).at(0).toString();
  QVERIFY2(msg.contains(mentions) && !msg.contains('\n'), qPrintable(msg));
  QVERIFY(!s.active());
  // The session is still usable: a good file next.
  QSignalSpy ended(&s, &ProbeSession::ended);
  s.openFile(write("good.ups", two_rank_stream(2)));
  QVERIFY(ended.wait(10000));
  QCOMPARE(s.frame().report.step, 2L);
}

void TestGuiProbeSession::tcp_sends_the_token_and_streams() {
  QTcpServer server;
  QVERIFY(server.listen(QHostAddress::LocalHost));
  ProbeSession s;
  QSignalSpy ended(&s, &ProbeSession::ended), ranks(&s, &ProbeSession::ranksChanged);
  s.attach(QString("127.0.0.1:%1").arg(server.serverPort()), "sesame");
  QVERIFY(server.waitForNewConnection(10000));
  QTcpSocket* c = server.nextPendingConnection();
  const QByteArray want = QByteArray::fromStdString(encode_attach_request("sesame"));
  QByteArray got;
  while (got.size() < want.size() && c->waitForReadyRead(10000)) got += c->readAll();
  QCOMPARE(got, want);
  const std::string stream = two_rank_stream(4);
  c->write(stream.data(), 100);  // a record split across reads
  c->flush();
  c->write(stream.data() + 100, qint64(stream.size() - 100));
  c->disconnectFromHost();
  QVERIFY(ended.wait(10000));
  QCOMPARE(s.frame().report.step, 4L);
  QVERIFY(ranks.count() >= 1);
}

void TestGuiProbeSession::refused_and_dead_connections_data() {
  QTest::addColumn<QByteArray>("bytes");
  QTest::addColumn<QString>("mentions");
  const std::string good = two_rank_stream(3, false);
  QTest::newRow("wrong token") << QByteArray::fromStdString(
                                      encode_probe_header() +
                                      encode_probe_refusal("wrong token; use the printed one"))
                               << "refused this connection: wrong token";
  QTest::newRow("dies mid-record")
      << QByteArray::fromStdString(good.substr(0, good.size() - 7)) << "ended inside a record";
  QTest::newRow("hostile") << QByteArray(5000, '\xff') << "not an Unroll probe stream";
}

void TestGuiProbeSession::refused_and_dead_connections() {
  QFETCH(QByteArray, bytes);
  QFETCH(QString, mentions);
  QTcpServer server;
  QVERIFY(server.listen(QHostAddress::LocalHost));
  ProbeSession s;
  QSignalSpy failed(&s, &ProbeSession::failed);
  s.attach(QString("127.0.0.1:%1").arg(server.serverPort()), "t");
  QVERIFY(server.waitForNewConnection(10000));
  QTcpSocket* c = server.nextPendingConnection();
  c->write(bytes);
  c->disconnectFromHost();
  QVERIFY(failed.wait(10000));
  const QString msg = failed.at(0).at(0).toString();
  QVERIFY2(msg.contains(mentions) && !msg.contains('\n'), qPrintable(msg));
  QVERIFY2(s.status().contains("stopped"), qPrintable(s.status()));
}

void TestGuiProbeSession::unix_socket() {
  QLocalServer server;
  const QString path = m_dir.filePath("probe.sock");
  QVERIFY(server.listen(path));
  ProbeSession s;
  QSignalSpy ended(&s, &ProbeSession::ended), failed(&s, &ProbeSession::failed);
  s.attach("unix:" + path, "t");
  QVERIFY(server.waitForNewConnection(10000));
  QLocalSocket* c = server.nextPendingConnection();
  const std::string stream = two_rank_stream(2);
  c->write(stream.data(), qint64(stream.size()));
  c->flush();
  c->disconnectFromServer();
  QVERIFY(ended.wait(10000));
  QCOMPARE(s.frame().report.step, 2L);
  // Nobody listening: one line, no hang.
  ProbeSession t;
  QSignalSpy tf(&t, &ProbeSession::failed);
  t.attach("127.0.0.1:1", "t");
  QVERIFY(tf.wait(10000));
  QVERIFY2(tf.at(0).at(0).toString().contains("failed"), qPrintable(tf.at(0).at(0).toString()));
}

// A real two-process DDP run (examples/pytorch/ddp.py, gloo on loopback, ranks="all") into the
// headless session: both ranks' steps arrive, with a replay's profile and the spread.
void TestGuiProbeSession::ddp_run_into_the_studio() {
  QProcess py;
  py.setReadChannel(QProcess::StandardError);
  py.start(UNROLL_PYTHON, {UNROLL_SOURCE_DIR "/examples/pytorch/ddp.py", "--steps", "4", "--every",
                           "3", "--hidden", "8", "--seq", "6", "--batch", "2", "--probe",
                           "127.0.0.1:0", "--ranks", "all", "--wait-viewer", "120"});
  const QRegularExpression line("streaming on (\\S+) token ([0-9a-f]+);");
  QString err, address, token;
  while (address.isEmpty() && py.waitForReadyRead(120000)) {
    err += QString::fromUtf8(py.readAllStandardError());
    const auto m = line.match(err);
    if (m.hasMatch()) {
      address = m.captured(1);
      token = m.captured(2);
    }
  }
  QVERIFY2(!address.isEmpty(), qPrintable(err));
  ProbeSession s;
  QSignalSpy ended(&s, &ProbeSession::ended), failed(&s, &ProbeSession::failed);
  s.attach(address, token);
  QVERIFY(ended.wait(120000));
  QCOMPARE(failed.count(), 0);
  QVERIFY(s.ranks() == (std::vector<int>{0, 1}));
  for (int rank : {1, 0}) {
    s.setRank(rank);
    QCOMPARE(s.frame().report.step, 4L);
    QCOMPARE(s.frame().probeStep, 3L);
    QCOMPARE(s.frame().report.timestep_grad_norms.at(0).size(), size_t(6));
  }
  const auto sp = s.spread();
  QCOMPARE(sp.step, 4L);
  QCOMPARE(sp.ranks, 2);
  QVERIFY(sp.loss_min <= sp.loss_max);
  QVERIFY(py.waitForFinished(120000));
  QCOMPARE(py.exitCode(), 0);
  qInfo("%s", qPrintable(s.status()));
}

// File > Attach to run…'s status bar: frames go to the window's views, a rank selector for a
// distributed run, the spread between ranks, and detaching hides it all.
void TestGuiProbeSession::attach_actions_in_a_window() {
  QMainWindow w;
  std::vector<double> losses;
  AttachActions a(&w, nullptr, [&](const Frame& f) { losses.push_back(f.report.loss); });
  QSignalSpy ended(&a.session(), &ProbeSession::ended);
  w.show();
  a.attachFile(write("window.ups", two_rank_stream(3)));
  QVERIFY(ended.wait(10000));
  QVERIFY(!losses.empty());
  QCOMPARE(losses.back(), 2.7);  // rank 0, step 3
  QCOMPARE(a.rankBox()->count(), 2);
  QVERIFY(a.rankBox()->isVisible());
  QVERIFY2(a.statusLabel()->text().contains("across 2 ranks at step 3"),
           qPrintable(a.statusLabel()->text()));
  emit a.rankBox()->activated(1);
  QCOMPARE(losses.back(), 3.7);  // rank 1
  // The recording's scrubber: back to step 1, rank 1 still chosen.
  QVERIFY(a.scrubber()->isVisible());
  QCOMPARE(a.scrubber()->maximum(), 3);
  a.scrubber()->setValue(1);
  QVERIFY(ended.wait(10000));
  QCOMPARE(losses.back(), 3.9);
  QCOMPARE(a.session().frame().history.buckets().size(), size_t(1));
  QVERIFY2(a.statusLabel()->text().contains("scrubbed"), qPrintable(a.statusLabel()->text()));
  a.detach();
  QVERIFY(!a.statusLabel()->isVisible() && !a.rankBox()->isVisible());
  QVERIFY(!a.scrubber()->isVisible());
}

// In the studio, while attached the local run's frames do not replace the outside run's views;
// Play returns the views to the studio's own run and trains it.
void TestGuiProbeSession::studio_keeps_the_outside_run() {
  MainWindow w(false);
  w.show();
  QVERIFY(w.loadDemo("vanishing"));
  TrainingController* c = w.controller();
  AttachActions* a = w.attachActions();
  QSignalSpy ended(&a->session(), &ProbeSession::ended);
  a->attachFile(write("studio.ups", two_rank_stream(3)));
  QVERIFY(ended.wait(10000));
  QVERIFY(a->attached());
  const int outside = w.lossChart()->pointCount();
  QCOMPARE(outside, 3);  // the stream's three steps
  for (int i = 0; i < 5; ++i) c->stepOnce();
  QTRY_VERIFY_WITH_TIMEOUT((c->pullNow(), c->frame().steps == 5), 20000);
  // pullNow emitted those frames (frameReady); the window kept the outside run's views.
  QCOMPARE(w.lossChart()->pointCount(), outside);
  emit w.runControls()->playRequested();
  QVERIFY(!a->attached());
  QTRY_VERIFY_WITH_TIMEOUT((c->pullNow(), c->frame().steps > 6), 20000);
  c->pause();
  QTRY_VERIFY_WITH_TIMEOUT(w.lossChart()->pointCount() > 5, 20000);
}

QTEST_MAIN(TestGuiProbeSession)
#include "tst_gui_probe_session.moc"
