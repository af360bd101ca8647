// unroll-cli train/eval/caption for image captioners (caption_commands.h).
#include "caption_commands.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

#include "args.h"
#include "caption/caption_checkpoint.h"
#include "caption/caption_export.h"
#include "caption/image_io.h"
#include "caption/onnx_caption.h"
#include "core/error.h"
#include "io/atomic_file.h"
#include "seq2seq/seq2seq_checkpoint.h"

namespace unroll::cli {
namespace {

const char* kTrainHelp = R"(usage: unroll-cli train --task shapes|images [options]
 data: shapes (images drawn by the engine, template captions "a large blue square below a small
 red circle") or images (--data FOLDER --captions FILE.csv of file,caption lines: PNG or JPEG
 files, several captions per image allowed, resized; --val-fraction X of the images held out, 0.1)
  --image 32|64                  image side in pixels (32)
  --objects N                    each image has 1..N shapes, N in 1..3 (2)
  --colours K                    the first K of red, green, blue, yellow, magenta, cyan, white (4)
  --no-sizes                     one size of shape, no "small"/"large" in the captions
  --noise X                      background noise amplitude in [0, 0.5] (0: plain black)
  --val-images N                 fixed validation images (256)
 model
  --conv SPEC                    conv blocks, e.g. 16p,32p,32 (default): channels, "/2" for
                                 stride 2, "p" for a 2x2 max-pool after the ReLU; 1-4 blocks
  --cell C                       the decoder: rnn|rnn-relu|lstm|gru (lstm; --decoder-cell too)
  --hidden H                     decoder hidden size (64); --layers L 1|2 (1); --embed E (32)
  --attention none|additive|dot|general   over the conv grid (additive); none: the mean-pooled
                                 features only start the decoder (show and tell)
  --attention-dim A              additive attention size (hidden); --no-input-feeding
 training
  --steps N --batch B --lr X --optimizer sgd|momentum|adam|...   (1000, 32, 0.003, adam)
  --clip X                       global-norm clip (5); --seed S (1): init and training images
  --val-every N                  steps between validations (100); --max-output N (longest + 5)
  --metrics FILE.csv             step,train_loss,token_acc,grad_norm,val_loss,exact,bleu,colour,shape,size,relation
  --save FILE.unroll             checkpoint at the end; --resume FILE.unroll continues to --steps
  --quiet                        no progress lines
  Standard output gets one line at the end:
  final step=N seconds=T train_loss=X val_loss=Y token_acc=A exact=E bleu=B colour=C shape=S
  size=Z relation=R   (attribute accuracies; n/a when there is nothing to score)
)";

const char* kCaptionHelp =
    R"(usage: unroll-cli caption --checkpoint FILE.unroll --image FILE.png [options]
  Prints the captioner's caption of a PNG or JPEG image of the model's size (32x32 or 64x64).
  --beam K                 beam width (1: greedy); --max-len N longest caption (the checkpoint's)
  --attention-out F.png    saves the image and one attention map per word (then <eos>), side by
                           side: the brighter and more orange, the more the word looked there
)";

const char* kEvalHelp = R"(usage: unroll-cli eval --checkpoint FILE.unroll [--val-images N]
  Prints loss=X token_acc=Y exact=Z bleu=W colour=C shape=S size=Z relation=R over the
  captioner's fixed validation images (all of its task's, or the first N).
)";

std::string fmt(double v) {
  if (std::isnan(v)) return "n/a";
  char b[32];
  std::snprintf(b, sizeof b, "%.6g", v);
  return b;
}

std::string metrics_line(const CaptionMetrics& m) {
  char loss[32];
  std::snprintf(loss, sizeof loss, "%.8g", m.loss);
  return "loss=" + std::string(loss) + " token_acc=" + fmt(m.token_accuracy) +
         " exact=" + fmt(m.exact) + " bleu=" + fmt(m.bleu) + " colour=" + fmt(m.colour) +
         " shape=" + fmt(m.shape) + " size=" + fmt(m.size) + " relation=" + fmt(m.relation);
}

bool is_caption_file(const std::string& path) {
  try {
    return checkpoint_model_kind(path) == "caption";
  } catch (const Error&) {
    return false;  // the general command reports the problem
  }
}

std::vector<ConvBlock> parse_conv(const std::string& spec) {
  std::vector<ConvBlock> blocks;
  std::stringstream ss(spec);
  std::string item;
  while (std::getline(ss, item, ',')) {
    ConvBlock b;
    b.pool = !item.empty() && item.back() == 'p';
    std::string s = b.pool ? item.substr(0, item.size() - 1) : item;
    b.stride = 1;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, "/2") == 0) {
      b.stride = 2;
      s.resize(s.size() - 2);
    }
    char* end = nullptr;
    const long c = std::strtol(s.c_str(), &end, 10);
    if (s.empty() || *end || c < 1 || c > 1024)
      throw Error(
          "--conv: '" + item +
          "' is not a block: give channels (1-1024), optionally /2 and p, as in 16p,32p,32");
    b.channels = int(c);
    blocks.push_back(b);
  }
  if (blocks.empty() || blocks.size() > 4)
    throw Error("--conv needs 1 to 4 blocks, as in 16p,32p,32");
  return blocks;
}

CaptionTrainConfig make_config(const Args& a) {
  CaptionTrainConfig c;
  c.kind = a.str("task", "");
  if (c.kind != "shapes" && c.kind != "images")
    throw Error("--task must be shapes or images for an image captioner");
  if (c.kind == "shapes" && (a.has("data") || a.has("captions")))
    throw Error("--data and --captions are for --task images; shapes draws its own images");
  for (const char* o : {"objects", "colours", "noise", "val-images"})
    if (c.kind == "images" && a.has(o))
      throw Error(std::string("--") + o + " is for --task shapes");
  ImageFolderSpec& f = c.images;
  f.folder = a.str("data", "");
  f.captions = a.str("captions", "");
  f.image = int(a.integer("image", 32, 1, 4096));
  f.val_fraction = a.real("val-fraction", 0.1, 0, 1);
  ShapesSpec& t = c.task;
  t.image = int(a.integer("image", 32, 1, 4096));
  t.objects = int(a.integer("objects", 2, 1, 100));
  t.colours = int(a.integer("colours", 4, 1, 100));
  t.sizes = !a.has("no-sizes");
  t.noise = a.real("noise", 0.0, 0, 1);
  t.validation = int(a.integer("val-images", 256, 1, 100000));
  CaptionConfig& m = c.model;
  m.conv.blocks = parse_conv(a.str("conv", "16p,32p,32"));
  m.decoder_cell = parse_cell(a.str("decoder-cell", a.str("cell", "lstm")));
  m.hidden = int(a.integer("hidden", 64, 1, 4096));
  m.layers = int(a.integer("layers", 1, 1, 2));
  m.embed_dim = int(a.integer("embed", 32, 1, 4096));
  m.attention = parse_attention(a.str("attention", "additive"));
  m.attention_dim = int(a.integer("attention-dim", 0, 0, 4096));
  m.input_feeding = !a.has("no-input-feeding");
  c.batch = int(a.integer("batch", 32, 1, 4096));
  c.optimizer.kind = parse_optimizer(a.str("optimizer", "adam"));
  c.optimizer.lr = a.real("lr", 0.003, 1e-12, 1e6);
  c.clip = {ClipMode::Norm, a.real("clip", 5.0, 1e-12, 1e12)};
  c.seed = uint64_t(a.integer("seed", 1, 0, 9223372036854775807L));
  c.max_output = int(a.integer("max-output", 0, 0, 1000));
  c.validate();
  CaptionConfig check = c.model;  // a bad model is named before any image is read
  check.conv.in_channels = 3;
  check.conv.height = check.conv.width = c.kind == "images" ? f.image : t.image;
  check.vocab = kTgtUnk + 1;
  check.validate();
  return c;
}

// The image as the model takes it, or an error naming the file and the size it needs.
Mat<float> model_input(const Image& img, const std::string& path, const CaptionConfig& cfg) {
  if (img.width != cfg.conv.width || img.height != cfg.conv.height)
    throw Error("image '" + path + "' is " + std::to_string(img.width) + "x" +
                std::to_string(img.height) + " but the captioner takes " +
                std::to_string(cfg.conv.width) + "x" + std::to_string(cfg.conv.height) +
                " images: resize it");
  return Eigen::Map<const Mat<float>>(img.chw.data(), Index(img.chw.size()), 1);
}

// The image, then one tile per attention row: the image dimmed where the word did not look and
// tinted orange where it did.
Image attention_strip(const Image& img, const Mat<double>& attention, int gh, int gw) {
  const int f = std::max(1, 128 / img.width), gap = 4;
  const Image big = upscale(img, f);
  const int W = big.width, H = big.height, tiles = 1 + int(attention.rows());
  const double tint[3] = {0.7, 0.35, 0.0};  // orange where the word looked: visible on black
  Image out;
  out.width = tiles * W + (tiles - 1) * gap;
  out.height = H;
  out.chw.assign(size_t(3) * out.width * H, 0.5f);
  for (int t = 0; t < tiles; ++t) {
    const double peak = t == 0 ? 1.0 : std::max(1e-12, attention.row(t - 1).maxCoeff());
    for (int y = 0; y < H; ++y)
      for (int x = 0; x < W; ++x) {
        double w = 1.0;
        if (t > 0) {
          const int cy = std::min(gh - 1, y * gh / H), cx = std::min(gw - 1, x * gw / W);
          w = 0.15 + 0.85 * attention(t - 1, cy * gw + cx) / peak;
        }
        for (int c = 0; c < 3; ++c)
          out.chw[(size_t(c) * H + y) * out.width + t * (W + gap) + x] = float(std::min(
              1.0, w * big.chw[(size_t(c) * H + y) * W + x] + (t > 0 ? tint[c] * (w - 0.15) : 0)));
      }
  }
  return out;
}

}  // namespace

bool wants_caption(const std::vector<std::string>& argv) {
  for (size_t i = 0; i < argv.size(); ++i) {
    std::string name = argv[i], value;
    const auto eq = name.find('=');
    if (eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    } else if (i + 1 < argv.size()) {
      value = argv[i + 1];
    }
    if (name == "--task" && (value == "shapes" || value == "images")) return true;
    if ((name == "--checkpoint" || name == "--resume") && is_caption_file(value)) return true;
  }
  return false;
}

int caption_train_command(const std::vector<std::string>& argv) {
  const Args a(
      argv,
      {"task",       "image",        "objects", "colours",   "noise", "val-images", "conv",
       "cell",       "decoder-cell", "hidden",  "layers",    "embed", "attention",  "attention-dim",
       "steps",      "batch",        "lr",      "optimizer", "clip",  "seed",       "val-every",
       "max-output", "metrics",      "save",    "resume",    "data",  "captions",   "val-fraction"},
      {"help", "quiet", "no-sizes", "no-input-feeding"});
  if (a.has("help")) {
    std::cout << kTrainHelp;
    return 0;
  }
  const long steps = a.integer("steps", 1000, 1, 1000000000000L);
  const long val_every = a.integer("val-every", 100, 0, 100000000);
  std::unique_ptr<CaptionTrainer> t;
  if (a.has("resume")) {
    t = resume_caption(load_caption_checkpoint(a.str("resume", "")));
    if (steps <= t->steps())
      throw Error("--steps is the total; checkpoint '" + a.str("resume", "") +
                  "' is already at step " + std::to_string(t->steps()));
  } else {
    t = std::make_unique<CaptionTrainer>(make_config(a));
  }
  const bool quiet = a.has("quiet");
  const CaptionConfig& m = t->model().config();
  if (!quiet)
    std::cerr << "train: " << t->task().describe() << "; grid " << t->model().grid_height() << "x"
              << t->model().grid_width() << "x" << m.conv.out_channels() << ", "
              << t->model().params().size() << " weights\n";
  std::unique_ptr<AtomicFileWriter> csv;
  if (a.has("metrics")) {
    csv = std::make_unique<AtomicFileWriter>(a.str("metrics", ""));
    csv->write(
        "step,train_loss,token_acc,grad_norm,val_loss,exact,bleu,colour,shape,size,relation\n");
  }
  const auto start = std::chrono::steady_clock::now();
  double last_loss = std::nan(""), train_seconds = 0;
  CaptionMetrics last_val;
  last_val.loss = std::nan("");
  while (t->steps() < steps) {
    const auto s0 = std::chrono::steady_clock::now();
    const CaptionStepReport r = t->step();
    train_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - s0).count();
    last_loss = r.loss;
    if (r.rejected) {
      std::cerr << "train: step " << r.step + 1 << " rejected: " << r.rejected_reason
                << "; weights kept (try a smaller --lr or --clip)\n";
      return 2;
    }
    const bool validate = (val_every > 0 && r.step % val_every == 0) || r.step == steps;
    std::string val = ",,,,,,";
    if (validate) {
      const CaptionValidation v = t->validate();
      last_val = v.metrics;
      const CaptionMetrics& x = v.metrics;
      val = fmt(x.loss) + "," + fmt(x.exact) + "," + fmt(x.bleu) + "," + fmt(x.colour) + "," +
            fmt(x.shape) + "," + fmt(x.size) + "," + fmt(x.relation);
      if (!quiet)
        std::cerr << "step " << r.step << " train_loss=" << fmt(r.loss) << " val "
                  << metrics_line(x) << "  '" << v.reference << "' -> '" << v.output << "'\n";
    }
    if (csv)
      csv->write(std::to_string(r.step) + "," + fmt(r.loss) + "," + fmt(r.token_accuracy) + "," +
                 fmt(r.grad_norm) + "," + val + "\n");
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (csv) csv->commit();
  if (a.has("save")) save_caption_checkpoint(a.str("save", ""), capture_caption(*t));
  std::cout << "final step=" << t->steps() << " seconds=" << fmt(seconds)
            << " train_seconds=" << fmt(train_seconds) << " train_loss=" << fmt(last_loss)
            << " val_" << metrics_line(last_val) << '\n';
  return 0;
}

int caption_eval_command(const std::vector<std::string>& argv) {
  const Args a(argv, {"checkpoint", "val-images", "max-len"}, {"help"});
  if (a.has("help")) {
    std::cout << kEvalHelp;
    return 0;
  }
  const CaptionCheckpoint c = load_caption_checkpoint(a.str("checkpoint", ""));
  const std::unique_ptr<CaptionData> data = make_caption_data(c.config);
  if (data->words() != c.words)
    throw Error("the task '" + c.config.kind +
                "' no longer gives the checkpoint's caption words (did its captions file change?)");
  const int n = int(a.integer("val-images", 0, 0, 100000));
  const int max_len = int(a.integer("max-len", c.max_output(), 1, 1000));
  std::cout << metrics_line(evaluate_captions(c.model(), data->validation_images(),
                                              data->validation_captions(), c.words, max_len, n))
            << '\n';
  return 0;
}

int caption_export_command(const std::vector<std::string>& argv) {
  const Args a(argv, {"checkpoint", "format", "out"}, {"help"});
  if (!a.has("out")) throw Error("--out PATH is required");
  const std::string format = a.str("format", "");
  const CaptionCheckpoint c = load_caption_checkpoint(a.str("checkpoint", ""));
  if (format == "safetensors") {
    write_caption_safetensors(a.str("out", ""), c);
    return 0;
  }
  if (format == "onnx") {  // PATH.encoder.onnx and PATH.decoder-step.onnx
    write_caption_onnx(a.str("out", ""), c);
    return 0;
  }
  throw Error("an image captioner exports as --format safetensors or onnx" +
              (format.empty() ? std::string() : ", not '" + format + "'"));
}

int caption_command(const std::vector<std::string>& argv) {
  const Args a(argv, {"checkpoint", "image", "attention-out", "beam", "max-len"}, {"help"});
  if (a.has("help")) {
    std::cout << kCaptionHelp;
    return 0;
  }
  if (!a.has("checkpoint")) throw Error("--checkpoint FILE.unroll is required (see --help)");
  if (!a.has("image")) throw Error("--image FILE.png is required (PNG or JPEG)");
  const CaptionCheckpoint c = load_caption_checkpoint(a.str("checkpoint", ""));
  const Captioner<float> model = c.model();
  const std::string path = a.str("image", "");
  const Image img = load_image(path);
  const Mat<float> x = model_input(img, path, model.config());
  DecodeOptions o;
  o.beam = int(a.integer("beam", 1, 1, 1000));
  o.max_len = int(a.integer("max-len", c.max_output(), 1, 1000));
  const bool want_maps = a.has("attention-out");
  if (want_maps && model.config().attention == AttentionKind::None)
    throw Error("--attention-out: this captioner has no attention (attention none): no maps");
  const Hypothesis h = model.beam(x, o);
  const Words words = caption_words(h.tokens, c.words);
  std::cout << join_words(words) << '\n';
  if (want_maps) {
    const std::string out = a.str("attention-out", "");
    save_png(out, attention_strip(img, h.attention, model.grid_height(), model.grid_width()));
    std::string list;
    for (const std::string& w : words) list += w + ", ";
    std::cerr << "caption: " << out << ": the image, then where each word looked: " << list
              << (h.finished ? "<eos>" : "(cut at --max-len)") << '\n';
  }
  return 0;
}

}  // namespace unroll::cli
