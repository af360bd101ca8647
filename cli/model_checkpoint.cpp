// Checkpoint -> network for the sample, eval and forecast commands.
#include "model_checkpoint.h"

#include "core/error.h"

namespace unroll::cli {

LoadedModel load_model(const std::string& path) {
  LoadedModel m;
  m.path = path;
  m.checkpoint = load_checkpoint(path);
  m.net = std::make_unique<Network<float>>(m.checkpoint.config.model);
  if (m.net->params().size() != m.checkpoint.params.size())
    throw Error("checkpoint '" + path + "' holds " + std::to_string(m.checkpoint.params.size()) +
                " weights but its model needs " + std::to_string(m.net->params().size()) +
                "; the file is inconsistent, save it again from training");
  m.net->params() = m.checkpoint.params;
  return m;
}

Vocabulary LoadedModel::vocabulary(const char* command) const {
  const ModelConfig& c = net->config();
  if (c.input == InputKind::Dense || c.head != HeadKind::Softmax)
    throw Error(std::string(command) + " needs a character language model, but checkpoint '" +
                path + "' was trained on the series task '" + checkpoint.task.name +
                "'; use unroll-cli forecast with it");
  if (int(checkpoint.task.vocabulary.size()) != c.input_size)
    throw Error("checkpoint '" + path + "' lists " +
                std::to_string(checkpoint.task.vocabulary.size()) +
                " vocabulary entries for a model of " + std::to_string(c.input_size) +
                " tokens; save it again from training");
  return Vocabulary(checkpoint.task.vocabulary);
}

}  // namespace unroll::cli
