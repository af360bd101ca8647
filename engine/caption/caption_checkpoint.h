// Captioner checkpoints: the .unroll container (seq2seq/seq2seq_checkpoint.h) with
// "model_kind": "caption" in the header, holding the training configuration (the task and its
// options, model, optimizer, clipping, batch, seed), the caption vocabulary, the weights, the
// optimizer state and the step, so a resumed run continues bit-identically (training batch i is a
// function of the data, the seed and i).
#pragma once
#include <memory>
#include <string>

#include "caption/caption_trainer.h"

namespace unroll {

struct CaptionCheckpoint {
  CaptionTrainConfig config;  // config.model fitted to the task
  std::vector<std::string> words;
  int longest_caption = 0;  // of the task's captions, in words
  Vec<float> params;
  OptimizerState<float> optimizer;
  CaptionProgress progress;

  Captioner<float> model() const;  // with these weights
  int max_output() const { return config.max_output > 0 ? config.max_output : longest_caption + 5; }
};

CaptionCheckpoint capture_caption(const CaptionTrainer& trainer);
// Atomically (a temporary name, renamed). Throws unroll::Error naming the path.
void save_caption_checkpoint(const std::string& path, const CaptionCheckpoint& checkpoint);
// Throws unroll::Error naming the path and what is wrong.
CaptionCheckpoint load_caption_checkpoint(const std::string& path);
CaptionCheckpoint parse_caption_checkpoint(const std::string& bytes, const std::string& name);
// A trainer built from the checkpoint's configuration (shapes drawn again, an image folder read
// again, which must give the same words) and restored.
std::unique_ptr<CaptionTrainer> resume_caption(const CaptionCheckpoint& checkpoint);

}  // namespace unroll
