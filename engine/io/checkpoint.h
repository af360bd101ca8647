// The .unroll checkpoint: a versioned binary file holding a trained model (and, as the format
// grows, everything needed to resume the run).
#pragma once
#include <string>

#include "train/trainer.h"

namespace unroll {

// Writes atomically (to PATH.partial, then renamed). Throws unroll::Error naming the path.
void save_checkpoint(const std::string& path, const Trainer& trainer);

}  // namespace unroll
