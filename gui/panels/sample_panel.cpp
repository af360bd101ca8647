// Sample panel: the snapshot comes from the training thread's queue, sampling runs on a
// BackgroundJob, and the text is drawn as HTML spans tinted with the diverging colour map.
#include "panels/sample_panel.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTextEdit>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "app/background_job.h"
#include "charts/colormap.h"
#include "session/training_controller.h"

namespace unroll::gui {
namespace {

// A vocabulary when the task is a character language model, else null.
std::shared_ptr<const Vocabulary> languageVocabulary(const Task* task) {
  if (!task) return nullptr;
  const TaskShape s = task->shape();
  if (!s.tokens || s.head != HeadKind::Softmax || s.output_size != s.input_size) return nullptr;
  std::vector<std::string> texts;
  for (int i = 0; i < s.input_size; ++i) texts.push_back(task->token_text(i));
  return std::make_shared<const Vocabulary>(std::move(texts));
}

QRgb activationColor(float a) { return divergingColor(std::clamp(double(a), -1.0, 1.0)); }

}  // namespace

SamplePanel::SamplePanel(TrainingController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_job(new BackgroundJob(this)) {
  auto* outer = new QHBoxLayout(this);
  outer->setContentsMargins(6, 4, 6, 4);
  auto* controls = new QWidget;
  controls->setMaximumWidth(380);
  auto* v = new QVBoxLayout(controls);
  v->setContentsMargins(0, 0, 0, 0);
  auto* form = new QFormLayout;
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  m_prime = new QLineEdit(QStringLiteral("The "));
  m_prime->setToolTip(
      tr("Text fed to the network before it writes; every character must occur "
         "in the training text"));
  form->addRow(tr("Prime:"), m_prime);
  auto* tRow = new QHBoxLayout;
  m_temperature = new QSlider(Qt::Horizontal);
  m_temperature->setRange(0, 200);
  m_temperature->setValue(80);
  m_temperature->setToolTip(
      tr("0 always takes the likeliest character; 1 samples the model's own "
         "distribution; higher is wilder"));
  m_temperatureLabel = new QLabel;
  m_temperatureLabel->setMinimumWidth(60);
  tRow->addWidget(m_temperature, 1);
  tRow->addWidget(m_temperatureLabel);
  form->addRow(tr("Temperature:"), tRow);
  auto* row = new QHBoxLayout;
  m_length = new QSpinBox;
  m_length->setRange(1, 5000);
  m_length->setValue(300);
  m_length->setToolTip(tr("Characters to generate"));
  m_layer = new QSpinBox;
  m_layer->setRange(1, 1);
  m_layer->setToolTip(tr("Layer of the unit that colours the text (1 = bottom)"));
  m_unit = new QSpinBox;
  m_unit->setRange(-1, 0);
  m_unit->setSpecialValueText(tr("none"));
  m_unit->setToolTip(
      tr("Hidden unit whose activation tints each character: blue is negative, red "
         "positive. Look for units that track quotes, line ends or word starts."));
  row->addWidget(new QLabel(tr("Length:")));
  row->addWidget(m_length);
  row->addSpacing(8);
  row->addWidget(new QLabel(tr("Layer:")));
  row->addWidget(m_layer);
  row->addWidget(new QLabel(tr("Unit:")));
  row->addWidget(m_unit);
  row->addStretch();
  form->addRow(row);
  auto* refreshRow = new QHBoxLayout;
  m_refresh = new QSpinBox;
  m_refresh->setRange(0, 600);
  m_refresh->setValue(5);
  m_refresh->setSuffix(tr(" s"));
  m_refresh->setSpecialValueText(tr("off"));
  m_refresh->setToolTip(tr("While training runs, sample again this often"));
  m_sampleButton = new QPushButton(tr("Sample now"));
  refreshRow->addWidget(new QLabel(tr("Refresh while training every")));
  refreshRow->addWidget(m_refresh);
  refreshRow->addStretch();
  refreshRow->addWidget(m_sampleButton);
  form->addRow(refreshRow);
  v->addLayout(form);
  m_status = new QLabel;
  m_status->setWordWrap(true);
  m_status->setStyleSheet("QLabel { color: palette(mid); }");
  v->addWidget(m_status);
  v->addStretch();
  m_text = new QTextEdit;
  m_text->setReadOnly(true);
  m_text->setMinimumHeight(90);
  m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  outer->addWidget(controls);
  outer->addWidget(m_text, 1);

  connect(m_temperature, &QSlider::valueChanged, this, &SamplePanel::updateTemperatureLabel);
  connect(m_sampleButton, &QPushButton::clicked, this, &SamplePanel::sampleNow);
  connect(m_refresh, &QSpinBox::valueChanged, this, [this](int s) {
    if (s > 0)
      m_timer.start(s * 1000);
    else
      m_timer.stop();
  });
  connect(&m_timer, &QTimer::timeout, this, [this] {
    if (available() && m_controller->frame().playing) sampleNow();
  });
  m_timer.start(m_refresh->value() * 1000);
  connect(m_controller, &TrainingController::specChanged, this, &SamplePanel::syncWithController);
  connect(m_controller, &TrainingController::frameReady, this, &SamplePanel::onFrame);
  updateTemperatureLabel();
  syncWithController();
}

SamplePanel::~SamplePanel() = default;  // m_job (a child) waits for a running sample

double SamplePanel::temperature() const { return m_temperature->value() / 100.0; }

SampleOptions SamplePanel::options() const {
  SampleOptions o;
  o.prime = m_prime->text().toStdString();
  o.temperature = temperature();
  o.length = m_length->value();
  o.seed = m_seed;
  o.layer = m_layer->value() - 1;
  o.unit = m_unit->value();
  return o;
}

void SamplePanel::updateTemperatureLabel() {
  m_temperatureLabel->setText(m_temperature->value() == 0 ? tr("argmax")
                                                          : QString::number(temperature(), 'f', 2));
}

void SamplePanel::syncWithController() {
  m_vocab = languageVocabulary(m_controller->task().get());
  const ModelConfig& m = m_controller->spec().train.model;
  m_layer->setRange(1, std::max(1, m.layers));
  m_unit->setRange(-1, std::max(0, m.hidden - 1));
  setEnabled(available());
  if (!available()) {
    m_text->clear();
    m_status->setText(tr("Sampling needs a character language model (text or language task)."));
    return;
  }
  // A new task gets its own prime (the language task's sentences start "I am from"); the same
  // task keeps the user's, if this vocabulary can read it.
  const std::string task = m_controller->spec().data.task();
  if (task != m_task) {
    m_task = task;
    m_prime->setText(task == "language" ? QStringLiteral("I am from ") : QStringLiteral("The "));
  }
  try {
    m_vocab->encode(m_prime->text().toStdString(), "prime");
  } catch (const std::exception&) {
    m_prime->setText(QString());
  }
  m_text->clear();  // a sample of the previous model
  m_status->setText(tr("Press \"Sample now\", or train: samples refresh while training runs."));
}

void SamplePanel::onFrame(const Frame& frame) {
  if (frame.generation == m_generation && frame.travelCount == m_travels) return;
  m_generation = frame.generation;
  m_travels = frame.travelCount;
  if (m_text->document()->isEmpty()) return;
  m_text->clear();
  m_result = {};
  m_status->setText(
      tr("The run was reset or went back in time: this sample was of the model "
         "before. Sample again."));
}

void SamplePanel::sampleNow() {
  if (!available() || m_requested) return;
  m_requested = true;
  m_controller->requestNetwork(this, [this](const NetworkSnapshot& s) { onSnapshot(s); });
}

void SamplePanel::onSnapshot(const NetworkSnapshot& s) {
  const auto vocab = languageVocabulary(s.task.get());
  if (!s.net || !vocab) {
    m_requested = false;
    m_status->setText(tr("No language model to sample yet."));
    return;
  }
  m_snapshot = s;
  SampleOptions o = options();
  ++m_seed;
  auto result = std::make_shared<SampleResult>();
  auto error = std::make_shared<QString>();
  const auto net = s.net;
  const bool started = m_job->start(
      [net, vocab, o, result, error] {
        try {
          *result = sample_text(*net, *vocab, o);
        } catch (const std::exception& e) {
          *error = QString::fromStdString(e.what());
        }
      },
      [this, result, error, step = s.step, unit = o.unit, layer = o.layer,
       generation = s.generation] {
        m_requested = false;
        if (generation != m_controller->frame().generation) return;  // of a run that is gone
        if (!error->isEmpty()) {
          m_status->setText(*error);
          return;
        }
        show(*result);
        m_status->setText(
            unit < 0 ? tr("Sampled at step %1.").arg(step)
                     : tr("Sampled at step %1. Unit %2 of layer %3: blue −1, white 0, red +1; "
                          "the prime is underlined.")
                           .arg(step)
                           .arg(unit)
                           .arg(layer + 1));
        emit sampled();
      });
  if (!started) m_requested = false;
}

QList<QRgb> SamplePanel::charColors() const {
  QList<QRgb> colors;
  for (size_t i = 0; i < m_result.chars.size(); ++i)
    colors << (i < m_result.activation.size() ? activationColor(m_result.activation[i])
                                              : qRgb(255, 255, 255));
  return colors;
}

void SamplePanel::show(const SampleResult& r) {
  m_result = r;
  const QList<QRgb> colors = charColors();
  const size_t primeChars = r.chars.size() - r.tokens.size();
  QString html = QStringLiteral("<p style=\"white-space: pre-wrap;\">");
  for (size_t i = 0; i < r.chars.size(); ++i) {
    const QColor bg(colors[qsizetype(i)]);
    const bool dark = bg.lightnessF() < 0.5;
    const QString ch = QString::fromStdString(r.chars[i]);
    QString shown = ch == QLatin1String("\n") ? QStringLiteral("↵") : ch.toHtmlEscaped();
    html += QStringLiteral("<span style=\"background-color:%1; color:%2;%3\">%4</span>")
                .arg(bg.name(), dark ? QStringLiteral("#ffffff") : QStringLiteral("#000000"),
                     i < primeChars ? QStringLiteral(" text-decoration: underline;") : QString(),
                     shown);
    if (ch == QLatin1String("\n")) html += QStringLiteral("<br>");
  }
  html += QStringLiteral("</p>");
  m_text->setHtml(html);
}

}  // namespace unroll::gui
