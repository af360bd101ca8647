// Runs build/bin/unroll-cli for the command-line tests and collects its exit code and output.
#pragma once
#include <QProcess>
#include <QString>
#include <QStringList>
#include <functional>

namespace unroll::test {

struct CliRun {
  int code = -1;  // -1: crashed or timed out
  QString out, err;
};

// child_setup, when given, runs in the child before unroll-cli starts (to set resource limits).
inline CliRun run_cli(const QString& working_dir, const QStringList& args,
                      const std::function<void()>& child_setup = {}) {
  QProcess p;
  p.setWorkingDirectory(working_dir);
  if (child_setup) p.setChildProcessModifier(child_setup);
  p.start(QStringLiteral(UNROLL_BIN_DIR "/unroll-cli"), args);
  if (!p.waitForFinished(120000)) {
    p.kill();
    p.waitForFinished();
    return {};
  }
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
          QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
}

}  // namespace unroll::test
