// unroll-cli's encoder–decoder commands: train and sweep on the translation tasks, translate, eval
// and export of an encoder–decoder checkpoint. The general commands hand over to these when the
// task or the checkpoint is an encoder–decoder's.
#pragma once
#include <string>
#include <vector>

namespace unroll::cli {

// True when argv names a translation task (--task pairs|dates|numbers|reorder) or an
// encoder–decoder checkpoint (--checkpoint or --resume FILE with model kind seq2seq).
bool wants_seq2seq(const std::vector<std::string>& argv);

int seq2seq_train_command(const std::vector<std::string>& argv);
int seq2seq_sweep_command(const std::vector<std::string>& argv);
int seq2seq_eval_command(const std::vector<std::string>& argv);
int seq2seq_export_command(const std::vector<std::string>& argv);
int translate_command(const std::vector<std::string>& argv);

}  // namespace unroll::cli
