// Training a captioner one step at a time, Qt-free, for the CLI and the studio (like
// seq2seq/seq2seq_trainer.h): step() draws batch number `steps()` of the shapes task, runs forward,
// backward, clipping and the optimizer and reports loss, accuracy and gradient norms; validate()
// scores the fixed validation images (caption_metrics.h) and shows the first one's greedy caption,
// its attention map per word and the gradient that reaches each grid cell. One seed drives init and
// the training images; progress()/restore() resume bit-identically.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "caption/caption_metrics.h"
#include "caption/image_folder.h"
#include "caption/shapes_task.h"
#include "train/clip.h"
#include "train/optimizer.h"

namespace unroll {

struct CaptionTrainConfig {
  std::string kind = "shapes";  // the task: shapes (drawn) or images (a folder and a CSV)
  ShapesSpec task;              // shapes; its seed is set from seed
  ImageFolderSpec images;       // images; its seed is set from seed
  CaptionConfig model;          // conv.height/width and vocab are set from the task
  OptimizerConfig optimizer;
  ClipConfig clip{ClipMode::Norm, 5.0};
  int batch = 32;
  uint64_t seed = 1;
  int max_output = 0;         // longest greedy caption; 0: the longest caption + 5
  int validation_images = 0;  // validate() scores at most this many (0: all)
  void validate() const;      // throws unroll::Error naming the bad field
};

struct CaptionStepReport {
  long step = 0;               // steps done after this one
  double loss = 0;             // mean -log p per caption token of the batch
  double token_accuracy = 0;   // argmax == reference, teacher forcing
  double grad_norm = 0;        // before clipping
  double grad_norm_after = 0;  // after clipping
  bool clipped = false;
  bool rejected = false;        // a non-finite loss or gradient: weights and optimizer kept
  std::string rejected_reason;  // what was not finite
};

struct CaptionValidation {
  long step = 0;
  CaptionMetrics metrics;
  // The first validation image:
  std::string reference, output;
  std::vector<std::string> output_words;  // then <eos>
  Mat<double> attention;  // (output words + 1, h*w) rows: word; empty without attention
  Mat<double> dregion;    // (h, w) ||dL/dF|| per grid cell of its loss, teacher forcing
};

struct CaptionProgress {
  long step = 0;  // the next training batch is number step
};

class CaptionTrainer {
 public:
  explicit CaptionTrainer(const CaptionTrainConfig& cfg);  // builds the task, initialises
  CaptionTrainer(const CaptionTrainer&) = delete;
  CaptionTrainer& operator=(const CaptionTrainer&) = delete;

  CaptionStepReport step();
  CaptionValidation validate() const;

  const CaptionTrainConfig& config() const { return cfg_; }
  const Captioner<float>& model() const { return model_; }
  Captioner<float>& model() { return model_; }
  const CaptionData& task() const { return *data_; }
  int max_output() const;
  long steps() const { return step_; }

  CaptionProgress progress() const { return {step_}; }
  const Optimizer<float>& optimizer() const { return opt_; }
  // Throws unroll::Error and leaves the trainer unchanged when a part does not fit.
  void restore(const Vec<float>& params, const OptimizerState<float>& opt,
               const CaptionProgress& progress);

 private:
  CaptionTrainConfig cfg_;
  std::unique_ptr<CaptionData> data_;
  Captioner<float> model_;
  Optimizer<float> opt_;
  Vec<float> grads_;
  CaptionWorkspace<float> ws_;
  long step_ = 0;
};

// The task the configuration names (cfg.kind), its seed set from cfg.seed; throws unroll::Error.
std::unique_ptr<CaptionData> make_caption_data(const CaptionTrainConfig& cfg);
// The model configuration fitted to the data: image size, three channels, its vocabulary.
CaptionConfig fit_to_task(CaptionConfig model, const CaptionData& data);

}  // namespace unroll
