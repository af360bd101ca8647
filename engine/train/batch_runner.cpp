// Batch-parallel forward/backward with persistent worker threads (no per-step thread start-up).
#include "train/batch_runner.h"

#include <algorithm>

namespace unroll {

template <class S>
BatchRunner<S>::BatchRunner(int threads) : threads_(std::max(1, threads)) {
  errors_.resize(threads_);
  for (int i = 1; i < threads_; ++i) workers_.emplace_back([this, i] { worker_loop(i); });
}

template <class S>
BatchRunner<S>::~BatchRunner() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    quit_ = true;
  }
  wake_.notify_all();
  for (auto& w : workers_) w.join();
}

template <class S>
void BatchRunner<S>::worker_loop(int part) {
  long seen = 0;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return quit_ || generation_ != seen; });
      if (quit_) return;
      seen = generation_;
    }
    work(part);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (--pending_ == 0) done_.notify_one();
    }
  }
}

template <class S>
void BatchRunner<S>::work(int part) {
  try {
    if (part < int(parts_.size())) job_(part);
  } catch (...) {
    errors_[part] = std::current_exception();
  }
}

template <class S>
void BatchRunner<S>::run(const Network<S>& net, const Batch& batch, const PassSpec& pass,
                         const State<S>* h0, S* grads) {
  // Split the columns into at most threads_ contiguous parts; a part needs at least one column.
  const int B = batch.batch;
  const int n = std::min(threads_, B);
  parts_.resize(n);
  for (int i = 0; i < n; ++i) {
    parts_[i].b0 = B * i / n;
    parts_[i].b1 = B * (i + 1) / n;
  }
  const Index size = net.params().size();
  job_ = [&, grads, size](int i) {
    Part& p = parts_[i];
    PassSpec mine = pass;
    mine.b0 = p.b0;
    mine.b1 = p.b1;
    net.forward(batch, mine, h0, p.ws);
    if (!grads) return;
    S* g = grads;
    if (i > 0) {
      p.grads.setZero(size);
      g = p.grads.data();
    }
    net.backward(batch, mine, p.ws, g);
  };
  std::fill(errors_.begin(), errors_.end(), nullptr);
  if (n > 1) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      pending_ = int(workers_.size());
      ++generation_;
    }
    wake_.notify_all();
  }
  work(0);
  if (n > 1) {
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [&] { return pending_ == 0; });
  }
  for (auto& e : errors_)
    if (e) std::rethrow_exception(e);
  if (grads) {
    VecMap<S> total(grads, size);
    for (int i = 1; i < n; ++i) total += parts_[i].grads;
    sum_parts(&Workspace<S>::dh_norm, dh_norm_);
    sum_parts(&Workspace<S>::dc_norm, dc_norm_);
  }
}

template <class S>
void BatchRunner<S>::sum_parts(std::vector<std::vector<double>> Workspace<S>::*norms,
                               std::vector<std::vector<double>>& out) const {
  out = parts_[0].ws.*norms;
  for (size_t i = 1; i < parts_.size(); ++i)
    for (size_t k = 0; k < out.size(); ++k)
      for (size_t t = 0; t < out[k].size(); ++t) out[k][t] += (parts_[i].ws.*norms)[k][t];
}

template <class S>
double BatchRunner<S>::loss_sum() const {
  double s = 0;
  for (const auto& p : parts_) s += p.ws.head.loss_sum;
  return s;
}

template <class S>
long BatchRunner<S>::loss_count() const {
  long s = 0;
  for (const auto& p : parts_) s += p.ws.head.loss_count;
  return s;
}

template <class S>
long BatchRunner<S>::correct() const {
  long s = 0;
  for (const auto& p : parts_) s += p.ws.head.correct;
  return s;
}

template <class S>
void BatchRunner<S>::extract_state(const Network<S>& net, int t, State<S>& out) const {
  for (const auto& p : parts_) net.extract_state(p.ws, t, p.b0, out);
}

template class BatchRunner<float>;
template class BatchRunner<double>;

}  // namespace unroll
