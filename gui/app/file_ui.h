// The questions and messages of the File menu behind an interface: the studio shows dialogs,
// tests script the answers (so no modal box blocks an offscreen run).
#pragma once
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class QWidget;

namespace unroll::gui {

class FileUi {
 public:
  enum Answer { Save, Discard, Cancel };
  virtual ~FileUi() = default;
  virtual Answer askUnsaved(QWidget* parent, const QString& name) = 0;
  // Empty when the user cancels.
  virtual QString openPath(QWidget* parent, const QString& dir) = 0;
  virtual QString savePath(QWidget* parent, const QString& title, const QString& suggested,
                           const QString& filter) = 0;
  virtual void error(QWidget* parent, const QString& title, const QString& text) = 0;
  virtual bool askRecover(QWidget* parent, const QDateTime& saved) = 0;
};

// QMessageBox and QFileDialog.
class DialogFileUi : public FileUi {
  Q_DECLARE_TR_FUNCTIONS(DialogFileUi)

 public:
  Answer askUnsaved(QWidget* parent, const QString& name) override;
  QString openPath(QWidget* parent, const QString& dir) override;
  QString savePath(QWidget* parent, const QString& title, const QString& suggested,
                   const QString& filter) override;
  void error(QWidget* parent, const QString& title, const QString& text) override;
  bool askRecover(QWidget* parent, const QDateTime& saved) override;
};

}  // namespace unroll::gui
