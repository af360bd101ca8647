// Task docks: creation, tabbing, and raising the view that fits a newly applied task.
#include "app/task_docks.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QScrollArea>

#include "charts/connectivity_view.h"
#include "panels/forecast_view.h"
#include "panels/sample_panel.h"
#include "panels/sweep_panel.h"
#include "session/training_controller.h"

namespace unroll::gui {
namespace {

QDockWidget* dock(QMainWindow* w, const QString& title, const QString& name, QWidget* content,
                  QDockWidget* tabWith) {
  auto* d = new QDockWidget(title, w);
  d->setObjectName(name);
  // Scrolled when the window is small (a laptop), so that a panel never sets the window's minimum.
  auto* scroll = new QScrollArea;
  scroll->setWidget(content);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  d->setWidget(scroll);
  w->tabifyDockWidget(tabWith, d);
  return d;
}

}  // namespace

TaskDocks::TaskDocks(QMainWindow* window, TrainingController* controller, QDockWidget* tabWith)
    : QObject(window), m_window(window), m_home(tabWith), m_controller(controller) {
  m_connectivity = new ConnectivityView;
  m_samples = new SamplePanel(controller);
  m_forecast = new ForecastView(controller);
  m_sweep = new SweepPanel;
  m_sampleDock = dock(window, tr("Samples"), QStringLiteral("sampleDock"), m_samples, tabWith);
  m_forecastDock =
      dock(window, tr("Forecast"), QStringLiteral("forecastDock"), m_forecast, tabWith);
  m_sweepDock = dock(window, tr("Long-lag sweep"), QStringLiteral("sweepDock"), m_sweep, tabWith);
  m_connectivityDock =
      dock(window, tr("Connectivity"), QStringLiteral("connectivityDock"), m_connectivity, tabWith);
  connect(controller, &TrainingController::connectivityMapped, this,
          [this](const ConnectivityEvent& e) { m_connectivity->showMap(e.step, e.map); });
  tabWith->raise();
  // Connected after the panels' own handlers, so they have synced when this runs.
  connect(controller, &TrainingController::specChanged, this, &TaskDocks::onSpecChanged);
}

void TaskDocks::onSpecChanged() {
  m_connectivity->setTokenLabels(m_controller->tokenLabels());
  m_connectivity->clear();  // the next map is the new run's
  // The language task's point is what the answer depends on: its connectivity comes first.
  const bool language = m_controller->spec().data.task() == "language";
  const int which = language ? 3 : m_samples->available() ? 1 : m_forecast->available() ? 2 : 0;
  if (which == m_shown) return;  // the user's choice of tab stands while the kind is the same
  m_shown = which;
  QDockWidget* docks[] = {m_home, m_sampleDock, m_forecastDock, m_connectivityDock};
  docks[which]->raise();
  // The bottom docks stay short, so the live charts above keep their room on a laptop.
  m_window->resizeDocks({docks[which]}, {180}, Qt::Vertical);
}

}  // namespace unroll::gui
