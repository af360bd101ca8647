// The Translation window's settings form (translation_form.h).
#include "translate/translation_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace unroll::gui {

const QList<AttentionKind>& attentionKinds() {
  static const QList<AttentionKind> kinds{AttentionKind::None, AttentionKind::Additive,
                                          AttentionKind::Dot, AttentionKind::General};
  return kinds;
}

QString attentionName(AttentionKind kind) {
  switch (kind) {
    case AttentionKind::None:
      return TranslationForm::tr("no attention");
    case AttentionKind::Additive:
      return TranslationForm::tr("additive (Bahdanau)");
    case AttentionKind::Dot:
      return TranslationForm::tr("dot (Luong)");
    case AttentionKind::General:
      return TranslationForm::tr("general (Luong)");
  }
  return {};
}

TranslationForm::TranslationForm(QWidget* parent) : QWidget(parent) {
  auto* box = new QVBoxLayout(this);
  box->setContentsMargins(0, 0, 0, 0);
  box->addWidget(buildRun());
  box->addWidget(buildSweep());
  m_stop = new QPushButton(tr("Stop"));
  m_stop->setToolTip(tr("Stops the training run or the sweep after its current step."));
  box->addWidget(m_stop);
  m_status = new QLabel;
  m_status->setWordWrap(true);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
  box->addWidget(m_status);
  box->addStretch(1);
  setMaximumWidth(360);
  connect(m_train, &QPushButton::clicked, this, &TranslationForm::trainClicked);
  connect(m_sweep, &QPushButton::clicked, this, &TranslationForm::sweepClicked);
  connect(m_stop, &QPushButton::clicked, this, &TranslationForm::stopClicked);
  connect(m_task, &QComboBox::currentIndexChanged, this, [this] {
    const QString t = m_task->currentData().toString();  // each task's natural length
    m_length->setValue(t == QLatin1String("reorder") ? 20 : t == QLatin1String("numbers") ? 4 : 1);
  });
  setTask(QStringLiteral("reorder"), 20);
  setRunning(false, false);
}

QWidget* TranslationForm::buildRun() {
  auto* group = new QGroupBox(tr("Model and training"));
  auto* form = new QFormLayout(group);
  m_task = new QComboBox;
  m_task->addItem(tr("Reorder: SVO → SOV"), QStringLiteral("reorder"));
  m_task->addItem(tr("Numbers: words → digits"), QStringLiteral("numbers"));
  m_task->addItem(tr("Dates → ISO 8601"), QStringLiteral("dates"));
  m_task->setToolTip(
      tr("Generated sentence pairs, nothing downloaded. Reorder: an invented "
         "lexicon, subject–verb–object in, subject–object–verb out. Numbers: "
         "English or German number words to digits. Dates: English or German "
         "dates to ISO 8601."));
  form->addRow(tr("Task"), m_task);
  m_length = new QSpinBox;
  m_length->setRange(1, 60);
  m_length->setToolTip(
      tr("Reorder: words per sentence; numbers: most digits; dates: dates per "
         "line. Longer sentences are where a fixed-size encoder state runs out."));
  form->addRow(tr("Length"), m_length);
  m_cell = new QComboBox;
  m_cell->addItem(tr("RNN (tanh)"), int(CellType::RnnTanh));
  m_cell->addItem(tr("LSTM"), int(CellType::Lstm));
  m_cell->addItem(tr("GRU"), int(CellType::Gru));
  m_cell->setCurrentIndex(2);  // GRU: learns the reordering fastest (README's sweep)
  form->addRow(tr("Encoder and decoder cell"), m_cell);
  m_hidden = new QSpinBox;
  m_hidden->setRange(4, 512);
  m_hidden->setValue(64);
  form->addRow(tr("Hidden size"), m_hidden);
  m_attention = new QComboBox;
  for (AttentionKind k : attentionKinds()) m_attention->addItem(attentionName(k), int(k));
  m_attention->setCurrentIndex(1);
  m_attention->setToolTip(
      tr("Without attention the decoder sees the source only through the "
         "encoder's final state."));
  form->addRow(tr("Attention"), m_attention);
  m_lr = new QDoubleSpinBox;
  m_lr->setDecimals(4);
  m_lr->setRange(0.0001, 1.0);
  m_lr->setSingleStep(0.001);
  m_lr->setValue(0.003);
  form->addRow(tr("Learning rate (Adam)"), m_lr);
  m_steps = new QSpinBox;
  m_steps->setRange(10, int(TranslationRunOptions::kMaxSteps));
  m_steps->setSingleStep(100);
  m_steps->setValue(1500);
  form->addRow(tr("Steps"), m_steps);
  m_seed = new QSpinBox;
  m_seed->setRange(0, 1000000);
  m_seed->setValue(1);
  form->addRow(tr("Seed"), m_seed);
  m_train = new QPushButton(tr("Train"));
  m_train->setToolTip(
      tr("Trains this model and shows one validation sentence, its attention and "
         "the gradient that reaches each source word, live."));
  form->addRow(m_train);
  return group;
}

QWidget* TranslationForm::buildSweep() {
  auto* group = new QGroupBox(tr("Length sweep"));
  auto* form = new QFormLayout(group);
  m_lengths = new QLineEdit(QStringLiteral("5,10,20,40"));
  m_lengths->setToolTip(tr("Comma-separated lengths, 1 to 200; one run per length and attention."));
  form->addRow(tr("Lengths"), m_lengths);
  auto* kinds = new QWidget;
  auto* kl = new QVBoxLayout(kinds);
  kl->setContentsMargins(0, 0, 0, 0);
  for (AttentionKind k : attentionKinds()) {
    auto* c = new QCheckBox(attentionName(k));
    c->setChecked(k == AttentionKind::None || k == AttentionKind::Additive);
    kl->addWidget(c);
    m_kinds << c;
  }
  form->addRow(tr("Compare"), kinds);
  m_sweepSteps = new QSpinBox;
  m_sweepSteps->setRange(10, int(TranslationRunOptions::kMaxSteps));
  m_sweepSteps->setSingleStep(100);
  m_sweepSteps->setValue(1500);
  form->addRow(tr("Steps per run"), m_sweepSteps);
  m_sweep = new QPushButton(tr("Run sweep"));
  m_sweep->setToolTip(
      tr("Trains one model per length and attention kind with the same budget and "
         "seed, and plots exact-translation accuracy against length."));
  form->addRow(m_sweep);
  return group;
}

Seq2SeqTrainConfig TranslationForm::config() const {
  Seq2SeqTrainConfig c;
  c.task.task = m_task->currentData().toString().toStdString();
  c.task.length = m_length->value();
  c.model.encoder_cell = c.model.decoder_cell = CellType(m_cell->currentData().toInt());
  c.model.encoder_hidden = c.model.decoder_hidden = m_hidden->value();
  c.model.attention = AttentionKind(m_attention->currentData().toInt());
  c.optimizer.lr = m_lr->value();
  c.seed = uint64_t(m_seed->value());
  c.validation_pairs = 200;  // live validation every few steps: a sample, not all of them
  return c;
}

TranslationRunOptions TranslationForm::runOptions() const {
  TranslationRunOptions o;
  o.steps = m_steps->value();
  return o;
}

LengthSweepSpec TranslationForm::sweepSpec(QString* error) const {
  LengthSweepSpec s;
  for (const QString& part : m_lengths->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    bool ok = false;
    const int v = part.trimmed().toInt(&ok);
    if (!ok || v < 1 || v > 200) {
      *error = tr("“%1” in Lengths is not a whole number from 1 to 200; write e.g. 5,10,20,40.")
                   .arg(part.trimmed());
      return {};
    }
    s.lengths.push_back(v);
  }
  if (s.lengths.empty()) {
    *error = tr("Lengths is empty; write e.g. 5,10,20,40.");
    return {};
  }
  for (int i = 0; i < m_kinds.size(); ++i)
    if (m_kinds[i]->isChecked()) s.attention.push_back(attentionKinds()[i]);
  if (s.attention.empty()) {
    *error = tr("Choose at least one kind of attention to compare.");
    return {};
  }
  s.base = config();
  s.base.validation_pairs = 0;  // each run's one validation scores every pair
  s.steps = m_sweepSteps->value();
  return s;
}

void TranslationForm::setTask(const QString& task, int length) {
  const int i = m_task->findData(task);
  if (i >= 0) m_task->setCurrentIndex(i);
  m_length->setValue(length);
}

void TranslationForm::setAttention(AttentionKind kind) {
  m_attention->setCurrentIndex(m_attention->findData(int(kind)));
}

void TranslationForm::setCell(CellType cell) {
  const int i = m_cell->findData(int(cell));
  if (i >= 0) m_cell->setCurrentIndex(i);
}

void TranslationForm::setHiddenSize(int hidden) { m_hidden->setValue(hidden); }

void TranslationForm::setSteps(long steps) { m_steps->setValue(int(steps)); }
void TranslationForm::setLearningRate(double lr) { m_lr->setValue(lr); }
void TranslationForm::setSeed(uint64_t seed) { m_seed->setValue(int(seed)); }

void TranslationForm::setSweep(const QString& lengths, const QList<AttentionKind>& kinds,
                               long steps) {
  m_lengths->setText(lengths);
  for (int i = 0; i < m_kinds.size(); ++i)
    m_kinds[i]->setChecked(kinds.contains(attentionKinds()[i]));
  m_sweepSteps->setValue(int(steps));
}

void TranslationForm::setRunning(bool training, bool sweeping) {
  const bool idle = !training && !sweeping;
  for (QWidget* w : findChildren<QWidget*>())
    if (w != m_stop && w != m_status && !qobject_cast<QGroupBox*>(w)) w->setEnabled(idle);
  m_stop->setEnabled(!idle);
}

void TranslationForm::setStatus(const QString& text) { m_status->setText(text); }
QString TranslationForm::status() const { return m_status->text(); }

}  // namespace unroll::gui
