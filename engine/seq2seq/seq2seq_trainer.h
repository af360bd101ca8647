// Training an encoder–decoder one step at a time, Qt-free, for the CLI and the studio: step() runs
// one batch (forward, backward, clipping, optimizer) and reports loss, accuracy, gradient norms and
// ||dL/dh^enc_s|| per source position; validate() scores the validation pairs (loss, token and
// exact accuracy, BLEU, CER) and shows one example's greedy output, attention matrix and the
// gradient that reaches each of its source positions. One seed drives init, batch order and
// scheduled sampling; state()/load_state() resume bit-identically.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "seq2seq/decode.h"
#include "seq2seq/pair_tasks.h"
#include "seq2seq/translation_metrics.h"
#include "train/clip.h"
#include "train/optimizer.h"

namespace unroll {

struct Seq2SeqTrainConfig {
  PairTaskSpec task;
  Seq2SeqConfig model;  // source_vocab and target_vocab are set from the task
  OptimizerConfig optimizer;
  ClipConfig clip{ClipMode::Norm, 5.0};
  double teacher_forcing = 1.0;  // scheduled sampling below 1
  int batch = 32;
  uint64_t seed = 1;
  int max_output = 0;          // longest greedy output; 0: the longest target + 10
  int validation_pairs = 500;  // validate() scores at most this many (0: all)
  void validate() const;       // throws unroll::Error naming the bad field
};

struct Seq2SeqStepReport {
  long step = 0;               // steps done after this one
  double loss = 0;             // mean -log p per target token of the batch
  double token_accuracy = 0;   // argmax == target, teacher forcing
  double grad_norm = 0;        // before clipping
  double grad_norm_after = 0;  // after clipping
  // Before clipping, split: the encoder's tensors (its embedding and recurrent layers) and the
  // rest (bridge, decoder, attention, generator); their squares add up to grad_norm's.
  double encoder_grad_norm = 0, decoder_grad_norm = 0;
  bool clipped = false;
  bool rejected = false;        // a non-finite loss or gradient: weights and optimizer kept
  std::string rejected_reason;  // what was not finite
  int source_length = 0;        // Ts of the batch
  std::vector<double> dh_enc;   // (Ts) mean over the batch of ||dL/dh^enc_s||
};

struct Seq2SeqValidation {
  long step = 0;
  TranslationMetrics metrics;
  // The first validation pair:
  std::string source, reference, output;
  std::vector<std::string> source_tokens, reference_tokens, output_tokens;
  Mat<double> attention;       // (output steps incl. <eos>, Ts); empty without attention
  std::vector<double> dh_enc;  // (Ts) ||dL/dh^enc_s|| of its loss, teacher forcing
};

struct Seq2SeqProgress {
  long step = 0;
  long epoch = 0, position = 0;  // the batcher's place
  std::string rng;               // the sampling generator's state (std::mt19937_64 text form)
};

class Seq2SeqTrainer {
 public:
  explicit Seq2SeqTrainer(const Seq2SeqTrainConfig& cfg);  // builds the task, initialises
  Seq2SeqTrainer(const Seq2SeqTrainConfig& cfg, PairTask task);
  Seq2SeqTrainer(const Seq2SeqTrainer&) = delete;  // the batcher points into the task
  Seq2SeqTrainer& operator=(const Seq2SeqTrainer&) = delete;

  Seq2SeqStepReport step();
  Seq2SeqValidation validate() const;
  // Greedy (beam 1) or beam-search output of one source text.
  std::string translate(const std::string& text, DecodeOptions opt) const;

  const Seq2SeqTrainConfig& config() const { return cfg_; }
  const Seq2Seq<float>& model() const { return model_; }
  Seq2Seq<float>& model() { return model_; }
  const PairTask& task() const { return task_; }
  const PairsData& data() const { return task_.data; }
  int max_output() const;
  long steps() const { return step_; }

  Seq2SeqProgress progress() const;
  const Optimizer<float>& optimizer() const { return opt_; }
  // Throws unroll::Error and leaves the trainer unchanged when a part does not fit.
  void restore(const Vec<float>& params, const OptimizerState<float>& opt,
               const Seq2SeqProgress& progress);

 private:
  Seq2SeqTrainConfig cfg_;
  PairTask task_;
  Seq2Seq<float> model_;
  Optimizer<float> opt_;
  PairBatcher batcher_;
  Rng rng_;  // scheduled sampling
  Vec<float> grads_;
  Seq2SeqWorkspace<float> ws_;
  long step_ = 0;
};

// The model configuration with the task's vocabulary sizes.
Seq2SeqConfig with_vocabularies(Seq2SeqConfig model, const PairsData& data);

}  // namespace unroll
