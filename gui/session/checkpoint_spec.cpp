// Task options for studio checkpoints, in the same form as the CLI's (cli/resume.cpp).
#include "session/checkpoint_spec.h"

#include <QFile>
#include <QFileInfo>

#include "core/error.h"

namespace unroll::gui {
namespace {

std::string fileCrc(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    throw Error("cannot read data file '" + path.toStdString() + "'");
  uint32_t crc = crc32(nullptr, 0);
  while (!f.atEnd()) {
    const QByteArray chunk = f.read(1 << 20);
    crc = crc32_update(crc, chunk.constData(), size_t(chunk.size()));
  }
  return std::to_string(crc);
}

void recordFile(TaskSpec& t, const QString& path) {
  const QString abs = QFileInfo(path).absoluteFilePath();
  t.options["data"] = abs.toStdString();
  t.options["data_crc32"] = fileCrc(abs);
}

std::string option(const TaskSpec& t, const std::string& name) {
  const auto it = t.options.find(name);
  return it == t.options.end() ? std::string() : it->second;
}

}  // namespace

TaskSpec taskSpecFor(const RunSpec& spec, const Task& task) {
  TaskSpec t;
  t.name = task.name();
  const DataSpec& d = spec.data;
  switch (d.kind) {
    case DataKind::BuiltinText:
      t.options["task"] = "text";
      break;
    case DataKind::TextFile:
      t.options["task"] = "text";
      recordFile(t, d.path);
      break;
    case DataKind::Adding:
      t.options["task"] = "adding";
      break;
    case DataKind::Language:
      t.options["task"] = "language";
      t.options["filler"] = std::to_string(d.filler);
      break;
    case DataKind::Copy:
      t.options["task"] = "copy";
      t.options["lag"] = std::to_string(d.copyLag);
      t.options["symbols"] = std::to_string(kCopySymbols);
      break;
    case DataKind::Sine:
      t.options["task"] = "sine";
      break;
    case DataKind::Stock:
      t.options["task"] = "stock";
      break;
    case DataKind::Csv:
      t.options["task"] = "csv";
      recordFile(t, d.path);
      if (!d.csvColumn.isEmpty()) t.options["columns"] = d.csvColumn.toStdString();
      break;
    default:
      throw Error("this data source cannot be saved in a checkpoint yet");
  }
  return t;
}

RunSpec runSpecFor(const Checkpoint& c, const std::string& file) {
  if (!c.resumable)
    throw Error("checkpoint '" + file + "' (format version " + std::to_string(c.version) +
                ") holds weights only and cannot be resumed");
  RunSpec s;
  s.train = c.config;
  s.recurrentGain = c.config.model.recurrent_gain;
  DataSpec& d = s.data;
  const std::string task = option(c.task, "task"), data = option(c.task, "data");
  try {
    if (task == "text" || task.empty()) {
      d.kind = data.empty() ? DataKind::BuiltinText : DataKind::TextFile;
      d.path = QString::fromStdString(data);
    } else if (task == "adding") {
      d.kind = DataKind::Adding;
      d.addingLength = c.config.seq;
    } else if (task == "language") {
      d.kind = DataKind::Language;
      if (!option(c.task, "filler").empty()) d.filler = std::stoi(option(c.task, "filler"));
    } else if (task == "copy") {
      d.kind = DataKind::Copy;
      if (!option(c.task, "lag").empty()) d.copyLag = std::stoi(option(c.task, "lag"));
    } else if (task == "sine" || task == "stock") {
      d.kind = task == "sine" ? DataKind::Sine : DataKind::Stock;
    } else if (task == "csv") {
      d.kind = DataKind::Csv;
      d.path = QString::fromStdString(data);
      d.csvColumn = QString::fromStdString(option(c.task, "columns"));
    } else {
      throw Error("");
    }
  } catch (const std::exception&) {
    throw Error("checkpoint '" + file + "' was trained on a task the studio cannot build ('" +
                task + "')");
  }
  return s;
}

void checkSameTask(const Task& task, const TaskSpec& recorded, const std::string& file) {
  const std::string data = option(recorded, "data"), crc = option(recorded, "data_crc32");
  if (!data.empty() && !crc.empty() && fileCrc(QString::fromStdString(data)) != crc)
    throw Error("the training data '" + data + "' has changed since checkpoint '" + file +
                "' was saved");
  const TaskShape s = task.shape(), k = recorded.shape;
  const bool sameName = task.name() == recorded.name || !data.empty();
  if (!sameName || s.tokens != k.tokens || s.input_size != k.input_size || s.head != k.head ||
      s.output_size != k.output_size || task_vocabulary(task) != recorded.vocabulary)
    throw Error("the task rebuilt for checkpoint '" + file +
                "' differs from the one it was trained on (name, shape or vocabulary)");
}

}  // namespace unroll::gui
