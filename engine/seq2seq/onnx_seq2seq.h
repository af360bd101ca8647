// ONNX export of an encoder–decoder (opset 14, ONNX's own protobuf classes; in unroll_io_onnx):
// two graphs, run in turn by a greedy or beam loop in any ONNX runtime.
//   encoder:      source int64 [Ts, B] -> memory float [Ts, B, Dm], s0 float [L, B, Hd] (the
//                 decoder's initial hidden state, bridged)
//   decoder step: y_prev int64 [B], memory [Ts, B, Dm], h [L, B, Hd], c [L, B, Hd] (LSTM decoder),
//                 ht [B, Hd] (the previous attentional vector; zeros at the first step)
//                 -> logits [B, Vt], h_out, c_out (LSTM), ht_out [B, Hd], attention [B, Ts]
//                 (with attention)
// Start with y_prev = <bos> (0), h = s0, c = 0, ht = 0; feed each step's argmax and outputs back.
// Ts and B are symbolic. Both models pass onnx::checker; the configuration and vocabularies are in
// the metadata property "unroll_seq2seq" (as in the safetensors export).
#pragma once
#include <string>

#include "seq2seq/seq2seq_checkpoint.h"

namespace unroll {

std::string seq2seq_encoder_onnx(const Seq2SeqCheckpoint& checkpoint);
std::string seq2seq_decoder_step_onnx(const Seq2SeqCheckpoint& checkpoint);
// PREFIX.encoder.onnx and PREFIX.decoder-step.onnx, each written atomically.
void write_seq2seq_onnx(const std::string& prefix, const Seq2SeqCheckpoint& checkpoint);

}  // namespace unroll
