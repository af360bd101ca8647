// An encoder–decoder run watched from another thread (translation_run.h).
#include "seq2seq/translation_run.h"

#include <chrono>
#include <thread>

#include "core/error.h"
#include "telemetry/probes.h"

namespace unroll {

void TranslationRunOptions::validate() const {
  if (steps < 1 || steps > kMaxSteps)
    throw Error("the step budget must be in 1.." + std::to_string(kMaxSteps) + ", got " +
                std::to_string(steps));
  if (validate_every < 1)
    throw Error("validate_every must be at least 1, got " + std::to_string(validate_every));
  if (!(pace >= 0)) throw Error("the pace must be 0 (full speed) or a positive rate of steps");
}

Seq2SeqSpectra seq2seq_spectra(const Seq2Seq<float>& model, long step) {
  const Seq2SeqConfig& cfg = model.config();
  const Seq2SeqLayout& lay = model.layout();
  const auto candidate = [&](int tensor, CellType cell, int H) {
    const TensorInfo& t = lay.tensor(tensor);  // W_hh (G*H, H), column-major in the buffer
    const Eigen::Map<const Mat<float>> W(model.params().data() + t.offset, t.rows, t.cols);
    const Index g = cell == CellType::Lstm || cell == CellType::Gru ? 2 : 0;  // LSTM g, GRU n
    return block_spectrum(Mat<float>(W.middleRows(g * H, H)));
  };
  Seq2SeqSpectra s;
  s.step = step;
  const BlockSpectrum e =
      candidate(lay.encoder[0][0].weight_hh, cfg.encoder_cell, cfg.encoder_hidden);
  const BlockSpectrum d = candidate(lay.decoder[0].weight_hh, cfg.decoder_cell, cfg.decoder_hidden);
  s.encoder_radius = e.radius;
  s.encoder_singular = e.singular;
  s.decoder_radius = d.radius;
  s.decoder_singular = d.singular;
  return s;
}

TranslationRun::TranslationRun(const Seq2SeqTrainConfig& cfg)
    : trainer_(std::make_unique<Seq2SeqTrainer>(cfg)) {}

void TranslationRun::publish_step(const Seq2SeqStepReport& r) {
  std::lock_guard lock(mutex_);
  TranslationUpdate& u = pending_;
  if (u.points.empty()) u.first_step = r.step;
  if (u.points.size() >= TranslationUpdate::kMaxPending) {  // nobody is taking: drop the oldest
    const size_t drop = u.points.size() / 2;
    u.points.erase(u.points.begin(), u.points.begin() + long(drop));
    u.first_step += long(drop);
    u.dropped += long(drop);
  }
  u.points.push_back({r.loss, r.grad_norm, r.grad_norm_after, r.clipped, r.encoder_grad_norm,
                      r.decoder_grad_norm});
  u.steps = r.step;
  u.last = r;
}

void TranslationRun::publish_validation(Seq2SeqValidation v, const Seq2SeqSpectra& spectra) {
  std::lock_guard lock(mutex_);
  pending_.validation = std::move(v);
  pending_.spectra = spectra;
  pending_.has_validation = true;
}

void TranslationRun::run(const TranslationRunOptions& opt, const std::atomic<bool>* stop) {
  opt.validate();
  {
    std::lock_guard lock(mutex_);
    pending_.running = true;
    pending_.finished = false;
    pending_.goal_step = 0;
    pending_.error.clear();
  }
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const long first = trainer_->steps();
  std::string error;
  try {
    while (trainer_->steps() < opt.steps) {
      if (stop && stop->load(std::memory_order_relaxed)) break;
      if (opt.pace > 0) {  // the next step's time on the lesson's clock
        const auto due =
            start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                        double(trainer_->steps() - first) / opt.pace));
        while (Clock::now() < due && !(stop && stop->load(std::memory_order_relaxed)))
          std::this_thread::sleep_for(
              std::min<Clock::duration>(due - Clock::now(), std::chrono::milliseconds(20)));
        if (stop && stop->load(std::memory_order_relaxed)) break;
      }
      const Seq2SeqStepReport r = trainer_->step();
      if (r.rejected) {
        error = "step " + std::to_string(r.step + 1) + " was rejected: " + r.rejected_reason +
                "; the weights were kept (lower the learning rate)";
        break;
      }
      publish_step(r);
      if (r.step % opt.validate_every == 0 || r.step == opt.steps) {
        Seq2SeqValidation v = trainer_->validate();
        const bool goal = v.metrics.exact >= opt.goal_exact;  // NaN: never
        publish_validation(std::move(v), seq2seq_spectra(trainer_->model(), trainer_->steps()));
        if (goal) {
          std::lock_guard lock(mutex_);
          pending_.goal_step = r.step;
          break;
        }
      }
    }
  } catch (const std::exception& e) {
    error = e.what();
  }
  std::lock_guard lock(mutex_);
  pending_.running = false;
  pending_.finished = error.empty() && trainer_->steps() >= opt.steps;
  pending_.error = error;
}

TranslationUpdate TranslationRun::take() {
  std::lock_guard lock(mutex_);
  TranslationUpdate out = std::move(pending_);
  pending_ = TranslationUpdate{};  // the state carries over; the news goes to the caller
  pending_.steps = out.steps;
  pending_.last = out.last;
  pending_.running = out.running;
  pending_.finished = out.finished;
  pending_.error = out.error;
  pending_.goal_step = out.goal_step;
  return out;
}

}  // namespace unroll
