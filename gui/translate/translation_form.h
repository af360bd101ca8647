// The Translation window's settings: the task (a generated one, with its length), the encoder–
// decoder (cell, size, attention), training (learning rate, budget, seed) and the length sweep
// (lengths, attention kinds, budget per run); Train, Sweep and Stop; a status line.
#pragma once
#include <QWidget>

#include "seq2seq/length_sweep.h"
#include "seq2seq/translation_run.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace unroll::gui {

class TranslationForm : public QWidget {
  Q_OBJECT
 public:
  explicit TranslationForm(QWidget* parent = nullptr);

  // The run the form describes (validated by the engine when it starts).
  Seq2SeqTrainConfig config() const;
  TranslationRunOptions runOptions() const;
  // The sweep: the run's settings for every cell, the form's lengths and attention kinds; an
  // empty spec and the reason in *error when the lengths do not parse or nothing is chosen.
  LengthSweepSpec sweepSpec(QString* error) const;

  void setTask(const QString& task, int length);  // reorder | numbers | dates
  void setAttention(AttentionKind kind);
  void setCell(CellType cell);
  void setHiddenSize(int hidden);
  void setSteps(long steps);
  void setLearningRate(double lr);
  void setSeed(uint64_t seed);
  void setSweep(const QString& lengths, const QList<AttentionKind>& kinds, long steps);
  // Which buttons work: nothing runs, a training run or a sweep runs.
  void setRunning(bool training, bool sweeping);
  void setStatus(const QString& text);
  QString status() const;

 signals:
  void trainClicked();
  void sweepClicked();
  void stopClicked();

 private:
  QWidget* buildRun();
  QWidget* buildSweep();

  QComboBox* m_task;
  QSpinBox* m_length;
  QComboBox* m_cell;
  QSpinBox* m_hidden;
  QComboBox* m_attention;
  QDoubleSpinBox* m_lr;
  QSpinBox* m_steps;
  QSpinBox* m_seed;
  QLineEdit* m_lengths;
  QList<QCheckBox*> m_kinds;  // none, additive, dot, general
  QSpinBox* m_sweepSteps;
  QPushButton* m_train;
  QPushButton* m_sweep;
  QPushButton* m_stop;
  QLabel* m_status;
};

// The attention kinds in the order the form lists them, and their names as the studio shows them.
const QList<AttentionKind>& attentionKinds();
QString attentionName(AttentionKind kind);

}  // namespace unroll::gui
