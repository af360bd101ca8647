// What the studio trains: the engine's TrainConfig plus the data source and the studio-only
// recurrent gain, and the built-in demos (vanishing, exploding, lstm, text) as ready-made specs.
#pragma once
#include <QString>
#include <QStringList>
#include <memory>

#include "data/task.h"
#include "train/trainer.h"

namespace unroll::gui {

enum class DataKind { BuiltinText, TextFile, Adding, Language, Copy, Sine, Stock, Csv };

struct DataSpec {
  DataKind kind = DataKind::Adding;
  QString path;            // TextFile and Csv
  int addingLength = 100;  // Adding only: T
  int filler = 20;         // Language only: filler characters between country and language
  int copyLag = 20;        // Copy only: blank steps between reading and writing the symbols
  QString csvColumn = {};  // Csv only: header name or 1-based number; empty: the first value column
};

// Symbols the studio's copy task asks to remember (the CLI's default).
constexpr int kCopySymbols = 5;
// Dense series tasks (adding, sine, stock, csv) force dense input and a regression head.
bool isDenseTask(DataKind kind);
// Series tasks (sine, stock, csv): forecasting applies.
bool isSeriesTask(DataKind kind);
// The one sequence length a generated task accepts (adding, language, copy), or 0 when any fits.
int naturalLength(const DataSpec& data);

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

// Builds the task; throws unroll::Error (unreadable file or CSV, with line and column; bad length).
std::shared_ptr<const Task> makeTask(const DataSpec& data);
// Generated tasks force their sequence length; returns the spec made consistent.
RunSpec normalized(RunSpec spec);
// Checks everything the engine would; returns an empty string or the reason, translated when
// the widget can know it.
QString validationError(const RunSpec& spec);

}  // namespace unroll::gui
