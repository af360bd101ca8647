// Sampling from the character language model while it trains: prime, temperature (0 = argmax),
// length, periodic refresh, and every character tinted by one hidden unit's activation.
#pragma once
#include <QTimer>
#include <QWidget>
#include <memory>

#include "session/network_snapshot.h"
#include "train/sampler.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class QTextEdit;

namespace unroll::gui {

struct Frame;

class BackgroundJob;
class TrainingController;

class SamplePanel : public QWidget {
  Q_OBJECT
 public:
  explicit SamplePanel(TrainingController* controller, QWidget* parent = nullptr);
  ~SamplePanel() override;

  // True when the current task is a language model (token input, softmax over the same tokens).
  bool available() const { return m_vocab != nullptr; }
  double temperature() const;
  SampleOptions options() const;
  // The last sample and the network copy it came from (tests).
  const SampleResult& lastResult() const { return m_result; }
  const NetworkSnapshot& lastSnapshot() const { return m_snapshot; }
  // Background colour of each character of lastResult().chars (prime first).
  QList<QRgb> charColors() const;
  QLineEdit* primeEdit() const { return m_prime; }
  QSlider* temperatureSlider() const { return m_temperature; }
  QSpinBox* lengthBox() const { return m_length; }
  QSpinBox* unitBox() const { return m_unit; }
  QSpinBox* refreshBox() const { return m_refresh; }
  QTextEdit* textView() const { return m_text; }

 public slots:
  // Reads the controller's task and model size; called when the spec changes.
  void syncWithController();
  // Asks for a network copy and samples it on a worker; at most one sample is in flight.
  void sampleNow();

 signals:
  void sampled();  // lastResult() is new and shown

 private:
  void onSnapshot(const NetworkSnapshot& s);
  void onFrame(const Frame& frame);  // a reset or a trip back in time clears the shown sample
  void show(const SampleResult& r);
  void updateTemperatureLabel();

  TrainingController* m_controller;
  BackgroundJob* m_job;
  std::shared_ptr<const Vocabulary> m_vocab;
  QLineEdit* m_prime;
  QSlider* m_temperature;
  QLabel* m_temperatureLabel;
  QSpinBox *m_length, *m_layer, *m_unit, *m_refresh;
  QPushButton* m_sampleButton;
  QTextEdit* m_text;
  QLabel* m_status;
  QTimer m_timer;
  bool m_requested = false;  // a snapshot or a sample is on its way
  uint64_t m_seed = 1;
  uint64_t m_generation = 0, m_travels = 0;  // of the run the shown sample came from
  std::string m_task;                        // the task the prime was chosen for
  NetworkSnapshot m_snapshot;
  SampleResult m_result;
};

}  // namespace unroll::gui
