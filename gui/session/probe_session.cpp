// ProbeSession: the probe stream read on its own thread into a ProbeFeed, pulled as Frames.
#include "session/probe_session.h"

#include <QDateTime>
#include <QFile>
#include <QLocalSocket>
#include <QTcpSocket>
#include <QThread>

#include "core/error.h"
#include "stream/probe_stream.h"

namespace unroll::gui {

// Lives on the reader thread: the socket or file, the decoder, and the feed's writer side.
class ProbeReader : public QObject {
 public:
  ProbeReader(std::shared_ptr<ProbeSession::Shared> shared, QString address, QString token,
              QString file, long until)
      : m_until(until),
        m_shared(std::move(shared)),
        m_address(std::move(address)),
        m_token(std::move(token)),
        m_file(std::move(file)),
        m_decoder((m_file.isEmpty() ? m_address : m_file).toStdString()) {}

  void start() {
    if (!m_file.isEmpty()) return readFile();
    if (m_address.startsWith("unix:")) {
      auto* s = new QLocalSocket(this);
      connect(s, &QLocalSocket::connected, this, [this, s] { s->write(request()); });
      connect(s, &QLocalSocket::readyRead, this, [this, s] { consume(s->readAll()); });
      connect(s, &QLocalSocket::disconnected, this, [this, s] {
        consume(s->readAll());
        end();
      });
      connect(s, &QLocalSocket::errorOccurred, this, [this, s](QLocalSocket::LocalSocketError e) {
        if (e != QLocalSocket::PeerClosedError) broke(s->errorString());
      });
      s->connectToServer(m_address.mid(5));
      return;
    }
    const int colon = int(m_address.lastIndexOf(':'));
    bool ok = false;
    const int port = colon > 0 ? m_address.mid(colon + 1).toInt(&ok) : 0;
    if (!ok || port <= 0 || port > 65535)
      return fail(QObject::tr("'%1' is not an address: expected HOST:PORT (as the probe printed) "
                              "or unix:PATH")
                      .arg(m_address));
    auto* s = new QTcpSocket(this);
    connect(s, &QTcpSocket::connected, this, [this, s] { s->write(request()); });
    connect(s, &QTcpSocket::readyRead, this, [this, s] { consume(s->readAll()); });
    connect(s, &QTcpSocket::disconnected, this, [this, s] {
      consume(s->readAll());
      end();
    });
    connect(s, &QTcpSocket::errorOccurred, this, [this, s](QAbstractSocket::SocketError e) {
      if (e != QAbstractSocket::RemoteHostClosedError) broke(s->errorString());
    });
    s->connectToHost(m_address.left(colon), quint16(port));
  }

 private:
  QByteArray request() const {
    try {
      return QByteArray::fromStdString(encode_attach_request(m_token.toStdString()));
    } catch (const Error& e) {
      return {};
    }
  }

  void readFile() {
    QFile f(m_file);
    if (!f.open(QIODevice::ReadOnly))
      return fail(QObject::tr("cannot open '%1': %2; check the path").arg(m_file, f.errorString()));
    while (!f.atEnd() && !done()) {
      if (QThread::currentThread()->isInterruptionRequested()) return;
      const QByteArray chunk = f.read(1 << 16);
      if (chunk.isEmpty()) break;
      consume(chunk);
    }
    end();
  }

  bool done() const {
    std::lock_guard lock(m_shared->mutex);
    return m_shared->finished;
  }

  void consume(const QByteArray& bytes) {
    if (done() || bytes.isEmpty()) return;
    try {
      m_decoder.feed(bytes.constData(), size_t(bytes.size()));
      while (auto r = m_decoder.next()) {
        const auto* step = std::get_if<ProbeStep>(&*r);
        if (m_until > 0 && step && step->step > m_until) {  // scrubbed to here: stop reading
          std::lock_guard lock(m_shared->mutex);
          m_shared->finished = true;
          return;
        }
        std::lock_guard lock(m_shared->mutex);
        m_shared->feed.add(*r);
        ++m_shared->version;
      }
    } catch (const Error& e) {
      fail(QString::fromStdString(e.what()));
    }
  }

  void end() {
    if (done()) return;
    try {
      m_decoder.finish();
    } catch (const Error& e) {
      return fail(QString::fromStdString(e.what()));
    }
    std::lock_guard lock(m_shared->mutex);
    m_shared->finished = true;
  }

  void broke(const QString& why) {
    fail(QObject::tr("the connection to %1 failed: %2; check the address the probe printed and "
                     "that the training still runs")
             .arg(m_address, why));
  }

  void fail(const QString& message) {
    std::lock_guard lock(m_shared->mutex);
    if (m_shared->finished) return;
    m_shared->error = message;
    m_shared->finished = true;
  }

  long m_until;  // a file read only up to this step (0: all of it)
  std::shared_ptr<ProbeSession::Shared> m_shared;
  QString m_address, m_token, m_file;
  ProbeStreamDecoder m_decoder;
};

ProbeSession::ProbeSession(QObject* parent) : QObject(parent) {
  connect(&m_timer, &QTimer::timeout, this, &ProbeSession::pullNow);
  setFrameRate(40);
}

ProbeSession::~ProbeSession() { detach(); }

void ProbeSession::setFrameRate(int hz) { m_timer.setInterval(1000 / std::max(1, hz)); }

void ProbeSession::attach(const QString& address, const QString& token) {
  begin(address, token, {}, address, 0);
}

void ProbeSession::openFile(const QString& path, long untilStep) {
  begin({}, {}, path, path, std::max(0L, untilStep));
}

void ProbeSession::begin(const QString& address, const QString& token, const QString& file,
                         const QString& source, long until) {
  detach();
  m_shared = std::make_shared<Shared>();
  m_source = source;
  m_seen = 0;
  m_rank = 0;
  m_ranks.clear();
  m_reported = false;
  m_rebuild = true;
  m_rate = 0;
  m_rateSteps = 0;
  m_rateAt = QDateTime::currentMSecsSinceEpoch();
  const uint64_t generation = m_frame.generation + 1;
  m_frame = Frame();
  m_frame.generation = generation;
  m_thread = new QThread(this);
  m_thread->setObjectName("probe-reader");
  m_until = until;
  m_file = !file.isEmpty();
  auto* reader = new ProbeReader(m_shared, address, token, file, until);
  reader->moveToThread(m_thread);
  connect(m_thread, &QThread::started, reader, [reader] { reader->start(); });
  connect(m_thread, &QThread::finished, reader, &QObject::deleteLater);
  m_thread->start();
  m_timer.start();
  m_status = tr("%1: waiting for the first step").arg(m_source);
  emit statusChanged(m_status);
}

void ProbeSession::detach() {
  if (!m_thread) return;
  m_thread->requestInterruption();
  m_thread->quit();
  m_thread->wait();
  delete m_thread;
  m_thread = nullptr;
  m_timer.stop();
  pullNow();  // the last records read
}

void ProbeSession::setRank(int rank) {
  if (rank == m_rank) return;
  m_rank = rank;
  m_seen = 0;  // the next pull rebuilds the frame for this rank
  m_rebuild = true;
  pullNow();
}

std::vector<int> ProbeSession::ranks() const { return m_ranks; }

ProbeFeed::Spread ProbeSession::spread() const {
  if (!m_shared) return {};
  std::lock_guard lock(m_shared->mutex);
  return m_shared->feed.spread();
}

void ProbeSession::pullNow() {
  if (!m_shared) return;
  QString error;
  bool finished = false, changed = false, newRanks = false;
  {
    // Under the lock only what changed is copied (the histories are bounded: about 1 MB).
    std::lock_guard lock(m_shared->mutex);
    error = m_shared->error;
    finished = m_shared->finished;
    if (m_shared->version != m_seen) {
      m_seen = m_shared->version;
      const std::vector<int> ranks = m_shared->feed.ranks();
      newRanks = ranks != m_ranks;
      m_ranks = ranks;
      if (const ProbeFeed::RankView* v = m_shared->feed.rank(m_rank); v && v->has_report) {
        m_frame.version = uint64_t(v->steps);
        m_frame.hasReport = true;
        m_frame.report = v->report;
        m_frame.hasProbes = !v->report.probes.empty();
        m_frame.probeStep = v->replay_step;
        m_frame.probes = v->report.probes;
        m_frame.steps = v->steps;
        m_frame.settings.lr = v->report.lr;
        m_frame.droppedEvents = v->dropped;
        changed = true;
      }
    }
    // The histories (about 1 MB) at most 10 times a second under the reader's lock, and at
    // once at the end or for a new rank, so the reader never waits long for it.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const ProbeFeed::RankView* v = m_shared->feed.rank(m_rank);
    if (v && (m_rebuild ||
              (m_frame.historyVersion != m_seen && (finished || now - m_historyAt >= 100)))) {
      m_frame.history = v->history;
      m_frame.heat = v->heat;
      m_frame.historyVersion = m_seen;
      m_historyAt = now;
      m_rebuild = false;
      changed = true;
    }
  }
  m_frame.playing = !finished;
  if (newRanks) emit ranksChanged(m_ranks);
  const qint64 now = QDateTime::currentMSecsSinceEpoch();
  if (now - m_rateAt >= 1000) {
    m_rate = double(m_frame.steps - m_rateSteps) * 1000.0 / double(now - m_rateAt);
    m_rateSteps = m_frame.steps;
    m_rateAt = now;
  }
  if (changed) {
    emit frameReady(m_frame);
    m_status = tr("%1: rank %2 of %3, step %4, %5 steps/s, %6 dropped")
                   .arg(m_source)
                   .arg(m_rank)
                   .arg(m_ranks.size())
                   .arg(m_frame.report.step)
                   .arg(m_rate, 0, 'f', 1)
                   .arg(m_frame.droppedEvents);
    emit statusChanged(m_status);
  }
  if (finished && !m_reported) {
    m_reported = true;
    if (m_thread) {
      m_thread->quit();  // nothing more to read; the frame stays
    }
    m_timer.stop();
    if (!error.isEmpty()) {
      m_status = tr("%1: stopped: %2").arg(m_source, error);
      emit statusChanged(m_status);
      emit failed(error);
    } else {
      m_status = m_until > 0
                     ? tr("%1: at step %2 (scrubbed)").arg(m_source).arg(m_frame.report.step)
                     : tr("%1: the stream ended at step %2").arg(m_source).arg(m_frame.report.step);
      emit statusChanged(m_status);
      emit ended();
    }
  }
}

}  // namespace unroll::gui
