// The data source: built-in text, a text file, the long-lag tasks (language, adding, copy) with
// their lag, the synthetic series (sine, stock) and a CSV column; each becomes a DataSpec.
#pragma once
#include <QWidget>

#include "session/run_spec.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace unroll::gui {

class DataPanel : public QWidget {
  Q_OBJECT
 public:
  explicit DataPanel(QWidget* parent = nullptr);
  void setDataSpec(const DataSpec& data);
  DataSpec dataSpec() const;
  // Reads the CSV file now; on success lists its columns and selects the CSV task, on failure
  // shows the loader's message (line and column) and keeps the current choice. Returns success.
  bool loadCsvFile(const QString& path);
  QComboBox* csvColumnBox() const { return m_csvColumn; }

 public slots:
  void chooseFile();
  void chooseCsvFile();

 signals:
  void dataChanged(const unroll::gui::DataSpec& data);

 private:
  DataKind kind() const;
  void selectKind(DataKind kind);  // shows its page; emits through the combo when it changes
  void changed();
  void updateNote();

  QComboBox* m_kind;
  QStackedWidget* m_pages;
  QLineEdit *m_path, *m_csvPath;
  QPushButton *m_open, *m_openCsv;
  QSpinBox *m_length, *m_filler, *m_lag;
  QComboBox* m_csvColumn;
  QLabel* m_note;
  bool m_loading = false;
};

}  // namespace unroll::gui
