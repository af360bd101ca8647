// Demo presets, and the studio's view of the task registry.
#include "session/run_spec.h"

#include <QCoreApplication>

#include "core/error.h"

namespace unroll::gui {
namespace {

RunSpec base() {
  RunSpec s;
  s.train.batch = 32;
  s.train.seed = 1;
  s.train.val_every = 50;
  s.train.val_batches = 2;
  s.train.probe_every = 20;
  s.train.connectivity_every = 50;
  s.train.threads = 1;
  return s;
}

}  // namespace

QStringList demoNames() { return {"vanishing", "exploding", "lstm", "text", "language", "sine"}; }

bool demoSpec(const QString& name, RunSpec* out) {
  RunSpec s = base();
  TrainConfig& t = s.train;
  if (name == "vanishing") {
    // A tanh RNN whose recurrent weights shrink every signal: the end-of-sequence loss cannot
    // reach the two marked steps, so it stays at the mean-predictor baseline (1/6).
    t.model.cell = CellType::RnnTanh;
    t.model.hidden = 64;
    t.model.init = InitKind::XavierUniform;
    t.model.recurrent_gain = 0.6;
    t.optimizer.kind = OptimizerKind::Adam;
    t.optimizer.lr = 1e-3;
    s.data = TaskSpec::of("adding", {{"length", "80"}});
  } else if (name == "exploding") {
    // Recurrent weights that stretch signals (orthogonal x1.5) and plain SGD without clipping:
    // the gradient grows as it travels back, spikes, and within a few dozen steps overflows.
    t.model.cell = CellType::RnnTanh;
    t.model.hidden = 64;
    t.model.init = InitKind::Orthogonal;
    t.model.recurrent_gain = 1.5;
    t.optimizer.kind = OptimizerKind::Sgd;
    t.optimizer.lr = 0.03;
    s.data = TaskSpec::of("adding", {{"length", "80"}});
  } else if (name == "lstm") {
    // The same adding problem as "vanishing", with an LSTM whose forget gates start open.
    t.model.cell = CellType::Lstm;
    t.model.hidden = 64;
    t.model.init = InitKind::XavierUniform;
    t.model.forget_bias = 2.0;
    t.optimizer.kind = OptimizerKind::Adam;
    t.optimizer.lr = 3e-3;
    t.clip = {ClipMode::Norm, 1.0};
    s.data = TaskSpec::of("adding", {{"length", "80"}});
  } else if (name == "text") {
    // A character-level LSTM language model on the built-in prose, truncated BPTT.
    t.model.cell = CellType::Lstm;
    t.model.hidden = 128;
    t.model.input = InputKind::Embedding;
    t.model.embed_dim = 32;
    t.model.forget_bias = 1.0;
    t.optimizer.kind = OptimizerKind::Adam;
    t.optimizer.lr = 3e-3;
    t.clip = {ClipMode::Norm, 1.0};
    t.seq = 128;
    t.bptt = {true, 32, 32};
    s.data = TaskSpec::of("text");
  } else if (name == "language") {
    // The long-range language task: the country must be carried across 20 filler characters.
    // An LSTM with the forget-gate bias that makes it remember (the fixes lesson's step 7): it
    // names the language of most sentences after about 1700 steps, and the connectivity view
    // shows the country light up on the way.
    t.model.cell = CellType::Lstm;
    t.model.hidden = 64;
    t.model.forget_bias = 3.0;
    t.optimizer.kind = OptimizerKind::Adam;
    t.optimizer.lr = 3e-3;
    t.clip = {ClipMode::Norm, 1.0};
    s.data = TaskSpec::of("language", {{"filler", "20"}});
  } else if (name == "sine") {
    // One-step forecasting of a noisy sum of sines; the Forecast dock shows free-running paths.
    t.model.cell = CellType::Lstm;
    t.model.hidden = 32;
    t.optimizer.kind = OptimizerKind::Adam;
    t.optimizer.lr = 5e-3;
    t.clip = {ClipMode::Norm, 1.0};
    t.seq = 64;
    s.data = TaskSpec::of("sine");
  } else {
    return false;
  }
  s.demo = name;
  *out = normalized(s);
  return true;
}

QString demoDescription(const QString& name) {
  if (name == "vanishing")
    return QCoreApplication::translate(
        "RunSpec",
        "Vanishing: a tanh RNN on the adding problem; the gradient fades before it reaches "
        "the marked steps.");
  if (name == "exploding")
    return QCoreApplication::translate(
        "RunSpec",
        "Exploding: strong recurrent weights and SGD without clipping; gradient spikes.");
  if (name == "lstm")
    return QCoreApplication::translate(
        "RunSpec", "LSTM: the same adding problem, solved by gates that keep the signal alive.");
  if (name == "text")
    return QCoreApplication::translate(
        "RunSpec", "Text: a character-level LSTM language model on the built-in prose.");
  if (name == "language")
    return QCoreApplication::translate(
        "RunSpec",
        "Language: \"I am from Nepal. … I can speak Nepali.\" Remember the country across the "
        "filler to name its language (the Connectivity tab shows what the answer depends on).");
  if (name == "sine")
    return QCoreApplication::translate(
        "RunSpec", "Sine: forecast a noisy sum of sines, one step and many steps ahead.");
  return {};
}

bool isDenseTask(const TaskSpec& data) {
  try {
    return task_info(data.task()).dense;
  } catch (const std::exception&) {
    return false;  // makeTask reports the unknown task
  }
}

bool isSeriesTask(const TaskSpec& data) {
  try {
    return task_info(data.task()).series;
  } catch (const std::exception&) {
    return false;
  }
}

int naturalLength(const TaskSpec& data) { return natural_length(data); }

QString taskText(const std::string& english) {
  return QCoreApplication::translate("TaskRegistry", english.c_str());
}

std::shared_ptr<const Task> makeTask(const TaskSpec& data) { return make_task(data); }

RunSpec normalized(RunSpec spec) {
  if (const int T = naturalLength(spec.data); T > 0) spec.train.seq = T;
  return spec;
}

QString validationError(const RunSpec& spec) {
  try {
    spec.train.validate();
    ModelConfig m = spec.train.model;
    // input/output sizes come from the task; give them placeholders to check the rest.
    m.input_size = m.output_size = 2;
    if (isDenseTask(spec.data)) {
      m.input = InputKind::Dense;
      m.head = HeadKind::Regression;
      m.output_size = 1;
    }
    m.validate();
  } catch (const std::exception& e) {
    return QString::fromStdString(e.what());
  }
  if (spec.data.task() == "csv" && spec.data.option("data").empty())
    return QCoreApplication::translate("RunSpec", "Choose a CSV file first.");
  return {};
}

}  // namespace unroll::gui
