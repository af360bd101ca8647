// What one training step tells the outside world: plain data, filled by the trainer during the step
// and handed to whoever listens (CLI, studio, tests). The engine never knows who that is.
#pragma once
#include <Eigen/Core>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace unroll {

// Every N steps: how the recurrent weights and units of one layer behave.
struct LayerProbe {
  double spectral_radius = 0;         // max |eigenvalue| of the candidate block of W_hh (RNN: W_hh)
  double max_singular = 0;            // largest singular value of that block
  std::vector<double> gate_radius;    // spectral radius per gate block of W_hh (G entries)
  std::vector<double> gate_singular;  // largest singular value per gate block (G entries)
  double saturated_fraction = 0;  // tanh units with |h| > 0.95 (RNN) or candidate |g|/|n| > 0.95
  double dead_fraction = 0;  // ReLU units that were zero at every step and sample of the window
  std::vector<double> gate_mean;       // mean activation per gate (LSTM i,f,g,o; GRU r,z,n)
  std::vector<double> gate_saturated;  // sigmoid gates < 0.05 or > 0.95 (tanh gates |x| > 0.95)
};

// Connectivity through time for one sequence: how strongly each earlier input moves the loss of
// one prediction (Distill's "memorization in RNNs"; RNNbow), exact, from a zero initial state.
struct ConnectivityMap {
  std::vector<int> positions;  // (P) output steps t explained, ascending
  Eigen::MatrixXd grad;        // (T, P) ||dL_t / dx_k|| for input step k <= t; 0 for k > t
  std::vector<int> tokens;     // (T) the inputs (token tasks), else empty
  std::vector<int> targets;    // (P) the target (or, where none, the predicted) class at each t
  bool empty() const { return positions.empty(); }
};

struct StepReport {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  long step = 0;                 // updates done so far, including this one (1-based)
  double loss = kNaN;            // mean training loss over the scored positions of this step
  double val_loss = kNaN;        // validation loss, NaN unless validated at this step
  double val_accuracy = kNaN;    // the task's validation accuracy (Task::accuracy_unit), or NaN
  double accuracy = kNaN;        // softmax head: fraction of this step's scored tokens right
  double grad_norm = 0;          // global L2 norm of the gradient before clipping
  double grad_norm_clipped = 0;  // after clipping (equal to grad_norm when not clipped)
  bool clipped = false;          // clipping changed the gradient
  double lr = 0;                 // learning rate used by this update
  long tokens = 0;               // positions run forward and backward (window steps x batch)
  double seconds = 0;       // wall time since the previous step ended (probe, validation and the
                            // caller's time between steps included; after an idle gap, this step's)
  double tokens_per_s = 0;  // sum of tokens / sum of seconds over about the last second of steps

  bool accepted = true;         // false: loss or gradient was not finite; no update was made
  std::string rejected_tensor;  // which one: "loss", or a parameter name whose gradient went bad
  std::string message;          // a sentence for people, when something noteworthy happened

  std::vector<std::string> param_names;  // PyTorch names, same order as param_grad_norms
  std::vector<double> param_grad_norms;  // L2 norm of each tensor's gradient (before clipping)

  // ||dL/dh_t|| for each layer and window step, with L one sequence's mean loss, averaged over the
  // batch's sequences: the gradient that reaches each timestep of the unrolled network.
  // [layer][t]; steps before a truncation cut are 0.
  std::vector<std::vector<double>> timestep_grad_norms;
  // LSTM only (else empty): ||dL/dc_t|| the same way, for the cell state c_t — the additive path
  // along which the forget gate carries the gradient (the constant error carousel).
  std::vector<std::vector<double>> timestep_cell_grad_norms;
  // [layer][t] the mean over units and sequences of the gate that decides how much of the state
  // is kept: LSTM's forget gate f_t, GRU's update gate z_t; empty for a plain RNN.
  std::vector<std::vector<double>> timestep_keep_gate;
  int window_start = 0;    // batch step of window step 0
  int truncation_cut = 0;  // window steps before this received no gradient

  std::vector<Eigen::MatrixXf> hidden;  // [layer] (H, W) hidden states of the batch's first sample
  std::vector<int> input_tokens;        // its inputs over the window (token tasks), else empty
  std::vector<float> input_values;      // its first input feature over the window (dense tasks)
  Eigen::MatrixXf input_features;       // (in, W) all its input features (dense tasks)

  bool probed = false;             // probes below are fresh this step
  std::vector<LayerProbe> probes;  // [layer]

  bool connected = false;        // connectivity below is fresh this step
  ConnectivityMap connectivity;  // on the task's example sequence (Task::example_batch)
};

// What an observer tells the training loop after each step.
enum class StepAction {
  Continue,  // take the next step (until the loop's budget is used)
  Stop,      // end the run after this step
};

// Receives every step's report, rejected steps included, from run() (train/run.h). The report is
// valid only during the call.
class StepObserver {
 public:
  virtual ~StepObserver() = default;
  virtual StepAction on_step(const StepReport& report) = 0;
};

}  // namespace unroll
