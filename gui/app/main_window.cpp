// Wiring of the studio: panels to the controller, frames to charts, menus and settings.
#include "app/main_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <memory>

#include "app/app_options.h"
#include "app/attach_actions.h"
#include "app/file_actions.h"
#include "app/presentation.h"
#include "app/task_docks.h"
#include "charts/chart_view.h"
#include "charts/grad_heatmap.h"
#include "charts/grad_norm_chart.h"
#include "charts/heatmap_view.h"
#include "charts/hidden_heatmap.h"
#include "charts/loss_chart.h"
#include "charts/timestep_grad_chart.h"
#include "charts/unrolled_view.h"
#include "panels/data_panel.h"
#include "panels/dynamics_panel.h"
#include "panels/lesson_panel.h"
#include "panels/model_designer.h"
#include "panels/non_finite_banner.h"
#include "panels/run_controls.h"
#include "panels/timeline_bar.h"
#include "race/race_window.h"
#include "session/training_controller.h"
#include "translate/translation_lesson_panel.h"
#include "translate/translation_window.h"

namespace unroll::gui {

MainWindow::MainWindow(bool restoreLayout, QWidget* parent)
    : QMainWindow(parent), m_controller(new TrainingController(this)), m_saveLayout(restoreLayout) {
  setWindowTitle(tr("Unroll — recurrent network studio"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/unroll.svg")));
  setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
  m_run = new RunControls(this);
  addToolBar(Qt::TopToolBarArea, m_run);
  buildCharts();
  buildDocks();
  m_presentation = new Presentation(this,
                                    {{QStringLiteral("loss"), m_loss},
                                     {QStringLiteral("grad_norm"), m_gradNorm},
                                     {QStringLiteral("dynamics"), m_dynamics},
                                     {QStringLiteral("gradient_vs_timestep"), m_timestep},
                                     {QStringLiteral("grad_heatmap"), m_heatmap},
                                     {QStringLiteral("hidden_state"), m_hidden}},
                                    {m_top, m_bottom}, {m_timeline});
  connect(m_presentation, &Presentation::toggled, this,
          [this] { QTimer::singleShot(0, this, &MainWindow::fitBottomDocks); });
  m_files = new FileActions(this, m_controller, /*interactive=*/restoreLayout);
  buildMenus();
  m_stepLabel = new QLabel;
  m_speedLabel = new QLabel;
  m_timeLabel = new QLabel;
  m_stateLabel = new QLabel;
  for (QLabel* l : {m_stateLabel, m_stepLabel, m_speedLabel, m_timeLabel}) {
    l->setMinimumWidth(120);
    statusBar()->addPermanentWidget(l);
  }
  connectSignals();
  for (QDockWidget* d : findChildren<QDockWidget*>())  // a bottom dock shown, a tab raised
    connect(d, &QDockWidget::visibilityChanged, this,
            [this] { QTimer::singleShot(0, this, &MainWindow::fitBottomDocks); });
  resize(1600, 1000);
  if (restoreLayout) {
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    m_rows->restoreState(s.value(QStringLiteral("window/rows")).toByteArray());
    m_top->restoreState(s.value(QStringLiteral("window/top")).toByteArray());
    m_bottom->restoreState(s.value(QStringLiteral("window/bottom")).toByteArray());
  }
}

MainWindow::~MainWindow() = default;

void MainWindow::buildCharts() {
  auto* central = new QWidget;
  auto* v = new QVBoxLayout(central);
  v->setContentsMargins(4, 4, 4, 4);
  v->setSpacing(4);
  m_banner = new NonFiniteBanner;
  v->addWidget(m_banner);
  m_demoLine = new QLabel;
  m_demoLine->setWordWrap(true);
  m_demoLine->setContentsMargins(4, 0, 4, 0);
  v->addWidget(m_demoLine);
  m_timeline = new TimelineBar;
  v->addWidget(m_timeline);
  m_loss = new LossChart;
  m_gradNorm = new GradNormChart;
  m_dynamics = new DynamicsPanel;
  m_timestep = new TimestepGradChart;
  m_heatmap = new GradHeatmap;
  m_hidden = new HiddenHeatmap;
  m_rows = new QSplitter(Qt::Vertical);
  m_top = new QSplitter(Qt::Horizontal);
  m_bottom = new QSplitter(Qt::Horizontal);
  for (QWidget* w : {static_cast<QWidget*>(m_loss), static_cast<QWidget*>(m_gradNorm),
                     static_cast<QWidget*>(m_dynamics)})
    m_top->addWidget(w);
  for (QWidget* w : {static_cast<QWidget*>(m_timestep), static_cast<QWidget*>(m_heatmap),
                     static_cast<QWidget*>(m_hidden)})
    m_bottom->addWidget(w);
  for (QSplitter* s : {m_top, m_bottom}) {
    s->setChildrenCollapsible(false);
    for (int i = 0; i < 3; ++i) s->setStretchFactor(i, 1);
    s->setSizes({1000, 1000, 1000});  // equal thirds, whatever each chart's header asks for
  }
  m_rows->addWidget(m_top);
  m_rows->addWidget(m_bottom);
  m_rows->setChildrenCollapsible(false);
  v->addWidget(m_rows, 1);
  setCentralWidget(central);
  // The charts fit a laptop or a projector (1280x800, 1366x768), also with a lesson open and in
  // German: their headers wrap instead of setting the window's width, and each chart may shrink
  // to a size that still reads.
  for (QLabel* l : central->findChildren<QLabel*>()) l->setWordWrap(true);
  for (ChartView* c : central->findChildren<ChartView*>()) c->setMinimumSize(150, 90);
  for (HeatmapView* h : central->findChildren<HeatmapView*>()) h->setMinimumSize(150, 100);
}

void MainWindow::buildDocks() {
  m_designer = new ModelDesigner;
  auto* scroll = new QScrollArea;
  scroll->setWidget(m_designer);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  auto* model = new QDockWidget(tr("Model designer"), this);
  model->setObjectName(QStringLiteral("modelDock"));
  model->setWidget(scroll);
  model->setMinimumWidth(320);
  addDockWidget(Qt::LeftDockWidgetArea, model);

  m_data = new DataPanel;
  auto* data = new QDockWidget(tr("Data"), this);
  data->setObjectName(QStringLiteral("dataDock"));
  data->setWidget(m_data);
  addDockWidget(Qt::LeftDockWidgetArea, data);
  // Long task names (German ones especially) elide in their boxes instead of widening the dock.
  for (QComboBox* c : m_data->findChildren<QComboBox*>()) {
    c->setSizePolicy(QSizePolicy::Ignored, c->sizePolicy().verticalPolicy());
    c->setMinimumWidth(120);
  }

  m_unrolled = new UnrolledView;
  auto* unrolled = new QDockWidget(tr("Unrolled network"), this);
  unrolled->setObjectName(QStringLiteral("unrolledDock"));
  // Scrolled like the task docks it is tabbed with: the drawing's own height must not set the
  // bottom area's (a short window's charts would lose it).
  auto* unrolledScroll = new QScrollArea;
  unrolledScroll->setWidget(m_unrolled);
  unrolledScroll->setWidgetResizable(true);
  unrolledScroll->setFrameShape(QFrame::NoFrame);
  unrolled->setWidget(unrolledScroll);
  addDockWidget(Qt::BottomDockWidgetArea, unrolled);
  setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
  m_taskDocks = new TaskDocks(this, m_controller, unrolled);  // samples, forecast, sweep: tabbed
  resizeDocks({model, data}, {720, 180}, Qt::Vertical);
  resizeDocks({unrolled}, {200}, Qt::Vertical);
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  m_files->populate(file);
  m_attach = new AttachActions(this, m_controller, [this](const Frame& f) { showFrame(f); });
  m_attach->populate(file);  // Attach to run… / Detach from run (a PyTorch run's probe)
  file->addAction(tr("Open text file…"), m_data, &DataPanel::chooseFile);
  file->addAction(tr("Save window screenshot…"), this, &MainWindow::saveScreenshot);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* run = menuBar()->addMenu(tr("&Run"));
  run->addAction(m_run->playAction());
  run->addAction(m_run->stepAction());
  run->addAction(m_run->resetAction());
  run->addSeparator();
  QAction* race = run->addAction(tr("&Race configurations…"), this, &MainWindow::openRace);
  race->setToolTip(
      tr("Train up to four configurations side by side on this task, with the same "
         "seed, data order and step budget"));
  QAction* translate =
      run->addAction(tr("&Translation (encoder–decoder)…"), this, &MainWindow::openTranslation);
  translate->setToolTip(
      tr("Train an encoder–decoder with or without attention on a generated "
         "translation task and watch its attention and gradients"));

  QMenu* demos = menuBar()->addMenu(tr("&Demos"));
  for (const QString& name : demoNames()) {
    QAction* a = demos->addAction(demoDescription(name).section(QLatin1Char(':'), 0, 0));
    a->setToolTip(demoDescription(name));
    connect(a, &QAction::triggered, this, [this, name] { loadDemo(name); });
  }

  m_viewMenu = menuBar()->addMenu(tr("&View"));
  for (QDockWidget* d : findChildren<QDockWidget*>()) m_viewMenu->addAction(d->toggleViewAction());
  m_viewMenu->addAction(m_run->toggleViewAction());
  m_viewMenu->addSeparator();
  m_viewMenu->addAction(m_presentation->action());

  QMenu* lang = menuBar()->addMenu(tr("&Language"));
  auto* group = new QActionGroup(this);
  // --lang for this start wins over the saved choice, as it does for the translation itself.
  QString current = qApp->property("unrollLanguage").toString();
  if (current.isEmpty()) current = QSettings().value(QStringLiteral("language")).toString();
  const std::pair<QString, QString> langs[] = {{QString(), tr("System default")},
                                               {QStringLiteral("en"), QStringLiteral("English")},
                                               {QStringLiteral("de"), QStringLiteral("Deutsch")}};
  for (const auto& [code, name] : langs) {
    QAction* a = lang->addAction(name);
    a->setCheckable(true);
    a->setChecked(code == current);
    group->addAction(a);
    connect(a, &QAction::triggered, this, [this, code] { setLanguage(code); });
  }

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QMenu* lessons = help->addMenu(tr("&Lessons"));
  for (const QString& name : lessonNames()) {
    Lesson l;  // the menu shows the title's first part; a broken file still gets its entry
    const bool ok = loadLessonFile(lessonPath(name), &l, nullptr);
    const QString label =
        ok ? QString::fromStdString(l.title).section(QLatin1Char(':'), 0, 0) : name;
    lessons->addAction(label, this, [this, name] { openLesson(name); });
  }
  for (const QString& name : translationLessonNames()) {
    TranslationLesson l;
    try {
      l = load_translation_lesson(QFile::encodeName(translationLessonPath(name)).toStdString());
    } catch (const std::exception&) {  // the entry stays; opening it names the problem
    }
    const QString title = l.title.empty() ? name : lessonText(l.title);
    lessons->addAction(tr("%1 (Translation window)").arg(title.section(QLatin1Char(':'), 0, 0)),
                       this, [this, name] {
                         QString error;
                         if (!openTranslation()->openLesson(translationLessonPath(name), &error))
                           QMessageBox::warning(this, tr("Cannot open the lesson"), error);
                       });
  }
  lessons->addSeparator();
  lessons->addAction(tr("Open lesson file…"), this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open lesson file"), QString(),
                                                      tr("Lessons (*.json)"));
    if (!path.isEmpty()) openLesson(path);
  });
  help->addAction(tr("About Unroll"), this, [this] {
    QMessageBox::about(this, tr("About Unroll"),
                       tr("<b>Unroll</b> %1<br>A studio for designing, training and understanding "
                          "recurrent neural networks: watch gradients vanish or explode as they "
                          "travel back through time.")
                           .arg(QApplication::applicationVersion()));
  });
}

void MainWindow::connectSignals() {
  TrainingController* c = m_controller;
  // Play while attached to an outside run returns the views to the studio's own run first.
  connect(m_run, &RunControls::playRequested, this, [this] {
    if (m_attach && m_attach->attached()) m_attach->detach();
    m_controller->play();
  });
  // A step of a large model can take seconds: the status bar says that one is running and that
  // Pause takes effect when it ends (the engine never stops a step half-way).
  connect(m_run, &RunControls::pauseRequested, this, [this] {
    m_controller->pause();
    m_pauseAsked = m_controller->frame().playing;
    showRunState(m_controller->frame());
  });
  connect(m_run, &RunControls::stepRequested, this, [this] {
    m_controller->stepOnce();
    m_stepAskedAt = m_controller->frame().steps;
    showRunState(m_controller->frame());
  });
  connect(m_run, &RunControls::resetRequested, this, &MainWindow::resetRun);
  connect(m_run, &RunControls::speedChanged, c, &TrainingController::setStepsPerSecond);
  connect(m_run, &RunControls::demoRequested, this, &MainWindow::loadDemo);
  connect(c, &TrainingController::playingChanged, m_run, &RunControls::setPlaying);
  connect(c, &TrainingController::frameReady, this, [this](const Frame& f) {
    if (!m_attach || !m_attach->attached()) showFrame(f);  // else the outside run's views stay
  });
  connect(c, &TrainingController::validated, this,
          [this](const ValidationEvent& e) { m_loss->showAccuracy(e.step, e.accuracy); });
  connect(m_timeline, &TimelineBar::travelRequested, this, [this](long step) {
    m_banner->hide();
    m_controller->travelTo(step);
  });
  connect(c, &TrainingController::nonFiniteStep, this, &MainWindow::onNonFinite);
  connect(c, &TrainingController::engineError, this, [this](const QString& msg) {
    statusBar()->showMessage(tr("Engine: %1").arg(msg), 10000);
  });
  connect(m_designer, &ModelDesigner::learningRateChanged, c, &TrainingController::setLearningRate);
  connect(m_designer, &ModelDesigner::clipChanged, c, &TrainingController::setClip);
  connect(m_designer, &ModelDesigner::bpttChanged, c, &TrainingController::setBptt);
  connect(m_designer, &ModelDesigner::applyRequested, this, &MainWindow::applyAndRestart);
  connect(m_data, &DataPanel::dataChanged, m_designer, &ModelDesigner::setDataSpec);
  connect(m_files, &FileActions::idle, this, [this] {
    if (!m_closeWhenIdle) return;
    m_closeWhenIdle = false;
    close();
  });
  connect(c, &TrainingController::settingsChanged, m_designer, &ModelDesigner::showLiveSettings);
  // The unrolled drawing shows the model that trains, with the BPTT window the engine accepted;
  // an edit in the designer shows there only after Apply.
  connect(c, &TrainingController::settingsChanged, this, [this](const RunSettings& s) {
    m_gradNorm->setClip(s.clip);
    m_unrolled->setSpec(m_controller->spec());
  });
  connect(m_files, &FileActions::newRequested, this, [this] {
    m_lessonRun = false;
    startDemo(QStringLiteral("vanishing"));
  });
  connect(m_files, &FileActions::opened, this, [this] {
    m_lessonRun = false;
    m_designer->setSpec(m_controller->spec());
    m_data->setDataSpec(m_controller->spec().data);
    showSpec();
  });
  // Both fixes rewind to the last known-good snapshot first: the last weights may already be
  // on their way to overflow.
  connect(m_banner, &NonFiniteBanner::lowerLearningRate, this, [this] {
    m_controller->rewindToLastGood();
    m_designer->lrBox()->setValue(m_controller->spec().train.optimizer.lr * 0.1);
    m_banner->hide();
    m_controller->play();
  });
  connect(m_banner, &NonFiniteBanner::enableClipping, this, [this] {
    m_controller->rewindToLastGood();
    RunSpec s = m_designer->spec();
    s.train.clip = {ClipMode::Norm, 1.0};
    m_designer->setLiveClip(s.train.clip);
    m_banner->hide();
    m_controller->play();
  });
  connect(m_banner, &NonFiniteBanner::continueAnyway, this, [this] {
    m_banner->hide();
    m_controller->play();
  });
  connect(m_banner, &NonFiniteBanner::resetRun, this, &MainWindow::resetRun);
}

bool MainWindow::replaceRun(std::function<void()> replace) {
  if (m_lessonRun) {  // a lesson's run: its steps, Apply and Reset replace it unasked
    replace();
    return true;
  }
  return m_files->replaceRun(std::move(replace));
}

void MainWindow::start(const AppOptions& options, bool offerRecovery) {
  const bool recovering = offerRecovery && m_files->offerRecovery();
  if (!recovering) loadDemo(options.demo);
  show();
  if (recovering) return;  // the recovered run opens paused, as the crash left it
  // After show(): the lesson dock then takes its room from the charts, not from the screen.
  if (!options.lesson.isEmpty() && openLesson(options.lesson) && options.lessonStep > 1)
    m_lesson->goToStep(options.lessonStep - 1);
  // The open is answered on the training thread before any Play sent after it.
  if (!options.open.isEmpty()) m_files->openPath(options.open);
  if (options.stepsPerSecond > 0) m_controller->setStepsPerSecond(options.stepsPerSecond);
  if (options.present) m_presentation->setOn(true);
  if (options.autoplay) play();
}

bool MainWindow::loadDemo(const QString& name) {
  RunSpec spec;
  if (!demoSpec(name, &spec)) return false;
  if (replaceRun([this, name] {
        m_lessonRun = false;
        startDemo(name);
      }))
    return true;
  m_run->setDemo(m_controller->spec().demo);  // cancelled: the toolbar shows the run's demo again
  return false;
}

void MainWindow::startDemo(const QString& name) {
  RunSpec spec;
  if (!demoSpec(name, &spec)) return;
  m_designer->setSpec(spec);
  m_data->setDataSpec(spec.data);
  m_run->setDemo(name);
  applySpec(spec);
}

bool MainWindow::applyAndRestart(const RunSpec& spec) {
  return replaceRun([this, spec] { applySpec(spec); });
}

bool MainWindow::resetRun() {
  return replaceRun([this] {
    m_banner->hide();
    m_controller->reset();
  });
}

bool MainWindow::openLesson(const QString& name) {
  Lesson lesson;
  QString error;
  if (!loadLessonFile(lessonFile(name), &lesson, &error)) {
    m_files->showError(tr("Cannot open lesson"), error);
    return false;
  }
  return replaceRun([this, name, lesson] { startLesson(name, lesson); });
}

void MainWindow::startLesson(const QString& name, const Lesson& lesson) {
  const QSize before = size();  // the window keeps its size: the charts make room for the lesson
  if (!m_lesson) {
    m_lesson = new LessonPanel(m_controller);
    auto* dock = new QDockWidget(tr("Lesson"), this);
    dock->setObjectName(QStringLiteral("lessonDock"));
    dock->setWidget(m_lesson);
    dock->setMinimumWidth(300);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    // A step's preset replaces the run: unasked while it is the lesson's own, else as a demo does.
    m_lesson->setReplaceGuard([this](std::function<void()> replace) {
      return replaceRun([this, replace] {
        m_lessonRun = true;
        replace();
      });
    });
    connect(m_lesson, &LessonPanel::paceChanged, m_run, &RunControls::setStepsPerSecond);
    connect(m_lesson, &LessonPanel::comparisonChanged, this,
            [this](const std::vector<ComparisonRun>& runs) {
              m_loss->setComparison(runs);
              m_timestep->setComparison(runs);
            });
    connect(m_lesson, &LessonPanel::specApplied, this, [this](const RunSpec& spec) {
      m_lessonRun = true;
      m_designer->setSpec(spec);
      m_data->setDataSpec(spec.data);
      showSpec();
    });
  }
  m_lessonRun = true;  // the user agreed to replace their run: the first step's preset goes unasked
  m_presentation->setLessonCharts(lesson.charts);
  m_lesson->parentWidget()->show();
  m_lesson->setLesson(lesson);
  // The side docks at their narrow widths, the charts keep the rest of the same window.
  resizeDocks({findChild<QDockWidget*>(QStringLiteral("modelDock")),
               qobject_cast<QDockWidget*>(m_lesson->parentWidget())},
              {330, 330}, Qt::Horizontal);
  resize(before.expandedTo(minimumSizeHint()));
  // The first lesson is about backpropagation through the unrolled graph: play it.
  if (name == QLatin1String("unrolling")) {
    m_unrolled->setAnimating(true);
    if (auto* dock = findChild<QDockWidget*>(QStringLiteral("unrolledDock"))) {
      dock->show();
      dock->raise();
    }
  }
}

TranslationWindow* MainWindow::openTranslation() {
  if (!m_translation) {
    m_translation = new TranslationWindow(this);
    m_translation->setWindowFlag(Qt::Window);  // its own top-level window, closed with the studio
  }
  m_translation->show();
  m_translation->raise();
  m_translation->activateWindow();
  return m_translation;
}

RaceWindow* MainWindow::openRace() {
  if (!m_race) {
    m_race = new RaceWindow(m_controller->spec(), m_controller->task(), this);
    m_race->setWindowFlag(Qt::Window);  // its own top-level window, closed with the studio
  } else if (!m_race->running()) {
    m_race->setBase(m_controller->spec(), m_controller->task());  // the studio's current run
  }
  m_race->show();
  m_race->raise();
  m_race->activateWindow();
  return m_race;
}

void MainWindow::applySpec(const RunSpec& spec) {
  const QString error = m_controller->setSpec(spec);
  if (!error.isEmpty()) {
    QMessageBox::warning(this, tr("Cannot build this model"), error);
    return;
  }
  showSpec();
}

// Shows the controller's current spec in the panels and charts (after a build or an Open).
void MainWindow::showSpec() {
  const RunSpec& s = m_controller->spec();
  m_banner->hide();
  m_unrolled->setSpec(s);
  m_gradNorm->setClip(s.train.clip);
  m_dynamics->setCell(s.train.model.cell);
  m_hidden->setTokenLabels(m_controller->tokenLabels());
  m_loss->setBaseline(m_controller->lossBaseline(), m_controller->regressionTask()
                                                        ? tr("mean predictor")
                                                        : tr("unigram entropy"));
  m_loss->setAccuracySentence(accuracySentence(),
                              m_controller->task() ? m_controller->task()->chance_accuracy() : NAN);
  m_run->setDemo(s.demo);
  m_demoLine->setText(s.demo.isEmpty() ? QString() : demoDescription(s.demo));
  m_demoLine->setVisible(!s.demo.isEmpty());
  m_controller->setStepsPerSecond(m_run->stepsPerSecond());
}

// What the task's validation accuracy counts, as the loss chart words it (%1 accuracy, %2 chance).
QString MainWindow::accuracySentence() const {
  const auto task = m_controller->task();
  if (!task) return {};
  if (m_controller->spec().data.task() == "language")
    return tr("%1% of validation sentences name the language word exactly (chance: %2%).");
  if (m_controller->spec().data.task() == "copy")
    return tr("%1% of the symbols recalled (chance: %2%).");
  switch (task->accuracy_unit()) {
    case AccuracyUnit::Tokens:
      return tr("%1% of the next characters predicted (always the most frequent: %2%).");
    case AccuracyUnit::Sequences:
      return tr("%1% of the sequences entirely right (chance: %2%).");
    case AccuracyUnit::None:
      break;
  }
  return {};
}

void MainWindow::play() { m_controller->play(); }

QString MainWindow::runStateText() const { return m_stateLabel->text(); }

void MainWindow::showRunState(const Frame& f) {
  if (m_pauseAsked && !f.playing) m_pauseAsked = false;
  if (m_stepAskedAt >= 0 && f.steps > m_stepAskedAt) m_stepAskedAt = -1;
  if (m_pauseAsked)
    m_stateLabel->setText(tr("● pausing when this step ends…"));
  else if (m_stepAskedAt >= 0 && !f.playing)
    m_stateLabel->setText(tr("● running one step…"));
  else
    m_stateLabel->setText(f.playing ? tr("● training") : tr("❚❚ paused"));
}

void MainWindow::refreshNow() {
  m_controller->pullNow();
  showFrame(m_controller->frame());
}

bool MainWindow::saveWindowPng(const QString& path) {
  refreshNow();
  QApplication::processEvents();
  return grab().save(path, "PNG");
}

QList<QRect> MainWindow::chartRects() const {
  QList<QRect> rects;
  for (const QWidget* w :
       {static_cast<const QWidget*>(m_loss), static_cast<const QWidget*>(m_gradNorm),
        static_cast<const QWidget*>(m_dynamics), static_cast<const QWidget*>(m_timestep),
        static_cast<const QWidget*>(m_heatmap), static_cast<const QWidget*>(m_hidden)})
    rects << QRect(w->mapTo(this, QPoint(0, 0)), w->size());
  return rects;
}

void MainWindow::showFrame(const Frame& f) {
  m_timeline->setFrame(f);
  if (f.travelCount != m_seenTravels) {
    m_seenTravels = f.travelCount;
    if (f.travelledTo >= 0)
      statusBar()->showMessage(
          tr("Back at step %1. Change a setting and press Play to branch; the old branch stays "
             "on the loss chart.")
              .arg(f.travelledTo),
          10000);
  }
  if (f.hasReport)
    m_unrolled->setReport(f.report);
  else if (m_unrolled->hasGradients())
    m_unrolled->clearGradients();
  m_loss->showFrame(f);
  m_gradNorm->showFrame(f);
  m_timestep->showFrame(f);
  m_heatmap->showFrame(f);
  m_hidden->showFrame(f);
  m_dynamics->showFrame(f);
  showRunState(f);
  m_stepLabel->setText(tr("step %1").arg(f.steps));
  m_speedLabel->setText(
      f.hasReport ? tr("%1 tokens/s").arg(QLocale().toString(f.report.tokens_per_s, 'f', 0))
                  : QString());
  m_timeLabel->setText(tr("%1 s elapsed").arg(f.elapsed, 0, 'f', 1));
}

void MainWindow::onNonFinite(const NonFiniteEvent& e) {
  m_banner->report(e, m_controller->spec().train.optimizer.lr);
  statusBar()->showMessage(tr("Step %1 was not finite; training paused.").arg(e.step), 8000);
}

void MainWindow::setLanguage(const QString& code) {
  QSettings().setValue(QStringLiteral("language"), code);
  QMessageBox::information(this, tr("Language"),
                           tr("The language changes the next time Unroll starts."));
}

void MainWindow::saveScreenshot() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Save window screenshot"), QString(),
                                                    tr("PNG image (*.png)"));
  if (!path.isEmpty()) saveWindowPng(path);
}

void MainWindow::resizeEvent(QResizeEvent* e) {
  QMainWindow::resizeEvent(e);
  QTimer::singleShot(0, this, &MainWindow::fitBottomDocks);  // once the docks have their sizes
}

void MainWindow::fitBottomDocks() {
  // A cap, not a one-time resize: Qt's dock layout hands a shrinking window's height to the
  // central widget first, so the docks kept their height and the charts lost theirs.
  const int most = height() < 1000 ? std::max(130, height() / 5) : QWIDGETSIZE_MAX;
  QList<QDockWidget*> tall;
  for (QDockWidget* d : findChildren<QDockWidget*>())
    if (dockWidgetArea(d) == Qt::BottomDockWidgetArea && !d->isFloating()) {
      // Never below what the dock's content needs (it would draw over the status bar).
      d->setMaximumHeight(std::max(most, d->minimumSizeHint().height()));
      if (d->isVisible() && d->height() > d->maximumHeight()) tall << d;
    }
  QList<int> heights;
  for (const QDockWidget* d : tall) heights << d->maximumHeight();
  if (!tall.isEmpty()) resizeDocks(tall, heights, Qt::Vertical);  // now
}

void MainWindow::closeEvent(QCloseEvent* e) {
  if (m_files->busy()) {  // a file is being written: close once it is done (see connectSignals)
    m_closeWhenIdle = true;
    statusBar()->showMessage(tr("Closing when the file is written…"));
    e->ignore();
    return;
  }
  if (m_saveLayout) {  // only interactive windows ask
    // Save in the prompt is answered later: the window closes when that save succeeded.
    auto inPrompt = std::make_shared<bool>(true);
    auto proceedNow = std::make_shared<bool>(false);
    const bool go = m_files->maybeSave([this, inPrompt, proceedNow] {
      if (*inPrompt)
        *proceedNow = true;
      else
        QTimer::singleShot(0, this, &QWidget::close);
    });
    *inPrompt = false;
    if (!go || !*proceedNow) {
      e->ignore();
      return;
    }
  }
  if (m_saveLayout) {
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/rows"), m_rows->saveState());
    s.setValue(QStringLiteral("window/top"), m_top->saveState());
    s.setValue(QStringLiteral("window/bottom"), m_bottom->saveState());
  }
  m_controller->shutdown();  // joins the training thread before the window goes
  // After the join: an autosave still being written must not outlive its removal.
  if (m_saveLayout) m_files->closing();
  e->accept();
}

}  // namespace unroll::gui
