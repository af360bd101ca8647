// ONNX export of an image captioner (opset 14, ONNX's own protobuf classes; in unroll_io_onnx): two
// graphs, run in turn by a greedy or beam loop in any ONNX runtime.
//   encoder:      image float [B, 3, H, W] in [0, 1] -> memory float [P, B, C] (the conv grid's
//                 cells y*w + x), s0 float [L, B, Hd] (the bridged mean of the grid)
//   decoder step: the encoder–decoder's (seq2seq/onnx_seq2seq.h) over this memory
// Start with y_prev = <bos> (0), h = s0, c = 0, ht = 0; feed each step's argmax and outputs back.
// B is symbolic. Both pass onnx::checker; the configuration and words are in the metadata
// property "unroll_caption" (as in the safetensors export).
#pragma once
#include <string>

#include "caption/caption_checkpoint.h"

namespace unroll {

std::string caption_encoder_onnx(const CaptionCheckpoint& checkpoint);
std::string caption_decoder_step_onnx(const CaptionCheckpoint& checkpoint);
// PREFIX.encoder.onnx and PREFIX.decoder-step.onnx, each written atomically.
void write_caption_onnx(const std::string& prefix, const CaptionCheckpoint& checkpoint);

}  // namespace unroll
