#!/usr/bin/env python3
"""tst_export's reference side: loads each case's safetensors with scripts/load_in_pytorch.py
(strict), runs torch on the case's inputs and initial state, and checks each ONNX file with
onnx.checker. Usage: export_check.py SOURCE_DIR cases.json results.json"""
import importlib.util
import json
import sys

import numpy as np
import onnx
import torch


def main():
    src, cases_path, out_path = sys.argv[1:4]
    spec = importlib.util.spec_from_file_location("load_in_pytorch",
                                                  f"{src}/scripts/load_in_pytorch.py")
    lib = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lib)
    torch.set_num_threads(1)
    results = {}
    for case in json.load(open(cases_path)):
        r = {}
        model, meta = lib.load(case["safetensors"])
        T, B, L, H = case["T"], case["B"], meta["layers"], meta["hidden"]
        if "tokens" in case:
            x = torch.tensor(case["tokens"], dtype=torch.long).view(T, B)
        else:
            x = torch.tensor(case["inputs"], dtype=torch.float32).view(T, B, -1)
        h0 = torch.tensor(case["h0"], dtype=torch.float32).view(L, B, H)
        state = (h0, torch.tensor(case["c0"], dtype=torch.float32).view(L, B, H)) \
            if "c0" in case else h0
        with torch.no_grad():
            out, final = model(x, state)
        hn, cn = final if isinstance(final, tuple) else (final, None)

        def diff(a, key):
            return float(np.max(np.abs(a.numpy().ravel() - np.array(case[key], np.float32))))

        r["out"] = diff(out, "out")
        r["hn"] = diff(hn, "hn")
        if cn is not None:
            r["cn"] = diff(cn, "cn")
        try:
            onnx.checker.check_model(onnx.load(case["onnx"]), full_check=True)
            r["checker"] = "ok"
        except Exception as e:  # reported to the test, which fails with the message
            r["checker"] = str(e).replace("\n", " ")[:500]
        results[case["name"]] = r
    json.dump(results, open(out_path, "w"))


if __name__ == "__main__":
    main()
