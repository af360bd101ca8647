// safetensors export of an image captioner: every tensor under the state_dict name of the PyTorch
// module in scripts/load_caption_in_pytorch.py (row-major float32; the convolutions as
// [C', C, 3, 3], the decoder's names as in seq2seq/seq2seq_params.h, bridge.{k} [Hd, C]), and in
// __metadata__["unroll_caption"] a JSON object:
//   config       the captioner's configuration (caption/captioner.h: conv blocks, image size,
//                decoder cell and sizes, attention)
//   words        the caption vocabulary in id order (0, 1, 2: <bos>, <eos>, <unk>)
//   max_output   the longest greedy caption;  task, step: where the weights came from
#pragma once
#include <string>

#include "caption/caption_checkpoint.h"

namespace unroll {

std::string caption_metadata_json(const CaptionCheckpoint& checkpoint);
std::string caption_safetensors_bytes(const CaptionCheckpoint& checkpoint);
// Atomically; throws unroll::Error naming the path.
void write_caption_safetensors(const std::string& path, const CaptionCheckpoint& checkpoint);

}  // namespace unroll
