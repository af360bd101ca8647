// The probe stream (docs/probe_stream.md): every record round-trips through the encoder and the
// decoder, fed in pieces of any size, byte for byte; every malformed stream (wrong version,
// oversize, truncated, garbage, hostile counts) is refused with one line that says where and what.
#include <QtTest>
#include <cstring>

#include "core/crc32.h"
#include "core/error.h"
#include "stream/probe_stream.h"

using namespace unroll;

namespace {

ProbeRun sample_run() {
  ProbeRun r;
  r.rank = 1;
  r.world_size = 2;
  r.cell = "lstm";
  r.layers = 2;
  r.hidden = 3;
  r.input_size = 5;
  r.every = 50;
  r.param_names = {"rnn.weight_ih_l0", "rnn.weight_hh_l0", "decoder.bias"};
  return r;
}

ProbeStep sample_step(bool replay) {
  ProbeStep s;
  s.rank = 1;
  s.step = 123456789012L;
  s.loss = 2.25;
  s.grad_norm = 3.5e-3;
  s.grad_norm_clipped = 1e-3;
  s.lr = 0.01;
  s.dropped = 7;
  s.param_grad_norms = {0.1, 0.2, 0.3};
  if (!replay) return s;
  s.dh_norms = {{1, 2, 3, 4}, {5, 6, 7, 8.5}};
  s.dc_norms = {{0.5, 0.25, 0.125, 1e-300}, {9, 8, 7, 6}};
  for (int k = 0; k < 2; ++k) {
    Eigen::MatrixXf h(3, 4);
    for (Eigen::Index i = 0; i < h.size(); ++i) h.data()[i] = float(k * 100 + i) / 7.f;
    s.hidden.push_back(h);
  }
  s.spectral_radius = {0.9, 1.1};
  s.max_singular = {1.5, 2.5};
  return s;
}

std::string sample_stream() {
  std::string s = encode_probe_header();
  s += encode_probe_record(sample_run());
  s += encode_probe_record(sample_step(true));
  s += encode_probe_record(sample_step(false));
  s += encode_probe_record(ProbeEnd{1, "training finished"});
  return s;
}

// Decodes the whole stream fed in pieces of `piece` bytes; throws what the decoder throws.
std::vector<ProbeRecord> decode_all(const std::string& bytes, size_t piece = 1 << 20) {
  ProbeStreamDecoder dec("test.ups");
  std::vector<ProbeRecord> out;
  for (size_t i = 0; i < bytes.size(); i += piece) {
    dec.feed(bytes.data() + i, std::min(piece, bytes.size() - i));
    while (auto r = dec.next()) out.push_back(std::move(*r));
  }
  dec.finish();
  return out;
}

std::string u32(uint32_t v) { return std::string(reinterpret_cast<const char*>(&v), 4); }

// A framed record with a correct length and CRC around any body.
std::string framed(const std::string& body) {
  return u32(uint32_t(body.size())) + u32(crc32(body.data(), body.size())) + body;
}

// The body of sample_step(false) with the field at `offset` (from the body's start) replaced.
std::string step_body_with(size_t offset, const std::string& bytes) {
  std::string rec = encode_probe_record(sample_step(false));
  std::string body = rec.substr(8);
  body.replace(offset, bytes.size(), bytes);
  return body;
}

}  // namespace

class TestProbeStream : public QObject {
  Q_OBJECT
 private slots:
  void round_trip_data();
  void round_trip();
  void malformed_data();
  void malformed();
  void every_truncation_is_refused_or_whole();
  void every_flipped_byte_is_refused_or_decoded();
  void encoder_refuses_what_a_reader_would();
};

void TestProbeStream::round_trip_data() {
  QTest::addColumn<int>("piece");
  for (int p : {1, 3, 8, 13, 1 << 20})
    QTest::newRow(qPrintable(QString("pieces of %1").arg(p))) << p;
}

// Every field survives, and decoding then encoding gives the same bytes (unroll-cli attach
// --record relies on that).
void TestProbeStream::round_trip() {
  QFETCH(int, piece);
  const std::string bytes = sample_stream();
  const auto recs = decode_all(bytes, size_t(piece));
  QCOMPARE(recs.size(), size_t(4));
  const auto& run = std::get<ProbeRun>(recs[0]);
  const ProbeRun want = sample_run();
  QCOMPARE(run.rank, want.rank);
  QCOMPARE(run.world_size, want.world_size);
  QCOMPARE(run.cell, want.cell);
  QCOMPARE(run.layers, want.layers);
  QCOMPARE(run.hidden, want.hidden);
  QCOMPARE(run.input_size, want.input_size);
  QCOMPARE(run.every, want.every);
  QVERIFY(run.param_names == want.param_names);
  const auto& s = std::get<ProbeStep>(recs[1]);
  const ProbeStep w = sample_step(true);
  QCOMPARE(s.step, w.step);
  QCOMPARE(s.loss, w.loss);
  QCOMPARE(s.grad_norm, w.grad_norm);
  QCOMPARE(s.grad_norm_clipped, w.grad_norm_clipped);
  QCOMPARE(s.lr, w.lr);
  QCOMPARE(s.dropped, w.dropped);
  QVERIFY(s.param_grad_norms == w.param_grad_norms);
  QVERIFY(s.dh_norms == w.dh_norms);
  QVERIFY(s.dc_norms == w.dc_norms);
  QCOMPARE(s.hidden.size(), size_t(2));
  QVERIFY(s.hidden[1] == w.hidden[1]);
  QVERIFY(s.spectral_radius == w.spectral_radius && s.max_singular == w.max_singular);
  QCOMPARE(s.timesteps(), 4);
  const auto& plain = std::get<ProbeStep>(recs[2]);
  QCOMPARE(plain.timesteps(), 0);
  QVERIFY(plain.hidden.empty() && plain.dc_norms.empty() && plain.spectral_radius.empty());
  QCOMPARE(std::get<ProbeEnd>(recs[3]).reason, std::string("training finished"));
  std::string again = encode_probe_header();
  for (const auto& r : recs) again += encode_probe_record(r);
  QVERIFY(again == bytes);
}

void TestProbeStream::malformed_data() {
  QTest::addColumn<QByteArray>("bytes");
  QTest::addColumn<QString>("mentions");
  const std::string head = encode_probe_header();
  const std::string good = sample_stream();
  auto row = [](const char* name, const std::string& b, const char* m) {
    QTest::newRow(name) << QByteArray::fromStdString(b) << QString(m);
  };
  row("empty", "", "nothing was received");
  row("garbage", "GET / HTTP/1.1\r\nHost: x\r\n\r\n", "not an Unroll probe stream");
  row("short garbage", "UNR", "inside its header");
  row("attach request instead", encode_attach_request("abc"), "not an Unroll probe stream");
  std::string v2 = head;
  v2[8] = 2;
  row("wrong version", v2 + good.substr(12), "stream version 2; this Unroll reads version 1");
  std::string flags = head;
  flags[10] = 1;
  row("unknown flags", flags, "flags");
  row("truncated header", head.substr(0, 10), "inside its header");
  row("oversize", head + u32(kMaxRecordBytes + 1) + u32(0), "more than the limit of 16777216");
  row("huge length", head + u32(0xFFFFFFFFu) + u32(0) + "xx", "more than the limit");
  row("zero length", head + u32(0) + u32(0), "empty record");
  std::string bad_crc = good;
  bad_crc[12 + 8 + 3] ^= 0x40;
  row("crc mismatch", bad_crc, "CRC-32 does not match");
  row("truncated in a record", good.substr(0, good.size() - 5), "ended inside a record");
  row("truncated in a length", head + std::string("\x10\x00", 2), "inside a record's length");
  row("unknown type", head + framed("\x09hello"), "unknown record type 9");
  row("trailing bytes", head + framed(encode_probe_record(sample_step(false)).substr(8) + "zz"),
      "2 unexpected bytes");
  row("refused", head + encode_probe_refusal("wrong token"),
      "refused this connection: wrong token");
  // STEP body: type(1) rank(4) step(8) 4 doubles(32) dropped(8) P(4): P at offset 53.
  row("too many parameters", head + framed(step_body_with(53, u32(1000000))),
      "more than the limit");
  row("counts that do not fit", head + framed(step_body_with(53, u32(4000))), "do not fit");
  row("rank out of range", head + framed(step_body_with(1, u32(5000))), "the rank");
  // After P = 3 norms (24 bytes): L at 81, T at 85.
  row("too many layers", head + framed(step_body_with(81, u32(65))), "number of layers");
  row("layers without timesteps", head + framed(step_body_with(81, u32(2))), "layer(s) of 0");
  row("hostile timesteps", head + framed(step_body_with(81, u32(64) + u32(65536))), "do not fit");
  // L = 0, T = 0; has_dc at 89.
  row("bad dc flag", head + framed(step_body_with(89, "\x02")), "not 0 or 1");
  row("dynamics without layers", head + framed(step_body_with(94, u32(1))), "dynamics entries");
  ProbeRun r = sample_run();
  r.cell = "transformer";
  std::string run_body = encode_probe_record(sample_run()).substr(8);
  run_body.replace(11, 4, "tran");
  row("unknown cell", head + framed(run_body), "unknown cell 'tran'");
  std::string world = encode_probe_record(sample_run()).substr(8);
  world.replace(5, 4, u32(1));  // rank 1 of a world of 1
  row("rank beyond world", head + framed(world), "rank 1 of a world of 1");
  std::string name = encode_probe_record(sample_run()).substr(8);
  name.replace(9, 2, std::string("\xff\xff", 2));
  row("long string", head + framed(name), "more than the limit 256");
}

void TestProbeStream::malformed() {
  QFETCH(QByteArray, bytes);
  QFETCH(QString, mentions);
  try {
    decode_all(bytes.toStdString(), 5);
    QFAIL("accepted");
  } catch (const Error& e) {
    const QString what = e.what();
    QVERIFY2(what.contains(mentions), qPrintable(what));
    QVERIFY2(!what.contains('\n') && what.startsWith("probe stream test.ups"), qPrintable(what));
    QVERIFY2(what.contains("byte "), qPrintable(what));
  }
}

// Cut anywhere: a cut between records is a shorter valid stream, any other cut is "truncated".
void TestProbeStream::every_truncation_is_refused_or_whole() {
  const std::string good = sample_stream();
  std::vector<size_t> ends = {12};
  {
    ProbeStreamDecoder d("x");
    d.feed(good.data(), good.size());
    while (d.next()) ends.push_back(size_t(d.offset()));
  }
  int refused = 0;
  for (size_t n = 0; n < good.size(); ++n) {
    const bool whole = std::find(ends.begin(), ends.end(), n) != ends.end();
    try {
      decode_all(good.substr(0, n), 7);
      QVERIFY2(whole, qPrintable(QString("cut at %1 accepted").arg(n)));
    } catch (const Error& e) {
      QVERIFY2(!whole, qPrintable(QString("cut at %1: %2").arg(n).arg(e.what())));
      QVERIFY2(QString(e.what()).contains("ended"), e.what());
      ++refused;
    }
  }
  qInfo("%d of %zu cuts refused as truncated", refused, good.size());
}

// Any single damaged byte: refused (the CRC or the header check) -- never a crash or a wrong
// record passed on.
void TestProbeStream::every_flipped_byte_is_refused_or_decoded() {
  const std::string good = sample_stream();
  for (size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = char(bad[i] ^ 0x5a);
    bool threw = false;
    try {
      decode_all(bad, 11);
    } catch (const Error&) {
      threw = true;
    }
    QVERIFY2(threw, qPrintable(QString("flipped byte %1 accepted").arg(i)));
  }
}

void TestProbeStream::encoder_refuses_what_a_reader_would() {
  ProbeRun r = sample_run();
  r.cell = std::string(300, 'x');
  QVERIFY_THROWS_EXCEPTION(Error, encode_probe_record(r));
  ProbeStep s = sample_step(true);
  s.dh_norms[1].pop_back();
  QVERIFY_THROWS_EXCEPTION(Error, encode_probe_record(s));
  s = sample_step(true);
  s.spectral_radius.pop_back();
  QVERIFY_THROWS_EXCEPTION(Error, encode_probe_record(s));
  QVERIFY_THROWS_EXCEPTION(Error, encode_attach_request(std::string(65, 't')));
}

QTEST_GUILESS_MAIN(TestProbeStream)
#include "tst_probe_stream.moc"
