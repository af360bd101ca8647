// Race window: the engine's Race runs on a background job (its entrants on a thread each where
// cores allow); a timer pulls each entrant's new losses and latest gradient profile at 20 Hz.
#include "race/race_window.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <algorithm>
#include <cmath>
#include <thread>
#include <utility>

#include "app/background_job.h"
#include "app/file_ui.h"
#include "race/race_view.h"

namespace unroll::gui {
namespace {

constexpr int kPollMs = 50;        // 20 Hz
constexpr int kLossBuckets = 400;  // per curve: a long race keeps the chart light

}  // namespace

RaceWindow::Lane::Lane() : losses(kLossBuckets) {}

RaceWindow::RaceWindow(const RunSpec& base, QWidget* parent) : RaceWindow(base, nullptr, parent) {}

RaceWindow::RaceWindow(const RunSpec& base, std::shared_ptr<const Task> task, QWidget* parent)
    : QWidget(parent, Qt::Window),
      m_base(normalized(base)),
      m_task(std::move(task)),
      m_dialogs(std::make_unique<DialogFileUi>()),
      m_job(new BackgroundJob(this)),
      m_form(new RaceForm),
      m_view(new RaceView) {
  m_ui = m_dialogs.get();
  setWindowTitle(tr("Race"));
  auto* split = new QSplitter(Qt::Horizontal);
  split->addWidget(m_form);
  split->addWidget(m_view);
  split->setStretchFactor(1, 1);
  split->setChildrenCollapsible(false);
  auto* outer = new QHBoxLayout(this);
  outer->setContentsMargins(6, 6, 6, 6);
  outer->addWidget(split);
  resize(1320, 880);

  connect(&m_poll, &QTimer::timeout, this, &RaceWindow::poll);
  connect(m_form, &RaceForm::startClicked, this, &RaceWindow::start);
  connect(m_form, &RaceForm::stopClicked, this, &RaceWindow::stop);
  connect(m_form, &RaceForm::entrantsChanged, this, [this] {
    if (m_names.isEmpty()) resetView();  // before any race: show the plan
  });
  connect(m_view, &RaceView::exportClicked, this, &RaceWindow::exportClicked);
  describeBase();
  setPreset(RacePreset::Cells);
  setSeed(m_base.train.seed);
  resetView();
}

RaceWindow::~RaceWindow() { stopAndWait(); }

bool RaceWindow::setBase(const RunSpec& base, std::shared_ptr<const Task> task) {
  if (running()) return false;
  m_base = normalized(base);
  m_task = std::move(task);
  setSeed(m_base.train.seed);
  describeBase();
  return true;
}

void RaceWindow::describeBase() {
  m_form->setBase(m_base.train, m_task ? QString::fromStdString(m_task->name()) : QString());
}

void RaceWindow::setPreset(RacePreset preset) { m_form->setPreset(preset); }
void RaceWindow::setChoices(const QList<RaceChoice>& choices) { m_form->setChoices(choices); }
QList<RaceChoice> RaceWindow::choices() const { return m_form->choices(); }
int RaceWindow::entrantCount() const { return m_form->entrantCount(); }
QStringList RaceWindow::entrantNames() const { return m_form->entrantNames(); }
void RaceWindow::setSeed(uint64_t seed) { m_form->setSeed(seed); }
void RaceWindow::setSteps(long steps) { m_form->setSteps(steps); }

bool RaceWindow::running() const { return m_job->busy(); }
int RaceWindow::lossPointCount(int i) const { return m_view->lossPointCount(i); }
int RaceWindow::gradPointCount(int i) const { return m_view->gradPointCount(i); }
QTableWidget* RaceWindow::resultTable() const { return m_view->resultTable(); }
ChartView* RaceWindow::lossView() const { return m_view->lossView(); }
QPushButton* RaceWindow::exportButton() const { return m_view->exportButton(); }

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
  spec.seed = m_form->seed();
  spec.steps = m_form->steps();
  const QList<RaceChoice> cs = choices();
  const QStringList names = entrantNames();
  for (int i = 0; i < cs.size(); ++i) {
    RaceEntrant e;
    e.name = names[i].toStdString();
    TrainConfig& c = e.config;
    c = m_base.train;
    c.model.cell = cs[i].cell;
    c.model.init = cs[i].init;
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
    m_form->setStatus(tr("Cannot start the race: %1").arg(error));
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
  m_form->setStatus(schedule == RaceSchedule::Threads
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
  m_form->setStopEnabled(false);
  m_form->setStatus(tr("Stopping after the current step…"));
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
  m_form->setRunning(on);
  exportButton()->setEnabled(!m_results.empty());
}

void RaceWindow::resetView() {
  m_view->reset(m_names, m_names.isEmpty() ? entrantNames() : m_names);
  m_view->showResults(m_results, m_names);
  m_form->setProgress(0);
}

void RaceWindow::poll() {
  if (!m_race) return;
  long done = 0;
  for (int i = 0; i < m_race->size(); ++i) {
    Lane& lane = m_lanes[size_t(i)];
    lane.latest = m_race->progress(i, lane.count);
    for (double x : lane.latest.losses) {
      lane.losses.beginStep(++lane.count);  // step numbers are 1-based
      lane.losses.add(kLoss, x);
      lane.last = x;
    }
    lane.latest.losses.clear();
    RaceResult& r = m_results[size_t(i)];
    r.steps = lane.latest.steps;
    r.seconds = lane.latest.seconds;
    r.final_loss = lane.count == 0 ? StepReport::kNaN : lane.last;
    r.val_loss = lane.latest.val_loss;
    r.rejected = lane.latest.rejected;
    done += lane.latest.steps;
  }
  m_form->setProgress(double(done) / double(std::max(1L, m_budget * m_race->size())));
  showLanes();
}

void RaceWindow::showLanes() {
  std::vector<LossChart::Run> runs;
  std::vector<RaceProgress> latest;
  for (size_t i = 0; i < m_lanes.size(); ++i) {
    runs.push_back({m_names.value(int(i)), raceColor(int(i)), m_lanes[i].losses});
    latest.push_back(m_lanes[i].latest);
  }
  m_view->showLosses(std::move(runs), m_budget);
  m_view->showProfiles(latest);
  m_view->showResults(m_results, m_names);
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
    m_view->showResults(m_results, m_names);
  }
  setRunning(false);
  if (!error.isEmpty())
    m_form->setStatus(tr("The race stopped with an error: %1").arg(error));
  else if (completed)
    m_form->setStatus(tr("Done: %1 steps each. Export the table as CSV, or change an entrant "
                         "and race again.")
                          .arg(m_budget));
  else
    m_form->setStatus(tr("Stopped. The table shows the numbers reached so far."));
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
    m_form->setStatus(tr("Results written to %1.").arg(path));
}

}  // namespace unroll::gui
