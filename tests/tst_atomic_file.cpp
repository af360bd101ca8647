// Atomic writes: the final name holds either the old file or the whole new one, whatever fails
// on the way (a full disk, simulated by a file-size limit; a missing folder; an abandoned write).
#include <sys/resource.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

#include "core/error.h"
#include "io/atomic_file.h"

using namespace unroll;

namespace {

QByteArray contents(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

// Sets this process's file-size limit (writes past it fail with EFBIG, as on a full disk) for
// the lifetime of the object.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &old_);
    old_signal_ = std::signal(SIGXFSZ, SIG_IGN);  // else the kernel ends the process
    rlimit r = old_;
    r.rlim_cur = bytes;
    setrlimit(RLIMIT_FSIZE, &r);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &old_);
    std::signal(SIGXFSZ, old_signal_);
  }

 private:
  rlimit old_{};
  void (*old_signal_)(int) = nullptr;
};

}  // namespace

class TestAtomicFile : public QObject {
  Q_OBJECT
 private slots:
  void writes_whole_file();
  void full_disk_keeps_old_file();
  void streamed_full_disk_fails_at_the_write();
  void missing_folder_is_named();
  void abandoned_writer_leaves_nothing();
  void flushed_rows_are_readable();

 private:
  QTemporaryDir dir_;
};

void TestAtomicFile::writes_whole_file() {
  const QString path = dir_.filePath("a.bin");
  const std::string bytes(300000, 'x');
  write_file_atomically(path.toStdString(), bytes);
  QCOMPARE(contents(path).size(), qsizetype(bytes.size()));
  QVERIFY(!QFile::exists(path + ".partial"));
  write_file_atomically(path.toStdString(), "short");  // replaces, never appends
  QCOMPARE(contents(path), QByteArray("short"));
}

void TestAtomicFile::full_disk_keeps_old_file() {
  const QString path = dir_.filePath("kept.bin");
  write_file_atomically(path.toStdString(), "the old file");
  QString message;
  {
    FileSizeLimit limit(64 * 1024);
    try {
      write_file_atomically(path.toStdString(), std::string(1 << 20, 'y'));
    } catch (const Error& e) {
      message = e.what();
    }
  }
  QVERIFY2(message.contains(path) && message.contains("size limit") &&
               message.contains("nothing was written"),
           qPrintable(message));
  QCOMPARE(contents(path), QByteArray("the old file"));
  QVERIFY(!QFile::exists(path + ".partial"));
  qInfo("%s", qPrintable(message));
}

void TestAtomicFile::streamed_full_disk_fails_at_the_write() {
  const QString path = dir_.filePath("rows.csv");
  QString message;
  long rows = 0;
  {
    FileSizeLimit limit(100 * 1024);
    try {
      AtomicFileWriter out(path.toStdString());
      for (; rows < 100000; ++rows) out.write("12345,0.25,0.125,0.0625\n");
      out.commit();
    } catch (const Error& e) {
      message = e.what();
    }
  }
  QVERIFY2(!message.isEmpty() && rows < 100000, "a write past the limit was not reported");
  QVERIFY(!QFile::exists(path));
  QVERIFY(!QFile::exists(path + ".partial"));
  qInfo("failed after %ld rows: %s", rows, qPrintable(message));
}

void TestAtomicFile::missing_folder_is_named() {
  const QString path = dir_.filePath("no/such/folder/x.bin");
  try {
    write_file_atomically(path.toStdString(), "x");
    QFAIL("wrote into a missing folder");
  } catch (const Error& e) {
    QVERIFY2(
        QString(e.what()).contains("folder does not exist") && QString(e.what()).contains(path),
        e.what());
  }
}

void TestAtomicFile::abandoned_writer_leaves_nothing() {
  const QString path = dir_.filePath("abandoned.csv");
  {
    AtomicFileWriter out(path.toStdString());
    out.write("a,b\n");
    out.flush();
    QVERIFY(QFile::exists(path + ".partial"));
  }
  QVERIFY(!QFile::exists(path));
  QVERIFY(!QFile::exists(path + ".partial"));
}

void TestAtomicFile::flushed_rows_are_readable() {
  const QString path = dir_.filePath("live.csv");
  AtomicFileWriter out(path.toStdString());
  out.write("step,loss\n1,2.5\n");
  out.flush();
  QCOMPARE(contents(path + ".partial"), QByteArray("step,loss\n1,2.5\n"));
  out.write("2,2.25\n");
  out.commit();
  QCOMPARE(contents(path), QByteArray("step,loss\n1,2.5\n2,2.25\n"));
  QCOMPARE(out.bytes_written(), 23LL);
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomic_file.moc"
