// The forecast view for series tasks: the validation range with the truth, the one-step-ahead
// prediction and free-running multi-step paths, scored (RMSE, MAE) against the last-value baseline.
#pragma once
#include <QTimer>
#include <QWidget>
#include <memory>

#include "session/network_snapshot.h"
#include "train/forecast.h"

class QLabel;
class QLineSeries;
class QPushButton;
class QSpinBox;

namespace unroll::gui {

class BackgroundJob;
class ChartView;
class TrainingController;

class ForecastView : public QWidget {
  Q_OBJECT
 public:
  explicit ForecastView(TrainingController* controller, QWidget* parent = nullptr);
  ~ForecastView() override;

  bool available() const { return m_available; }
  const ForecastResult& lastResult() const { return m_result; }
  // Points drawn (tests): truth, one-step, and the number of free-running paths.
  int truthPoints() const;
  int oneStepPoints() const;
  int pathCount() const;
  QString summary() const;
  QSpinBox* horizonBox() const { return m_horizon; }
  ChartView* view() const { return m_view; }

 public slots:
  void syncWithController();
  // Asks for a network copy and forecasts on a worker; at most one forecast is in flight.
  void forecastNow();

 signals:
  void forecastShown();

 private:
  void onSnapshot(const NetworkSnapshot& s);
  void show(const ForecastResult& r);

  TrainingController* m_controller;
  BackgroundJob* m_job;
  bool m_available = false;
  bool m_requested = false;
  ChartView* m_view;
  QLineSeries *m_truth, *m_oneStep;
  QList<QLineSeries*> m_paths;
  QSpinBox *m_horizon, *m_refresh, *m_shown;
  QPushButton* m_button;
  QLabel *m_summary, *m_status;
  QTimer m_timer;
  ForecastResult m_result;
};

}  // namespace unroll::gui
