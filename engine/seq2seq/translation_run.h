// An encoder–decoder trained on its own thread while another (the studio's GUI) watches: run()
// steps the trainer, validating every few steps; take() hands over what happened since the last
// call under one short lock, so the training thread never waits for the watcher and the watcher
// never waits for a step. Qt-free.
#pragma once
#include <atomic>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "seq2seq/seq2seq_trainer.h"

namespace unroll {

struct TranslationRunOptions {
  static constexpr long kMaxSteps = 10000000;
  long steps = 1500;        // the budget: run() returns once the trainer has done this many
  int validate_every = 50;  // a validation every this many steps, and one at the end
  double pace = 0;          // steps per second (a lesson's pace); 0: as fast as possible
  // A lesson's goal: run() ends after the first validation whose exact accuracy reaches it (the
  // update's goal_step says which). NaN: none.
  double goal_exact = std::numeric_limits<double>::quiet_NaN();
  void validate() const;  // throws unroll::Error naming the bad field
};

// One training step as the charts draw it.
struct TranslationPoint {
  double loss = 0;             // mean -log p per target token of the batch
  double grad_norm = 0;        // before clipping
  double grad_norm_after = 0;  // after clipping
  bool clipped = false;
  double encoder_grad_norm = 0, decoder_grad_norm = 0;  // Seq2SeqStepReport's split
};

// How the recurrent weights carry the state (telemetry/probes.h' block_spectrum of the candidate
// block of W_hh: LSTM g, GRU n, RNN all): the encoder's first layer (forward direction) and the
// decoder's first layer.
struct Seq2SeqSpectra {
  long step = 0;
  double encoder_radius = 0, encoder_singular = 0;
  double decoder_radius = 0, decoder_singular = 0;
};
Seq2SeqSpectra seq2seq_spectra(const Seq2Seq<float>& model, long step);

// What the watcher gets from take(): everything since its previous take().
struct TranslationUpdate {
  static constexpr size_t kMaxPending = 1 << 16;  // points kept between takes (oldest dropped)
  long steps = 0;                                 // steps done
  long first_step = 0;                            // the step of points[0]
  std::vector<TranslationPoint> points;           // steps first_step .. steps
  long dropped = 0;                               // points dropped because nobody took them in time
  Seq2SeqStepReport last;                         // the latest step (its dh_enc: the batch's mean)
  bool has_validation = false;                    // a validation finished since the previous take()
  Seq2SeqValidation validation;                   // the latest one, when has_validation
  Seq2SeqSpectra spectra;                         // with each validation
  bool running = false;                           // run() is working
  bool finished = false;  // the budget is used and the last validation published
  long goal_step = 0;     // the validation step that met opt.goal_exact; 0: not met
  std::string error;      // why run() ended early (a rejected step, a thrown error)
};

class TranslationRun {
 public:
  explicit TranslationRun(const Seq2SeqTrainConfig& cfg);  // builds the task; throws on bad cfg

  // Trains until opt.steps or until *stop turns true (returns within one step). Validates (and
  // measures the spectra) every opt.validate_every steps and once at the end. A rejected step ends
  // the run with an error in the next update. Call from one thread at a time.
  void run(const TranslationRunOptions& opt, const std::atomic<bool>* stop = nullptr);
  // Any thread, any time: what happened since the previous take().
  TranslationUpdate take();

  // Only while run() is not working.
  const Seq2SeqTrainer& trainer() const { return *trainer_; }

 private:
  void publish_step(const Seq2SeqStepReport& r);
  void publish_validation(Seq2SeqValidation v, const Seq2SeqSpectra& spectra);

  std::unique_ptr<Seq2SeqTrainer> trainer_;
  mutable std::mutex mutex_;  // guards pending_
  TranslationUpdate pending_;
};

}  // namespace unroll
