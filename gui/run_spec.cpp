// Demo presets and the studio's data-source factory.
#include "run_spec.h"

#include <QCoreApplication>

#include "core/error.h"
#include "data/adding_task.h"
#include "data/sample_text.h"
#include "data/text_corpus.h"

namespace unroll::gui {
namespace {

RunSpec base() {
  RunSpec s;
  s.train.batch = 32;
  s.train.seed = 1;
  s.train.val_every = 50;
  s.train.val_batches = 2;
  s.train.probe_every = 20;
  s.train.threads = 1;
  return s;
}

}  // namespace

QStringList demoNames() { return {"vanishing", "exploding", "lstm", "text"}; }

bool demoSpec(const QString& name, RunSpec* out) {
  RunSpec s = base();
  TrainConfig& t = s.train;
  if (name == "vanishing") {
    // A tanh RNN whose recurrent weights shrink every signal: the end-of-sequence loss cannot
    // reach the two marked steps, so it stays at the mean-predictor baseline (1/6).
    t.model.cell = CellType::RnnTanh;
    t.model.hidden = 64;
    t.model.init = InitKind::XavierUniform;
    s.recurrentGain = 0.6;
    t.optimizer.kind = OptimizerKind::Adam;
    t.optimizer.lr = 1e-3;
    s.data = {DataKind::Adding, {}, 80};
  } else if (name == "exploding") {
    // Recurrent weights that stretch signals (orthogonal x1.5) and plain SGD without clipping:
    // the gradient grows as it travels back, spikes, and within a few dozen steps overflows.
    t.model.cell = CellType::RnnTanh;
    t.model.hidden = 64;
    t.model.init = InitKind::Orthogonal;
    s.recurrentGain = 1.5;
    t.optimizer.kind = OptimizerKind::Sgd;
    t.optimizer.lr = 0.03;
    s.data = {DataKind::Adding, {}, 80};
  } else if (name == "lstm") {
    // The same adding problem as "vanishing", with an LSTM whose forget gates start open.
    t.model.cell = CellType::Lstm;
    t.model.hidden = 64;
    t.model.init = InitKind::XavierUniform;
    t.model.forget_bias = 2.0;
    t.optimizer.kind = OptimizerKind::Adam;
    t.optimizer.lr = 3e-3;
    t.clip = {ClipMode::Norm, 1.0};
    s.data = {DataKind::Adding, {}, 80};
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
    s.data = {DataKind::BuiltinText, {}, 80};
  } else {
    return false;
  }
  s.demo = name;
  *out = normalized(s);
  return true;
}

QString demoDescription(const QString& name) {
  if (name == "vanishing")
    return QCoreApplication::translate("RunSpec", "Vanishing: a tanh RNN on the adding problem; the gradient fades before it reaches "
              "the marked steps.");
  if (name == "exploding")
    return QCoreApplication::translate("RunSpec", "Exploding: strong recurrent weights and SGD without clipping; gradient spikes.");
  if (name == "lstm")
    return QCoreApplication::translate("RunSpec", "LSTM: the same adding problem, solved by gates that keep the signal alive.");
  if (name == "text")
    return QCoreApplication::translate("RunSpec", "Text: a character-level LSTM language model on the built-in prose.");
  return {};
}

std::shared_ptr<const Task> makeTask(const DataSpec& data) {
  switch (data.kind) {
    case DataKind::BuiltinText:
      return std::make_shared<TextCorpus>(builtin_corpus());
    case DataKind::TextFile:
      return std::make_shared<TextCorpus>(TextCorpus::from_file(data.path.toStdString()));
    case DataKind::Adding:
      return std::make_shared<AddingTask>(data.addingLength);
  }
  throw Error("unknown data source");
}

RunSpec normalized(RunSpec spec) {
  if (spec.data.kind == DataKind::Adding) spec.train.seq = spec.data.addingLength;
  return spec;
}

QString validationError(const RunSpec& spec) {
  try {
    spec.train.validate();
    ModelConfig m = spec.train.model;
    // input/output sizes come from the task; give them placeholders to check the rest.
    m.input_size = m.output_size = 2;
    if (spec.data.kind == DataKind::Adding) {
      m.input = InputKind::Dense;
      m.head = HeadKind::Regression;
      m.output_size = 1;
    }
    m.validate();
  } catch (const std::exception& e) {
    return QString::fromStdString(e.what());
  }
  if (spec.data.kind == DataKind::TextFile && spec.data.path.isEmpty())
    return QCoreApplication::translate("RunSpec", "Choose a text file first.");
  return {};
}

}  // namespace unroll::gui
