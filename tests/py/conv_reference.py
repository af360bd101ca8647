"""The captioner's convolutional encoder in PyTorch (tests/tst_caption_torch.cpp): each case's
blocks as nn.Conv2d(3x3, padding 1, stride) + ReLU (+ nn.MaxPool2d(2)), its weights and images
from in.json; writes the output grid and the gradients of sum(R * y) for the weights, biases and
pixels to out.json."""
import json
import sys
import traceback

import torch

torch.set_default_dtype(torch.float64)


def run(case):
    C, H, W, B = case["in_channels"], case["height"], case["width"], case["B"]
    layers, params = [], []
    c_in = C
    for k, blk in enumerate(case["blocks"]):
        conv = torch.nn.Conv2d(c_in, blk["channels"], 3, stride=blk["stride"], padding=1)
        with torch.no_grad():
            w = torch.tensor(case["weights"][f"conv.{k}.weight"])  # [C', 9 C] row-major
            conv.weight.copy_(w.reshape(blk["channels"], c_in, 3, 3))
            conv.bias.copy_(torch.tensor(case["weights"][f"conv.{k}.bias"]))
        layers += [conv, torch.nn.ReLU()]
        if blk["pool"]:
            layers.append(torch.nn.MaxPool2d(2))
        params.append((f"conv.{k}", conv))
        c_in = blk["channels"]
    net = torch.nn.Sequential(*layers)
    # images: B columns of C*H*W values (CHW) -> [B, C, H, W]
    x = torch.tensor(case["images"]).reshape(B, C, H, W).requires_grad_(True)
    y = net(x)
    R = torch.tensor(case["R"]).reshape(y.shape)
    (y * R).sum().backward()
    out = {"y": y.detach().reshape(-1).tolist(), "dx": x.grad.reshape(-1).tolist(), "grads": {}}
    for name, conv in params:
        out["grads"][name + ".weight"] = conv.weight.grad.reshape(conv.weight.shape[0], -1).reshape(-1).tolist()
        out["grads"][name + ".bias"] = conv.bias.grad.tolist()
    return out


def main():
    folder = sys.argv[1]
    with open(folder + "/in.json") as f:
        cases = json.load(f)["cases"]
    out = {}
    for case in cases:
        try:
            out[case["name"]] = run(case)
        except Exception:  # reported per case, the C++ side names it
            out[case["name"]] = {"error": traceback.format_exc()}
    with open(folder + "/out.json", "w") as f:
        json.dump({"cases": out}, f)


if __name__ == "__main__":
    main()
