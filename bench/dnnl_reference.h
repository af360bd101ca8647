// oneDNN as a reference for unroll_bench: its RNN/LSTM/GRU training primitives (forward training
// + backward, an explicit zero initial state) with the same one-hot input and Linear +
// cross-entropy head as Unroll, no optimizer; and the machine's single-precision GEMM peak.
#pragma once
#include <memory>
#include <string>

#include "data/task.h"
#include "model/config.h"

namespace unroll::bench {

struct DnnlResult {
  double tokens_per_s = 0;  // median over the slices
  double peak_rss_mb = 0;   // this process's peak resident memory
  double grad_diff = -1;    // largest |g_dnnl - g_unroll| / max|g_unroll| over the tensors
  std::string worst;        // the tensor where it was largest
};

// One config at `threads` OpenMP threads: the gradients of one batch are compared with Unroll's
// (same weights, same batch), then steps are timed for `seconds` cut into `repeats` slices.
DnnlResult measure_dnnl(CellType cell, int hidden, int seq, int batch,
                        std::shared_ptr<const Task> task, int threads, double seconds, int repeats);

// GFLOP/s of an n x n x n single-precision product (oneDNN's sgemm), best of a few, at threads.
double sgemm_gflops(int n, int threads);

}  // namespace unroll::bench
