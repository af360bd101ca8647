// unroll-cli train/sweep/translate/eval/export for encoder–decoders (seq2seq_commands.h).
#include "seq2seq_commands.h"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

#include "args.h"
#include "core/error.h"
#include "io/atomic_file.h"
#include "seq2seq/length_sweep.h"
#include "seq2seq/onnx_seq2seq.h"
#include "seq2seq/seq2seq_checkpoint.h"
#include "seq2seq/seq2seq_export.h"

namespace unroll::cli {
namespace {

const char* kTrainHelp = R"(usage: unroll-cli train --task pairs|dates|numbers|reorder [options]
 data
  --data FILE.tsv                pairs: UTF-8 source<TAB>target lines (Tatoeba/Anki files work)
  --tokens char|word             pairs: tokens (char); dates and numbers use char, reorder word
  --skip-bad                     pairs: skip bad lines (counted) instead of refusing the file
  --length N                     dates: dates per line (1); numbers: most digits (4);
                                 reorder: words per sentence (10)
  --language en|de|both          dates, numbers (both)
  --pairs N                      generated pairs (4000); --val-fraction X (0.1)
 model
  --encoder-cell C --decoder-cell C   rnn|rnn-relu|lstm|gru (lstm; --cell sets both)
  --hidden H                     both hidden sizes (64); --encoder-hidden, --decoder-hidden
  --layers L                     1 or 2 (1); --embed E (32); --bidirectional
  --attention none|additive|dot|general   (additive); --attention-dim A (hidden)
  --no-input-feeding             the attentional vector does not join the next input
  --teacher-forcing X            probability of feeding the gold token (1); below 1 the model's
                                 own argmax is fed otherwise (scheduled sampling)
 training
  --steps N --batch B --lr X --optimizer sgd|momentum|adam|...   (1000, 32, 0.002, adam)
  --clip X                       global-norm clip (5); --seed S (1)
  --val-every N                  steps between validations (100); --val-pairs N (500)
  --max-output N                 longest greedy output (longest target + 10)
  --metrics FILE.csv             step,train_loss,token_acc,grad_norm,val_loss,val_token_acc,exact,bleu,cer
  --save FILE.unroll             checkpoint at the end; --resume FILE.unroll continues to --steps
  --quiet                        no progress lines
  Standard output gets one line at the end:
  final step=N train_loss=X val_loss=Y token_acc=A exact=E bleu=B cer=C
)";

const char* kTranslateHelp =
    R"(usage: unroll-cli translate --checkpoint FILE.unroll --text "..." [options]
  --text T        the source text; "-" reads standard input, one output line per input line
  --beam K        beam width (1: greedy)
  --length-norm A rank finished beams by log p / length^A (1)
  --max-len N     longest output (the checkpoint's)
)";

const char* kEvalHelp =
    R"(usage: unroll-cli eval --checkpoint FILE.unroll --data FILE.tsv [--skip-bad]
  Prints loss=X token_acc=Y exact=Z bleu=W cer=V over every pair of the file: loss and token
  accuracy per target token with teacher forcing; exact-sequence accuracy, corpus BLEU-4 (words)
  and character error rate of greedy outputs (--max-len N, the checkpoint's by default).
)";

const char* kSweepHelp =
    R"(usage: unroll-cli sweep --task reorder --lengths 5,10,20,40 --attention none,additive
  Trains one model per (attention, length) with the same budget and prints exact-sequence accuracy
  on validation against the sentence length. Model and training options as for train (--steps 1500,
  --hidden 64, --cell gru ...); --csv FILE.csv writes attention,length,exact,bleu,token_acc,loss.
)";

const std::set<std::string> kDataOptions = {"task",     "data",  "tokens",      "length",
                                            "language", "pairs", "val-fraction"};
const std::set<std::string> kModelOptions = {"encoder-cell",
                                             "decoder-cell",
                                             "cell",
                                             "hidden",
                                             "encoder-hidden",
                                             "decoder-hidden",
                                             "layers",
                                             "embed",
                                             "attention",
                                             "attention-dim",
                                             "teacher-forcing",
                                             "steps",
                                             "batch",
                                             "lr",
                                             "optimizer",
                                             "clip",
                                             "seed",
                                             "val-every",
                                             "val-pairs",
                                             "max-output"};

std::set<std::string> options(std::set<std::string> extra, bool data = true) {
  if (data) extra.insert(kDataOptions.begin(), kDataOptions.end());
  extra.insert(kModelOptions.begin(), kModelOptions.end());
  return extra;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

Seq2SeqTrainConfig make_config(const Args& a) {
  Seq2SeqTrainConfig c;
  PairTaskSpec& t = c.task;
  t.task = a.str("task", "");
  if (!is_pair_task(t.task))
    throw Error("--task must be pairs, dates, numbers or reorder for an encoder-decoder");
  t.path = a.str("data", "");
  if (t.task == "pairs" && t.path.empty()) throw Error("--task pairs needs --data FILE.tsv");
  if (t.task != "pairs" && a.has("data"))
    throw Error("--data is for --task pairs; the task '" + t.task + "' is generated");
  t.tokens = parse_token_mode(a.str("tokens", "char"));
  const int default_length = t.task == "reorder" ? 10 : t.task == "numbers" ? 4 : 1;
  t.length = int(a.integer("length", default_length, 1, 200));
  t.language = a.str("language", "both");
  t.count = int(a.integer("pairs", 4000, 2, 10000000));
  t.val_fraction = a.real("val-fraction", 0.1, 0, 0.9);
  t.skip_bad = a.has("skip-bad");
  Seq2SeqConfig& m = c.model;
  const std::string cell = a.str("cell", "lstm");
  m.encoder_cell = parse_cell(a.str("encoder-cell", cell));
  m.decoder_cell = parse_cell(a.str("decoder-cell", cell));
  const int hidden = int(a.integer("hidden", 64, 1, 4096));
  m.encoder_hidden = int(a.integer("encoder-hidden", hidden, 1, 4096));
  m.decoder_hidden = int(a.integer("decoder-hidden", hidden, 1, 4096));
  m.layers = int(a.integer("layers", 1, 1, 2));
  m.embed_dim = int(a.integer("embed", 32, 1, 4096));
  m.bidirectional = a.has("bidirectional");
  m.attention = parse_attention(a.str("attention", "additive"));
  m.attention_dim = int(a.integer("attention-dim", 0, 0, 4096));
  m.input_feeding = !a.has("no-input-feeding");
  c.teacher_forcing = a.real("teacher-forcing", 1.0, 0, 1);
  c.batch = int(a.integer("batch", 32, 1, 4096));
  c.optimizer.kind = parse_optimizer(a.str("optimizer", "adam"));
  c.optimizer.lr = a.real("lr", 0.002, 1e-12, 1e6);
  c.clip = {ClipMode::Norm, a.real("clip", 5.0, 1e-12, 1e12)};
  c.seed = uint64_t(a.integer("seed", 1, 0, 9223372036854775807L));
  c.validation_pairs = int(a.integer("val-pairs", 500, 0, 100000000));
  c.max_output = int(a.integer("max-output", 0, 0, 10000));
  c.validate();
  return c;
}

std::string fmt(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.6g", v);
  return b;
}

std::string metrics_line(const TranslationMetrics& m) {
  char loss[32];
  std::snprintf(loss, sizeof loss, "%.8g", m.loss);  // enough digits to compare at 1e-5
  return "loss=" + std::string(loss) + " token_acc=" + fmt(m.token_accuracy) +
         " exact=" + fmt(m.exact) + " bleu=" + fmt(m.bleu) + " cer=" + fmt(m.cer);
}

bool is_seq2seq_file(const std::string& path) {
  try {
    return checkpoint_model_kind(path) == "seq2seq";
  } catch (const Error&) {
    return false;  // the general command reports the problem
  }
}

}  // namespace

bool wants_seq2seq(const std::vector<std::string>& argv) {
  for (size_t i = 0; i + 1 < argv.size(); ++i) {
    if (argv[i] == "--task" && is_pair_task(argv[i + 1])) return true;
    if ((argv[i] == "--checkpoint" || argv[i] == "--resume") && is_seq2seq_file(argv[i + 1]))
      return true;
  }
  for (const std::string& s : argv) {
    const auto eq = s.find('=');
    if (eq == std::string::npos) continue;
    const std::string name = s.substr(0, eq), value = s.substr(eq + 1);
    if (name == "--task" && is_pair_task(value)) return true;
    if ((name == "--checkpoint" || name == "--resume") && is_seq2seq_file(value)) return true;
  }
  return false;
}

int seq2seq_train_command(const std::vector<std::string>& argv) {
  const Args a(argv, options({"metrics", "save", "resume"}),
               {"help", "quiet", "bidirectional", "no-input-feeding", "skip-bad"});
  if (a.has("help")) {
    std::cout << kTrainHelp;
    return 0;
  }
  const long steps = a.integer("steps", 1000, 1, 1000000000000L);
  const long val_every = a.integer("val-every", 100, 0, 100000000);
  std::unique_ptr<Seq2SeqTrainer> t;
  if (a.has("resume")) {
    t = resume_seq2seq(load_seq2seq_checkpoint(a.str("resume", "")));
    if (steps <= t->steps())
      throw Error("--steps is the total; checkpoint '" + a.str("resume", "") +
                  "' is already at step " + std::to_string(t->steps()));
  } else {
    t = std::make_unique<Seq2SeqTrainer>(make_config(a));
  }
  const bool quiet = a.has("quiet");
  if (t->task().skipped > 0)
    std::cerr << "train: skipped " << t->task().skipped
              << " bad lines (the first: " << t->task().first_skipped << ")\n";
  if (!quiet)
    std::cerr << "train: " << t->data().train.size() << " training and "
              << t->data().validation.size() << " validation pairs, vocabularies "
              << t->data().source.size() << " -> " << t->data().target.size() << ", "
              << t->model().params().size() << " weights\n";
  std::unique_ptr<AtomicFileWriter> csv;
  if (a.has("metrics")) {
    csv = std::make_unique<AtomicFileWriter>(a.str("metrics", ""));
    csv->write("step,train_loss,token_acc,grad_norm,val_loss,val_token_acc,exact,bleu,cer\n");
  }
  double last_loss = std::nan("");
  TranslationMetrics last_val;
  last_val.loss = std::nan("");
  while (t->steps() < steps) {
    const Seq2SeqStepReport r = t->step();
    last_loss = r.loss;
    if (r.rejected) {
      std::cerr << "train: step " << r.step + 1 << " rejected: " << r.rejected_reason
                << "; weights kept (try a smaller --lr or --clip)\n";
      return 2;
    }
    const bool validate = (val_every > 0 && r.step % val_every == 0) || r.step == steps;
    std::string val = ",,,,";
    if (validate && !t->data().validation.empty()) {
      const Seq2SeqValidation v = t->validate();
      const TranslationMetrics& m = v.metrics;
      last_val = m;
      val = fmt(m.loss) + "," + fmt(m.token_accuracy) + "," + fmt(m.exact) + "," + fmt(m.bleu) +
            "," + fmt(m.cer);
      if (!quiet)
        std::cerr << "step " << r.step << " train_loss=" << fmt(r.loss) << " val "
                  << metrics_line(m) << "  '" << v.source << "' -> '" << v.output << "'\n";
    }
    if (csv)
      csv->write(std::to_string(r.step) + "," + fmt(r.loss) + "," + fmt(r.token_accuracy) + "," +
                 fmt(r.grad_norm) + "," + val + "\n");
  }
  if (csv) csv->commit();
  if (a.has("save")) save_seq2seq_checkpoint(a.str("save", ""), capture_seq2seq(*t));
  std::cout << "final step=" << t->steps() << " train_loss=" << fmt(last_loss) << " val_"
            << metrics_line(last_val) << '\n';
  return 0;
}

int translate_command(const std::vector<std::string>& argv) {
  const Args a(argv, {"checkpoint", "text", "beam", "length-norm", "max-len"}, {"help"});
  if (a.has("help")) {
    std::cout << kTranslateHelp;
    return 0;
  }
  if (!a.has("checkpoint")) throw Error("--checkpoint FILE.unroll is required (see --help)");
  if (!a.has("text")) throw Error("--text \"...\" is required (\"-\" reads standard input)");
  const Seq2SeqCheckpoint c = load_seq2seq_checkpoint(a.str("checkpoint", ""));
  const Seq2Seq<float> model = c.model();
  const PairsData vocab = c.vocabularies();
  DecodeOptions o;
  o.beam = int(a.integer("beam", 1, 1, 1000));
  o.length_norm = a.real("length-norm", 1.0, 0, 10);
  o.max_len = int(a.integer("max-len", c.max_output(), 1, 100000));
  auto one = [&](const std::string& line, long line_no) {
    std::vector<int32_t> src;
    try {
      src = vocab.encode_source(line);
    } catch (const Error&) {
      throw Error((line_no > 0 ? "line " + std::to_string(line_no) + " of standard input"
                               : std::string("--text")) +
                  " is not valid UTF-8; give UTF-8 text");
    }
    std::cout << (src.empty() ? std::string()
                              : vocab.decode_target(beam_decode(model, src, o).tokens))
              << '\n';
  };
  const std::string text = a.str("text", "");
  if (text == "-") {
    std::string line;
    long n = 0;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      one(line, ++n);
    }
  } else {
    one(text, 0);
  }
  return 0;
}

int seq2seq_eval_command(const std::vector<std::string>& argv) {
  const Args a(argv, {"checkpoint", "data", "max-len"}, {"help", "skip-bad"});
  if (a.has("help")) {
    std::cout << kEvalHelp;
    return 0;
  }
  if (!a.has("data")) throw Error("--data FILE.tsv is required: the source<TAB>target pairs");
  const Seq2SeqCheckpoint c = load_seq2seq_checkpoint(a.str("checkpoint", ""));
  TsvOptions o;
  o.skip_bad = a.has("skip-bad");
  const TsvResult r = load_pairs_tsv(a.str("data", ""), o);
  if (r.skipped > 0)
    std::cerr << "eval: skipped " << r.skipped << " bad lines (the first: " << r.first_error
              << ")\n";
  const PairsData d = PairsData::encode_with(TokenVocabulary(c.source_tokens),
                                             TokenVocabulary(c.target_tokens), c.tokens, r.pairs);
  const int max_len = int(a.integer("max-len", c.max_output(), 1, 100000));
  std::cout << metrics_line(evaluate_translation(c.model(), d, max_len)) << '\n';
  return 0;
}

int seq2seq_export_command(const std::vector<std::string>& argv) {
  const Args a(argv, {"checkpoint", "format", "out"}, {"help"});
  if (!a.has("out")) throw Error("--out PATH is required");
  const std::string format = a.str("format", "");
  const Seq2SeqCheckpoint c = load_seq2seq_checkpoint(a.str("checkpoint", ""));
  if (format == "safetensors") {
    write_seq2seq_safetensors(a.str("out", ""), c);
    return 0;
  }
  if (format == "onnx") {  // PATH.encoder.onnx and PATH.decoder-step.onnx
    write_seq2seq_onnx(a.str("out", ""), c);
    return 0;
  }
  throw Error("an encoder-decoder exports as --format safetensors or onnx" +
              (format.empty() ? std::string() : ", not '" + format + "'"));
}

int seq2seq_sweep_command(const std::vector<std::string>& argv) {
  const Args a(argv, options({"lengths", "csv"}),
               {"help", "quiet", "bidirectional", "no-input-feeding"});
  if (a.has("help")) {
    std::cout << kSweepHelp;
    return 0;
  }
  if (a.str("task", "") != "reorder" && a.str("task", "") != "numbers" &&
      a.str("task", "") != "dates")
    throw Error("sweep --lengths needs a generated task: --task reorder, numbers or dates");
  if (a.has("length")) throw Error("sweep takes --lengths A,B,...; not --length");
  std::vector<int> lengths;
  for (const std::string& s : split_list(a.str("lengths", "5,10,20,40"))) {
    char* end = nullptr;
    const long v = std::strtol(s.c_str(), &end, 10);
    if (*end || v < 1 || v > 200) throw Error("--lengths: '" + s + "' is not a length in 1..200");
    lengths.push_back(int(v));
  }
  std::vector<AttentionKind> kinds;
  for (const std::string& s : split_list(a.str("attention", "none,additive")))
    kinds.push_back(parse_attention(s));
  if (lengths.empty() || kinds.empty()) throw Error("--lengths and --attention need values");
  // The shared options: everything but the sweep's own (--attention is per row).
  std::vector<std::string> shared;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& o = argv[i];
    if (o == "--lengths" || o == "--attention" || o == "--csv") {
      ++i;
      continue;
    }
    if (o.rfind("--lengths=", 0) == 0 || o.rfind("--attention=", 0) == 0 ||
        o.rfind("--csv=", 0) == 0 || o == "--quiet")
      continue;
    shared.push_back(o);
  }
  LengthSweepSpec spec;
  spec.base = make_config(Args(shared, options({}), {"help", "bidirectional", "no-input-feeding"}));
  spec.lengths = lengths;
  spec.attention = kinds;
  spec.steps = a.integer("steps", 1500, 1, 10000000);
  spec.validate();
  std::unique_ptr<AtomicFileWriter> csv;
  if (a.has("csv")) {
    csv = std::make_unique<AtomicFileWriter>(a.str("csv", ""));
    csv->write("attention,length,exact,bleu,token_acc,loss\n");
  }
  std::cout << "attention";
  for (int L : lengths) std::cout << "  len=" << L;
  std::cout << "   (exact-sequence accuracy on validation, " << spec.steps << " steps each)\n";
  size_t done = 0;
  run_length_sweep(spec, [&](const LengthSweepCell& c) {
    const size_t column = done++ % lengths.size();
    if (column == 0) std::cout << to_string(c.attention);
    std::cout << "  " << fmt(c.metrics.exact) << (column + 1 == lengths.size() ? "\n" : "")
              << std::flush;
    const TranslationMetrics& m = c.metrics;
    if (csv)
      csv->write(to_string(c.attention) + "," + std::to_string(c.length) + "," + fmt(m.exact) +
                 "," + fmt(m.bleu) + "," + fmt(m.token_accuracy) + "," + fmt(m.loss) + "\n");
  });
  if (csv) csv->commit();
  return 0;
}

}  // namespace unroll::cli
