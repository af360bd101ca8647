// A stacked recurrent network with its input (one-hot, embedding or dense) and head (softmax
// cross-entropy or linear + MSE), run forward and backward over one window of a batch.
// Letters: L layers, H hidden, G gates, V vocabulary/inputs, O outputs, W window steps,
// B batch columns handled by this pass.
#pragma once
#include <vector>

#include "data/batch.h"
#include "model/cell.h"
#include "model/config.h"
#include "model/head.h"
#include "model/params.h"

namespace unroll {

// Recurrent state of a whole batch: per layer h (and c for LSTM), each (H, B).
template <class S>
struct State {
  std::vector<Mat<S>> h, c;
  void zeros(const ModelConfig& cfg, int batch);
  bool empty() const { return h.empty(); }
};

// Which part of a batch one pass covers.
struct PassSpec {
  int t0 = 0;          // first batch step of the window
  int steps = 0;       // W
  int loss_begin = 0;  // window-relative first scored step (>= cut)
  int cut = 0;         // window-relative: no gradient flows into steps before this (truncation)
  int b0 = 0, b1 = 0;  // batch columns [b0, b1)
  double loss_scale = 1.0;  // multiplies every scored term: 1 / (scored terms in the whole batch)
  Perturb perturb;          // tests only: nudge one hidden unit
};

// Per-thread buffers for one pass; sized on first use and reused.
template <class S>
struct Workspace {
  std::vector<CellCache<S>> layers;          // L
  HeadCache<S> head;                         // N = nl*B scored columns, nl = W - loss_begin
  std::vector<int32_t> tokens;               // (W*B) input ids
  Mat<S> x0;                                 // (in, W*B) embedded or dense input of layer 0
  Mat<S> dx0;                                // (E, W*B) dL/d(embedding output)
  std::vector<std::vector<double>> dh_norm;  // (L, W) sum over columns of ||dL/dh_t||
  std::vector<std::vector<double>> dc_norm;  // LSTM: (L, W) sum over columns of ||dL/dc_t||
  int W = 0, B = 0;
};

template <class S>
class Network {
 public:
  explicit Network(const ModelConfig& cfg);
  const ModelConfig& config() const { return cfg_; }
  const ParamLayout& layout() const { return layout_; }
  Vec<S>& params() { return params_; }
  const Vec<S>& params() const { return params_; }

  // Runs the window from state h0 (its columns [b0, b1); zeros when h0 is null or empty): the
  // cells, then the head's outputs and loss on the scored steps (ws.head: y, loss_sum, ...).
  void forward(const Batch& batch, const PassSpec& pass, const State<S>* h0,
               Workspace<S>& ws) const;
  // Adds this pass's gradients (scaled by pass.loss_scale) into grads (layout-sized), and fills
  // ws.dh_norm. Call after forward with the same arguments.
  void backward(const Batch& batch, const PassSpec& pass, Workspace<S>& ws, S* grads) const;

  // Copies the state after window step t (window-relative, -1 = initial) into out's columns
  // [b0, b1); out must be sized for the whole batch.
  void extract_state(const Workspace<S>& ws, int t, int b0, State<S>& out) const;

 private:
  void prepare(Workspace<S>& ws, int W, int B) const;
  void input_projection(int k, Workspace<S>& ws) const;
  void head_targets(const Batch& batch, const PassSpec& pass, Workspace<S>& ws) const;

  ModelConfig cfg_;
  ParamLayout layout_;
  Vec<S> params_;  // one buffer, see layout_
};

}  // namespace unroll
