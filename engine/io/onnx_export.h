// ONNX export (opset 14) built with ONNX's own protobuf classes: the input (OneHot, embedding
// Gather or dense), one ONNX RNN/LSTM/GRU node per layer with PyTorch's gate order converted, the
// head, and a softmax. Lives in its own library (unroll_io_onnx) so the engine does not need
// protobuf.
#pragma once
#include <string>

#include "io/checkpoint.h"

namespace unroll {

// Graph inputs:  tokens int64 [T, B] (token models) or inputs float [T, B, F] (dense);
//                h0 float [L, B, H]; c0 float [L, B, H] (LSTM).
// Graph outputs: logits and probabilities float [T, B, O] (softmax head) or predictions
//                [T, B, O] (regression); hn [L, B, H]; cn [L, B, H] (LSTM).
// T and B are symbolic ("time", "batch"). The serialized model passes onnx::checker (checked here).
std::string onnx_bytes(const Checkpoint& checkpoint);
void write_onnx(const std::string& path, const Checkpoint& checkpoint);

}  // namespace unroll
