// The long-lag sweep in the studio: RNN, LSTM and GRU trained with one budget at each lag of the
// language, adding or copy task on a background thread, charted as accuracy (or MSE) against lag.
#pragma once
#include <QTimer>
#include <QWidget>
#include <atomic>
#include <vector>

#include "train/sweep.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QScatterSeries;
class QSpinBox;
class QTableWidget;

namespace unroll::gui {

class BackgroundJob;
class ChartView;

class SweepPanel : public QWidget {
  Q_OBJECT
 public:
  explicit SweepPanel(QWidget* parent = nullptr);
  ~SweepPanel() override;  // cancels and joins a running sweep

  bool running() const;
  long stepsDone() const { return m_done; }  // training steps finished in this sweep so far
  const std::vector<SweepRow>& rows() const { return m_rows; }
  // Points on the chart for a cell (tests).
  int pointCount(CellType cell) const;
  QComboBox* taskBox() const { return m_task; }
  QLineEdit* lagsEdit() const { return m_lags; }
  QSpinBox* stepsBox() const { return m_steps; }
  QSpinBox* hiddenBox() const { return m_hidden; }

 public slots:
  // Starts a sweep with the current settings; returns false (with the reason shown) when the
  // settings are invalid or a sweep is running.
  bool start();
  void cancel();

 signals:
  void rowFinished(const unroll::SweepRow& row);
  void sweepFinished(bool cancelled);

 private:
  struct Curve {
    CellType cell;
    QCheckBox* box;
    QLineSeries* line;
    QScatterSeries* dots;
  };
  void taskChanged();
  void addRow(const SweepRow& row);
  void finish(bool cancelled, const QString& error);
  bool tokenTask() const;
  QString yTitle() const;
  void setBaseline(double value, const QString& label);

  BackgroundJob* m_job;
  QComboBox* m_task;
  QLineEdit* m_lags;
  QSpinBox *m_steps, *m_hidden;
  QPushButton *m_run, *m_cancel;
  QProgressBar* m_progress;
  QLabel* m_status;
  QLabel* m_training;  // the training settings every run shares
  ChartView* m_view;
  QLineSeries* m_baseline;
  QTableWidget* m_table;
  QList<Curve> m_curves;
  std::vector<int> m_runLags;
  std::vector<SweepRow> m_rows;
  QTimer m_poll;
  std::atomic<bool> m_stop{false};
  std::atomic<long> m_done{0};  // training steps finished in this sweep
  long m_total = 1;
};

}  // namespace unroll::gui
