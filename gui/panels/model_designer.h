// The model designer: every setting of the model and its training, in widgets whose ranges refuse
// invalid values; cross-field problems are named in a reason line and block "Apply".
// Learning rate, clipping and the BPTT window apply live; the rest on "Apply and restart".
#pragma once
#include <QWidget>

#include "session/frame.h"
#include "session/run_spec.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace unroll::gui {

class ModelDesigner : public QWidget {
  Q_OBJECT
 public:
  explicit ModelDesigner(QWidget* parent = nullptr);

  void setSpec(const RunSpec& spec);  // shows a spec (e.g. a demo); not "edited"
  RunSpec spec() const;               // what the widgets say now
  void setDataSpec(const unroll::TaskSpec& data);
  QString reason() const;  // why Apply is refused; empty when valid
  bool hasPendingChanges() const { return m_dirty; }
  // Sets the live clipping widgets as a user would (emits clipChanged).
  void setLiveClip(const ClipConfig& clip);
  // The engine's answer to a live change: once no newer change is on its way, the learning rate,
  // clipping and BPTT widgets show what the engine runs with, so a refused value springs back;
  // the engine's reason for a refusal is shown below them.
  void showLiveSettings(const unroll::gui::RunSettings& accepted, const QString& refused);
  QString refusedText() const;  // empty unless the last live change was refused
  // Why the last typed value was not taken as typed (out of range, not a number); empty if it was.
  QString correctedText() const;

  // For tests: the widgets by role.
  QSpinBox* hiddenBox() const { return m_hidden; }
  QSpinBox* k1Box() const { return m_k1; }
  QSpinBox* k2Box() const { return m_k2; }
  QSpinBox* seqBox() const { return m_seq; }
  QComboBox* bpttBox() const { return m_bptt; }
  QDoubleSpinBox* lrBox() const { return m_lr; }
  QPushButton* applyButton() const { return m_apply; }

 signals:
  void learningRateChanged(double lr);
  void clipChanged(const unroll::ClipConfig& clip);
  void bpttChanged(const unroll::BpttConfig& bptt);
  void applyRequested(const unroll::gui::RunSpec& spec);

 private:
  void buildUi();
  void onStructuralEdit();
  void onLiveEdit(int which);
  void revalidate();
  void updateEnabled();

  RunSpec m_base;  // fields the designer does not show are kept from here
  bool m_dirty = false;
  bool m_loading = false;

  QComboBox *m_cell, *m_input, *m_init, *m_optimizer, *m_clipMode, *m_bptt;
  QSpinBox *m_layers, *m_hidden, *m_embed, *m_batch, *m_seq, *m_k1, *m_k2, *m_seed;
  QDoubleSpinBox *m_gain, *m_forgetBias, *m_lr, *m_clipThreshold;
  QLabel* m_reason;
  QLabel* m_corrected;  // a typed value the box could not take, and what it kept
  QLabel* m_refused;    // the engine's reason for keeping a live setting
  QLabel* m_pending;
  int m_liveInFlight = 0;  // live changes sent and not yet answered
  QPushButton* m_apply;
};

}  // namespace unroll::gui
