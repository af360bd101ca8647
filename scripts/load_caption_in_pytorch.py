#!/usr/bin/env python3
"""Loads an Unroll image-captioner export (safetensors) into PyTorch, prints the greedy caption of
each image of a captions CSV and their loss.

The export holds the state_dict of the Captioner module below (names in engine/caption/
caption_export.h) and, as JSON in __metadata__["unroll_caption"], the configuration and the
caption words. The script builds the module, loads the weights with strict=True, then for each
`file,caption` line of --captions (files relative to the CSV's folder, PNG or JPEG of the model's
size, decoded by Pillow) prints the greedy caption; finally `loss=X`, the mean -log p per caption
token (incl. <eos>) with teacher forcing, over the lines it read.

    /usr/bin/python3 scripts/load_caption_in_pytorch.py model.safetensors --captions caps.csv

As a module: Captioner(cfg) is the model; model(images, y_in) gives the logits of every step.
"""
import argparse
import csv
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load_seq2seq_in_pytorch import BOS, EOS, TGT_UNK, Attention, make_rnn, read_safetensors, \
    teacher_inputs  # noqa: E402


class Captioner(nn.Module):
    """The engine's captioner (engine/caption/captioner.h): conv blocks, the grid as memory, the
    mean-pooled features through a bridge into the decoder's first state, the seq2seq decoder."""

    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        L, Hd, E, V = cfg["layers"], cfg["hidden"], cfg["embed_dim"], cfg["vocab"]
        self.encoder = nn.Module()
        self.encoder.conv = nn.ModuleList()
        self.pools = []
        c = cfg["in_channels"]
        for b in cfg["blocks"]:
            self.encoder.conv.append(nn.Conv2d(c, b["channels"], 3, stride=b["stride"], padding=1))
            self.pools.append(b["pool"])
            c = b["channels"]
        self.C = c
        self.attn_kind = cfg["attention"]
        self.feeding = cfg["input_feeding"] and self.attn_kind != "none"
        self.bridge = nn.ModuleList([nn.Linear(c, Hd) for _ in range(L)])
        self.decoder = nn.Module()
        self.decoder.embedding = nn.Embedding(V, E)
        self.decoder.rnn = make_rnn(cfg["decoder_cell"], E + (Hd if self.feeding else 0), Hd, L)
        if self.attn_kind != "none":
            self.attention = Attention(self.attn_kind, c, Hd, cfg["attention_dim"] or Hd)
        self.generator = nn.Linear(Hd, V)

    def encode(self, x):
        """x (B, C, H, W) in [0, 1] -> memory (P, B, C) over grid cells y*w + x, decoder state."""
        f = x
        for conv, pool in zip(self.encoder.conv, self.pools):
            f = torch.relu(conv(f))
            if pool:
                f = F.max_pool2d(f, 2)
        B, C = f.shape[0], f.shape[1]
        memory = f.reshape(B, C, -1).permute(2, 0, 1)
        pooled = memory.mean(0)
        s0 = torch.stack([lin(pooled) for lin in self.bridge])
        state = (s0, torch.zeros_like(s0)) if self.cfg["decoder_cell"] == "lstm" else s0
        return memory, (state, torch.zeros(B, self.cfg["hidden"]))

    def step(self, memory, dstate, y_prev):
        state, ht = dstate
        x = self.decoder.embedding(y_prev)
        if self.feeding:
            x = torch.cat([x, ht], dim=1)
        out, state = self.decoder.rnn(x.unsqueeze(0), state)
        q = out[0]
        a = None
        if self.attn_kind != "none":
            ht, a = self.attention(q, memory)
        else:
            ht = q
        return self.generator(ht), (state, ht), a

    def forward(self, x, y_in):
        memory, dstate = self.encode(x)
        logits = []
        for t in range(y_in.shape[0]):
            z, dstate, _ = self.step(memory, dstate, y_in[t])
            logits.append(z)
        return torch.stack(logits)

    @torch.no_grad()
    def greedy(self, x, max_len):
        memory, dstate = self.encode(x)
        y, out = torch.tensor([BOS]), []
        for _ in range(max_len):
            z, dstate, _ = self.step(memory, dstate, y)
            y = z.argmax(dim=1)
            if y.item() == EOS:
                break
            out.append(y.item())
        return out


def load_image(path, cfg):
    from PIL import Image  # Debian's python3-pil
    img = Image.open(path).convert("RGB")
    if img.size != (cfg["width"], cfg["height"]):
        sys.exit(f"{path}: {img.size[0]}x{img.size[1]}, the model takes "
                 f"{cfg['width']}x{cfg['height']} images")
    a = np.asarray(img, dtype=np.float32) / 255.0  # (H, W, 3)
    return torch.from_numpy(a.transpose(2, 0, 1).copy()).unsqueeze(0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("--captions", required=True, help="file,caption lines")
    ap.add_argument("--max-len", type=int, default=0, help="longest caption (the export's)")
    args = ap.parse_args()
    state, meta = read_safetensors(args.file, "unroll_caption")
    cfg = meta["config"]
    model = Captioner(cfg)
    model.load_state_dict(state, strict=True)
    model.eval()
    index = {w: i for i, w in enumerate(meta["words"])}
    max_len = args.max_len or meta["max_output"]
    folder = os.path.dirname(os.path.abspath(args.captions))
    loss_sum, count = 0.0, 0
    with open(args.captions, newline="", encoding="utf-8") as f:
        for row in csv.reader(f):
            if len(row) < 2 or row[0] == "file":
                continue
            x = load_image(os.path.join(folder, row[0]), cfg)
            tgt = torch.tensor([index.get(w, TGT_UNK) for w in row[1].split()] + [EOS]).unsqueeze(1)
            with torch.no_grad():
                logits = model(x, teacher_inputs(tgt))
                loss_sum += F.cross_entropy(logits.reshape(-1, logits.shape[-1]),
                                            tgt.reshape(-1), reduction="sum").item()
            count += tgt.shape[0]
            print(" ".join(meta["words"][i] for i in model.greedy(x, max_len)))
    if count == 0:
        sys.exit(f"{args.captions}: no file,caption lines")
    print(f"loss={loss_sum / count:.8f}")


if __name__ == "__main__":
    main()
