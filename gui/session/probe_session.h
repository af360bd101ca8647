// The studio's side of a PyTorch run's probe (docs/probe_stream.md): reads the stream from a TCP or
// Unix socket (with the token) or a recorded file on its own thread, and offers it as the same
// Frame the training controller gives the charts, for the chosen rank, pulled at a fixed rate.
// Detaching, a dead connection and a bad or hostile stream end in failed() or ended(); the studio
// keeps running.
#pragma once
#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <mutex>

#include "session/frame.h"
#include "stream/probe_feed.h"

class QThread;

namespace unroll::gui {

class ProbeReader;

class ProbeSession : public QObject {
  Q_OBJECT
 public:
  explicit ProbeSession(QObject* parent = nullptr);
  ~ProbeSession() override;  // detaches and joins the reader thread

  // "HOST:PORT" or "unix:PATH", as the probe printed. Replaces any current source.
  void attach(const QString& address, const QString& token);
  // A stream file (unroll_probe.attach(path=...) or unroll-cli attach --record); with untilStep,
  // only up to that step: scrubbing a recording is opening it again up to another step.
  void openFile(const QString& path, long untilStep = 0);
  void detach();  // stops reading; the last frame stays

  bool active() const { return m_thread != nullptr && !m_reported; }
  bool isFile() const { return m_file; }
  QString source() const { return m_source; }
  void setRank(int rank);  // which rank's views frameReady carries (0 at first)
  int rank() const { return m_rank; }
  std::vector<int> ranks() const;
  ProbeFeed::Spread spread() const;
  const Frame& frame() const { return m_frame; }
  QString status() const { return m_status; }

  void pullNow();  // the timer's work: emits frameReady and statusChanged when something changed
  void setFrameRate(int hz);

 signals:
  void frameReady(const unroll::gui::Frame& frame);
  void statusChanged(const QString& status);  // source, rank, step, steps/s, dropped
  void ranksChanged(const std::vector<int>& ranks);
  void failed(const QString& message);  // one line: what, where, what to do
  void ended();                         // the stream ended cleanly (every rank's END, or EOF)

 private:
  friend class ProbeReader;
  // Shared with the reader thread, under m_mutex.
  struct Shared {
    std::mutex mutex;
    ProbeFeed feed;
    uint64_t version = 0;  // bumps with every record
    QString error;         // set once, when the stream failed
    bool finished = false;
  };
  void begin(const QString& address, const QString& token, const QString& file,
             const QString& source, long until);

  std::shared_ptr<Shared> m_shared;
  QThread* m_thread = nullptr;
  QTimer m_timer;
  QString m_source, m_status;
  int m_rank = 0;
  long m_until = 0;
  bool m_file = false;
  bool m_rebuild = true;   // copy the histories at the next pull (a new source or rank)
  qint64 m_historyAt = 0;  // when they were last copied
  uint64_t m_seen = 0;
  std::vector<int> m_ranks;
  Frame m_frame;
  long m_rateSteps = 0;  // steps/s over about the last second of pulls
  qint64 m_rateAt = 0;
  double m_rate = 0;
  bool m_reported = false;  // failed() or ended() was emitted for this source
};

}  // namespace unroll::gui
