// The data source: a task combo and, per task, a form built from the task registry's table (a
// widget per option, by kind); the panel's value is the registry's TaskSpec.
#pragma once
#include <QMap>
#include <QWidget>

#include "session/run_spec.h"

class QComboBox;
class QLabel;
class QStackedWidget;

namespace unroll::gui {

// Every title, label and help text of the task table, marked for lupdate in the context
// "TaskRegistry" (panels/task_strings.cpp, kept by hand; tst_task_registry checks it is complete).
QStringList taskRegistryStrings();

class DataPanel : public QWidget {
  Q_OBJECT
 public:
  explicit DataPanel(QWidget* parent = nullptr);
  void setDataSpec(const unroll::TaskSpec& data);
  unroll::TaskSpec dataSpec() const;
  // Reads the CSV file now with the CSV form's options; on success lists its columns and selects
  // the CSV task, on failure shows the loader's message (line and column) and keeps the current
  // choice. Returns success.
  bool loadCsvFile(const QString& path);
  // The CSV form's column choice (editable: several columns are given as "a,b").
  QComboBox* csvColumnBox() const;
  // The widget of a task's option (a QSpinBox, QDoubleSpinBox, QComboBox or QLineEdit), or
  // nullptr.
  QWidget* optionWidget(const QString& task, const QString& option) const;

 public slots:
  void chooseFile();
  void chooseCsvFile();

 signals:
  void dataChanged(const unroll::TaskSpec& data);

 private:
  QString task() const;
  void selectTask(const QString& task);  // shows its form; emits through the combo when it changes
  void addForm(const TaskInfo& info);
  void showPage(int index);
  void changed();
  void updateNote();

  QComboBox* m_task;
  QStackedWidget* m_pages;
  QMap<QString, QMap<QString, QWidget*>> m_widgets;  // task -> option -> widget
  QLabel* m_note;
  bool m_loading = false;
};

}  // namespace unroll::gui
