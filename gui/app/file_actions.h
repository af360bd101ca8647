// The File menu's run handling: New, Open, Recent, Save, Save As, Export (safetensors, ONNX,
// metrics CSV), the unsaved-changes prompt, the "*" in the title, autosave and recovery.
#pragma once
#include <QObject>
#include <QStringList>
#include <functional>
#include <map>
#include <memory>

#include "app/file_ui.h"
#include "session/frame.h"

class QAction;
class QMainWindow;
class QMenu;

namespace unroll::gui {

class Autosave;
class TrainingController;

class FileActions : public QObject {
  Q_OBJECT
 public:
  // interactive: autosave, recovery offer and the prompt on close (off for screenshots and tests).
  FileActions(QMainWindow* window, TrainingController* controller, bool interactive);
  ~FileActions() override;
  void setUi(std::unique_ptr<FileUi> ui);  // tests script the dialogs
  // Adds New, Open, Recent, Save, Save As and Export at the top of the File menu.
  void populate(QMenu* file);

  // File commands are answered later by the training thread: each of these returns whether it
  // went ahead (false: cancelled, no path, or refused at once), and finished(result) follows
  // for every file request it made, with the status bar and any error shown by then.
  bool newRun();                       // after the unsaved prompt, emits newRequested
  bool open();                         // asks for a path
  bool openPath(const QString& path);  // after the unsaved prompt
  bool save();                         // to the current file, else Save As
  bool saveAs();
  bool saveTo(const QString& path);
  bool exportAs(FileKind kind);  // asks for a path
  bool exportTo(FileKind kind, const QString& path);
  // Unsaved prompt when the run trained since its last save. false: the user cancelled (or the
  // save could not start). Otherwise `then` runs: at once, or after the chosen save succeeded.
  bool maybeSave(std::function<void()> then = {});
  // For anything that replaces the run (a demo, Apply and restart, Reset, a lesson): the unsaved
  // prompt, then `replace` with the file name forgotten, so that the new run is Untitled and the
  // next Save cannot overwrite the old run's file. false: the user cancelled.
  bool replaceRun(std::function<void()> replace);
  void showError(const QString& title, const QString& text);  // through the (scriptable) dialogs
  bool offerRecovery();                             // at start: recover an autosave left by a crash
  void closing();                                   // clean exit (removes the autosave)
  bool busy() const { return !m_pending.empty(); }  // a file request is not answered yet

  QString currentPath() const { return m_path; }
  QStringList recentFiles() const;
  Autosave* autosave() const { return m_autosave; }
  QAction* saveAction() const { return m_save; }

 signals:
  void newRequested();
  void opened();  // a checkpoint is open; the controller's spec is its spec
  void finished(const unroll::gui::FileResult& result);  // after the status or error is shown
  void idle();  // the last pending file request was answered

 private:
  void setPath(const QString& path);
  void updateTitle();
  void addRecent(const QString& path);
  void rebuildRecent();
  void fail(const QString& title, const FileResult& r);
  void status(const QString& text, int timeoutMs = 6000);
  bool saveThen(std::function<void()> then);  // save(), then `then` after it succeeded
  bool saveAsThen(std::function<void()> then);
  bool saveToThen(const QString& path, std::function<void()> then);
  // Sends a file request (the controller's id) and runs `done` with its answer.
  bool track(uint64_t id, const QString& working, std::function<void(const FileResult&)> done);
  void onFinished(const FileResult& r);
  void startOpen(const QString& path, bool fromRecent);
  void updateActions();

  QMainWindow* m_window;
  TrainingController* m_controller;
  bool m_interactive;
  std::unique_ptr<FileUi> m_ui;
  Autosave* m_autosave;
  QString m_path;  // the open checkpoint, empty for an unsaved run
  QAction* m_save = nullptr;
  QAction* m_saveAs = nullptr;
  QMenu* m_recent = nullptr;
  std::map<uint64_t, std::function<void(const FileResult&)>> m_pending;  // by request id
};

}  // namespace unroll::gui
