// The task views as docks (connectivity, samples, forecast, long-lag sweep), tabbed with the
// unrolled drawing at the bottom so the live charts keep their room, and brought forward when the
// task suits them.
#pragma once
#include <QObject>

class QDockWidget;
class QMainWindow;

namespace unroll::gui {

class ConnectivityView;
class ForecastView;
class SamplePanel;
class SweepPanel;
class TrainingController;

class TaskDocks : public QObject {
  Q_OBJECT
 public:
  // Adds the docks to `window`, each tabbed with `tabWith`.
  TaskDocks(QMainWindow* window, TrainingController* controller, QDockWidget* tabWith);

  SamplePanel* samples() const { return m_samples; }
  ForecastView* forecast() const { return m_forecast; }
  SweepPanel* sweep() const { return m_sweep; }
  ConnectivityView* connectivity() const { return m_connectivity; }
  QDockWidget* connectivityDock() const { return m_connectivityDock; }
  QDockWidget* sampleDock() const { return m_sampleDock; }
  QDockWidget* forecastDock() const { return m_forecastDock; }
  QDockWidget* sweepDock() const { return m_sweepDock; }

 private:
  void onSpecChanged();

  QMainWindow* m_window;
  QDockWidget* m_home;  // shown for tasks with neither samples nor forecasts
  SamplePanel* m_samples;
  ForecastView* m_forecast;
  SweepPanel* m_sweep;
  ConnectivityView* m_connectivity;
  QDockWidget *m_sampleDock, *m_forecastDock, *m_sweepDock, *m_connectivityDock;
  TrainingController* m_controller;
  int m_shown = -1;  // which dock the last spec brought forward
};

}  // namespace unroll::gui
