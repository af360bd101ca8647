// Demo presets and the studio's data-source factory.
#include "session/run_spec.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "core/error.h"
#include "data/adding_task.h"
#include "data/copy_task.h"
#include "data/csv_series.h"
#include "data/language_task.h"
#include "data/sample_text.h"
#include "data/series_task.h"
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
  } else if (name == "language") {
    // The long-range language task: the country must be carried across 20 filler characters.
    t.model.cell = CellType::Lstm;
    t.model.hidden = 64;
    t.model.input = InputKind::Embedding;
    t.model.embed_dim = 16;
    t.model.forget_bias = 1.0;
    t.optimizer.kind = OptimizerKind::Adam;
    t.optimizer.lr = 5e-3;
    t.clip = {ClipMode::Norm, 1.0};
    s.data.kind = DataKind::Language;
    s.data.filler = 20;
  } else if (name == "sine") {
    // One-step forecasting of a noisy sum of sines; the Forecast dock shows free-running paths.
    t.model.cell = CellType::Lstm;
    t.model.hidden = 32;
    t.optimizer.kind = OptimizerKind::Adam;
    t.optimizer.lr = 5e-3;
    t.clip = {ClipMode::Norm, 1.0};
    t.seq = 64;
    s.data.kind = DataKind::Sine;
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
        "RunSpec", "Language: remember the country across the filler to name its language.");
  if (name == "sine")
    return QCoreApplication::translate(
        "RunSpec", "Sine: forecast a noisy sum of sines, one step and many steps ahead.");
  return {};
}

bool isDenseTask(DataKind k) { return k == DataKind::Adding || isSeriesTask(k); }

bool isSeriesTask(DataKind k) {
  return k == DataKind::Sine || k == DataKind::Stock || k == DataKind::Csv;
}

int naturalLength(const DataSpec& data) {
  try {
    switch (data.kind) {
      case DataKind::Adding:
        return data.addingLength;
      case DataKind::Language:
        return LanguageTask(data.filler).length();
      case DataKind::Copy:
        return CopyTask(kCopySymbols, data.copyLag).length();
      default:
        return 0;
    }
  } catch (const std::exception&) {
    return 0;  // makeTask reports the reason
  }
}

std::shared_ptr<const Task> makeTask(const DataSpec& data) {
  switch (data.kind) {
    case DataKind::Language:
      return std::make_shared<LanguageTask>(data.filler);
    case DataKind::Copy:
      return std::make_shared<CopyTask>(kCopySymbols, data.copyLag);
    case DataKind::Sine:
      return std::make_shared<SeriesTask>("sine", make_sine_series(SineOptions{}),
                                          std::vector<std::string>{"sine"});
    case DataKind::Stock:
      return std::make_shared<SeriesTask>("stock", make_stock_series(StockOptions{}),
                                          std::vector<std::string>{"price"});
    case DataKind::Csv: {
      CsvOptions o;
      o.keep_dates = false;
      if (!data.csvColumn.isEmpty()) o.columns = {data.csvColumn.toStdString()};
      CsvSeries s = load_csv_series(data.path.toStdString(), o);
      if (s.values.rows() > 1) {  // no column chosen: the first value column
        s.values = s.values.topRows(1).eval();
        s.columns.resize(1);
      }
      return std::make_shared<SeriesTask>(QFileInfo(data.path).fileName().toStdString(),
                                          std::move(s.values), std::move(s.columns));
    }
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
  if (const int T = naturalLength(spec.data); T > 0) spec.train.seq = T;
  return spec;
}

QString validationError(const RunSpec& spec) {
  try {
    spec.train.validate();
    ModelConfig m = spec.train.model;
    // input/output sizes come from the task; give them placeholders to check the rest.
    m.input_size = m.output_size = 2;
    if (isDenseTask(spec.data.kind)) {
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
  if (spec.data.kind == DataKind::Csv && spec.data.path.isEmpty())
    return QCoreApplication::translate("RunSpec", "Choose a CSV file first.");
  return {};
}

}  // namespace unroll::gui
