// File menu actions on top of the controller's file commands; all dialogs go through FileUi.
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
  setPath({});
  if (interactive) {
    m_autosave->start();
    QTimer::singleShot(0, this, &FileActions::offerRecovery);
  }
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
  add(tr("Save &As…"), QKeySequence::SaveAs, [this] { saveAs(); });
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
  if (!maybeSave()) return false;
  setPath({});
  emit newRequested();
  return true;
}

bool FileActions::open() {
  if (!maybeSave()) return false;
  const QString dir = m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath();
  const QString path = m_ui->openPath(m_window, dir);
  if (path.isEmpty()) return false;
  const FileResult r = m_controller->openFile(path);
  if (!r.ok) {
    fail(tr("Cannot open checkpoint"), r);
    return false;
  }
  setPath(path);
  addRecent(path);
  status(tr("Opened %1 at step %2").arg(QFileInfo(path).fileName()).arg(r.step));
  emit opened();
  return true;
}

bool FileActions::openPath(const QString& path) {
  if (!maybeSave()) return false;
  const FileResult r = m_controller->openFile(path);
  if (!r.ok) {
    if (!QFileInfo::exists(path)) {  // a recent file that went away
      QStringList recent = recentFiles();
      recent.removeAll(path);
      QSettings().setValue(kRecentKey, recent);
      rebuildRecent();
    }
    fail(tr("Cannot open checkpoint"), r);
    return false;
  }
  setPath(path);
  addRecent(path);
  status(tr("Opened %1 at step %2").arg(QFileInfo(path).fileName()).arg(r.step));
  emit opened();
  return true;
}

bool FileActions::save() { return m_path.isEmpty() ? saveAs() : saveTo(m_path); }

bool FileActions::saveAs() {
  QString path =
      m_ui->savePath(m_window, tr("Save checkpoint"), m_path.isEmpty() ? tr("run.unroll") : m_path,
                     tr("Unroll checkpoints (*.unroll)"));
  if (path.isEmpty()) return false;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".unroll");
  return saveTo(path);
}

bool FileActions::saveTo(const QString& path) {
  const FileResult r = m_controller->saveFile(path, FileKind::Checkpoint);
  if (!r.ok) {
    fail(tr("Cannot save checkpoint"), r);
    return false;
  }
  setPath(path);
  addRecent(path);
  status(tr("Saved %1 at step %2").arg(QFileInfo(path).fileName()).arg(r.step));
  return true;
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
  const FileResult r = m_controller->saveFile(path, kind);
  if (!r.ok) {
    fail(tr("Cannot export"), r);
    return false;
  }
  status(tr("Exported %1").arg(QFileInfo(path).fileName()));
  return true;
}

bool FileActions::maybeSave() {
  m_controller->pullNow();
  if (!m_controller->modified()) return true;
  const QString name = m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
  switch (m_ui->askUnsaved(m_window, name)) {
    case FileUi::Save:
      return save();
    case FileUi::Discard:
      return true;
    case FileUi::Cancel:
      return false;
  }
  return false;
}

bool FileActions::offerRecovery() {
  QDateTime saved;
  if (!m_autosave->recoveryAvailable(&saved)) return false;
  if (!m_ui->askRecover(m_window, saved)) {
    m_autosave->discard();
    return false;
  }
  const FileResult r = m_controller->openFile(Autosave::path(), /*markSaved=*/false);
  if (!r.ok) {
    fail(tr("Cannot recover the autosaved run"), r);
    return false;
  }
  setPath({});
  status(tr("Recovered the autosaved run at step %1").arg(r.step));
  emit opened();
  return true;
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

void FileActions::fail(const QString& title, const FileResult& r) {
  m_ui->error(m_window, title, r.message);
}

void FileActions::status(const QString& text) {
  if (m_window->statusBar()) m_window->statusBar()->showMessage(text, 6000);
}

}  // namespace unroll::gui
