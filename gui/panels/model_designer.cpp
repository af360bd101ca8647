// Model designer widgets, their ranges and the validation that names what is wrong.
#include "panels/model_designer.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>
#include <memory>

namespace unroll::gui {
namespace {

enum Live { kLr, kClip, kBptt };

// A whole number out of range can be typed in full (QSpinBox would drop the keystroke and take
// what is left: 99999 became 999); the designer then says that it was not taken, and why.
class TypedSpinBox : public QSpinBox {
 public:
  QValidator::State validate(QString& text, int& pos) const override {
    const QValidator::State state = QSpinBox::validate(text, pos);
    if (state != QValidator::Invalid) return state;
    bool ok = false;
    locale().toLongLong(text.trimmed(), &ok);
    return ok ? QValidator::Intermediate : state;
  }
};

QSpinBox* spin(int lo, int hi, const QString& tip) {
  auto* s = new TypedSpinBox;
  s->setRange(lo, hi);
  s->setToolTip(tip);
  s->setAccelerated(true);
  return s;
}

QDoubleSpinBox* dspin(double lo, double hi, int decimals, double step, const QString& tip) {
  auto* s = new QDoubleSpinBox;
  s->setRange(lo, hi);
  s->setDecimals(decimals);
  s->setSingleStep(step);
  s->setToolTip(tip);
  return s;
}

}  // namespace

ModelDesigner::ModelDesigner(QWidget* parent) : QWidget(parent) {
  buildUi();
  RunSpec s;
  demoSpec(QStringLiteral("vanishing"), &s);
  setSpec(s);
}

void ModelDesigner::buildUi() {
  auto* v = new QVBoxLayout(this);
  v->setContentsMargins(6, 6, 6, 6);

  auto* model = new QGroupBox(tr("Model"));
  auto* mf = new QFormLayout(model);
  mf->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  m_cell = new QComboBox;
  m_cell->addItem(tr("RNN (tanh)"), int(CellType::RnnTanh));
  m_cell->addItem(tr("RNN (ReLU)"), int(CellType::RnnRelu));
  m_cell->addItem(tr("LSTM"), int(CellType::Lstm));
  m_cell->addItem(tr("GRU"), int(CellType::Gru));
  m_cell->setToolTip(tr("The recurrent cell shared by every timestep"));
  mf->addRow(tr("Cell"), m_cell);
  m_layers = spin(1, 4, tr("Stacked recurrent layers: 1 to 4"));
  mf->addRow(tr("Layers"), m_layers);
  m_hidden = spin(1, 1024, tr("Hidden units per layer: 1 to 1024"));
  mf->addRow(tr("Hidden size"), m_hidden);
  m_input = new QComboBox;
  m_input->addItem(tr("One-hot"), int(InputKind::OneHot));
  m_input->addItem(tr("Embedding"), int(InputKind::Embedding));
  m_input->setToolTip(
      tr("How tokens enter the first layer (numeric tasks always use dense input)"));
  mf->addRow(tr("Input"), m_input);
  m_embed = spin(1, 512, tr("Embedding dimension: 1 to 512"));
  mf->addRow(tr("Embedding size"), m_embed);
  m_init = new QComboBox;
  m_init->addItem(tr("PyTorch default"), int(InitKind::Torch));
  m_init->addItem(tr("Xavier uniform"), int(InitKind::XavierUniform));
  m_init->addItem(tr("Xavier normal"), int(InitKind::XavierNormal));
  m_init->addItem(tr("He (Kaiming)"), int(InitKind::He));
  m_init->addItem(tr("Orthogonal"), int(InitKind::Orthogonal));
  m_init->addItem(tr("Identity (IRNN)"), int(InitKind::Identity));
  mf->addRow(tr("Initialisation"), m_init);
  m_gain = dspin(0.05, 5.0, 2, 0.05,
                 tr("W_hh is multiplied by this after initialisation: "
                    "below 1 shrinks signals, above 1 stretches them "
                    "(0.05 to 5)"));
  mf->addRow(tr("Recurrent gain"), m_gain);
  m_forgetBias = dspin(-5.0, 10.0, 1, 0.5,
                       tr("Added to the LSTM forget-gate bias: positive "
                          "values keep memory open (-5 to 10)"));
  mf->addRow(tr("Forget-gate bias"), m_forgetBias);
  v->addWidget(model);

  auto* train = new QGroupBox(tr("Training"));
  auto* tf = new QFormLayout(train);
  tf->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  m_optimizer = new QComboBox;
  const std::pair<OptimizerKind, QString> opts[] = {
      {OptimizerKind::Sgd, tr("SGD")},           {OptimizerKind::Momentum, tr("SGD + momentum")},
      {OptimizerKind::Nesterov, tr("Nesterov")}, {OptimizerKind::Adagrad, tr("Adagrad")},
      {OptimizerKind::RmsProp, tr("RMSprop")},   {OptimizerKind::Adam, tr("Adam")},
      {OptimizerKind::AdamW, tr("AdamW")}};
  for (const auto& [k, name] : opts) m_optimizer->addItem(name, int(k));
  tf->addRow(tr("Optimizer"), m_optimizer);
  m_lr = dspin(1e-5, 10.0, 5, 1e-4, tr("Learning rate: 0.00001 to 10; applies at the next step"));
  m_lr->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
  tf->addRow(tr("Learning rate"), m_lr);
  m_clipMode = new QComboBox;
  m_clipMode->addItem(tr("Off"), int(ClipMode::None));
  m_clipMode->addItem(tr("Global norm"), int(ClipMode::Norm));
  m_clipMode->addItem(tr("Per value"), int(ClipMode::Value));
  m_clipMode->setToolTip(tr("Gradient clipping; applies at the next step"));
  tf->addRow(tr("Clipping"), m_clipMode);
  m_clipThreshold = dspin(0.001, 1000.0, 3, 0.1,
                          tr("Largest allowed norm (or |value|): "
                             "0.001 to 1000"));
  m_clipThreshold->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
  tf->addRow(tr("Clip threshold"), m_clipThreshold);
  m_bptt = new QComboBox;
  m_bptt->addItem(tr("Full"));
  m_bptt->addItem(tr("Truncated (k1, k2)"));
  m_bptt->setToolTip(tr("Backpropagation through time; applies at the next step"));
  tf->addRow(tr("BPTT"), m_bptt);
  m_k1 = spin(1, 100000, tr("k1: steps between updates, at least 1 and at most k2"));
  tf->addRow(tr("k1 (update every)"), m_k1);
  m_k2 = spin(1, 100000, tr("k2: steps backpropagated, at least k1"));
  tf->addRow(tr("k2 (backprop through)"), m_k2);
  m_batch = spin(1, 4096, tr("Sequences per step: 1 to 4096"));
  tf->addRow(tr("Batch size"), m_batch);
  m_seq = spin(2, 10000, tr("Steps per training sequence: 2 to 10000"));
  tf->addRow(tr("Sequence length"), m_seq);
  m_seed = spin(0, 2147483647,
                tr("One seed drives initialisation and data order: the same seed "
                   "gives the same run"));
  tf->addRow(tr("Seed"), m_seed);
  v->addWidget(train);

  m_reason = new QLabel;
  m_reason->setWordWrap(true);
  m_reason->setStyleSheet("QLabel { color: #b2182b; }");
  m_reason->hide();
  v->addWidget(m_reason);
  m_corrected = new QLabel;
  m_corrected->setWordWrap(true);
  m_corrected->setStyleSheet("QLabel { color: #b2182b; }");
  m_corrected->hide();
  v->addWidget(m_corrected);
  // A typed value a box cannot take is never changed silently: the box says what it kept, and why.
  for (QFormLayout* form : findChildren<QFormLayout*>())
    for (int row = 0; row < form->rowCount(); ++row) {
      auto* box =
          qobject_cast<QAbstractSpinBox*>(form->itemAt(row, QFormLayout::FieldRole)
                                              ? form->itemAt(row, QFormLayout::FieldRole)->widget()
                                              : nullptr);
      auto* label = form->itemAt(row, QFormLayout::LabelRole)
                        ? qobject_cast<QLabel*>(form->itemAt(row, QFormLayout::LabelRole)->widget())
                        : nullptr;
      auto* edit = box ? box->findChild<QLineEdit*>() : nullptr;
      if (!box || !label || !edit) continue;
      auto typed = std::make_shared<QString>();
      connect(edit, &QLineEdit::textEdited, this, [typed](const QString& t) { *typed = t; });
      connect(box, &QAbstractSpinBox::editingFinished, this, [this, box, label, typed] {
        if (typed->isEmpty()) return;
        const QString text = typed->trimmed();
        typed->clear();
        bool ok = false;
        const double wanted = box->locale().toDouble(text, &ok);
        double value = 0, lo = 0, hi = 0;
        int decimals = 0;
        if (auto* d = qobject_cast<QDoubleSpinBox*>(box)) {
          value = d->value(), lo = d->minimum(), hi = d->maximum(), decimals = d->decimals();
        } else if (auto* i = qobject_cast<QSpinBox*>(box)) {
          value = i->value(), lo = i->minimum(), hi = i->maximum();
        }
        if (ok && std::abs(wanted - value) <= 0.5 * std::pow(10.0, -decimals)) {
          m_corrected->hide();
          return;
        }
        const QString name = label->text().remove(QLatin1Char('&'));
        QLocale locale = box->locale();
        locale.setNumberOptions(QLocale::OmitGroupSeparator);
        m_corrected->setText(
            ok ? tr("%1 must be from %2 to %3: %4 is out of range, so it stays %5.")
                     .arg(name, locale.toString(lo, 'g', 6), locale.toString(hi, 'g', 6), text,
                          box->text())
               : tr("%1: \"%2\" is not a number, so it stays %3.").arg(name, text, box->text()));
        m_corrected->show();
      });
    }
  m_refused = new QLabel;
  m_refused->setWordWrap(true);
  m_refused->setStyleSheet("QLabel { color: #b2182b; }");
  m_refused->hide();
  v->addWidget(m_refused);
  m_pending = new QLabel(tr("Changes take effect on Apply (training restarts)."));
  m_pending->setWordWrap(true);
  m_pending->setStyleSheet("QLabel { color: #8c6d1f; }");
  m_pending->hide();
  v->addWidget(m_pending);
  m_apply = new QPushButton(tr("Apply and restart"));
  m_apply->setToolTip(tr("Rebuild the model with these settings, paused at step 0"));
  v->addWidget(m_apply);
  v->addStretch();

  for (QComboBox* c : {m_cell, m_input, m_init, m_optimizer})
    connect(c, &QComboBox::currentIndexChanged, this, &ModelDesigner::onStructuralEdit);
  for (QSpinBox* s : {m_layers, m_hidden, m_embed, m_batch, m_seq, m_seed})
    connect(s, &QSpinBox::valueChanged, this, &ModelDesigner::onStructuralEdit);
  for (QDoubleSpinBox* s : {m_gain, m_forgetBias})
    connect(s, &QDoubleSpinBox::valueChanged, this, &ModelDesigner::onStructuralEdit);
  connect(m_lr, &QDoubleSpinBox::valueChanged, this, [this] { onLiveEdit(kLr); });
  connect(m_clipMode, &QComboBox::currentIndexChanged, this, [this] { onLiveEdit(kClip); });
  connect(m_clipThreshold, &QDoubleSpinBox::valueChanged, this, [this] { onLiveEdit(kClip); });
  connect(m_bptt, &QComboBox::currentIndexChanged, this, [this] { onLiveEdit(kBptt); });
  connect(m_k1, &QSpinBox::valueChanged, this, [this] { onLiveEdit(kBptt); });
  connect(m_k2, &QSpinBox::valueChanged, this, [this] { onLiveEdit(kBptt); });
  connect(m_apply, &QPushButton::clicked, this, [this] {
    if (!reason().isEmpty()) return;
    m_dirty = false;
    m_pending->hide();
    emit applyRequested(spec());
  });
}

static void selectData(QComboBox* box, int value) {
  const int i = box->findData(value);
  if (i >= 0) box->setCurrentIndex(i);
}

void ModelDesigner::setSpec(const RunSpec& s) {
  m_loading = true;
  m_base = s;
  const TrainConfig& t = s.train;
  selectData(m_cell, int(t.model.cell));
  m_layers->setValue(t.model.layers);
  m_hidden->setValue(t.model.hidden);
  selectData(m_input,
             int(t.model.input == InputKind::Embedding ? InputKind::Embedding : InputKind::OneHot));
  m_embed->setValue(t.model.embed_dim);
  selectData(m_init, int(t.model.init));
  m_gain->setValue(t.model.recurrent_gain);
  m_forgetBias->setValue(t.model.forget_bias);
  selectData(m_optimizer, int(t.optimizer.kind));
  m_lr->setValue(t.optimizer.lr);
  selectData(m_clipMode, int(t.clip.mode));
  m_clipThreshold->setValue(t.clip.threshold);
  m_bptt->setCurrentIndex(t.bptt.truncated ? 1 : 0);
  m_k1->setValue(t.bptt.k1);
  m_k2->setValue(t.bptt.k2);
  m_batch->setValue(t.batch);
  m_seq->setValue(t.seq);
  m_seed->setValue(int(std::min<uint64_t>(t.seed, 2147483647)));
  m_loading = false;
  m_dirty = false;
  m_liveInFlight = 0;  // answers for the previous run's settings are not shown
  m_refused->hide();
  m_pending->hide();
  updateEnabled();
  revalidate();
}

void ModelDesigner::showLiveSettings(const RunSettings& accepted, const QString& refused) {
  if (m_liveInFlight > 0) --m_liveInFlight;
  m_refused->setText(refused.isEmpty() ? QString()
                                       : tr("The engine kept the running value: %1").arg(refused));
  m_refused->setVisible(!refused.isEmpty());
  if (m_liveInFlight > 0) return;  // a newer change is on its way; its answer follows
  m_loading = true;
  m_lr->setValue(accepted.lr);
  selectData(m_clipMode, int(accepted.clip.mode));
  m_clipThreshold->setValue(accepted.clip.threshold);
  m_bptt->setCurrentIndex(accepted.bptt.truncated ? 1 : 0);
  m_k1->setValue(accepted.bptt.k1);
  m_k2->setValue(accepted.bptt.k2);
  m_loading = false;
  m_base.train.optimizer.lr = accepted.lr;
  m_base.train.clip = accepted.clip;
  m_base.train.bptt = accepted.bptt;
  updateEnabled();
  revalidate();
}

QString ModelDesigner::refusedText() const { return m_refused->text(); }
QString ModelDesigner::correctedText() const {
  return m_corrected->isVisibleTo(this) ? m_corrected->text() : QString();
}

void ModelDesigner::setLiveClip(const ClipConfig& clip) {
  {
    const QSignalBlocker b(m_clipThreshold);
    m_clipThreshold->setValue(clip.threshold);
  }
  selectData(m_clipMode, int(clip.mode));
  onLiveEdit(kClip);
}

void ModelDesigner::setDataSpec(const TaskSpec& data) {
  m_base.data = data;
  if (const int T = naturalLength(data); T > 0) {
    const QSignalBlocker b(m_seq);
    m_seq->setValue(T);
  }
  updateEnabled();
  onStructuralEdit();
}

RunSpec ModelDesigner::spec() const {
  RunSpec s = m_base;
  TrainConfig& t = s.train;
  t.model.cell = CellType(m_cell->currentData().toInt());
  t.model.layers = m_layers->value();
  t.model.hidden = m_hidden->value();
  t.model.input = InputKind(m_input->currentData().toInt());
  t.model.embed_dim = m_embed->value();
  t.model.init = InitKind(m_init->currentData().toInt());
  t.model.forget_bias = m_forgetBias->value();
  t.model.recurrent_gain = m_gain->value();
  t.optimizer.kind = OptimizerKind(m_optimizer->currentData().toInt());
  t.optimizer.lr = m_lr->value();
  t.clip.mode = ClipMode(m_clipMode->currentData().toInt());
  t.clip.threshold = m_clipThreshold->value();
  t.bptt.truncated = m_bptt->currentIndex() == 1;
  t.bptt.k1 = m_k1->value();
  t.bptt.k2 = m_k2->value();
  t.batch = m_batch->value();
  t.seq = m_seq->value();
  t.seed = uint64_t(m_seed->value());
  if (m_dirty) s.demo.clear();
  return normalized(s);
}

QString ModelDesigner::reason() const {
  const RunSpec s = spec();
  if (s.train.bptt.truncated) {
    if (s.train.bptt.k1 > s.train.bptt.k2)
      return tr("k1 (%1) must not exceed k2 (%2): an update cannot skip steps it never "
                "backpropagates through.")
          .arg(s.train.bptt.k1)
          .arg(s.train.bptt.k2);
    if (s.train.bptt.k1 > s.train.seq)
      return tr("k1 (%1) is longer than the sequence (%2 steps).")
          .arg(s.train.bptt.k1)
          .arg(s.train.seq);
  }
  return validationError(s);
}

void ModelDesigner::updateEnabled() {
  const bool dense = isDenseTask(m_base.data);
  const bool fixedSeq = naturalLength(m_base.data) > 0;
  const CellType cell = CellType(m_cell->currentData().toInt());
  m_input->setEnabled(!dense);
  m_embed->setEnabled(!dense && m_input->currentData().toInt() == int(InputKind::Embedding));
  m_seq->setEnabled(!fixedSeq);
  m_seq->setToolTip(fixedSeq ? tr("This task sets the sequence length itself (Data panel)")
                             : tr("Steps per training sequence: 2 to 10000"));
  m_forgetBias->setEnabled(cell == CellType::Lstm);
  m_clipThreshold->setEnabled(m_clipMode->currentData().toInt() != int(ClipMode::None));
  m_k1->setEnabled(m_bptt->currentIndex() == 1);
  m_k2->setEnabled(m_bptt->currentIndex() == 1);
}

void ModelDesigner::revalidate() {
  const QString why = reason();
  m_reason->setText(why.isEmpty() ? QString() : tr("Cannot apply: %1").arg(why));
  m_reason->setVisible(!why.isEmpty());
  m_apply->setEnabled(why.isEmpty());
  const bool bpttBad = why.contains(QStringLiteral("k1")) || why.contains(QStringLiteral("k2"));
  const QString bad = QStringLiteral("QSpinBox { border: 1px solid #b2182b; }");
  m_k1->setStyleSheet(bpttBad ? bad : QString());
  m_k2->setStyleSheet(bpttBad ? bad : QString());
}

void ModelDesigner::onStructuralEdit() {
  if (m_loading) return;
  m_dirty = true;
  m_pending->show();
  updateEnabled();
  revalidate();
}

void ModelDesigner::onLiveEdit(int which) {
  if (m_loading) return;
  updateEnabled();
  revalidate();
  if (!reason().isEmpty()) return;  // refused: the running model keeps its last valid setting
  const RunSpec s = spec();
  ++m_liveInFlight;
  if (which == kLr) emit learningRateChanged(s.train.optimizer.lr);
  if (which == kClip) emit clipChanged(s.train.clip);
  if (which == kBptt) emit bpttChanged(s.train.bptt);
}

}  // namespace unroll::gui
