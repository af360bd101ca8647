// Guided lessons: finding and loading lesson files, presets as studio specs, the step player.
#include "panels/lesson_panel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "session/frame.h"
#include "session/training_controller.h"

namespace unroll::gui {

QString lessonDir() {
  const QString app = QCoreApplication::applicationDirPath();
  const QStringList candidates = {app + QStringLiteral("/lessons"),
                                  app + QStringLiteral("/../resources/lessons"),
                                  app + QStringLiteral("/../share/unroll/lessons"),
#ifdef UNROLL_LESSON_DIR
                                  QStringLiteral(UNROLL_LESSON_DIR)
#endif
  };
  for (const QString& d : candidates)
    if (!d.isEmpty() && QFileInfo(d + QStringLiteral("/vanishing.json")).isFile())
      return QDir::cleanPath(d);
  return {};
}

QStringList lessonNames() {
  static const QStringList order = {"unrolling", "vanishing", "exploding", "fixes", "local_optima"};
  const QString dir = lessonDir();
  if (dir.isEmpty()) return {};
  QStringList found;
  for (const QFileInfo& f :
       QDir(dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
    found << f.completeBaseName();
  std::stable_sort(found.begin(), found.end(), [](const QString& a, const QString& b) {
    auto rank = [](const QString& n) {
      const int i = order.indexOf(n);
      return i < 0 ? int(order.size()) : i;
    };
    return rank(a) < rank(b);
  });
  return found;
}

QString lessonPath(const QString& name) {
  return lessonDir() + QLatin1Char('/') + name + QStringLiteral(".json");
}

QString lessonFile(const QString& nameOrPath) {
  return lessonNames().contains(nameOrPath) ? lessonPath(nameOrPath) : nameOrPath;
}

bool loadLessonFile(const QString& path, Lesson* out, QString* error) {
  try {
    *out = load_lesson(QFile::encodeName(path).toStdString());
    return true;
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
}

QString lessonText(const std::string& utf8) {
  return QCoreApplication::translate("Lesson", utf8.c_str());
}

RunSpec presetSpec(const LessonPreset& p, const RunSpec& /*current*/) {
  RunSpec s;
  s.data = p.task;  // the registry's spec, as the lesson set it
  const std::shared_ptr<const Task> task = p.make_task();  // throws for an unknown task
  s.train = p.train_config(*task);                         // with the preset's recurrent gain
  return normalized(s);
}

namespace {
bool samePreset(const LessonPreset& a, const LessonPreset& b) {
  return a.cell == b.cell && a.hidden == b.hidden && a.layers == b.layers && a.task == b.task &&
         a.seq == b.seq && a.batch == b.batch && a.optimizer == b.optimizer && a.lr == b.lr &&
         a.clip == b.clip && a.bptt == b.bptt && a.init == b.init &&
         a.recurrent_gain == b.recurrent_gain && a.forget_bias == b.forget_bias && a.seed == b.seed;
}
QString number(double v) { return QString::number(v, 'g', 3); }
}  // namespace

LessonPanel::LessonPanel(TrainingController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
  auto* v = new QVBoxLayout(this);
  m_title = new QLabel;
  m_title->setWordWrap(true);
  QFont f = m_title->font();
  f.setBold(true);
  f.setPointSizeF(f.pointSizeF() * 1.15);
  m_title->setFont(f);
  m_counter = new QLabel;
  m_text = new QTextBrowser;
  m_text->setOpenExternalLinks(true);
  m_action = new QLabel;
  m_action->setWordWrap(true);
  m_status = new QLabel;
  m_status->setWordWrap(true);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_prev = new QPushButton(tr("◂ Previous"));
  m_next = new QPushButton(tr("Next ▸"));
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(m_prev);
  buttons->addStretch(1);
  buttons->addWidget(m_next);
  v->addWidget(m_title);
  v->addWidget(m_counter);
  v->addWidget(m_text, 1);
  v->addWidget(m_action);
  v->addWidget(m_status);
  v->addLayout(buttons);
  connect(m_prev, &QPushButton::clicked, this, [this] { goToStep(m_step - 1); });
  connect(m_next, &QPushButton::clicked, this, [this] { goToStep(m_step + 1); });
  connect(m_controller, &TrainingController::frameReady, this, &LessonPanel::onFrame);
  connect(m_controller, &TrainingController::conditionMet, this, &LessonPanel::onCondition);
  connect(m_controller, &TrainingController::budgetReached, this, &LessonPanel::onBudget);
  connect(m_controller, &TrainingController::validated, this, [this](const ValidationEvent& e) {
    if (m_step < 0) return;
    const LessonMetric m = m_lesson.steps[size_t(m_step)].condition.metric;
    if (m == LessonMetric::ValLoss) m_eventValue = e.loss;
    if (m == LessonMetric::ValAccuracy) m_eventValue = e.accuracy;
  });
  connect(m_controller, &TrainingController::probed, this, [this](const ProbeEvent& e) {
    if (m_step >= 0 && !e.probes.empty() &&
        m_lesson.steps[size_t(m_step)].condition.metric == LessonMetric::SpectralRadius)
      m_eventValue = e.probes.front().spectral_radius;
  });
  m_prev->setEnabled(false);
  m_next->setEnabled(false);
}

void LessonPanel::setLesson(const Lesson& lesson) {
  m_lesson = lesson;
  m_step = -1;
  m_runs.assign(lesson.steps.size(), std::nullopt);
  m_title->setText(lessonText(lesson.title));
  goToStep(0);
}

bool LessonPanel::goToStep(int i) {
  if (i < 0 || i >= int(m_lesson.steps.size())) return false;
  const bool replaces = m_step < 0 || !samePreset(m_lesson.steps[size_t(m_step)].preset,
                                                  m_lesson.steps[size_t(i)].preset);
  if (replaces && m_guard) return m_guard([this, i] { enterStep(i); });
  enterStep(i);
  return true;
}

void LessonPanel::enterStep(int i) {
  // Frames still pending belong to the step being left: deliver them before switching, so that a
  // report of the old run cannot meet the new step's condition.
  m_controller->pullNow();
  if (m_step >= 0) keepRun();
  const bool first = m_step < 0;
  const LessonPreset* before = first ? nullptr : &m_lesson.steps[size_t(m_step)].preset;
  m_step = i;
  m_done = false;
  m_doneAt = -1;
  m_skippable = false;
  m_budgetSpent = false;
  m_eventValue = NAN;
  m_watch = 0;  // answers to an earlier step's watch are ignored
  const LessonStep& s = m_lesson.steps[size_t(i)];
  m_counter->setText(tr("Step %1 of %2").arg(i + 1).arg(m_lesson.steps.size()));
  m_text->setPlainText(lessonText(s.text));
  m_action->setText(tr("<b>Your action:</b> %1").arg(lessonText(s.action).toHtmlEscaped()));
  if (!before || !samePreset(*before, s.preset)) {
    try {
      const RunSpec spec = presetSpec(s.preset, m_controller->spec());
      m_staleGeneration = m_controller->frame().generation;
      m_haveStale = true;
      const QString error = m_controller->setSpec(spec);
      if (!error.isEmpty()) throw std::runtime_error(error.toStdString());
      m_startStep = 0;
      m_runSerial = m_controller->specSerial();
      emit specApplied(m_controller->spec());
    } catch (const std::exception& e) {
      // The old run goes on (m_haveStale stays set): its frames must not complete this step.
      m_status->setText(
          tr("Cannot build this step's model: %1").arg(QString::fromStdString(e.what())));
      m_prev->setEnabled(i > 0);
      m_next->setEnabled(i + 1 < int(m_lesson.steps.size()));
      return;
    }
  } else {
    m_haveStale = false;
    m_startStep = m_controller->frame().steps;
  }
  // The step's pace, after the preset (applying a spec restores the toolbar's pace).
  m_controller->setStepsPerSecond(s.pace);
  emit paceChanged(s.pace);
  // Sent after the preset's model: the thread checks the condition on that run's steps only, and
  // pauses on the step that meets it or when the step's budget is spent.
  // Bound to the task for loss_vs_baseline.
  const LessonCondition condition =
      m_controller->task() ? s.condition.bound(*m_controller->task()) : s.condition;
  m_watch = m_controller->watch(condition, /*pauseWhenMet=*/true, s.max_steps);
  showComparison();
  updateStatus(nullptr);
}

QString LessonPanel::runLabel(const LessonStep& step) const {
  if (!step.label.empty()) return lessonText(step.label);
  switch (step.preset.cell) {
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

void LessonPanel::keepRun() {
  const Frame& f = m_controller->frame();
  if (!f.hasReport || (m_haveStale && f.generation <= m_staleGeneration) ||
      f.history.buckets().empty())
    return;  // this step's run never took a step
  m_runs[size_t(m_step)] = comparisonRun(
      tr("before: %1").arg(runLabel(m_lesson.steps[size_t(m_step)])), f.history, f.report);
}

void LessonPanel::showComparison() {
  m_comparison.clear();
  const LessonStep::Compare mode = m_lesson.steps[size_t(m_step)].compare;
  for (int k = 0; k < m_step; ++k) {
    const bool wanted = mode == LessonStep::Compare::Earlier ||
                        (mode == LessonStep::Compare::Previous && k == m_step - 1);
    if (wanted && m_runs[size_t(k)]) m_comparison.push_back(*m_runs[size_t(k)]);
  }
  constexpr std::size_t kMost = 2;  // the latest ones: more would crowd the charts' legends
  if (m_comparison.size() > kMost)
    m_comparison.erase(m_comparison.begin(), m_comparison.end() - long(kMost));
  emit comparisonChanged(m_comparison);
}

void LessonPanel::onCondition(quint64 watch, long step, double) {
  if (m_step < 0 || watch != m_watch || m_done) return;
  m_done = true;
  m_doneAt = step;
  updateStatus(&m_controller->frame());
  emit stepCompleted(m_step);
}

void LessonPanel::onBudget(quint64 watch, long) {
  if (m_step < 0 || watch != m_watch || m_done) return;
  m_budgetSpent = true;
  m_skippable = true;
  updateStatus(&m_controller->frame());
}

void LessonPanel::onFrame(const Frame& frame) {
  if (m_step < 0 || !frame.hasReport) return;
  if (m_haveStale && frame.generation <= m_staleGeneration) return;
  // Another run replaced the lesson's (a demo, Open): the earlier runs no longer compare.
  if (m_controller->specSerial() != m_runSerial && !m_comparison.empty()) {
    m_comparison.clear();
    emit comparisonChanged(m_comparison);
  }
  // After a trip back in time the frame's report is a kept one from the past: it must not
  // complete the current step.
  if (frame.travelCount != m_seenTravels) {
    m_seenTravels = frame.travelCount;
    updateStatus(&frame);
    return;
  }
  // Completion comes from the condition's event (onCondition); frames only show the live value.
  const LessonStep& s = m_lesson.steps[size_t(m_step)];
  if (!m_done && frame.steps - m_startStep >= s.max_steps) m_skippable = true;
  updateStatus(&frame);
}

QString LessonPanel::metricName(LessonMetric m) const {
  switch (m) {
    case LessonMetric::Loss:
      return tr("loss");
    case LessonMetric::ValLoss:
      return tr("validation loss");
    case LessonMetric::ValAccuracy:
      return tr("validation accuracy");
    case LessonMetric::GradNorm:
      return tr("gradient norm");
    case LessonMetric::GradAtT0:
      return tr("gradient at t=0");
    case LessonMetric::GradRatio:
      return tr("gradient at t=0 / largest");
    case LessonMetric::SpectralRadius:
      return tr("spectral radius");
    case LessonMetric::Steps:
      return tr("steps");
    case LessonMetric::Clipped:
      return tr("clipped");
    case LessonMetric::Accepted:
      return tr("accepted");
    case LessonMetric::DeadFraction:
      return tr("dead ReLU units");
    case LessonMetric::SaturatedFraction:
      return tr("saturated tanh units");
    case LessonMetric::MaxHidden:
      return tr("largest |h|");
    case LessonMetric::LossVsBaseline:
      return tr("loss / chance level");
  }
  return QString::fromStdString(to_string(m));
}

// A health term that fails, said plainly: what is broken and why it matters.
QString LessonPanel::healthText(const LessonCondition& t, double v) const {
  const QString op = QString::fromStdString(t.op);
  switch (t.metric) {
    case LessonMetric::DeadFraction:
      return tr("%1% of the ReLU units are dead (never active, so they pass no gradient and "
                "learn nothing); a healthy model has %2 %3%")
          .arg(QString::number(100 * v, 'f', 0), op, QString::number(100 * t.value, 'g', 3));
    case LessonMetric::SaturatedFraction:
      return tr("%1% of the tanh units are saturated (their slope is near 0, so they pass no "
                "gradient); a healthy model has %2 %3%")
          .arg(QString::number(100 * v, 'f', 0), op, QString::number(100 * t.value, 'g', 3));
    case LessonMetric::MaxHidden:
      return tr("the hidden states reach %1 (the state explodes); a healthy model stays %2 %3")
          .arg(number(v), op, number(t.value));
    case LessonMetric::LossVsBaseline:
      return tr("the loss is %1 times the chance level (a model that ignores its input), so it "
                "has learnt next to nothing; a working fix gets %2 %3 times")
          .arg(number(v), op, number(t.value));
    default:
      return tr("%1 is %2 (needs %3 %4)").arg(metricName(t.metric), number(v), op, number(t.value));
  }
}

void LessonPanel::updateStatus(const Frame* frame) {
  const int n = int(m_lesson.steps.size());
  const bool last = m_step + 1 >= n;
  m_prev->setEnabled(m_step > 0);
  const LessonCondition& c = m_lesson.steps[size_t(m_step)].condition;
  const QString goal =
      std::isnan(c.above)
          ? tr("goal %1 %2").arg(QString::fromStdString(c.op), number(c.value))
          : tr("goal %1 %2 and > %3")
                .arg(QString::fromStdString(c.op), number(c.value), number(c.above));
  QString text;
  // The goal reached with a broken model is no success: say what is wrong.
  const LessonCondition bound = m_controller->task() ? c.bound(*m_controller->task()) : c;
  const bool live = frame && frame->hasReport;
  const LessonCondition* sick = live && !m_done && bound.goal_met(frame->report)
                                    ? bound.failing_health(frame->report)
                                    : nullptr;
  const QString sickText = sick ? healthText(*sick, sick->value_of(frame->report)) : QString();
  const double v = frame ? bound.value_of(frame->report) : NAN;
  const double shown = std::isnan(v) ? m_eventValue : v;
  if (m_done) {
    text = last ? tr("done ✓ at step %1 — lesson complete").arg(m_doneAt)
                : tr("done ✓ at step %1: training paused so that you can look; press Next")
                      .arg(m_doneAt);
    if (live && !bound.health.empty()) {  // what makes it a success, measured
      QStringList terms;
      for (const LessonCondition& h : bound.health) {
        const double x = h.value_of(frame->report);
        const bool share =
            h.metric == LessonMetric::DeadFraction || h.metric == LessonMetric::SaturatedFraction;
        terms << tr("%1 %2").arg(
            metricName(h.metric),
            share ? tr("%1%", "a share in percent").arg(QString::number(100 * x, 'f', 0))
                  : number(x));
      }
      text = tr("done ✓ at step %1, with a healthy model (%2)")
                 .arg(m_doneAt)
                 .arg(terms.join(QStringLiteral(", "))) +
             (last ? tr(" — lesson complete")
                   : tr(": training paused so that you can look; press Next"));
    }
  } else if (m_budgetSpent && !m_lesson.steps[size_t(m_step)].expect_goal) {
    text = tr("as expected, %1 training steps did not reach the goal (%2), which is this step's "
              "point: press Next")
               .arg(m_lesson.steps[size_t(m_step)].max_steps)
               .arg(std::isnan(shown)
                        ? goal
                        : tr("%1 is %2, %3").arg(metricName(c.metric), number(shown), goal));
  } else if (m_budgetSpent && sick) {
    text = tr("paused after this step's %1 training steps: %2 reached its goal, but %3. This "
              "fix has not worked; press Skip to move on")
               .arg(m_lesson.steps[size_t(m_step)].max_steps)
               .arg(metricName(c.metric), sickText);
  } else if (m_budgetSpent) {
    text = tr("paused after this step's %1 training steps without reaching the goal (%2): "
              "press Skip to move on, or Play to go on training")
               .arg(m_lesson.steps[size_t(m_step)].max_steps)
               .arg(std::isnan(shown)
                        ? goal
                        : tr("%1 is %2, %3").arg(metricName(c.metric), number(shown), goal));
  } else if (std::isnan(shown)) {
    text = tr("waiting: %1 not measured yet, %2").arg(metricName(c.metric), goal);
  } else if (sick) {
    text = tr("waiting: %1 is %2, %3, but %4")
               .arg(metricName(c.metric), number(shown), goal, sickText);
  } else {
    text = tr("waiting: %1 is %2, %3").arg(metricName(c.metric), number(shown), goal);
  }
  m_status->setText(text);
  m_next->setEnabled(!last && (m_done || m_skippable));
  // A step that shows a failure has made its point when its budget is spent: Next, not Skip.
  const bool shownFailure = m_budgetSpent && !m_lesson.steps[size_t(m_step)].expect_goal;
  m_next->setText(m_done || !m_skippable || shownFailure ? tr("Next ▸") : tr("Skip ▸"));
}

QString LessonPanel::statusText() const { return m_status->text(); }
QString LessonPanel::titleText() const { return m_title->text(); }
QString LessonPanel::stepText() const { return m_text->toPlainText(); }
QString LessonPanel::actionText() const {
  return m_step < 0 ? QString() : lessonText(m_lesson.steps[size_t(m_step)].action);
}

}  // namespace unroll::gui
