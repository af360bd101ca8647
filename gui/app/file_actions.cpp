// File menu actions on top of the controller's file commands; all dialogs go through FileUi. The
// commands are answered later (fileFinished): the window stays responsive while a file is written.
#include "app/file_actions.h"

#include <QAction>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include "app/autosave.h"
#include "session/training_controller.h"

namespace unroll::gui {
namespace {
const char* const kRecentKey = "files/recent";
constexpr int kMaxRecent = 8;
}  // namespace

FileActions::FileActions(QMainWindow* window, TrainingController* controller, bool interactive)
    : QObject(window),
      m_window(window),
      m_controller(controller),
      m_interactive(interactive),
      m_ui(std::make_unique<DialogFileUi>()),
      m_autosave(new Autosave(controller, this)) {
  connect(controller, &TrainingController::frameReady, this, &FileActions::updateTitle);
  connect(controller, &TrainingController::fileFinished, this, &FileActions::onFinished);
  setPath({});
  if (interactive) m_autosave->start();  // the recovery offer comes from MainWindow::start
}

FileActions::~FileActions() = default;

void FileActions::setUi(std::unique_ptr<FileUi> ui) { m_ui = std::move(ui); }

void FileActions::populate(QMenu* file) {
  QAction* first = file->actions().value(0);
  auto add = [&](const QString& text, QKeySequence::StandardKey key, auto slot) {
    auto* a = new QAction(text, file);
    if (key != QKeySequence::UnknownKey) a->setShortcut(key);
    connect(a, &QAction::triggered, this, slot);
    file->insertAction(first, a);
    return a;
  };
  add(tr("&New"), QKeySequence::New, [this] { newRun(); });
  add(tr("&Open…"), QKeySequence::Open, [this] { open(); });
  m_recent = new QMenu(tr("Open &Recent"), file);
  file->insertMenu(first, m_recent);
  file->insertSeparator(first);
  m_save = add(tr("&Save"), QKeySequence::Save, [this] { save(); });
  m_saveAs = add(tr("Save &As…"), QKeySequence::SaveAs, [this] { saveAs(); });
  auto* exp = new QMenu(tr("&Export"), file);
  exp->addAction(tr("Weights for PyTorch (safetensors)…"), this,
                 [this] { exportAs(FileKind::Safetensors); });
  exp->addAction(tr("ONNX model…"), this, [this] { exportAs(FileKind::Onnx); });
  exp->addAction(tr("Metrics (CSV)…"), this, [this] { exportAs(FileKind::MetricsCsv); });
  exp->addAction(tr("Timestep gradients (CSV)…"), this,
                 [this] { exportAs(FileKind::TimestepCsv); });
  file->insertMenu(first, exp);
  file->insertSeparator(first);
  rebuildRecent();
}

bool FileActions::newRun() {
  return replaceRun([this] { emit newRequested(); });
}

bool FileActions::open() {
  return maybeSave([this] {
    const QString dir = m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath();
    const QString path = m_ui->openPath(m_window, dir);
    if (!path.isEmpty()) startOpen(path, false);
  });
}

bool FileActions::openPath(const QString& path) {
  return maybeSave([this, path] { startOpen(path, true); });
}

void FileActions::startOpen(const QString& path, bool fromRecent) {
  const QString name = QFileInfo(path).fileName();
  track(m_controller->openFile(path), tr("Opening %1…").arg(name),
        [this, path, name, fromRecent](const FileResult& r) {
          if (!r.ok) {
            if (fromRecent && !QFileInfo::exists(path)) {  // a recent file that went away
              QStringList recent = recentFiles();
              recent.removeAll(path);
              QSettings().setValue(kRecentKey, recent);
              rebuildRecent();
            }
            fail(tr("Cannot open checkpoint"), r);
            return;
          }
          setPath(path);
          addRecent(path);
          status(tr("Opened %1 at step %2").arg(name).arg(r.step));
          emit opened();
        });
}

bool FileActions::save() { return saveThen({}); }
bool FileActions::saveAs() { return saveAsThen({}); }
bool FileActions::saveTo(const QString& path) { return saveToThen(path, {}); }

bool FileActions::saveThen(std::function<void()> then) {
  return m_path.isEmpty() ? saveAsThen(std::move(then)) : saveToThen(m_path, std::move(then));
}

bool FileActions::saveAsThen(std::function<void()> then) {
  QString path =
      m_ui->savePath(m_window, tr("Save checkpoint"), m_path.isEmpty() ? tr("run.unroll") : m_path,
                     tr("Unroll checkpoints (*.unroll)"));
  if (path.isEmpty()) return false;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".unroll");
  return saveToThen(path, std::move(then));
}

bool FileActions::saveToThen(const QString& path, std::function<void()> then) {
  const QString name = QFileInfo(path).fileName();
  return track(m_controller->saveFile(path, FileKind::Checkpoint), tr("Saving %1…").arg(name),
               [this, path, name, then = std::move(then)](const FileResult& r) {
                 if (!r.ok) {
                   fail(tr("Cannot save checkpoint"), r);
                   return;
                 }
                 setPath(path);
                 addRecent(path);
                 status(tr("Saved %1 at step %2").arg(name).arg(r.step));
                 if (then) then();
               });
}

bool FileActions::track(uint64_t id, const QString& working,
                        std::function<void(const FileResult&)> done) {
  m_pending[id] = std::move(done);
  status(working, 0);  // until the answer replaces it
  updateActions();
  return true;
}

void FileActions::onFinished(const FileResult& r) {
  auto it = m_pending.find(r.id);
  if (it == m_pending.end()) return;  // not ours (an autosave)
  std::function<void(const FileResult&)> done = std::move(it->second);
  m_pending.erase(it);
  updateActions();
  if (m_window->statusBar()) m_window->statusBar()->clearMessage();
  done(r);
  emit finished(r);
  if (m_pending.empty()) emit idle();
}

void FileActions::updateActions() {
  for (QAction* a : {m_save, m_saveAs})
    if (a) a->setEnabled(!busy());
}

bool FileActions::exportAs(FileKind kind) {
  QString title, name, filter;
  switch (kind) {
    case FileKind::Safetensors:
      title = tr("Export weights for PyTorch");
      name = QStringLiteral("model.safetensors");
      filter = tr("safetensors (*.safetensors)");
      break;
    case FileKind::Onnx:
      title = tr("Export ONNX model");
      name = QStringLiteral("model.onnx");
      filter = tr("ONNX models (*.onnx)");
      break;
    case FileKind::MetricsCsv:
    case FileKind::TimestepCsv:
      title = kind == FileKind::MetricsCsv ? tr("Export metrics") : tr("Export timestep gradients");
      name = kind == FileKind::MetricsCsv ? QStringLiteral("metrics.csv")
                                          : QStringLiteral("timestep_grads.csv");
      filter = tr("CSV files (*.csv)");
      break;
    case FileKind::Checkpoint:
      return saveAs();
  }
  const QString dir = m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath() + '/';
  const QString path = m_ui->savePath(m_window, title, dir + name, filter);
  return !path.isEmpty() && exportTo(kind, path);
}

bool FileActions::exportTo(FileKind kind, const QString& path) {
  const QString name = QFileInfo(path).fileName();
  return track(m_controller->saveFile(path, kind), tr("Exporting %1…").arg(name),
               [this, name](const FileResult& r) {
                 if (!r.ok)
                   fail(tr("Cannot export"), r);
                 else
                   status(tr("Exported %1").arg(name));
               });
}

bool FileActions::maybeSave(std::function<void()> then) {
  m_controller->pullNow();
  if (!m_controller->modified()) {
    if (then) then();
    return true;
  }
  const QString name = m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
  switch (m_ui->askUnsaved(m_window, name)) {
    case FileUi::Save:
      return saveThen(std::move(then));
    case FileUi::Discard:
      if (then) then();
      return true;
    case FileUi::Cancel:
      return false;
  }
  return false;
}

bool FileActions::replaceRun(std::function<void()> replace) {
  return maybeSave([this, replace = std::move(replace)] {
    setPath({});
    if (replace) replace();
  });
}

bool FileActions::offerRecovery() {
  QDateTime saved;
  if (!m_autosave->recoveryAvailable(&saved)) return false;
  if (!m_ui->askRecover(m_window, saved)) {
    m_autosave->discard();
    return false;
  }
  return track(m_controller->openFile(Autosave::path(), /*markSaved=*/false),
               tr("Recovering the autosaved run…"), [this](const FileResult& r) {
                 if (!r.ok) {
                   fail(tr("Cannot recover the autosaved run"), r);
                   return;
                 }
                 setPath({});
                 status(tr("Recovered the autosaved run at step %1").arg(r.step));
                 emit opened();
               });
}

void FileActions::closing() { m_autosave->cleanExit(); }

QStringList FileActions::recentFiles() const {
  return QSettings().value(kRecentKey).toStringList();
}

void FileActions::setPath(const QString& path) {
  m_path = path;
  const QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
  m_window->setWindowTitle(tr("%1[*] — Unroll").arg(name));
  updateTitle();
}

void FileActions::updateTitle() { m_window->setWindowModified(m_controller->frame().modified); }

void FileActions::addRecent(const QString& path) {
  const QString abs = QFileInfo(path).absoluteFilePath();
  QStringList recent = recentFiles();
  recent.removeAll(abs);
  recent.prepend(abs);
  while (recent.size() > kMaxRecent) recent.removeLast();
  QSettings().setValue(kRecentKey, recent);
  rebuildRecent();
}

void FileActions::rebuildRecent() {
  if (!m_recent) return;
  m_recent->clear();
  const QStringList recent = recentFiles();
  for (const QString& path : recent) {
    QAction* a =
        m_recent->addAction(QFileInfo(path).fileName(), this, [this, path] { openPath(path); });
    a->setToolTip(path);
  }
  m_recent->setEnabled(!recent.isEmpty());
}

void FileActions::fail(const QString& title, const FileResult& r) { showError(title, r.message); }

void FileActions::showError(const QString& title, const QString& text) {
  m_ui->error(m_window, title, text);
}

void FileActions::status(const QString& text, int timeoutMs) {
  if (m_window->statusBar()) m_window->statusBar()->showMessage(text, timeoutMs);
}

}  // namespace unroll::gui
