// One encoder–decoder training step, validation and translation.
#include "seq2seq/seq2seq_trainer.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/error.h"
#include "train/guarded_update.h"

namespace unroll {

void Seq2SeqTrainConfig::validate() const {
  if (!(teacher_forcing >= 0 && teacher_forcing <= 1))
    throw Error("--teacher-forcing must be in [0, 1], got " + std::to_string(teacher_forcing));
  if (batch < 1 || batch > 4096)
    throw Error("the batch size must be in 1..4096, got " + std::to_string(batch));
  if (max_output < 0 || max_output > 10000)
    throw Error("the maximum output length must be in 0..10000, got " + std::to_string(max_output));
  optimizer.validate();
  clip.validate();
}

Seq2SeqConfig with_vocabularies(Seq2SeqConfig model, const PairsData& data) {
  model.source_vocab = data.source.size();
  model.target_vocab = data.target.size();
  return model;
}

Seq2SeqTrainer::Seq2SeqTrainer(const Seq2SeqTrainConfig& cfg)
    : Seq2SeqTrainer(cfg, make_pair_task([&] {
                       PairTaskSpec s = cfg.task;
                       s.seed = cfg.seed;
                       return s;
                     }())) {}

Seq2SeqTrainer::Seq2SeqTrainer(const Seq2SeqTrainConfig& cfg, PairTask task)
    : cfg_(cfg),
      task_(std::move(task)),
      model_(with_vocabularies(cfg.model, task_.data)),
      opt_(cfg.optimizer, model_.params().size()),
      rng_(cfg.seed * 31 + 7) {
  cfg_.validate();
  cfg_.model = model_.config();
  Rng init(cfg.seed);
  model_.initialize(init);
  batcher_ = PairBatcher(&task_.data.train, cfg.batch, cfg.seed);
  grads_ = Vec<float>::Zero(model_.params().size());
}

int Seq2SeqTrainer::max_output() const {
  return cfg_.max_output > 0 ? cfg_.max_output : task_.data.longest_target + 10;
}

Seq2SeqStepReport Seq2SeqTrainer::step() {
  Seq2SeqStepReport r;
  const Seq2SeqBatch batch = batcher_.next();
  Seq2SeqForwardOptions fo;
  fo.teacher_forcing = cfg_.teacher_forcing;
  fo.rng = &rng_;
  r.loss = model_.forward(batch, fo, ws_);
  r.token_accuracy = double(ws_.head.correct) / double(ws_.head.loss_count);
  r.source_length = batch.Ts;
  grads_.setZero();
  model_.backward(batch, ws_, grads_.data());
  r.dh_enc.assign(batch.Ts, 0.0);
  for (int s = 0; s < batch.Ts; ++s) r.dh_enc[s] = ws_.dh_enc.row(s).mean();
  const double norm = double(grads_.template cast<double>().norm());
  r.grad_norm = norm;
  double enc = 0;
  for (const TensorInfo& t : model_.layout().tensors())
    if (t.name.rfind("encoder.", 0) == 0)
      enc += grads_.segment(t.offset, t.size()).template cast<double>().squaredNorm();
  r.encoder_grad_norm = std::sqrt(enc);
  r.decoder_grad_norm = std::sqrt(std::max(0.0, norm * norm - enc));
  guarded_update(r, model_.params(), grads_, opt_, cfg_.clip, cfg_.optimizer.lr, step_);
  return r;
}

Seq2SeqValidation Seq2SeqTrainer::validate() const {
  Seq2SeqValidation v;
  v.step = step_;
  const PairsData& d = task_.data;
  if (d.validation.empty()) return v;
  std::vector<std::string> outputs;
  v.metrics = evaluate_translation(model_, d, max_output(), cfg_.validation_pairs, &outputs);
  const EncodedPair& p = d.validation.front();
  v.source = d.validation_text.front().source;
  v.reference = d.validation_text.front().target;
  v.output = outputs.front();
  for (int32_t id : p.src) v.source_tokens.push_back(d.source.token(id));
  for (int32_t id : p.tgt) v.reference_tokens.push_back(d.target.token(id));
  std::vector<Mat<double>> attn;
  const auto out = greedy_decode(model_, p.src, int(p.src.size()), 1, max_output(), &attn);
  for (int32_t id : out[0]) v.output_tokens.push_back(d.target.token(id));
  v.attention = attn[0];
  Seq2SeqWorkspace<float> ws;
  const Seq2SeqBatch b = make_batch(d.validation, {0});
  model_.forward(b, {}, ws);
  Vec<float> g = Vec<float>::Zero(model_.params().size());
  model_.backward(b, ws, g.data());
  for (int s = 0; s < b.Ts; ++s) v.dh_enc.push_back(ws.dh_enc(s, 0));
  return v;
}

std::string Seq2SeqTrainer::translate(const std::string& text, DecodeOptions opt) const {
  const std::vector<int32_t> src = task_.data.encode_source(text);
  if (src.empty()) return {};
  if (opt.max_len <= 0) opt.max_len = max_output();
  return task_.data.decode_target(beam_decode(model_, src, opt).tokens);
}

Seq2SeqProgress Seq2SeqTrainer::progress() const {
  Seq2SeqProgress p;
  p.step = step_;
  p.epoch = batcher_.epoch();
  p.position = batcher_.position();
  std::ostringstream s;
  s << rng_.engine();
  p.rng = s.str();
  return p;
}

void Seq2SeqTrainer::restore(const Vec<float>& params, const OptimizerState<float>& opt,
                             const Seq2SeqProgress& progress) {
  if (params.size() != model_.params().size())
    throw Error("the checkpoint holds " + std::to_string(params.size()) +
                " weights but the model needs " + std::to_string(model_.params().size()));
  std::mt19937_64 engine;
  std::istringstream s(progress.rng);
  s >> engine;
  if (s.fail()) throw Error("the checkpoint's random generator state is damaged");
  PairBatcher b = batcher_;
  b.seek(progress.epoch, progress.position);
  Optimizer<float> o = opt_;
  o.load_state(opt);
  model_.params() = params;
  opt_ = std::move(o);
  batcher_ = std::move(b);
  rng_.engine() = engine;
  step_ = progress.step;
}

}  // namespace unroll
