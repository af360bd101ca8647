// The Translation window (translation_window.h).
#include "translate/translation_window.h"

#include <QCloseEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "app/background_job.h"
#include "translate/length_sweep_view.h"
#include "translate/translation_form.h"
#include "translate/translation_lesson_panel.h"
#include "translate/translation_view.h"

namespace unroll::gui {
namespace {

constexpr int kPollMs = 50;  // 20 Hz

QString describe(const Seq2SeqTrainConfig& c) {
  const QString cell = c.model.encoder_cell == CellType::Lstm  ? QStringLiteral("LSTM")
                       : c.model.encoder_cell == CellType::Gru ? QStringLiteral("GRU")
                                                               : QStringLiteral("RNN");
  return TranslationWindow::tr("%1 encoder–decoder, hidden %2, %3; task %4, length %5")
      .arg(cell)
      .arg(c.model.encoder_hidden)
      .arg(attentionName(c.model.attention))
      .arg(QString::fromStdString(c.task.task))
      .arg(c.task.length);
}

}  // namespace

TranslationWindow::TranslationWindow(QWidget* parent)
    : QWidget(parent, Qt::Window),
      m_form(new TranslationForm),
      m_tabs(new QTabWidget),
      m_view(new TranslationView),
      m_sweepView(new LengthSweepView),
      m_job(new BackgroundJob(this)),
      m_lesson(new TranslationLessonPanel(this)) {
  setWindowTitle(tr("Translation"));
  m_tabs->addTab(m_view, tr("Live"));
  m_tabs->addTab(m_sweepView, tr("Length sweep"));
  auto* split = new QSplitter(Qt::Horizontal);
  split->addWidget(m_form);
  split->addWidget(m_tabs);
  split->setStretchFactor(1, 1);
  split->setChildrenCollapsible(false);
  split->setSizes({m_form->maximumWidth(), 1000});
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(6, 6, 6, 6);
  outer->addWidget(m_lesson);
  outer->addWidget(split, 1);
  resize(1280, 760);
  connect(&m_poll, &QTimer::timeout, this, &TranslationWindow::poll);
  connect(m_form, &TranslationForm::trainClicked, this, &TranslationWindow::train);
  connect(m_form, &TranslationForm::sweepClicked, this, &TranslationWindow::sweep);
  connect(m_form, &TranslationForm::stopClicked, this, &TranslationWindow::stop);
  m_form->setStatus(
      tr("Train one model and watch it, or run the length sweep to compare "
         "attention kinds across sentence lengths."));
}

TranslationWindow::~TranslationWindow() { stopAndWait(); }

bool TranslationWindow::running() const { return m_job->busy(); }

bool TranslationWindow::train() {
  if (running()) return false;
  const Seq2SeqTrainConfig cfg = m_form->config();
  TranslationRunOptions opt = m_form->runOptions();
  opt.validate_every = m_validateEvery;
  opt.pace = m_pace;
  opt.goal_exact = m_goal;
  try {
    opt.validate();
    m_run = std::make_unique<TranslationRun>(cfg);
  } catch (const std::exception& e) {
    m_form->setStatus(tr("Cannot start: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
  m_budget = opt.steps;
  m_steps = 0;
  m_goalStep = 0;
  m_batch = cfg.batch;
  m_sweeping = false;
  m_view->reset(describe(m_run->trainer().config()));
  m_view->setClip(cfg.clip);
  m_tabs->setCurrentWidget(m_view);
  m_stop = false;
  auto failure = std::make_shared<QString>();
  TranslationRun* run = m_run.get();
  m_job->start(
      [run, opt, failure, this] {
        try {
          run->run(opt, &m_stop);
        } catch (const std::exception& e) {
          *failure = QString::fromStdString(e.what());
        }
      },
      [this, failure] { finishTraining(*failure); });
  m_form->setRunning(true, false);
  emit trainingStarted();
  m_form->setStatus(tr("Training: %1 training and %2 validation pairs, %3 weights.")
                        .arg(run->trainer().data().train.size())
                        .arg(run->trainer().data().validation.size())
                        .arg(run->trainer().model().params().size()));
  m_poll.start(kPollMs);
  return true;
}

bool TranslationWindow::sweep() {
  if (running()) return false;
  QString error;
  LengthSweepSpec spec = m_form->sweepSpec(&error);
  if (error.isEmpty()) try {
      spec.validate();
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    }
  if (!error.isEmpty()) {
    m_form->setStatus(tr("Cannot start the sweep: %1").arg(error));
    return false;
  }
  m_sweeping = true;
  m_sweepTotal = spec.lengths.size() * spec.attention.size();
  m_sweepView->reset(spec.lengths, spec.attention, spec.steps);
  m_tabs->setCurrentWidget(m_sweepView);
  {
    std::lock_guard lock(m_cellsMutex);
    m_newCells.clear();
  }
  m_stop = false;
  auto failure = std::make_shared<QString>();
  m_job->start(
      [spec, failure, this] {
        try {
          run_length_sweep(
              spec,
              [this](const LengthSweepCell& c) {
                std::lock_guard lock(m_cellsMutex);
                m_newCells.push_back(c);
              },
              &m_stop);
        } catch (const std::exception& e) {
          *failure = QString::fromStdString(e.what());
        }
      },
      [this, failure] { finishSweep(*failure); });
  m_form->setRunning(false, true);
  m_form->setStatus(
      tr("Sweeping: %1 runs of %2 steps, one after another.").arg(m_sweepTotal).arg(spec.steps));
  m_poll.start(kPollMs);
  return true;
}

bool TranslationWindow::openLesson(const QString& path, QString* error) {
  try {
    m_lesson->setLesson(load_translation_lesson(QFile::encodeName(path).toStdString()));
    return true;
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
}

void TranslationWindow::stop() {
  if (!running()) return;
  m_stop = true;
  m_form->setStatus(tr("Stopping after the current step…"));
}

void TranslationWindow::stopAndWait() {
  m_stop = true;
  m_poll.stop();
  m_job->wait();
}

void TranslationWindow::closeEvent(QCloseEvent* e) {
  if (running()) {
    stopAndWait();
    poll();
    m_sweeping ? finishSweep(QString()) : finishTraining(QString());
  }
  QWidget::closeEvent(e);
}

void TranslationWindow::poll() {
  if (m_sweeping) {
    std::vector<LengthSweepCell> cells;
    {
      std::lock_guard lock(m_cellsMutex);
      cells.swap(m_newCells);
    }
    for (const LengthSweepCell& c : cells) m_sweepView->addCell(c);
    return;
  }
  if (!m_run) return;
  const TranslationUpdate u = m_run->take();
  m_steps = u.steps;
  m_view->addPoints(u.first_step, u.points);
  if (!u.points.empty()) m_view->showStep(u.last, m_batch);
  if (u.has_validation) {
    m_view->showValidation(u.validation);
    m_view->showSpectra(u.spectra);
    emit validated(u.validation.step, u.validation.metrics.exact);
  }
}

void TranslationWindow::finishTraining(const QString& error) {
  m_poll.stop();
  poll();
  const TranslationUpdate u = m_run ? m_run->take() : TranslationUpdate{};
  const QString why = !error.isEmpty() ? error : QString::fromStdString(u.error);
  const bool completed = why.isEmpty() && m_steps >= m_budget;
  m_goalStep = u.goal_step;
  m_form->setRunning(false, false);
  if (!why.isEmpty())
    m_form->setStatus(tr("Training stopped: %1").arg(why));
  else if (m_goalStep > 0)
    m_form->setStatus(tr("The lesson's goal was met at step %1.").arg(m_goalStep));
  else if (completed)
    m_form->setStatus(tr("Done: %1 steps. Change the attention or the length and train again, "
                         "or run the length sweep.")
                          .arg(m_steps));
  else
    m_form->setStatus(tr("Stopped at step %1.").arg(m_steps));
  emit trainingFinished(completed);
}

void TranslationWindow::finishSweep(const QString& error) {
  m_poll.stop();
  poll();
  m_sweeping = false;
  const bool completed = error.isEmpty() && m_sweepView->cells().size() == m_sweepTotal;
  m_form->setRunning(false, false);
  if (!error.isEmpty())
    m_form->setStatus(tr("The sweep stopped: %1").arg(error));
  else if (completed)
    m_form->setStatus(m_sweepView->summary());
  else
    m_form->setStatus(tr("Sweep stopped after %1 of %2 runs.")
                          .arg(m_sweepView->cells().size())
                          .arg(m_sweepTotal));
  emit sweepFinished(completed);
}

}  // namespace unroll::gui
