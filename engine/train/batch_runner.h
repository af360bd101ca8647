// Runs one window of a batch forward (and backward) with the batch's columns split across worker
// threads. Each part has its own workspace and gradient buffer; the parts' gradients are summed in
// a fixed order, so results depend on the seed and the thread count only.
#pragma once
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "model/network.h"

namespace unroll {

template <class S>
class BatchRunner {
 public:
  explicit BatchRunner(int threads);
  ~BatchRunner();
  BatchRunner(const BatchRunner&) = delete;
  BatchRunner& operator=(const BatchRunner&) = delete;

  int threads() const { return threads_; }

  // Forward over the window for every column of the batch (pass.b0/b1 are set per part); when
  // grads is non-null, also backward, adding the gradient of the whole batch into grads.
  void run(const Network<S>& net, const Batch& batch, const PassSpec& pass, const State<S>* h0,
           S* grads);

  // After run: totals over all parts.
  double loss_sum() const;
  long loss_count() const;
  long correct() const;
  // [layer][t] sum over all columns of ||dL/dh_t|| (backward runs only).
  const std::vector<std::vector<double>>& dh_norm_sum() const { return dh_norm_; }
  // LSTM: [layer][t] sum over all columns of ||dL/dc_t||; empty for other cells.
  const std::vector<std::vector<double>>& dc_norm_sum() const { return dc_norm_; }

  int parts() const { return int(parts_.size()); }
  const Workspace<S>& workspace(int part) const { return parts_[part].ws; }
  int first_column(int part) const { return parts_[part].b0; }
  // Copies the state after window step t into out (sized for the whole batch).
  void extract_state(const Network<S>& net, int t, State<S>& out) const;

 private:
  struct Part {
    Workspace<S> ws;
    Vec<S> grads;  // parts > 0: own buffer, summed into the caller's afterwards
    int b0 = 0, b1 = 0;
  };
  void work(int part);
  // out[k][t] = the sum over parts of their workspace's norms[k][t].
  void sum_parts(std::vector<std::vector<double>> Workspace<S>::*norms,
                 std::vector<std::vector<double>>& out) const;
  void worker_loop(int part);

  int threads_;
  std::vector<Part> parts_;
  std::vector<std::thread> workers_;
  std::vector<std::vector<double>> dh_norm_, dc_norm_;

  // The job of the current run, read by the workers.
  std::function<void(int)> job_;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  long generation_ = 0;
  int pending_ = 0;
  bool quit_ = false;
  std::vector<std::exception_ptr> errors_;
};

}  // namespace unroll
