// What the studio trains: the engine's TrainConfig plus the data source and the studio-only
// recurrent gain, and the built-in demos (vanishing, exploding, lstm, text) as ready-made specs.
#pragma once
#include <QString>
#include <QStringList>
#include <memory>

#include "data/task.h"
#include "train/trainer.h"

namespace unroll::gui {

enum class DataKind { BuiltinText, TextFile, Adding };

struct DataSpec {
  DataKind kind = DataKind::Adding;
  QString path;        // TextFile only
  int addingLength = 100;  // Adding only: T
};

struct RunSpec {
  TrainConfig train;
  DataSpec data;
  double recurrentGain = 1.0;  // W_hh multiplied by this after every (re-)initialisation
  QString demo;                // name of the demo this spec came from, empty once edited
};

// Known demo names, in menu order.
QStringList demoNames();
// A demo by name; returns false (spec untouched) for an unknown name.
bool demoSpec(const QString& name, RunSpec* spec);
// One line describing a demo, translated.
QString demoDescription(const QString& name);

// Builds the task; throws unroll::Error (unreadable file, bad length).
std::shared_ptr<const Task> makeTask(const DataSpec& data);
// The task forces the sequence length for the adding problem; returns the spec made consistent.
RunSpec normalized(RunSpec spec);
// Checks everything the engine would; returns an empty string or the reason, translated when
// the widget can know it.
QString validationError(const RunSpec& spec);

}  // namespace unroll::gui
