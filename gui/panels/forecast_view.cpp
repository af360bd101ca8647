// Forecast view: snapshot from the training thread, unroll::forecast on a BackgroundJob, then the
// validation range drawn with replace() so the chart never animates or flickers.
#include "panels/forecast_view.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QValueAxis>

#include "app/background_job.h"
#include "charts/chart_view.h"
#include "data/series_task.h"
#include "session/training_controller.h"

namespace unroll::gui {
namespace {

constexpr int kMaxPaths = 16;  // ForecastOptions::origins

QLineSeries* line(const QString& name, const QColor& color, qreal width,
                  Qt::PenStyle style = Qt::SolidLine) {
  auto* s = new QLineSeries;
  s->setName(name);
  QPen pen(color);
  pen.setWidthF(width);
  pen.setStyle(style);
  s->setPen(pen);
  return s;
}

// One table row: the model's RMSE and MAE, the naive baseline's, and the RMSE change.
QString errorRow(const QString& name, const ErrorPair& model, const ErrorPair& naive) {
  const double gain = naive.rmse > 0 ? 100.0 * (1.0 - model.rmse / naive.rmse) : 0.0;
  const QString verdict = gain >= 0 ? ForecastView::tr("%1% better").arg(formatNumber(gain, 1))
                                    : ForecastView::tr("%1% worse").arg(formatNumber(-gain, 1));
  return QStringLiteral(
             "<tr><td nowrap><b>%1</b></td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
             "<td nowrap>%6</td></tr>")
      .arg(name, formatValue(model.rmse), formatValue(naive.rmse), formatValue(model.mae),
           formatValue(naive.mae), verdict);
}

}  // namespace

ForecastView::ForecastView(TrainingController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_job(new BackgroundJob(this)) {
  auto* outer = new QHBoxLayout(this);
  outer->setContentsMargins(4, 4, 4, 4);
  auto* side = new QWidget;
  side->setFixedWidth(370);
  auto* v = new QVBoxLayout(side);
  v->setContentsMargins(0, 0, 0, 0);
  v->setSpacing(4);
  v->addWidget(new QLabel(tr("<b>Forecast</b> over the validation range")));
  auto* header = new QHBoxLayout;
  header->addWidget(new QLabel(tr("Horizon")));
  m_horizon = new QSpinBox;
  m_horizon->setRange(1, 500);
  m_horizon->setValue(20);
  m_horizon->setToolTip(tr("Steps of each free-running forecast (its own predictions fed back)"));
  header->addWidget(m_horizon);
  header->addWidget(new QLabel(tr("Refresh")));
  m_refresh = new QSpinBox;
  m_refresh->setRange(0, 600);
  m_refresh->setValue(5);
  m_refresh->setSuffix(tr(" s"));
  m_refresh->setSpecialValueText(tr("off"));
  m_refresh->setToolTip(tr("While training runs, forecast again this often"));
  header->addWidget(m_refresh);
  header->addStretch();
  v->addLayout(header);
  auto* shownRow = new QHBoxLayout;
  shownRow->addWidget(new QLabel(tr("Show the first")));
  m_shown = new QSpinBox;
  m_shown->setRange(20, 1000000);
  m_shown->setValue(300);
  m_shown->setSuffix(tr(" points"));
  m_shown->setToolTip(tr("How much of the validation range the chart shows; hover for values"));
  shownRow->addWidget(m_shown);
  shownRow->addStretch();
  v->addLayout(shownRow);
  m_button = new QPushButton(tr("Forecast now"));
  v->addWidget(m_button, 0, Qt::AlignLeft);

  m_view = new ChartView;
  m_view->setXLabel(tr("t"));
  m_view->xAxis()->setTitleText(tr("time step"));
  m_view->setXIntegers(true);
  m_view->setYAxis(false, tr("value"));
  // Drawn in this order, so the thin truth stays visible on top of the broad forecasts.
  m_truth = line(tr("truth"), QColor(30, 30, 30), 1.0);
  m_oneStep = line(tr("one-step forecast"), QColor(31, 119, 180, 150), 3.0);
  m_view->addSeries(m_oneStep);
  for (int i = 0; i < kMaxPaths; ++i) {
    auto* p = line(tr("free-running forecast"), QColor(255, 127, 14), 2.0);
    m_view->addSeries(p);
    m_paths << p;
  }
  m_view->addSeries(m_truth);
  const auto markers = m_view->chart()->legend()->markers();
  for (int i = 2; i < markers.size() - 1; ++i) markers[i]->setVisible(false);  // one for paths
  m_summary = new QLabel;
  m_summary->setWordWrap(true);
  m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
  v->addWidget(m_summary);
  m_status = new QLabel;
  m_status->setWordWrap(true);
  m_status->setStyleSheet("QLabel { color: palette(mid); }");
  v->addWidget(m_status);
  v->addStretch();
  outer->addWidget(side);
  outer->addWidget(m_view, 1);

  connect(m_button, &QPushButton::clicked, this, &ForecastView::forecastNow);
  connect(m_horizon, &QSpinBox::valueChanged, this, &ForecastView::forecastNow);
  connect(m_shown, &QSpinBox::valueChanged, this, [this] {
    if (m_result.truth.cols() > 0) show(m_result);
  });
  connect(m_refresh, &QSpinBox::valueChanged, this, [this](int s) {
    if (s > 0)
      m_timer.start(s * 1000);
    else
      m_timer.stop();
  });
  connect(&m_timer, &QTimer::timeout, this, [this] {
    if (m_available && m_controller->frame().playing) forecastNow();
  });
  m_timer.start(m_refresh->value() * 1000);
  connect(m_controller, &TrainingController::specChanged, this, &ForecastView::syncWithController);
  syncWithController();
}

ForecastView::~ForecastView() = default;  // m_job (a child) waits for a running forecast

int ForecastView::truthPoints() const { return int(m_truth->count()); }
int ForecastView::oneStepPoints() const { return int(m_oneStep->count()); }
int ForecastView::pathCount() const {
  int n = 0;
  for (const QLineSeries* p : m_paths) n += p->count() > 0;
  return n;
}
QString ForecastView::summary() const { return m_summary->text(); }

void ForecastView::syncWithController() {
  m_available = m_controller->task() && m_controller->task()->series();
  setEnabled(m_available);
  m_truth->clear();
  m_oneStep->clear();
  for (QLineSeries* p : m_paths) p->clear();
  m_summary->clear();
  m_status->setText(m_available
                        ? tr("Train a little, then forecast; it refreshes while training runs.")
                        : tr("Forecasting needs a series task (sine, stock or CSV)."));
  if (m_available) forecastNow();  // the untrained model's forecast: the starting point
}

void ForecastView::forecastNow() {
  if (!m_available || m_requested) return;
  m_requested = true;
  m_controller->requestNetwork(this, [this](const NetworkSnapshot& s) { onSnapshot(s); });
}

void ForecastView::onSnapshot(const NetworkSnapshot& s) {
  // The series shares the task's lifetime (it is the task, seen as a series).
  const SeriesTask* series = s.task ? s.task->series() : nullptr;
  auto task = series ? std::shared_ptr<const SeriesTask>(s.task, series) : nullptr;
  if (!s.net || !task) {
    m_requested = false;
    return;
  }
  ForecastOptions o;
  o.horizon = m_horizon->value();
  o.origins = kMaxPaths;
  auto result = std::make_shared<ForecastResult>();
  auto error = std::make_shared<QString>();
  const auto net = s.net;
  const bool started = m_job->start(
      [net, task, o, result, error] {
        try {
          *result = forecast(*net, *task, o);
        } catch (const std::exception& e) {
          *error = QString::fromStdString(e.what());
        }
      },
      [this, result, error, step = s.step] {
        m_requested = false;
        if (!error->isEmpty()) {
          m_status->setText(*error);
          return;
        }
        show(*result);
        m_status->setText(tr("Forecast of the model at step %1.").arg(step));
        emit forecastShown();
      });
  if (!started) m_requested = false;
}

void ForecastView::show(const ForecastResult& r) {
  m_result = r;
  const int n = int(r.truth.cols());
  QList<QPointF> truth, oneStep;
  truth.reserve(n);
  oneStep.reserve(n);
  for (int i = 0; i < n; ++i) {
    appendFinite(truth, r.begin + i, r.truth(0, i));
    appendFinite(oneStep, r.begin + i, r.one_step(0, i));
  }
  m_truth->replace(truth);
  m_oneStep->replace(oneStep);
  for (int k = 0; k < kMaxPaths; ++k) {
    QList<QPointF> path;
    if (k < int(r.paths.size())) {
      // Start at the last known point so each path visibly leaves the truth.
      const int o = r.origins[size_t(k)];
      if (o - 1 >= r.begin) appendFinite(path, o - 1, r.truth(0, o - 1 - r.begin));
      for (int h = 0; h < r.paths[size_t(k)].cols(); ++h)
        appendFinite(path, o + h, r.paths[size_t(k)](0, h));
    }
    m_paths[k]->replace(path);
  }
  m_view->fitRanges();
  if (auto* x = qobject_cast<QValueAxis*>(m_view->xAxis()); x && n > 0)
    x->setRange(r.begin, r.begin + std::min(n, m_shown->value()));
  const QString header = QStringLiteral(
                             "<tr><th></th><th>%1</th><th>%2</th><th>%3</th>"
                             "<th>%4</th><th>%5</th></tr>")
                             .arg(tr("RMSE"), tr("naive"), tr("MAE"), tr("naive"), tr("RMSE"));
  m_summary->setText(
      QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">") + header +
      errorRow(tr("one step"), r.model, r.baseline) +
      errorRow(tr("%1 steps").arg(m_horizon->value()), r.multi_model, r.multi_baseline) +
      QStringLiteral("</table>") + tr("Naive: repeat the last known value."));
}

}  // namespace unroll::gui
