// unroll-cli eval: mean per-character cross-entropy (nats) of a whole text file under a trained
// character model, from a zero initial state, printed as loss=X.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "args.h"
#include "caption_commands.h"
#include "commands.h"
#include "core/error.h"
#include "data/text_corpus.h"
#include "model_checkpoint.h"
#include "seq2seq_commands.h"
#include "train/evaluate.h"

namespace unroll::cli {
namespace {

const char* kEvalHelp = R"(usage: unroll-cli eval --checkpoint FILE.unroll --data FILE.txt
  Prints loss=X: the mean cross-entropy in nats of predicting each character of the file from the
  ones before it (the first is only read), starting from a zero state. Line ends and a byte-order
  mark are normalised as in training.
  --window N   steps per forward pass; any value gives the same loss (256)
)";

std::vector<int32_t> encode_file(const std::string& path, const Vocabulary& vocab) {
  if (std::filesystem::is_directory(path))
    throw Error("--data: '" + path + "' is a folder; choose a UTF-8 text file");
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error("--data: cannot open '" + path + "': " + std::strerror(errno) +
                "; check the path and that you may read it");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::u32string text = TextCorpus::decode_utf8(bytes, "text file '" + path + "'");
  if (!text.empty() && text.front() == U'\uFEFF') text.erase(text.begin());
  std::vector<int32_t> ids;
  ids.reserve(text.size());
  int line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == U'\r' && i + 1 < text.size() && text[i + 1] == U'\n') continue;
    const std::string ch = TextCorpus::encode_utf8(text[i]);
    const int id = vocab.find(ch);
    if (id < 0) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", unsigned(text[i]));
      throw Error("text file '" + path + "', line " + std::to_string(line) + ": character '" + ch +
                  "' (" + code +
                  ") never occurred in the model's training text, so the model cannot score "
                  "it; remove it or evaluate a model trained on text that has it");
    }
    if (text[i] == U'\n') ++line;
    ids.push_back(id);
  }
  return ids;
}

}  // namespace

int eval_command(const std::vector<std::string>& argv) {
  if (wants_caption(argv)) return caption_eval_command(argv);  // an image captioner
  if (wants_seq2seq(argv)) return seq2seq_eval_command(argv);  // an encoder-decoder
  const Args a(argv, {"checkpoint", "data", "window"}, {"help"});
  if (a.has("help")) {
    std::cout << kEvalHelp;
    return 0;
  }
  if (!a.has("checkpoint")) throw Error("--checkpoint FILE.unroll is required (see --help)");
  if (!a.has("data")) throw Error("--data FILE.txt is required: the text to score");
  const int window = int(a.integer("window", 256, 1, 1000000));
  const LoadedModel m = load_model(a.str("checkpoint", ""));
  const std::vector<int32_t> ids = encode_file(a.str("data", ""), m.vocabulary("eval"));
  if (ids.size() < 2)
    throw Error("--data: '" + a.str("data", "") + "' has " + std::to_string(ids.size()) +
                " character(s); the loss needs at least 2 (one to read, one to predict)");
  std::printf("loss=%.6f\n", sequence_cross_entropy(*m.net, ids, window));
  return 0;
}

}  // namespace unroll::cli
