// What the studio trains: the engine's TrainConfig plus the task spec and the studio-only
// recurrent gain, and the built-in demos (vanishing, exploding, lstm, text) as ready-made specs.
#pragma once
#include <QString>
#include <QStringList>
#include <memory>

#include "data/task_registry.h"
#include "train/trainer.h"

namespace unroll::gui {

// The task is the registry's TaskSpec ({"task": "copy", "lag": "20"}): the Data panel edits it,
// checkpoints record it, and the registry builds it (data/task_registry.h).

// Dense tasks (adding, sine, stock, csv) force dense input and a regression head.
bool isDenseTask(const TaskSpec& data);
// Series tasks (sine, stock, csv): forecasting applies.
bool isSeriesTask(const TaskSpec& data);
// The one sequence length a generated task accepts (language, copy, adding), or 0 when any fits.
int naturalLength(const TaskSpec& data);
// A title, label or help text of the registry's table, translated (context "TaskRegistry").
QString taskText(const std::string& english);

struct RunSpec {
  TrainConfig train;
  TaskSpec data = TaskSpec::of("adding");
  QString demo;  // name of the demo this spec came from, empty once edited
};

// Known demo names, in menu order.
QStringList demoNames();
// A demo by name; returns false (spec untouched) for an unknown name.
bool demoSpec(const QString& name, RunSpec* spec);
// One line describing a demo, translated.
QString demoDescription(const QString& name);

// Builds the task through the registry; throws unroll::Error (unreadable file or CSV, with line and
// column; an option out of range).
std::shared_ptr<const Task> makeTask(const TaskSpec& data);
// Generated tasks force their sequence length; returns the spec made consistent.
RunSpec normalized(RunSpec spec);
// Checks everything the engine would; returns an empty string or the reason, translated when
// the widget can know it.
QString validationError(const RunSpec& spec);

}  // namespace unroll::gui
