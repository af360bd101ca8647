// The live view of an encoder–decoder in training: one validation sentence (source, reference and
// the model's greedy output, each output token green where it matches the reference and red where
// not), the attention matrix (output step × source word), the gradient that reaches each source
// position (||dL/dh^enc_s|| against s: with attention it stays up along the sentence, without it
// it fades from the end), the training and validation loss, and the validation metrics.
#pragma once
#include <QWidget>

#include "seq2seq/seq2seq_trainer.h"
#include "seq2seq/translation_run.h"
#include "telemetry/scalar_history.h"

class QLabel;
class QLineSeries;
class QPainter;

namespace unroll::gui {

class ChartView;
class HeatmapView;
class GradNormChart;
class LossChart;

class TranslationView : public QWidget {
  Q_OBJECT
 public:
  explicit TranslationView(QWidget* parent = nullptr);

  // Empties every view for a new run described by `title` ("LSTM, additive attention, …").
  void reset(const QString& title);
  // Steps firstStep, firstStep + 1, …: loss and gradient norms (decimated: memory stays flat).
  void addPoints(long firstStep, const std::vector<TranslationPoint>& points);
  void setClip(const ClipConfig& clip);
  // The recurrent weights' spectral radius and largest singular value, encoder and decoder.
  void showSpectra(const Seq2SeqSpectra& s);
  // The latest step, of `batch` sentences: their mean gradient per source position.
  void showStep(const Seq2SeqStepReport& r, int batch);
  void showValidation(const Seq2SeqValidation& v);

  // What a person reads (tests).
  QString exampleText() const;  // the sentence block as plain text
  QString metricsText() const;
  QString gradientText() const;  // the sentence under the gradient chart
  int lossPointCount() const;
  int gradNormPointCount() const;
  int spectraPointCount() const;  // points of the encoder's radius curve
  int splitPointCount() const;    // points of the encoder's gradient-norm curve
  int attentionRows() const;      // rows of the attention image (0: none shown)
  int encoderPointCount(bool example) const;
  QList<QPointF> encoderPoints(bool example) const;  // (s, gradient) as drawn
  // The share of output tokens shown green (0..1; NaN before a validation).
  double matchedShare() const { return m_matched; }
  HeatmapView* attentionView() const { return m_attention; }

 private:
  void showGradients(const std::vector<double>& batch, const std::vector<double>& example);
  void redrawLoss();
  void redrawSpectra();
  void redrawSplit();
  void paintSource(QPainter& p, const QRect& r) const;

  QLabel* m_example;
  QLabel* m_metrics;
  HeatmapView* m_attention;
  ChartView* m_grad;
  QLineSeries* m_gradBatch;
  QLineSeries* m_gradExample;
  QLabel* m_gradText;
  LossChart* m_loss;
  GradNormChart* m_gradNorm;
  ChartView* m_spectra;
  QList<QLineSeries*> m_spectraSeries;  // encoder rho, decoder rho, encoder sigma, decoder sigma, 1
  QLabel* m_spectraText;
  ChartView* m_split;             // the gradient norm of the encoder and of the decoder
  QLineSeries* m_splitSeries[2];  // encoder, decoder
  struct SplitRow {               // one bucket of steps: min/max/mean of each side's norm
    Aggregate encoder, decoder;
    void merge(const SplitRow& o) { encoder.merge(o.encoder), decoder.merge(o.decoder); }
  };
  DecimatingHistory<SplitRow> m_splitHistory;
  ScalarHistory m_history;
  std::vector<double> m_batchGrad, m_exampleGrad;
  std::vector<QString> m_sourceTokens;
  double m_matched = NAN;
  bool m_attends = true;  // the model has attention (known from its first validation)
};

}  // namespace unroll::gui
