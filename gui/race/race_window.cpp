// Race window: the engine's Race runs on a background job (its entrants on a thread each where
// cores allow); a timer pulls each entrant's new losses and latest gradient profile at 20 Hz.
#include "race/race_window.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

#include "app/background_job.h"
#include "app/file_ui.h"
#include "charts/chart_view.h"
#include "charts/gradient_fit.h"

namespace unroll::gui {
namespace {

constexpr int kPollMs = 50;          // 20 Hz
constexpr int kMaxLossPoints = 400;  // per curve: a long race keeps the chart light
constexpr double kEmaBeta = 0.9;     // smoothing of the loss curves, per step

// One colour per entrant slot (matplotlib's tab10), so a slot keeps its colour across races.
const QColor kColors[RaceSpec::kMaxEntrants] = {QColor(31, 119, 180), QColor(255, 127, 14),
                                                QColor(44, 160, 44), QColor(214, 39, 40)};

const CellType kCells[] = {CellType::RnnTanh, CellType::RnnRelu, CellType::Lstm, CellType::Gru};
const InitKind kInits[] = {InitKind::Torch, InitKind::XavierUniform, InitKind::XavierNormal,
                           InitKind::He,    InitKind::Orthogonal,    InitKind::Identity};

QString cellLabel(CellType c) {
  switch (c) {
    case CellType::RnnTanh:
      return RaceWindow::tr("tanh RNN");
    case CellType::RnnRelu:
      return RaceWindow::tr("ReLU RNN");
    case CellType::Lstm:
      return RaceWindow::tr("LSTM");
    case CellType::Gru:
      return RaceWindow::tr("GRU");
  }
  return {};
}

QString initLabel(InitKind k) {
  switch (k) {
    case InitKind::Torch:
      return RaceWindow::tr("PyTorch default");
    case InitKind::XavierUniform:
      return RaceWindow::tr("Xavier uniform");
    case InitKind::XavierNormal:
      return RaceWindow::tr("Xavier normal");
    case InitKind::He:
      return RaceWindow::tr("He");
    case InitKind::Orthogonal:
      return RaceWindow::tr("orthogonal");
    case InitKind::Identity:
      return RaceWindow::tr("identity");
  }
  return {};
}

// Names that tell the entrants apart: the cell, plus whatever else differs between them.
QStringList nameEntrants(const QList<RaceChoice>& cs) {
  auto differs = [&](auto field) {
    for (const RaceChoice& c : cs)
      if (field(c) != field(cs.front())) return true;
    return false;
  };
  const bool clip = differs([](const RaceChoice& c) { return c.clip ? c.threshold : -1.0; });
  const bool lr = differs([](const RaceChoice& c) { return c.lr; });
  const bool init = differs([](const RaceChoice& c) { return int(c.init); });
  QStringList names;
  for (const RaceChoice& c : cs) {
    QStringList parts{cellLabel(c.cell)};
    if (clip)
      parts << (c.clip ? RaceWindow::tr("clip %1").arg(formatValue(c.threshold))
                       : RaceWindow::tr("no clip"));
    if (lr) parts << RaceWindow::tr("lr %1").arg(formatValue(c.lr));
    if (init) parts << initLabel(c.init);
    names << parts.join(QStringLiteral(", "));
  }
  for (int i = 0; i < names.size(); ++i)  // still alike: number them
    if (names.count(names[i]) > 1) {
      const QString same = names[i];
      for (int j = 0, n = 1; j < names.size(); ++j)
        if (names[j] == same) names[j] = RaceWindow::tr("%1 (%2)").arg(same).arg(n++);
    }
  return names;
}

// Bucket means of v[from, v.size()) at x = the bucket's middle step (1-based), at most
// kMaxLossPoints of them; non-finite losses are left out of a bucket (and empty buckets out).
QList<QPointF> decimate(const std::vector<double>& v, bool logY) {
  QList<QPointF> out;
  const size_t n = v.size();
  const size_t stride = std::max<size_t>(1, (n + kMaxLossPoints - 1) / kMaxLossPoints);
  out.reserve(int(n / stride + 1));
  for (size_t b = 0; b < n; b += stride) {
    const size_t e = std::min(n, b + stride);
    double sum = 0;
    int count = 0;
    for (size_t i = b; i < e; ++i)
      if (std::isfinite(v[i])) sum += v[i], ++count;
    if (count > 0) appendFinite(out, 0.5 * double(b + 1 + e), sum / count, logY);
  }
  return out;
}

// x from 0 to at least `last`, with round ticks (1, 2 or 5 times a power of ten), at most ~6.
void setStepAxis(ChartView* view, double last) {
  auto* axis = qobject_cast<QValueAxis*>(view->xAxis());
  if (!axis) return;
  last = std::max(1.0, last);
  const double magnitude = std::pow(10.0, std::floor(std::log10(last / 6)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (last / (m * magnitude) <= 6) {
      step = m * magnitude;
      break;
    }
  step = std::max(1.0, step);
  axis->setTickType(QValueAxis::TicksDynamic);
  axis->setTickAnchor(0);
  axis->setTickInterval(step);
  axis->setRange(0, std::ceil(last / step) * step);
}

// A log y axis over [lo, hi] widened to whole powers of 10^k, k chosen for at most ~6 ticks.
void setLogRange(ChartView* view, double lo, double hi) {
  auto* axis = qobject_cast<QLogValueAxis*>(view->yAxis());
  if (!axis || !(lo > 0) || !(hi >= lo)) return;
  const double a = std::floor(std::log10(lo)), b = std::max(a + 1, std::ceil(std::log10(hi)));
  const int k = std::max(1, int(std::ceil((b - a) / 6)));
  const double a0 = k * std::floor(a / k), b0 = std::max(a0 + k, k * std::ceil(b / k));
  axis->setBase(std::pow(10.0, k));
  axis->setMinorTickCount(k == 1 ? -1 : 0);
  axis->setRange(std::pow(10.0, a0), std::pow(10.0, b0));
}

QTableWidgetItem* numberItem(const QString& text) {
  auto* item = new QTableWidgetItem(text);
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

}  // namespace

RaceWindow::RaceWindow(const RunSpec& base, QWidget* parent) : RaceWindow(base, nullptr, parent) {}

RaceWindow::RaceWindow(const RunSpec& base, std::shared_ptr<const Task> task, QWidget* parent)
    : QWidget(parent, Qt::Window),
      m_base(normalized(base)),
      m_task(std::move(task)),
      m_dialogs(std::make_unique<DialogFileUi>()),
      m_job(new BackgroundJob(this)) {
  m_ui = m_dialogs.get();
  setWindowTitle(tr("Race"));
  auto* split = new QSplitter(Qt::Horizontal);
  split->addWidget(buildControls());
  auto* right = new QSplitter(Qt::Vertical);
  right->addWidget(buildCharts());
  right->addWidget(buildResults());
  right->setStretchFactor(0, 4);
  right->setStretchFactor(1, 1);
  right->setChildrenCollapsible(false);
  split->addWidget(right);
  split->setStretchFactor(1, 1);
  split->setChildrenCollapsible(false);
  auto* outer = new QHBoxLayout(this);
  outer->setContentsMargins(6, 6, 6, 6);
  outer->addWidget(split);
  resize(1320, 880);

  connect(&m_poll, &QTimer::timeout, this, &RaceWindow::poll);
  setPreset(RacePreset::Cells);
  setSeed(m_base.train.seed);
  describeBase();
  resetView();
}

RaceWindow::~RaceWindow() { stopAndWait(); }

QWidget* RaceWindow::buildControls() {
  auto* w = new QWidget;
  w->setMinimumWidth(410);
  w->setMaximumWidth(520);
  auto* v = new QVBoxLayout(w);
  v->setContentsMargins(0, 0, 6, 0);
  auto* intro =
      new QLabel(tr("<b>Race</b> — the same data, seed and step budget for every "
                    "entrant: only what you change below differs."));
  intro->setWordWrap(true);
  v->addWidget(intro);
  m_taskLabel = new QLabel;
  m_taskLabel->setWordWrap(true);
  v->addWidget(m_taskLabel);

  auto* entrants = new QGroupBox(tr("Entrants"));
  auto* ev = new QVBoxLayout(entrants);
  auto* presets = new QHBoxLayout;
  auto* cells = new QPushButton(tr("RNN vs LSTM vs GRU"));
  cells->setToolTip(tr("Three cells, otherwise the studio's settings"));
  auto* clipping = new QPushButton(tr("Clipping on/off"));
  clipping->setToolTip(tr("The studio's cell without and with gradient-norm clipping"));
  presets->addWidget(cells);
  presets->addWidget(clipping);
  presets->addStretch();
  ev->addLayout(presets);
  auto* countRow = new QHBoxLayout;
  countRow->addWidget(new QLabel(tr("Entrants:")));
  m_count = new QSpinBox;
  m_count->setRange(2, RaceSpec::kMaxEntrants);
  countRow->addWidget(m_count);
  countRow->addStretch();
  ev->addLayout(countRow);
  auto* grid = new QGridLayout;
  grid->setHorizontalSpacing(6);
  const QStringList heads{QString(),      tr("Cell"),          tr("Clip"),
                          tr("Max norm"), tr("Learning rate"), tr("Init")};
  for (int c = 0; c < heads.size(); ++c) {
    auto* h = new QLabel(heads[c]);
    h->setStyleSheet("QLabel { color: palette(dark); }");
    grid->addWidget(h, 0, c);
  }
  for (int i = 0; i < RaceSpec::kMaxEntrants; ++i) buildEntrantRow(i, grid);
  ev->addLayout(grid);
  v->addWidget(entrants);

  auto* shared = new QGroupBox(tr("Shared by all"));
  auto* form = new QFormLayout(shared);
  m_seed = new QSpinBox;
  m_seed->setRange(0, std::numeric_limits<int>::max());
  m_seed->setToolTip(tr("Drives every entrant's initial weights and the order of the data"));
  form->addRow(tr("Seed:"), m_seed);
  m_steps = new QSpinBox;
  m_steps->setRange(1, int(RaceSpec::kMaxSteps));
  m_steps->setValue(500);
  m_steps->setToolTip(tr("Training updates per entrant: the same budget for everybody"));
  form->addRow(tr("Steps each:"), m_steps);
  v->addWidget(shared);

  auto* runRow = new QHBoxLayout;
  m_start = new QPushButton(tr("Start"));
  m_stopButton = new QPushButton(tr("Stop"));
  m_stopButton->setEnabled(false);
  m_progress = new QProgressBar;
  m_progress->setRange(0, 1000);
  m_progress->setValue(0);
  runRow->addWidget(m_start);
  runRow->addWidget(m_stopButton);
  runRow->addWidget(m_progress, 1);
  v->addLayout(runRow);
  m_status = new QLabel;
  m_status->setWordWrap(true);
  v->addWidget(m_status);
  auto* tips = new QLabel(
      tr("<b>Reading the race</b><ul style='margin-left:-20px'>"
         "<li>Loss: the lower curve learned more from the same data. A curve that shoots up has "
         "exploded; the table counts the steps the trainer had to reject.</li>"
         "<li>Gradient vs timestep: read right to left, from the loss back in time. A line "
         "falling steeply to the left means early steps receive almost no gradient — the "
         "vanishing gradient; a line rising to the left is an exploding one.</li>"
         "<li>Seconds: the wall time of an entrant's own steps; gated cells do more work per "
         "step.</li></ul>"));
  tips->setWordWrap(true);
  tips->setStyleSheet("QLabel { color: palette(dark); }");
  v->addSpacing(8);
  v->addWidget(tips);
  v->addStretch();

  connect(cells, &QPushButton::clicked, this, [this] { setPreset(RacePreset::Cells); });
  connect(clipping, &QPushButton::clicked, this, [this] { setPreset(RacePreset::Clipping); });
  connect(m_count, &QSpinBox::valueChanged, this, &RaceWindow::entrantsChanged);
  connect(m_start, &QPushButton::clicked, this, &RaceWindow::start);
  connect(m_stopButton, &QPushButton::clicked, this, &RaceWindow::stop);
  return w;
}

void RaceWindow::buildEntrantRow(int i, QGridLayout* grid) {
  EntrantRow r;
  r.label = new QLabel(QStringLiteral("<b>%1</b>").arg(i + 1));
  r.label->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(kColors[i].name()));
  r.cell = new QComboBox;
  for (CellType c : kCells) r.cell->addItem(cellLabel(c), int(c));
  r.clip = new QCheckBox;
  r.clip->setToolTip(tr("Clip the gradient's global norm"));
  r.threshold = new QDoubleSpinBox;
  r.threshold->setRange(0.01, 1000);
  r.threshold->setDecimals(2);
  r.threshold->setValue(1.0);
  r.threshold->setToolTip(tr("Largest global gradient norm an update may use"));
  r.lr = new QDoubleSpinBox;
  r.lr->setRange(1e-5, 10);
  r.lr->setDecimals(5);
  r.lr->setSingleStep(1e-4);
  r.init = new QComboBox;
  for (InitKind k : kInits) r.init->addItem(initLabel(k), int(k));
  const int row = i + 1;
  grid->addWidget(r.label, row, 0);
  grid->addWidget(r.cell, row, 1);
  grid->addWidget(r.clip, row, 2, Qt::AlignCenter);
  grid->addWidget(r.threshold, row, 3);
  grid->addWidget(r.lr, row, 4);
  grid->addWidget(r.init, row, 5);
  connect(r.clip, &QCheckBox::toggled, r.threshold, &QWidget::setEnabled);
  connect(r.cell, &QComboBox::currentIndexChanged, this, &RaceWindow::entrantsChanged);
  connect(r.clip, &QCheckBox::toggled, this, &RaceWindow::entrantsChanged);
  connect(r.threshold, &QDoubleSpinBox::valueChanged, this, &RaceWindow::entrantsChanged);
  connect(r.lr, &QDoubleSpinBox::valueChanged, this, &RaceWindow::entrantsChanged);
  connect(r.init, &QComboBox::currentIndexChanged, this, &RaceWindow::entrantsChanged);
  m_rows << r;
}

QWidget* RaceWindow::buildCharts() {
  auto* w = new QWidget;
  auto* v = new QVBoxLayout(w);
  v->setContentsMargins(0, 0, 0, 0);
  auto* header = new QHBoxLayout;
  header->addWidget(new QLabel(tr("<b>Training loss</b> — all entrants on one chart")));
  header->addStretch();
  m_smooth = new QCheckBox(tr("Smoothed"));
  m_smooth->setChecked(true);
  m_smooth->setToolTip(tr("Exponential moving average over about 10 steps"));
  m_logLoss = new QCheckBox(tr("Log scale"));
  header->addWidget(m_smooth);
  header->addWidget(m_logLoss);
  v->addLayout(header);
  m_lossView = new ChartView;
  m_lossView->setXLabel(tr("step"));
  m_lossView->xAxis()->setTitleText(tr("training step"));
  m_lossView->setYAxis(false, tr("training loss"));
  m_lossView->setMinimumHeight(260);
  for (int i = 0; i < RaceSpec::kMaxEntrants; ++i) {
    auto* s = new QLineSeries;
    QPen pen(kColors[i]);
    pen.setWidthF(2.0);
    s->setPen(pen);
    m_lossView->addSeries(s);
    m_lossSeries << s;
  }
  v->addWidget(m_lossView, 3);

  auto* gradTitle = new QLabel(
      tr("<b>Gradient vs timestep</b> — ‖∂L/∂hₜ‖ of each entrant's latest step, on the same "
         "log scale: a falling line to the left is a vanishing gradient"));
  gradTitle->setWordWrap(true);
  v->addWidget(gradTitle);
  auto* row = new QHBoxLayout;
  row->setSpacing(4);
  for (int i = 0; i < RaceSpec::kMaxEntrants; ++i) {
    GradPanel g;
    g.box = new QWidget;
    auto* gv = new QVBoxLayout(g.box);
    gv->setContentsMargins(0, 0, 0, 0);
    gv->setSpacing(1);
    g.title = new QLabel;
    g.title->setStyleSheet(
        QStringLiteral("QLabel { color: %1; font-weight: 600; }").arg(kColors[i].name()));
    gv->addWidget(g.title);
    g.view = new ChartView;
    g.view->setMinimumSize(170, 180);
    g.view->setXLabel(tr("t ="));
    g.view->xAxis()->setTitleText(tr("timestep t"));
    g.view->setYAxis(true, tr("‖∂L/∂hₜ‖"));
    g.view->chart()->legend()->setVisible(false);
    gv->addWidget(g.view, 1);
    g.fit = new QLabel;
    g.fit->setWordWrap(true);
    g.fit->setStyleSheet("QLabel { font-size: 8pt; }");
    gv->addWidget(g.fit);
    row->addWidget(g.box, 1);
    m_grads << g;
  }
  v->addLayout(row, 2);

  connect(m_smooth, &QCheckBox::toggled, this, &RaceWindow::redrawLosses);
  connect(m_logLoss, &QCheckBox::toggled, this, [this](bool on) {
    m_lossView->setYAxis(on, on ? tr("training loss (log)") : tr("training loss"));
    redrawLosses();
  });
  return w;
}

QWidget* RaceWindow::buildResults() {
  auto* w = new QWidget;
  auto* v = new QVBoxLayout(w);
  v->setContentsMargins(0, 0, 0, 0);
  auto* header = new QHBoxLayout;
  header->addWidget(new QLabel(tr("<b>Results</b>")));
  header->addStretch();
  m_export = new QPushButton(tr("Export CSV…"));
  m_export->setEnabled(false);
  header->addWidget(m_export);
  v->addLayout(header);
  m_table = new QTableWidget(0, 6);
  m_table->setHorizontalHeaderLabels({tr("Entrant"), tr("Cell"), tr("Final train loss"),
                                      tr("Validation loss"), tr("Steps"), tr("Seconds")});
  m_table->horizontalHeaderItem(2)->setToolTip(tr("Training loss of the last step"));
  m_table->horizontalHeaderItem(3)->setToolTip(
      tr("Loss on the task's validation batches after the last step"));
  m_table->horizontalHeaderItem(5)->setToolTip(
      tr("Wall time of this entrant's own steps and validation"));
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->setVisible(false);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  m_table->setMinimumHeight(120);
  v->addWidget(m_table, 1);
  connect(m_export, &QPushButton::clicked, this, &RaceWindow::exportClicked);
  return w;
}

bool RaceWindow::setBase(const RunSpec& base, std::shared_ptr<const Task> task) {
  if (running()) return false;
  m_base = normalized(base);
  m_task = std::move(task);
  setSeed(m_base.train.seed);
  describeBase();
  return true;
}

void RaceWindow::describeBase() {
  const TrainConfig& t = m_base.train;
  const QString task = m_task ? QString::fromStdString(m_task->name()) : QString();
  m_taskLabel->setText(tr("Task: <b>%1</b> · sequence %2 · batch %3 · hidden %4 · %5 optimizer")
                           .arg(task.isEmpty() ? tr("the studio's data") : task)
                           .arg(t.seq)
                           .arg(t.batch)
                           .arg(t.model.hidden)
                           .arg(QString::fromStdString(to_string(t.optimizer.kind))));
}

void RaceWindow::setChoice(int i, const RaceChoice& c) {
  EntrantRow& r = m_rows[i];
  r.cell->setCurrentIndex(r.cell->findData(int(c.cell)));
  r.clip->setChecked(c.clip);
  r.threshold->setValue(c.threshold);
  r.threshold->setEnabled(c.clip);
  r.lr->setValue(c.lr);
  r.init->setCurrentIndex(r.init->findData(int(c.init)));
}

RaceChoice RaceWindow::choice(int i) const {
  const EntrantRow& r = m_rows[i];
  RaceChoice c;
  c.cell = CellType(r.cell->currentData().toInt());
  c.clip = r.clip->isChecked();
  c.threshold = r.threshold->value();
  c.lr = r.lr->value();
  c.init = InitKind(r.init->currentData().toInt());
  return c;
}

void RaceWindow::setChoices(const QList<RaceChoice>& choices) {
  const int n = std::clamp(int(choices.size()), 2, int(RaceSpec::kMaxEntrants));
  for (int i = 0; i < n; ++i) setChoice(i, choices.value(i, choices.value(0)));
  m_count->setValue(n);
  entrantsChanged();
}

QList<RaceChoice> RaceWindow::choices() const {
  QList<RaceChoice> out;
  for (int i = 0; i < entrantCount(); ++i) out << choice(i);
  return out;
}

int RaceWindow::entrantCount() const { return m_count->value(); }

QStringList RaceWindow::entrantNames() const { return nameEntrants(choices()); }

void RaceWindow::setPreset(RacePreset preset) {
  const TrainConfig& t = m_base.train;
  RaceChoice base;
  base.cell = t.model.cell;
  base.clip = t.clip.mode == ClipMode::Norm;
  base.threshold = t.clip.threshold;
  base.lr = t.optimizer.lr;
  base.init = t.model.init;
  QList<RaceChoice> cs;
  if (preset == RacePreset::Cells) {
    for (CellType c : {CellType::RnnTanh, CellType::Lstm, CellType::Gru}) {
      cs << base;
      cs.back().cell = c;
    }
  } else {
    cs << base << base;
    cs[0].clip = false;
    cs[1].clip = true;
    if (t.clip.mode != ClipMode::Norm) cs[1].threshold = 1.0;
  }
  setChoices(cs);
}

void RaceWindow::entrantsChanged() {
  for (int i = 0; i < m_rows.size(); ++i) {
    const bool on = i < entrantCount();
    const EntrantRow& r = m_rows[i];
    for (QWidget* w : {static_cast<QWidget*>(r.label), static_cast<QWidget*>(r.cell),
                       static_cast<QWidget*>(r.clip), static_cast<QWidget*>(r.threshold),
                       static_cast<QWidget*>(r.lr), static_cast<QWidget*>(r.init)})
      w->setVisible(on);
  }
  if (m_names.isEmpty() && !m_grads.isEmpty()) resetView();  // before any race: show the plan
}

void RaceWindow::setSeed(uint64_t seed) {
  m_seed->setValue(int(std::min<uint64_t>(seed, uint64_t(m_seed->maximum()))));
}
void RaceWindow::setSteps(long steps) { m_steps->setValue(int(steps)); }

bool RaceWindow::running() const { return m_job->busy(); }

int RaceWindow::lossPointCount(int i) const { return int(m_lossSeries.value(i)->count()); }

int RaceWindow::gradPointCount(int i) const {
  int n = 0;
  for (QLineSeries* s : m_grads.value(i).layers) n += int(s->count());
  return n;
}

RaceSpec RaceWindow::makeSpec(QString* error) {
  RaceSpec spec;
  if (const QString e = validationError(m_base); !e.isEmpty()) {
    *error = e;
    return spec;
  }
  try {
    if (!m_task) m_task = makeTask(m_base.data);
  } catch (const std::exception& e) {
    *error = tr("The task could not be built: %1").arg(QString::fromStdString(e.what()));
    return spec;
  }
  spec.task = m_task;
  spec.seed = uint64_t(m_seed->value());
  spec.steps = m_steps->value();
  const QList<RaceChoice> cs = choices();
  const QStringList names = nameEntrants(cs);
  for (int i = 0; i < cs.size(); ++i) {
    RaceEntrant e;
    e.name = names[i].toStdString();
    TrainConfig& c = e.config;
    c = m_base.train;
    c.model.cell = cs[i].cell;
    c.model.init = cs[i].init;
    c.model.recurrent_gain = m_base.recurrentGain;
    c.optimizer.lr = cs[i].lr;
    c.clip = cs[i].clip ? ClipConfig{ClipMode::Norm, cs[i].threshold} : ClipConfig{};
    c.val_every = 0;  // one validation at the end: the budget is spent on training
    c.probe_every = 0;
    c.hidden_states = false;
    spec.entrants.push_back(std::move(e));
  }
  return spec;
}

bool RaceWindow::start() {
  if (running()) return false;
  QString error;
  RaceSpec spec = makeSpec(&error);
  if (error.isEmpty()) try {
      m_race = std::make_unique<Race>(spec);
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    }
  if (!error.isEmpty()) {
    m_status->setText(tr("Cannot start the race: %1").arg(error));
    return false;
  }
  describeBase();
  m_names.clear();
  for (const RaceEntrant& e : spec.entrants) m_names << QString::fromStdString(e.name);
  m_budget = spec.steps;
  m_results = m_race->results();
  m_lanes.assign(size_t(m_race->size()), Lane{});
  resetView();
  m_stop = false;
  const RaceSchedule schedule = Race::resolve(RaceSchedule::Auto, m_race->size());
  auto failure = std::make_shared<QString>();
  Race* race = m_race.get();
  m_job->start(
      [race, schedule, failure, this] {
        try {
          race->run(schedule, &m_stop);
        } catch (const std::exception& e) {
          *failure = QString::fromStdString(e.what());
        }
      },
      [this, failure] { finish(*failure); });
  setRunning(true);
  m_status->setText(schedule == RaceSchedule::Threads
                        ? tr("Racing on %1 threads, one per entrant.").arg(m_race->size())
                        : tr("Racing: the entrants take turns step by step, since this machine "
                             "has fewer cores (%1) than entrants (%2).")
                              .arg(std::thread::hardware_concurrency())
                              .arg(m_race->size()));
  m_poll.start(kPollMs);
  return true;
}

void RaceWindow::stop() {
  if (!running()) return;
  m_stop = true;
  m_stopButton->setEnabled(false);
  m_status->setText(tr("Stopping after the current step…"));
}

void RaceWindow::stopAndWait() {
  m_stop = true;
  m_poll.stop();
  m_job->wait();  // the finish hand-back dies with the job; nothing is left to update
}

void RaceWindow::closeEvent(QCloseEvent* e) {
  if (running()) {
    stopAndWait();
    poll();  // keep the numbers reached so far: the table and CSV stay usable
    finish(QString());
  }
  QWidget::closeEvent(e);
}

void RaceWindow::setRunning(bool on) {
  m_start->setEnabled(!on);
  m_stopButton->setEnabled(on);
  m_count->setEnabled(!on);
  for (const EntrantRow& r : m_rows)
    for (QWidget* w : {static_cast<QWidget*>(r.cell), static_cast<QWidget*>(r.clip),
                       static_cast<QWidget*>(r.lr), static_cast<QWidget*>(r.init)})
      w->setEnabled(!on);
  for (const EntrantRow& r : m_rows) r.threshold->setEnabled(!on && r.clip->isChecked());
  m_seed->setEnabled(!on);
  m_steps->setEnabled(!on);
  m_export->setEnabled(!m_results.empty());
}

void RaceWindow::resetView() {
  for (int i = 0; i < m_lossSeries.size(); ++i) {
    const bool on = i < m_names.size();
    m_lossSeries[i]->replace(QList<QPointF>{});
    m_lossSeries[i]->setName(on ? m_names[i] : QString());
    m_lossSeries[i]->setVisible(on);
    for (QLegendMarker* m : m_lossView->chart()->legend()->markers(m_lossSeries[i]))
      m->setVisible(on);
  }
  m_lossView->fitRanges(10);
  const int shown = m_names.isEmpty() ? entrantCount() : int(m_names.size());
  const QStringList planned = m_names.isEmpty() ? entrantNames() : m_names;
  for (int i = 0; i < m_grads.size(); ++i) {
    GradPanel& g = m_grads[i];
    g.box->setVisible(i < shown);
    g.title->setText(planned.value(i));
    for (QLineSeries* s : g.layers) s->replace(QList<QPointF>{});
    g.fit->setText(m_names.isEmpty() ? tr("Waiting for the first step.") : QString());
    g.view->fitRanges(1);
  }
  m_table->setRowCount(int(m_names.size()));
  updateTable();
  m_progress->setValue(0);
}

void RaceWindow::poll() {
  if (!m_race) return;
  long done = 0;
  for (int i = 0; i < m_race->size(); ++i) {
    Lane& lane = m_lanes[size_t(i)];
    lane.latest = m_race->progress(i, long(lane.losses.size()));
    for (double x : lane.latest.losses) {
      lane.losses.push_back(x);
      // Bias-corrected EMA over the finite losses: the first points are not pulled towards 0.
      if (std::isfinite(x)) {
        lane.ema = kEmaBeta * lane.ema + (1 - kEmaBeta) * x;
        ++lane.emaTerms;
      }
      lane.smoothed.push_back(lane.emaTerms > 0
                                  ? lane.ema / (1 - std::pow(kEmaBeta, double(lane.emaTerms)))
                                  : StepReport::kNaN);
    }
    lane.latest.losses.clear();
    RaceResult& r = m_results[size_t(i)];
    r.steps = lane.latest.steps;
    r.seconds = lane.latest.seconds;
    r.final_loss = lane.losses.empty() ? StepReport::kNaN : lane.losses.back();
    r.val_loss = lane.latest.val_loss;
    r.rejected = lane.latest.rejected;
    done += lane.latest.steps;
  }
  m_progress->setValue(
      int(1000.0 * double(done) / double(std::max(1L, m_budget * m_race->size()))));
  redrawLosses();
  redrawGradients();
  updateTable();
}

void RaceWindow::redrawLosses() {
  const bool logY = m_logLoss->isChecked();
  for (size_t i = 0; i < m_lanes.size() && i < size_t(m_lossSeries.size()); ++i) {
    const Lane& lane = m_lanes[i];
    m_lossSeries[int(i)]->replace(
        decimate(m_smooth->isChecked() ? lane.smoothed : lane.losses, logY));
  }
  m_lossView->fitRanges(10);
  setStepAxis(m_lossView, double(std::max(1L, m_budget)));  // the finish line is the right edge
}

void RaceWindow::redrawGradients() {
  double lo = INFINITY, hi = -INFINITY;
  for (size_t i = 0; i < m_lanes.size() && i < size_t(m_grads.size()); ++i) {
    GradPanel& g = m_grads[int(i)];
    const RaceProgress& p = m_lanes[i].latest;
    const auto& norms = p.timestep_grad_norms;
    while (g.layers.size() < int(norms.size())) {
      auto* s = new QLineSeries;
      s->setName(tr("layer %1").arg(g.layers.size() + 1));
      QPen pen(kColors[i].darker(100 + 40 * int(g.layers.size())));
      pen.setWidthF(2.0);
      s->setPen(pen);
      g.view->addSeries(s);
      g.layers << s;
    }
    for (int k = 0; k < g.layers.size(); ++k) {
      QList<QPointF> pts;
      if (k < int(norms.size()))
        for (int t = 0; t < int(norms[k].size()); ++t) {
          const double y = norms[k][t];
          appendFinite(pts, t, y, true);
          if (p.accepted && std::isfinite(y) && y > 0) lo = std::min(lo, y), hi = std::max(hi, y);
        }
      g.layers[k]->replace(pts);
    }
    if (!p.accepted) {
      g.fit->setText(tr("step %1 was rejected: the loss or gradient overflowed, so no update was "
                        "made (%2 rejected so far)")
                         .arg(p.steps)
                         .arg(p.rejected));
    } else if (!norms.empty()) {
      const GradientFit f = fitGradientProfile(norms.front(), p.truncation_cut);
      g.fit->setText(tr("step %1 · ‖g‖ %2%3 · %4")
                         .arg(p.steps)
                         .arg(formatValue(p.grad_norm))
                         .arg(p.clipped ? tr(" (clipped)") : QString())
                         .arg(describeFit(f)));
    }
  }
  // One y range for all: the profiles are compared by eye, side by side.
  for (size_t i = 0; i < m_lanes.size() && i < size_t(m_grads.size()); ++i) {
    ChartView* view = m_grads[int(i)].view;
    view->fitRanges(1);
    const auto& norms = m_lanes[i].latest.timestep_grad_norms;
    setStepAxis(view, norms.empty() ? 1.0 : double(norms.front().size()) - 1);
    setLogRange(view, lo, hi);
  }
}

void RaceWindow::updateTable() {
  for (int i = 0; i < m_table->rowCount() && i < int(m_results.size()); ++i) {
    const RaceResult& r = m_results[size_t(i)];
    const QStringList cells{m_names.value(i),
                            cellLabel(r.cell),
                            formatValue(r.final_loss),
                            formatValue(r.val_loss),
                            r.rejected > 0 ? tr("%1 (%2 rejected)").arg(r.steps).arg(r.rejected)
                                           : QString::number(r.steps),
                            QString::number(r.seconds, 'f', 2)};
    for (int c = 0; c < cells.size(); ++c) {
      if (!m_table->item(i, c)) {
        m_table->setItem(i, c, c < 2 ? new QTableWidgetItem : numberItem(QString()));
        if (c == 0) m_table->item(i, c)->setForeground(kColors[i]);
      }
      m_table->item(i, c)->setText(cells[c]);
    }
  }
}

void RaceWindow::finish(const QString& error) {
  m_poll.stop();
  poll();
  const bool completed = m_race && m_race->done();
  if (completed) {
    // The final numbers, validation included, straight from the engine.
    for (size_t i = 0; i < m_results.size(); ++i) {
      m_results[i] = m_race->results()[i];
      m_results[i].losses.clear();
    }
    updateTable();
  }
  setRunning(false);
  if (!error.isEmpty())
    m_status->setText(tr("The race stopped with an error: %1").arg(error));
  else if (completed)
    m_status->setText(tr("Done: %1 steps each. Export the table as CSV, or change an entrant and "
                         "race again.")
                          .arg(m_budget));
  else
    m_status->setText(tr("Stopped. The table shows the numbers reached so far."));
  emit raceFinished(completed);
}

QString RaceWindow::raceCsv() const {
  if (m_results.empty()) return {};
  std::vector<RaceResult> rows = m_results;
  for (size_t i = 0; i < rows.size(); ++i) rows[i].name = m_names.value(int(i)).toStdString();
  return QString::fromStdString(race_csv(rows));
}

QString RaceWindow::exportCsv(const QString& path) const {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly | QIODevice::Text)) return f.errorString();
  f.write(raceCsv().toUtf8());
  if (!f.commit()) return f.errorString();
  return {};
}

void RaceWindow::exportClicked() {
  const QString path =
      m_ui->savePath(this, tr("Export race results"), tr("race.csv"), tr("CSV files (*.csv)"));
  if (path.isEmpty()) return;
  if (const QString e = exportCsv(path); !e.isEmpty())
    m_ui->error(this, tr("Cannot export the race"),
                tr("%1 could not be written: %2\nThe results are still here; choose another "
                   "place.")
                    .arg(path, e));
  else
    m_status->setText(tr("Results written to %1.").arg(path));
}

}  // namespace unroll::gui
