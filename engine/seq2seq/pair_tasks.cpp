// The generated translation tasks and the one place a PairTaskSpec becomes data.
#include "seq2seq/pair_tasks.h"

#include <cstdio>

#include "core/error.h"

namespace unroll {
namespace {

const char* const kOnes[] = {"zero",    "one",     "two",       "three",    "four",
                             "five",    "six",     "seven",     "eight",    "nine",
                             "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                             "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
const char* const kTens[] = {"",      "",      "twenty",  "thirty", "forty",
                             "fifty", "sixty", "seventy", "eighty", "ninety"};
const char* const kEinsDe[] = {"null",     "eins",     "zwei",     "drei",     "vier",
                               "fünf",     "sechs",    "sieben",   "acht",     "neun",
                               "zehn",     "elf",      "zwölf",    "dreizehn", "vierzehn",
                               "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"};
const char* const kZehnerDe[] = {"",        "",        "zwanzig", "dreißig", "vierzig",
                                 "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"};

std::string english_below_1000(long n) {
  std::string s;
  if (n >= 100) {
    s = std::string(kOnes[n / 100]) + " hundred";
    n %= 100;
    if (n == 0) return s;
    s += " ";
  }
  if (n < 20) return s + kOnes[n];
  s += kTens[n / 10];
  if (n % 10) s += std::string("-") + kOnes[n % 10];
  return s;
}

// In compounds one is "ein": einundzwanzig, einhundert, eintausend.
std::string german_below_1000(long n, bool standalone) {
  std::string s;
  if (n >= 100) {
    s = (n / 100 == 1 ? std::string("ein") : kEinsDe[n / 100]) + std::string("hundert");
    n %= 100;
    if (n == 0) return s;
    standalone = true;  // "hunderteins"
  }
  if (n == 1) return s + (standalone ? "eins" : "ein");
  if (n < 20) return s + kEinsDe[n];
  if (n % 10 == 0) return s + kZehnerDe[n / 10];
  const long u = n % 10;
  return s + (u == 1 ? std::string("ein") : kEinsDe[u]) + "und" + kZehnerDe[n / 10];
}

const char* const kMonthsEn[] = {"January",   "February", "March",    "April",
                                 "May",       "June",     "July",     "August",
                                 "September", "October",  "November", "December"};
const char* const kMonthsDe[] = {"Januar",    "Februar", "März",     "April",
                                 "Mai",       "Juni",    "Juli",     "August",
                                 "September", "Oktober", "November", "Dezember"};

std::string ordinal(int d) {
  const char* suf = (d % 10 == 1 && d != 11)   ? "st"
                    : (d % 10 == 2 && d != 12) ? "nd"
                    : (d % 10 == 3 && d != 13) ? "rd"
                                               : "th";
  return std::to_string(d) + suf;
}

std::string two(int v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d", v);
  return b;
}

int days_in(int month, int year) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : d[month - 1];
}

bool use_german(const std::string& language, Rng& rng) {
  if (language == "en") return false;
  if (language == "de") return true;
  return rng.below(2) == 1;
}

void check_language(const std::string& language) {
  if (language != "en" && language != "de" && language != "both")
    throw Error("unknown language '" + language + "': use en, de or both");
}

const char* const kNouns[] = {"dax",  "wug",  "fep", "blicket", "toma", "zorb",
                              "kiki", "lorp", "mib", "snark",   "gax",  "tufa"};
const char* const kVerbs[] = {"gorps", "tiffs", "blens", "zeps", "morks", "vims", "kels", "dupes"};
const char* const kAdjectives[] = {"mip", "zul", "ree", "tav",  "pim", "sul",
                                   "nef", "lim", "vor", "kest", "obo", "rin"};

}  // namespace

std::string english_number(long n) {
  if (n < 0 || n > 999999) throw Error("numbers: " + std::to_string(n) + " is outside 0..999999");
  if (n < 1000) return english_below_1000(n);
  std::string s = english_below_1000(n / 1000) + " thousand";
  if (n % 1000) s += " " + english_below_1000(n % 1000);
  return s;
}

std::string german_number(long n) {
  if (n < 0 || n > 999999) throw Error("numbers: " + std::to_string(n) + " is outside 0..999999");
  if (n == 0) return "null";
  if (n < 1000) return german_below_1000(n, true);
  std::string s = german_below_1000(n / 1000, false) + "tausend";
  if (n % 1000) s += german_below_1000(n % 1000, true);
  return s;
}

std::vector<TextPair> generate_numbers(int count, int digits, const std::string& language,
                                       Rng& rng) {
  check_language(language);
  if (digits < 1 || digits > 6)
    throw Error("numbers: the length (most digits) must be in 1..6, got " + std::to_string(digits));
  std::vector<TextPair> out;
  for (int i = 0; i < count; ++i) {
    const int d = 1 + int(rng.below(uint64_t(digits)));
    long lo = 1;
    for (int k = 1; k < d; ++k) lo *= 10;
    const long n = d == 1 ? long(rng.below(10)) : lo + long(rng.below(uint64_t(9 * lo)));
    const bool de = use_german(language, rng);
    out.push_back({de ? german_number(n) : english_number(n), std::to_string(n)});
  }
  return out;
}

std::vector<TextPair> generate_dates(int count, int length, const std::string& language, Rng& rng) {
  check_language(language);
  if (length < 1 || length > 8)
    throw Error("dates: the length (dates per line) must be in 1..8, got " +
                std::to_string(length));
  std::vector<TextPair> out;
  for (int i = 0; i < count; ++i) {
    TextPair p;
    for (int k = 0; k < length; ++k) {
      const int y = 1900 + int(rng.below(200)), m = 1 + int(rng.below(12));
      const int d = 1 + int(rng.below(uint64_t(days_in(m, y))));
      const std::string ys = std::to_string(y), ds = std::to_string(d);
      std::string s;
      if (use_german(language, rng)) {
        switch (rng.below(3)) {
          case 0:
            s = ds + ". " + kMonthsDe[m - 1] + " " + ys;
            break;
          case 1:
            s = two(d) + "." + two(m) + "." + ys;
            break;
          default:
            s = ds + "." + std::to_string(m) + "." + ys;
        }
      } else {
        switch (rng.below(3)) {
          case 0:
            s = ordinal(d) + " of " + kMonthsEn[m - 1] + " " + ys;
            break;
          case 1:
            s = std::string(kMonthsEn[m - 1]) + " " + ds + ", " + ys;
            break;
          default:
            s = ds + " " + kMonthsEn[m - 1] + " " + ys;
        }
      }
      p.source += (k ? "; " : "") + s;
      p.target += (k ? " " : "") + ys + "-" + two(m) + "-" + two(d);
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<TextPair> generate_reorder(int count, int length, Rng& rng) {
  if (length < 3 || length > 200)
    throw Error("reorder: the length (words) must be in 3..200, got " + std::to_string(length));
  auto pick = [&](const auto& list) { return std::string(list[rng.below(std::size(list))]); };
  std::vector<TextPair> out;
  for (int i = 0; i < count; ++i) {
    // Subject and object: [article] adjectives* noun; the words beyond three are first the two
    // articles, then adjectives spread at random over the two phrases.
    int extra = length - 3;
    std::vector<std::string> subj, obj;
    const bool art_s = extra > 0, art_o = extra > 1;
    extra -= int(art_s) + int(art_o);
    const int adj_s = extra > 0 ? int(rng.below(uint64_t(extra + 1))) : 0, adj_o = extra - adj_s;
    if (art_s) subj.push_back(rng.below(2) ? "the" : "a");
    for (int k = 0; k < adj_s; ++k) subj.push_back(pick(kAdjectives));
    subj.push_back(pick(kNouns));
    if (art_o) obj.push_back(rng.below(2) ? "the" : "a");
    for (int k = 0; k < adj_o; ++k) obj.push_back(pick(kAdjectives));
    obj.push_back(pick(kNouns));
    const std::string verb = pick(kVerbs);
    auto join = [](const std::vector<std::string>& w) {
      std::string s;
      for (const auto& x : w) s += (s.empty() ? "" : " ") + x;
      return s;
    };
    out.push_back(
        {join(subj) + " " + verb + " " + join(obj), join(subj) + " " + join(obj) + " " + verb});
  }
  return out;
}

bool is_pair_task(const std::string& name) {
  return name == "pairs" || name == "dates" || name == "numbers" || name == "reorder";
}

TokenMode task_token_mode(const PairTaskSpec& spec) {
  if (spec.task == "pairs") return spec.tokens;
  return spec.task == "reorder" ? TokenMode::Word : TokenMode::Char;
}

PairTask make_pair_task(const PairTaskSpec& spec) {
  if (!is_pair_task(spec.task))
    throw Error("unknown translation task '" + spec.task +
                "': use pairs, dates, numbers or reorder");
  if (spec.count < 2 || spec.count > 10000000)
    throw Error("the pair count must be in 2..10000000, got " + std::to_string(spec.count));
  PairTask t;
  std::vector<TextPair> pairs;
  Rng rng(spec.seed * 7919 + 17);
  if (spec.task == "pairs") {
    if (spec.path.empty()) throw Error("the pairs task needs a file: pass --data FILE.tsv");
    TsvOptions o;
    o.skip_bad = spec.skip_bad;
    TsvResult r = load_pairs_tsv(spec.path, o);
    pairs = std::move(r.pairs);
    t.skipped = r.skipped;
    t.first_skipped = r.first_error;
  } else if (spec.task == "dates") {
    pairs = generate_dates(spec.count, spec.length, spec.language, rng);
  } else if (spec.task == "numbers") {
    pairs = generate_numbers(spec.count, spec.length, spec.language, rng);
  } else {
    pairs = generate_reorder(spec.count, spec.length, rng);
  }
  t.data = PairsData::build(pairs, task_token_mode(spec), spec.val_fraction, spec.seed);
  return t;
}

}  // namespace unroll
