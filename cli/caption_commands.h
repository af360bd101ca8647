// unroll-cli's image captioning commands: train on the shapes task or an image folder, caption an
// image file, eval and export a captioner checkpoint. The general train, eval and export commands
// hand over to these when the task or the checkpoint is a captioner's.
#pragma once
#include <string>
#include <vector>

namespace unroll::cli {

// True when argv names a captioning task (--task shapes|images) or a captioner checkpoint
// (--checkpoint or --resume FILE with model kind caption).
bool wants_caption(const std::vector<std::string>& argv);

int caption_train_command(const std::vector<std::string>& argv);
int caption_eval_command(const std::vector<std::string>& argv);
int caption_export_command(const std::vector<std::string>& argv);
int caption_command(const std::vector<std::string>& argv);

}  // namespace unroll::cli
