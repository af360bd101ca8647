// Loading a trained model from a .unroll checkpoint for the commands that use one (sample, eval,
// forecast): the network with its weights, and the vocabulary or task it was trained on.
#pragma once
#include <memory>
#include <string>

#include "io/checkpoint.h"
#include "model/network.h"
#include "train/sampler.h"

namespace unroll::cli {

struct LoadedModel {
  std::string path;
  Checkpoint checkpoint;
  std::unique_ptr<Network<float>> net;
  // For token models: the checkpoint's vocabulary. Throws unroll::Error for a series model.
  Vocabulary vocabulary(const char* command) const;
};

// Throws unroll::Error naming the path when the file cannot be loaded or its weights do not fit.
LoadedModel load_model(const std::string& path);

}  // namespace unroll::cli
