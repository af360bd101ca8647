// The data source: the built-in text, a text file of one's own, or the adding problem with its
// length T (more tasks will join here).
#pragma once
#include <QWidget>

#include "run_spec.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace unroll::gui {

class DataPanel : public QWidget {
  Q_OBJECT
 public:
  explicit DataPanel(QWidget* parent = nullptr);
  void setDataSpec(const DataSpec& data);
  DataSpec dataSpec() const;

 public slots:
  void chooseFile();

 signals:
  void dataChanged(const unroll::gui::DataSpec& data);

 private:
  void changed();

  QRadioButton *m_builtin, *m_file, *m_adding;
  QLineEdit* m_path;
  QPushButton* m_open;
  QSpinBox* m_length;
  QLabel* m_note;
  bool m_loading = false;
};

}  // namespace unroll::gui
