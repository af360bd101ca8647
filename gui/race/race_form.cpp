// Race form: the entrant grid, presets and the shared settings; it names the entrants.
#include "race/race_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>

#include "charts/chart_view.h"

namespace unroll::gui {
namespace {

const CellType kCells[] = {CellType::RnnTanh, CellType::RnnRelu, CellType::Lstm, CellType::Gru};
const InitKind kInits[] = {InitKind::Torch, InitKind::XavierUniform, InitKind::XavierNormal,
                           InitKind::He,    InitKind::Orthogonal,    InitKind::Identity};

QString initLabel(InitKind k) {
  switch (k) {
    case InitKind::Torch:
      return RaceForm::tr("PyTorch default");
    case InitKind::XavierUniform:
      return RaceForm::tr("Xavier uniform");
    case InitKind::XavierNormal:
      return RaceForm::tr("Xavier normal");
    case InitKind::He:
      return RaceForm::tr("He");
    case InitKind::Orthogonal:
      return RaceForm::tr("orthogonal");
    case InitKind::Identity:
      return RaceForm::tr("identity");
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
    QStringList parts{RaceForm::cellLabel(c.cell)};
    if (clip)
      parts << (c.clip ? RaceForm::tr("clip %1").arg(formatValue(c.threshold))
                       : RaceForm::tr("no clip"));
    if (lr) parts << RaceForm::tr("lr %1").arg(formatValue(c.lr));
    if (init) parts << initLabel(c.init);
    names << parts.join(QStringLiteral(", "));
  }
  for (int i = 0; i < names.size(); ++i)  // still alike: number them
    if (names.count(names[i]) > 1) {
      const QString same = names[i];
      for (int j = 0, n = 1; j < names.size(); ++j)
        if (names[j] == same) names[j] = RaceForm::tr("%1 (%2)").arg(same).arg(n++);
    }
  return names;
}

}  // namespace

QColor raceColor(int slot) {
  static const QColor kColors[RaceSpec::kMaxEntrants] = {QColor(31, 119, 180), QColor(255, 127, 14),
                                                         QColor(44, 160, 44), QColor(214, 39, 40)};
  return kColors[std::clamp(slot, 0, int(RaceSpec::kMaxEntrants) - 1)];
}

QString RaceForm::cellLabel(CellType c) {
  switch (c) {
    case CellType::RnnTanh:
      return tr("tanh RNN");
    case CellType::RnnRelu:
      return tr("ReLU RNN");
    case CellType::Lstm:
      return tr("LSTM");
    case CellType::Gru:
      return tr("GRU");
  }
  return {};
}

RaceForm::RaceForm(QWidget* parent) : QWidget(parent) {
  setMinimumWidth(410);
  setMaximumWidth(520);
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(0, 0, 6, 0);
  auto* intro =
      new QLabel(tr("<b>Race</b> — the same data, seed and step budget for every "
                    "entrant: only what you change below differs."));
  intro->setWordWrap(true);
  v->addWidget(intro);
  m_taskLabel = new QLabel;
  m_taskLabel->setWordWrap(true);
  v->addWidget(m_taskLabel);
  v->addWidget(buildEntrants());
  v->addWidget(buildShared());

  auto* runRow = new QHBoxLayout;
  m_start = new QPushButton(tr("Start"));
  m_stop = new QPushButton(tr("Stop"));
  m_stop->setEnabled(false);
  m_progress = new QProgressBar;
  m_progress->setRange(0, 1000);
  m_progress->setValue(0);
  runRow->addWidget(m_start);
  runRow->addWidget(m_stop);
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

  connect(m_start, &QPushButton::clicked, this, &RaceForm::startClicked);
  connect(m_stop, &QPushButton::clicked, this, &RaceForm::stopClicked);
  setBase(m_base, QString());
}

QWidget* RaceForm::buildEntrants() {
  auto* entrants = new QGroupBox(tr("Entrants"));
  auto* ev = new QVBoxLayout(entrants);
  auto* presets = new QHBoxLayout;
  auto* cells = new QPushButton(tr("RNN vs LSTM vs GRU"));
  cells->setToolTip(
      tr("A tanh RNN, an LSTM and a GRU, each with learning rate %1 and clipping at %2; "
         "otherwise the studio's settings")
          .arg(formatValue(kCellsLr), formatValue(kCellsClip)));
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
  connect(cells, &QPushButton::clicked, this, [this] { setPreset(RacePreset::Cells); });
  connect(clipping, &QPushButton::clicked, this, [this] { setPreset(RacePreset::Clipping); });
  connect(m_count, &QSpinBox::valueChanged, this, &RaceForm::showEntrantRows);
  return entrants;
}

QWidget* RaceForm::buildShared() {
  auto* shared = new QGroupBox(tr("Shared by all"));
  auto* form = new QFormLayout(shared);
  m_seed = new QSpinBox;
  m_seed->setRange(0, std::numeric_limits<int>::max());
  m_seed->setToolTip(tr("Drives every entrant's initial weights and the order of the data"));
  form->addRow(tr("Seed:"), m_seed);
  m_steps = new QSpinBox;
  m_steps->setRange(1, int(RaceSpec::kMaxSteps));
  m_steps->setValue(int(kDefaultRaceSteps));
  m_steps->setToolTip(tr("Training updates per entrant: the same budget for everybody"));
  form->addRow(tr("Steps each:"), m_steps);
  return shared;
}

void RaceForm::buildEntrantRow(int i, QGridLayout* grid) {
  EntrantRow r;
  r.label = new QLabel(QStringLiteral("<b>%1</b>").arg(i + 1));
  r.label->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(raceColor(i).name()));
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
  connect(r.cell, &QComboBox::currentIndexChanged, this, &RaceForm::entrantsChanged);
  connect(r.clip, &QCheckBox::toggled, this, &RaceForm::entrantsChanged);
  connect(r.threshold, &QDoubleSpinBox::valueChanged, this, &RaceForm::entrantsChanged);
  connect(r.lr, &QDoubleSpinBox::valueChanged, this, &RaceForm::entrantsChanged);
  connect(r.init, &QComboBox::currentIndexChanged, this, &RaceForm::entrantsChanged);
  m_rows << r;
}

void RaceForm::setBase(const TrainConfig& t, const QString& taskName) {
  m_base = t;
  m_taskLabel->setText(tr("Task: <b>%1</b> · sequence %2 · batch %3 · hidden %4 · %5 optimizer")
                           .arg(taskName.isEmpty() ? tr("the studio's data") : taskName)
                           .arg(t.seq)
                           .arg(t.batch)
                           .arg(t.model.hidden)
                           .arg(QString::fromStdString(to_string(t.optimizer.kind))));
}

void RaceForm::setChoice(int i, const RaceChoice& c) {
  EntrantRow& r = m_rows[i];
  r.cell->setCurrentIndex(r.cell->findData(int(c.cell)));
  r.clip->setChecked(c.clip);
  r.threshold->setValue(c.threshold);
  r.threshold->setEnabled(c.clip);
  r.lr->setValue(c.lr);
  r.init->setCurrentIndex(r.init->findData(int(c.init)));
}

RaceChoice RaceForm::choice(int i) const {
  const EntrantRow& r = m_rows[i];
  RaceChoice c;
  c.cell = CellType(r.cell->currentData().toInt());
  c.clip = r.clip->isChecked();
  c.threshold = r.threshold->value();
  c.lr = r.lr->value();
  c.init = InitKind(r.init->currentData().toInt());
  return c;
}

void RaceForm::setChoices(const QList<RaceChoice>& choices) {
  const int n = std::clamp(int(choices.size()), 2, int(RaceSpec::kMaxEntrants));
  for (int i = 0; i < n; ++i) setChoice(i, choices.value(i, choices.value(0)));
  m_count->setValue(n);
  showEntrantRows();
}

QList<RaceChoice> RaceForm::choices() const {
  QList<RaceChoice> out;
  for (int i = 0; i < entrantCount(); ++i) out << choice(i);
  return out;
}

int RaceForm::entrantCount() const { return m_count->value(); }

QStringList RaceForm::entrantNames() const { return nameEntrants(choices()); }

void RaceForm::setPreset(RacePreset preset) {
  const TrainConfig& t = m_base;
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
      cs.back().lr = kCellsLr;
      cs.back().clip = true;
      cs.back().threshold = kCellsClip;
    }
  } else {
    cs << base << base;
    cs[0].clip = false;
    cs[1].clip = true;
    if (t.clip.mode != ClipMode::Norm) cs[1].threshold = 1.0;
  }
  setChoices(cs);
}

void RaceForm::showEntrantRows() {
  for (int i = 0; i < m_rows.size(); ++i) {
    const bool on = i < entrantCount();
    const EntrantRow& r = m_rows[i];
    for (QWidget* w : {static_cast<QWidget*>(r.label), static_cast<QWidget*>(r.cell),
                       static_cast<QWidget*>(r.clip), static_cast<QWidget*>(r.threshold),
                       static_cast<QWidget*>(r.lr), static_cast<QWidget*>(r.init)})
      w->setVisible(on);
  }
  emit entrantsChanged();
}

void RaceForm::setSeed(uint64_t seed) {
  m_seed->setValue(int(std::min<uint64_t>(seed, uint64_t(m_seed->maximum()))));
}
uint64_t RaceForm::seed() const { return uint64_t(m_seed->value()); }
void RaceForm::setSteps(long steps) { m_steps->setValue(int(steps)); }
long RaceForm::steps() const { return m_steps->value(); }

void RaceForm::setRunning(bool on) {
  m_start->setEnabled(!on);
  m_stop->setEnabled(on);
  m_count->setEnabled(!on);
  for (const EntrantRow& r : m_rows)
    for (QWidget* w : {static_cast<QWidget*>(r.cell), static_cast<QWidget*>(r.clip),
                       static_cast<QWidget*>(r.lr), static_cast<QWidget*>(r.init)})
      w->setEnabled(!on);
  for (const EntrantRow& r : m_rows) r.threshold->setEnabled(!on && r.clip->isChecked());
  m_seed->setEnabled(!on);
  m_steps->setEnabled(!on);
}

void RaceForm::setStopEnabled(bool on) { m_stop->setEnabled(on); }

void RaceForm::setProgress(double fraction) {
  m_progress->setValue(int(1000.0 * std::clamp(fraction, 0.0, 1.0)));
}

void RaceForm::setStatus(const QString& text) { m_status->setText(text); }

}  // namespace unroll::gui
