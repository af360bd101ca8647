// The training loop.
#include "train/trainer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/error.h"
#include "model/init.h"
#include "telemetry/connectivity.h"
#include "telemetry/probes.h"
#include "train/evaluate.h"

namespace unroll {
namespace {

// "5.77e15", not std::to_string's 5767607735939789.000000: for messages people read.
std::string compact(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  std::string s = buf;
  const size_t e = s.find('e');
  if (e == std::string::npos) return s;
  std::string exponent = s.substr(e + 1);
  const bool negative = exponent[0] == '-';
  exponent.erase(0, exponent.find_first_not_of("+-0"));
  return s.substr(0, e) + "e" + (negative ? "-" : "") + (exponent.empty() ? "0" : exponent);
}

ModelConfig shaped(ModelConfig m, const TaskShape& s) {
  m.input_size = s.input_size;
  m.output_size = s.output_size;
  m.head = s.head;
  if (!s.tokens)
    m.input = InputKind::Dense;
  else if (m.input == InputKind::Dense)
    m.input = InputKind::OneHot;
  return m;
}

// Scored terms in a window: the loss is their mean.
long scored_terms(const Batch& b, const PassSpec& p, const ModelConfig& m) {
  long n = 0;
  for (int t = p.loss_begin; t < p.steps; ++t)
    for (int j = 0; j < b.batch; ++j)
      n += m.head == HeadKind::Regression ? m.output_size : b.targets[b.col(p.t0 + t, j)] >= 0;
  return n;
}

}  // namespace

void BpttConfig::validate(int seq) const {
  if (!truncated) return;
  if (k1 < 1 || k2 < 1)
    throw Error("truncated BPTT needs k1 >= 1 and k2 >= 1, got k1=" + std::to_string(k1) +
                ", k2=" + std::to_string(k2));
  if (k1 > k2)
    throw Error(
        "truncated BPTT needs k1 <= k2 (k1 steps between updates, k2 steps "
        "backpropagated), got k1=" +
        std::to_string(k1) + ", k2=" + std::to_string(k2));
  if (k1 > seq)
    throw Error("truncated BPTT k1=" + std::to_string(k1) + " is longer than the sequence (" +
                std::to_string(seq) + " steps); lower k1 or raise --seq");
}

void TrainConfig::validate() const {
  if (seq < 1 || seq > 100000)
    throw Error("sequence length must be between 1 and 100000, got " + std::to_string(seq));
  if (batch < 1 || batch > 65536)
    throw Error("batch size must be between 1 and 65536, got " + std::to_string(batch));
  if (threads < 1 || threads > 256)
    throw Error("threads must be between 1 and 256, got " + std::to_string(threads));
  if (val_every < 0) throw Error("validation interval must be >= 0");
  if (probe_every < 0) throw Error("probe interval must be >= 0");
  if (connectivity_every < 0) throw Error("connectivity interval must be >= 0");
  optimizer.validate();
  clip.validate();
  bptt.validate(seq);
}

Trainer::Trainer(const TrainConfig& config, std::shared_ptr<const Task> task)
    : cfg_(config),
      task_(std::move(task)),
      shape_(task_->shape()),
      net_((cfg_.validate(), shaped(cfg_.model, shape_))),
      opt_(cfg_.optimizer, net_.params().size()),
      runner_(cfg_.threads) {
  cfg_.model = net_.config();
  grads_ = Vec<float>::Zero(net_.params().size());
  reset();
}

void Trainer::reset() {
  Rng init_rng(cfg_.seed);
  initialize(net_, init_rng);
  opt_.reset();
  // Data order has its own stream, so models of different sizes see the same batches.
  data_rng_ = Rng(cfg_.seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull);
  step_ = 0;
  seq_pos_ = -1;
  report_ = StepReport{};
  rate_tokens_ = rate_seconds_ = 0;
  clock_running_ = false;
  next_probe_ = 0;
}

TrainerProgress Trainer::progress() const {
  TrainerProgress p;
  p.step = step_;
  std::ostringstream rng;
  rng << data_rng_.engine();
  p.data_rng = rng.str();
  p.seq_pos = seq_pos_;
  p.carried_pos = carried_pos_;
  if (seq_pos_ >= 0) {
    p.seq_batch = seq_batch_;
    p.carried = carried_;
  }
  p.next_probe = next_probe_;
  return p;
}

void Trainer::restore(const TrainerProgress& p) {
  std::mt19937_64 engine;
  std::istringstream rng(p.data_rng);
  rng >> engine;
  if (!rng) throw Error("the saved data-order state is damaged");
  if (p.step < 0) throw Error("the saved step count is negative");
  if (p.seq_pos >= 0) {
    const ModelConfig& m = net_.config();
    bool ok =
        p.seq_batch.steps == cfg_.seq && p.seq_batch.batch == cfg_.batch && p.seq_pos <= cfg_.seq &&
        p.carried_pos <= p.seq_pos && int(p.carried.h.size()) == m.layers &&
        int(p.carried.c.size()) == (m.cell == CellType::Lstm ? m.layers : 0) && p.carried_pos >= 0;
    const Index n = Index(cfg_.seq) * cfg_.batch;
    const Batch& b = p.seq_batch;
    ok = ok && (shape_.tokens ? Index(b.tokens.size()) == n
                              : b.inputs.rows() == shape_.input_size && b.inputs.cols() == n);
    ok = ok && (shape_.head == HeadKind::Regression
                    ? b.target_values.rows() == shape_.output_size && b.target_values.cols() == n
                    : Index(b.targets.size()) == n);
    // The carried state must sit where the current windows expect the next one to start.
    if (ok && p.seq_pos < cfg_.seq && cfg_.bptt.truncated)
      ok =
          p.carried_pos == std::max(0, std::min(p.seq_pos + cfg_.bptt.k1, cfg_.seq) - cfg_.bptt.k2);
    for (const auto* v : {&p.carried.h, &p.carried.c})
      for (const auto& x : *v) ok = ok && x.rows() == m.hidden && x.cols() == cfg_.batch;
    if (!ok) throw Error("the saved truncated-BPTT state does not fit this model and batch");
  }
  step_ = p.step;
  data_rng_.engine() = engine;
  seq_pos_ = p.seq_pos;
  carried_pos_ = p.carried_pos;
  if (p.seq_pos >= 0) {
    seq_batch_ = p.seq_batch;
    carried_ = p.carried;
  }
  next_probe_ = p.next_probe;
}

TrainerSnapshot Trainer::snapshot() const { return {net_.params(), opt_.state(), progress()}; }

void Trainer::restore(const TrainerSnapshot& s) {
  if (s.params.size() != net_.params().size())
    throw Error("the snapshot holds " + std::to_string(s.params.size()) + " weights, this model " +
                std::to_string(net_.params().size()));
  const OptimizerState<float> old_opt = opt_.state();
  opt_.load_state(s.optimizer);  // validates; unchanged on error
  try {
    restore(s.progress);
  } catch (...) {
    opt_.load_state(old_opt);
    throw;
  }
  net_.params() = s.params;
}

void Trainer::set_learning_rate(double lr) {
  OptimizerConfig o = cfg_.optimizer;
  o.lr = lr;
  o.validate();
  cfg_.optimizer = o;
  opt_.set_config(o);
}

void Trainer::set_clip(const ClipConfig& clip) {
  clip.validate();
  cfg_.clip = clip;
}

void Trainer::set_bptt(const BpttConfig& bptt) {
  bptt.validate(cfg_.seq);
  cfg_.bptt = bptt;
  seq_pos_ = -1;  // the next step starts a fresh sequence under the new windows
}

Trainer::Window Trainer::plan_window() {
  Window w;
  const int T = cfg_.seq, B = cfg_.batch;
  const BpttConfig& bp = cfg_.bptt;
  if (bp.truncated && shape_.loss_every_step) {
    if (seq_pos_ < 0 || seq_pos_ >= T) {
      seq_batch_ = task_->train_batch(T, B, data_rng_);
      seq_pos_ = 0;
      carried_pos_ = 0;
      carried_.zeros(net_.config(), B);
    }
    const int end = std::min(seq_pos_ + bp.k1, T);
    const int start = std::max(0, end - bp.k2);
    if (start != carried_pos_) throw Error("internal: truncated BPTT lost its carried state");
    w.pass.t0 = start;
    w.pass.steps = end - start;
    w.pass.loss_begin = seq_pos_ - start;
    w.h0 = &carried_;
    w.next_start = std::max(0, std::min(end + bp.k1, T) - bp.k2);
    return w;
  }
  batch_ = task_->train_batch(T, B, data_rng_);
  w.pass.t0 = 0;
  w.pass.steps = T;
  w.pass.loss_begin = batch_.loss_begin;
  if (bp.truncated) w.pass.cut = std::min(std::max(0, T - bp.k2), batch_.loss_begin);
  return w;
}

const StepReport& Trainer::step() {
  // A step's time runs from the end of the one before, so that what the caller does between steps
  // (recording, drawing, a paced wait) counts: tokens_per_s is then the rate the run really has.
  const Clock::time_point start = clock_running_ ? last_end_ : Clock::now();
  update();
  last_end_ = Clock::now();
  clock_running_ = true;
  time_report(std::chrono::duration<double>(last_end_ - start).count());
  return report_;
}

void Trainer::mark_idle() { clock_running_ = false; }

void Trainer::time_report(double seconds) {
  report_.seconds = seconds;
  if (!(seconds > 0) || report_.tokens <= 0) return;
  // Tokens over seconds of the last ~kRateSeconds of run time, each step weighted by how long ago
  // it ended: a mean over time, not over steps, so a rare slow step weighs what it lasted.
  const double keep = std::exp(-seconds / kRateSeconds);
  rate_tokens_ = keep * rate_tokens_ + double(report_.tokens);
  rate_seconds_ = keep * rate_seconds_ + seconds;
  report_.tokens_per_s = rate_tokens_ / rate_seconds_;
}

void Trainer::update() {
  Window w = plan_window();
  const Batch& batch = w.h0 ? seq_batch_ : batch_;
  const long terms = scored_terms(batch, w.pass, net_.config());
  w.pass.loss_scale = terms > 0 ? 1.0 / double(terms) : 0.0;
  grads_.setZero();
  runner_.run(net_, batch, w.pass, w.h0, grads_.data());

  report_.step = step_ + 1;
  report_.accepted = true;
  report_.rejected_tensor.clear();
  report_.message.clear();
  report_.val_loss = report_.val_accuracy = StepReport::kNaN;
  report_.probed = false;
  report_.connected = false;
  report_.loss = runner_.loss_sum() * w.pass.loss_scale;
  report_.accuracy = shape_.head == HeadKind::Softmax && terms > 0
                         ? double(runner_.correct()) / double(terms)
                         : StepReport::kNaN;
  report_.lr = scheduled_lr(cfg_.optimizer.lr, cfg_.schedule, step_);
  if (!check_finite(report_.loss)) {
    seq_pos_ = -1;
    fill_report(w);
    return;
  }
  const ClipResult clip =
      clip_gradients(grads_.data(), grads_.size(), report_.grad_norm, cfg_.clip);
  report_.grad_norm_clipped = clip.norm_after;
  report_.clipped = clip.clipped;
  // An update this large would overflow float weights: refuse it before the optimizer's state
  // takes it in (no optimizer here moves a weight by more than ~lr * 1/(1-momentum) * max|g|).
  if (report_.lr * double(grads_.cwiseAbs().maxCoeff()) > 1e30) {
    report_.accepted = false;
    report_.rejected_tensor = "update";
    report_.message = "step " + std::to_string(step_ + 1) +
                      ": the update would overflow the weights; it was skipped and the weights "
                      "and optimizer state kept. Lower the learning rate or enable clipping.";
    seq_pos_ = -1;
    fill_report(w);
    return;
  }
  backup_ = net_.params();
  opt_.step(net_.params().data(), grads_.data(), report_.lr);
  // Any inf or NaN weight makes this sum NaN; unlike allFinite() it vectorises.
  if (!std::isfinite((net_.params().array() * 0.0f).sum())) {
    net_.params() = backup_;
    report_.accepted = false;
    report_.rejected_tensor = "weights";
    report_.message = "step " + std::to_string(step_ + 1) +
                      ": the update made the weights non-finite; the previous weights were kept "
                      "(the optimizer's moments include this step). Lower the learning rate or "
                      "enable clipping.";
    seq_pos_ = -1;
    fill_report(w);
    return;
  }
  ++step_;
  if (w.h0) {  // carry the state the next window starts from
    if (w.next_start > w.pass.t0)
      runner_.extract_state(net_, w.next_start - w.pass.t0 - 1, carried_);
    carried_pos_ = w.next_start;
    seq_pos_ = w.pass.t0 + w.pass.steps;
  }
  fill_report(w);
  if (cfg_.probe_every > 0 && step_ >= next_probe_) probe();
  if (cfg_.connectivity_every > 0 && (step_ == 1 || step_ % cfg_.connectivity_every == 0))
    connect();
  if (cfg_.val_every > 0 && step_ % cfg_.val_every == 0)
    report_.val_loss = validate(&report_.val_accuracy);
}

bool Trainer::check_finite(double loss) {
  const auto& tensors = net_.layout().tensors();
  report_.param_names.resize(tensors.size());
  report_.param_grad_norms.resize(tensors.size());
  double total = 0;
  std::string bad;
  for (size_t i = 0; i < tensors.size(); ++i) {
    // Float first (vectorised); double only when float overflowed, to tell large from non-finite.
    const auto g = net_.layout().vec(grads_.data(), int(i));
    double sq = double(g.squaredNorm());
    if (!std::isfinite(sq)) sq = g.template cast<double>().squaredNorm();
    report_.param_names[i] = tensors[i].name;
    report_.param_grad_norms[i] = std::sqrt(sq);
    if (!std::isfinite(sq) && bad.empty()) bad = tensors[i].name;
    total += sq;
  }
  report_.grad_norm = report_.grad_norm_clipped = std::sqrt(total);
  report_.clipped = false;
  // A gradient this large overflows float in the optimizer's squared moments: treat as non-finite.
  constexpr double kOverflow = 1e15;
  if (std::isfinite(loss) && bad.empty() && report_.grad_norm < kOverflow) return true;
  report_.accepted = false;
  report_.rejected_tensor = !std::isfinite(loss) ? "loss" : bad.empty() ? "gradient" : bad;
  report_.message =
      "step " + std::to_string(step_ + 1) + ": " +
      (!std::isfinite(loss) ? std::string("the loss is not finite")
       : bad.empty()        ? "the gradient norm overflowed (" + compact(report_.grad_norm) + ")"
                            : "the gradient of " + bad + " is not finite") +
      "; the update was skipped and the last finite weights kept. Lower the learning rate or "
      "enable clipping.";
  return false;
}

void Trainer::fill_report(const Window& w) {
  const int B = cfg_.batch;
  report_.tokens = long(w.pass.steps) * B;
  report_.window_start = w.pass.t0;
  report_.truncation_cut = w.pass.cut;
  // With L the batch mean of B sequence losses, dL/dh_{t,b} = (1/B) d(loss of sequence b)/dh_t,
  // so the sum over columns the runner gives is the batch average of ||d(sequence loss)/dh_t||:
  // a number that does not change with the batch size.
  report_.timestep_grad_norms = runner_.dh_norm_sum();
  report_.timestep_cell_grad_norms = runner_.dc_norm_sum();
  fill_keep_gate(w.pass.steps);
  const Workspace<float>& ws = runner_.workspace(0);
  const int L = net_.config().layers, W = w.pass.steps, Bp = ws.B;
  if (cfg_.hidden_states) {
    report_.hidden.resize(L);
    for (int k = 0; k < L; ++k) {
      report_.hidden[k].resize(net_.config().hidden, W);
      for (int t = 0; t < W; ++t) report_.hidden[k].col(t) = ws.layers[k].h.col(Index(t + 1) * Bp);
    }
    const Batch& b = w.h0 ? seq_batch_ : batch_;
    report_.input_tokens.clear();
    report_.input_values.clear();
    if (!shape_.tokens) report_.input_features.resize(b.inputs.rows(), W);
    for (int t = 0; t < W; ++t) {
      const int col = b.col(w.pass.t0 + t, 0);
      if (shape_.tokens)
        report_.input_tokens.push_back(b.tokens[col]);
      else {
        report_.input_values.push_back(float(b.inputs(0, col)));
        report_.input_features.col(t) = b.inputs.col(col).cast<float>();
      }
    }
  }
}

void Trainer::fill_keep_gate(int W) {
  const ModelConfig& m = net_.config();
  auto& out = report_.timestep_keep_gate;
  if (m.cell != CellType::Lstm && m.cell != CellType::Gru) {
    out.clear();
    return;
  }
  // Rows H..2H of the post-activation gates: LSTM (i, f, g, o) -> f; GRU (r, z, n) -> z.
  const Index H = m.hidden;
  out.assign(m.layers, std::vector<double>(W, 0.0));
  for (int k = 0; k < m.layers; ++k)
    for (int t = 0; t < W; ++t) {
      double sum = 0;
      for (int part = 0; part < runner_.parts(); ++part) {
        const Workspace<float>& ws = runner_.workspace(part);
        sum += double(ws.layers[k].gates.block(H, Index(t) * ws.B, H, ws.B).sum());
      }
      out[k][t] = sum / double(H * cfg_.batch);
    }
}

void Trainer::connect() {
  if (task_->validation_batches() == 0) return;
  if (example_.steps == 0) example_ = task_->example_batch(cfg_.seq);
  // A bounded cost: each explained position is a forward and backward over up to T steps, so
  // at most ~2e8 multiply-adds in all (a few tens of ms), however large the model.
  const ModelConfig& m = net_.config();
  const double per_step = 3.0 * m.gates() * m.hidden * (m.hidden + m.input_size) * m.layers;
  const int limit = int(std::clamp(2e8 / (per_step * example_.steps), 1.0, 64.0));
  const std::vector<int> positions =
      scored_positions(example_, 0, shape_.head == HeadKind::Regression, limit);
  report_.connectivity = connectivity(net_, example_, 0, positions);
  report_.connected = true;
}

void Trainer::probe() {
  const Workspace<float>& ws = runner_.workspace(0);
  report_.probes.resize(net_.config().layers);
  for (int k = 0; k < net_.config().layers; ++k) report_.probes[k] = probe_layer(net_, k, ws);
  report_.probed = true;
  // By step count only, never by measured cost: the same seed probes on the same steps, and a
  // resumed run probes where the uninterrupted one would have.
  next_probe_ = step_ + cfg_.probe_every;
}

double Trainer::validate(double* accuracy) {
  const int n = std::min(cfg_.val_batches, task_->validation_batches());
  double loss = 0;
  long terms = 0, correct = 0, whole = 0, sequences = 0;
  for (int i = 0; i < n; ++i) {
    const Batch b = task_->validation_batch(cfg_.seq, cfg_.batch, i);
    PassSpec p;
    p.t0 = 0;
    p.steps = b.steps;
    p.loss_begin = b.loss_begin;
    runner_.run(net_, b, p, nullptr, nullptr);
    loss += runner_.loss_sum();
    terms += runner_.loss_count();
    correct += runner_.correct();
    sequences += b.batch;
    if (accuracy && task_->accuracy_unit() == AccuracyUnit::Sequences)
      for (int part = 0; part < runner_.parts(); ++part)
        whole += whole_sequences_right(b, runner_.workspace(part), runner_.first_column(part));
  }
  if (accuracy) {
    const double nan = StepReport::kNaN;
    const bool softmax = terms > 0 && shape_.head == HeadKind::Softmax;
    *accuracy = task_accuracy(*task_, softmax ? double(correct) / double(terms) : nan,
                              softmax ? double(whole) / double(sequences) : nan);
  }
  return terms > 0 ? loss / double(terms) : StepReport::kNaN;
}

}  // namespace unroll
