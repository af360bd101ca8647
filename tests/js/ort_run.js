// tst_export's ONNX Runtime side: runs every case's ONNX model on its inputs and initial states and
// reports the largest difference from the engine's outputs. Usage:
//   node ort_run.js ORT_DIR cases.json results.json   (ORT_DIR holds node_modules/onnxruntime-node)
'use strict';
const fs = require('fs');
const path = require('path');

async function main() {
  const [ortDir, casesPath, outPath] = process.argv.slice(2);
  const ort = require(path.join(ortDir, 'node_modules', 'onnxruntime-node'));
  const cases = JSON.parse(fs.readFileSync(casesPath, 'utf8'));
  const results = {};
  for (const c of cases) {
    const session = await ort.InferenceSession.create(c.onnx, {intraOpNumThreads: 1});
    const L = c.layers, B = c.B, T = c.T, H = c.hidden;
    const feeds = {};
    if (c.tokens) {
      feeds.tokens = new ort.Tensor('int64', BigInt64Array.from(c.tokens.map(BigInt)), [T, B]);
    } else {
      feeds.inputs = new ort.Tensor('float32', Float32Array.from(c.inputs), [T, B, c.features]);
    }
    feeds.h0 = new ort.Tensor('float32', Float32Array.from(c.h0), [L, B, H]);
    if (c.c0) feeds.c0 = new ort.Tensor('float32', Float32Array.from(c.c0), [L, B, H]);
    const out = await session.run(feeds);
    const diff = (name, key) => {
      const got = out[name].data, want = c[key];
      if (got.length !== want.length) return Infinity;
      let m = 0;
      for (let i = 0; i < got.length; ++i) m = Math.max(m, Math.abs(got[i] - want[i]));
      return m;
    };
    const r = {outputs: session.outputNames.join(',')};
    r.out = diff(c.head === 'softmax' ? 'logits' : 'predictions', 'out');
    if (c.head === 'softmax') r.probabilities = diff('probabilities', 'probabilities');
    r.hn = diff('hn', 'hn');
    if (c.c0) r.cn = diff('cn', 'cn');
    results[c.name] = r;
  }
  fs.writeFileSync(outPath, JSON.stringify(results));
}

main().catch((e) => {
  console.error(String(e && e.stack || e));
  process.exit(1);
});
