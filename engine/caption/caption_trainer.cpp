// One captioner training step and validation.
#include "caption/caption_trainer.h"

#include <cmath>

#include "core/error.h"
#include "train/guarded_update.h"

namespace unroll {

void CaptionTrainConfig::validate() const {
  if (batch < 1 || batch > 4096)
    throw Error("the batch size must be in 1..4096, got " + std::to_string(batch));
  if (max_output < 0 || max_output > 1000)
    throw Error("the maximum caption length must be in 0..1000, got " + std::to_string(max_output));
  if (validation_images < 0)
    throw Error("--val-images must be at least 0, got " + std::to_string(validation_images));
  if (kind == "shapes")
    task.validate();
  else if (kind == "images")
    images.validate();
  else
    throw Error("unknown captioning task '" + kind + "': use shapes or images");
  optimizer.validate();
  clip.validate();
}

std::unique_ptr<CaptionData> make_caption_data(const CaptionTrainConfig& cfg) {
  cfg.validate();
  if (cfg.kind == "images") {
    ImageFolderSpec s = cfg.images;
    s.seed = cfg.seed;
    return std::make_unique<ImageFolderTask>(s);
  }
  ShapesSpec s = cfg.task;
  s.seed = cfg.seed;
  return std::make_unique<ShapesTask>(s);
}

CaptionConfig fit_to_task(CaptionConfig model, const CaptionData& data) {
  model.conv.in_channels = 3;
  model.conv.height = model.conv.width = data.image_side();
  model.vocab = int(data.words().size());
  return model;
}

CaptionTrainer::CaptionTrainer(const CaptionTrainConfig& cfg)
    : cfg_(cfg),
      data_(make_caption_data(cfg)),
      model_(fit_to_task(cfg.model, *data_)),
      opt_(cfg.optimizer, model_.params().size()) {
  cfg_.task.seed = cfg_.images.seed = cfg.seed;
  cfg_.model = model_.config();
  Rng init(cfg.seed);
  model_.initialize(init);
  grads_ = Vec<float>::Zero(model_.params().size());
}

int CaptionTrainer::max_output() const {
  return cfg_.max_output > 0 ? cfg_.max_output : data_->longest_caption() + 5;
}

CaptionStepReport CaptionTrainer::step() {
  CaptionStepReport r;
  const CaptionBatch batch = data_->batch(step_, cfg_.batch);
  r.loss = model_.forward(batch, 1.0, nullptr, ws_);
  r.token_accuracy = double(ws_.head.correct) / double(ws_.head.loss_count);
  grads_.setZero();
  model_.backward(ws_, grads_.data());
  const double norm = double(grads_.template cast<double>().norm());
  r.grad_norm = norm;
  guarded_update(r, model_.params(), grads_, opt_, cfg_.clip, cfg_.optimizer.lr, step_);
  return r;
}

CaptionValidation CaptionTrainer::validate() const {
  CaptionValidation v;
  v.step = step_;
  const auto& words = data_->words();
  std::vector<std::string> outputs;
  v.metrics = evaluate_captions(model_, data_->validation_images(), data_->validation_captions(),
                                words, max_output(), cfg_.validation_images, &outputs);
  const auto& ref = data_->validation_captions().front();
  v.reference = join_words(caption_words(ref, words));
  v.output = outputs.front();
  const Mat<float> image = data_->validation_images().leftCols(1);
  std::vector<Mat<double>> attn;
  const auto out = model_.greedy(image, max_output(), &attn);
  v.output_words = caption_words(out[0], words);
  v.attention = attn[0];
  CaptionWorkspace<float> ws;
  const CaptionBatch b = make_caption_batch(image, {ref}, {0});
  model_.forward(b, 1.0, nullptr, ws);
  Vec<float> g = Vec<float>::Zero(model_.params().size());
  model_.backward(ws, g.data());
  const int h = model_.grid_height(), w = model_.grid_width();
  v.dregion.resize(h, w);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) v.dregion(y, x) = ws.dregion(y * w + x, 0);
  return v;
}

void CaptionTrainer::restore(const Vec<float>& params, const OptimizerState<float>& opt,
                             const CaptionProgress& progress) {
  if (params.size() != model_.params().size())
    throw Error("the checkpoint holds " + std::to_string(params.size()) +
                " weights but the model needs " + std::to_string(model_.params().size()));
  if (progress.step < 0) throw Error("the checkpoint's step count is negative");
  Optimizer<float> o = opt_;
  o.load_state(opt);
  model_.params() = params;
  opt_ = std::move(o);
  step_ = progress.step;
}

}  // namespace unroll
