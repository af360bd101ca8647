// tst_seq2seq_onnx's and tst_caption_onnx's ONNX Runtime side: for every case, runs the encoder
// graph on each source (token ids) or image (c.images: float CHW arrays of c.image_shape), then the
// decoder-step graph greedily (argmax fed back) and writes the output tokens and the first step's
// logits. Usage: node ort_seq2seq.js ORT_DIR cases.json results.json
'use strict';
const fs = require('fs');
const path = require('path');

async function main() {
  const [ortDir, casesPath, outPath] = process.argv.slice(2);
  const ort = require(path.join(ortDir, 'node_modules', 'onnxruntime-node'));
  const cases = JSON.parse(fs.readFileSync(casesPath, 'utf8'));
  const results = {};
  for (const c of cases) {
    const opts = {intraOpNumThreads: 1};
    const enc = await ort.InferenceSession.create(c.encoder, opts);
    const dec = await ort.InferenceSession.create(c.decoder, opts);
    const outputs = [], firstLogits = [];
    for (const src of c.images || c.sources) {
      const L = c.layers, H = c.hidden;
      const e = await enc.run(c.images ?
          {image: new ort.Tensor('float32', Float32Array.from(src), [1].concat(c.image_shape))} :
          {source: new ort.Tensor('int64', BigInt64Array.from(src.map(BigInt)), [src.length, 1])});
      let h = e.s0, cs = new ort.Tensor('float32', new Float32Array(L * H), [L, 1, H]);
      let ht = new ort.Tensor('float32', new Float32Array(H), [1, H]);
      let y = 0n;
      const out = [];
      for (let t = 0; t < c.max_len; ++t) {
        const feeds = {y_prev: new ort.Tensor('int64', BigInt64Array.from([y]), [1]),
                       memory: e.memory, h: h, ht: ht};
        if (c.lstm) feeds.c = cs;
        const r = await dec.run(feeds);
        const z = r.logits.data;
        if (t === 0) firstLogits.push(Array.from(z));
        let arg = 0;
        for (let v = 1; v < z.length; ++v) if (z[v] > z[arg]) arg = v;
        if (arg === 1) break;  // <eos>
        out.push(arg);
        y = BigInt(arg);
        h = r.h_out;
        if (c.lstm) cs = r.c_out;
        ht = r.ht_out;
      }
      outputs.push(out);
    }
    results[c.name] = {outputs: outputs, first_logits: firstLogits};
  }
  fs.writeFileSync(outPath, JSON.stringify(results));
}

main().catch((e) => {
  console.error(String(e && e.stack || e));
  process.exit(1);
});
