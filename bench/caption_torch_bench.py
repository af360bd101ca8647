#!/usr/bin/python3
# PyTorch side of caption_bench: training steps per second of the captioner of
# scripts/load_caption_in_pytorch.py (conv blocks, grid memory, bridged mean, LSTM decoder step by
# step with attention, generator, cross-entropy, backward, clip_grad_norm_, Adam).
# Run with Debian's /usr/bin/python3 (torch). Output: "steps_per_s X cpu_steps_per_s Y steps S".
import argparse
import os
import statistics
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "scripts"))
from load_caption_in_pytorch import Captioner, teacher_inputs  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--hidden", type=int, default=128)
    p.add_argument("--image", type=int, default=64)
    p.add_argument("--tgt", type=int, default=12)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--vocab", type=int, default=24)
    p.add_argument("--attention", default="additive")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seconds", type=float, default=6.0)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    blocks = [dict(channels=c, stride=1, pool=True) for c in (16, 32, 64)]
    cfg = dict(in_channels=3, height=a.image, width=a.image, blocks=blocks, decoder_cell="lstm",
               layers=1, hidden=a.hidden, embed_dim=32, vocab=a.vocab, attention=a.attention,
               attention_dim=0, input_feeding=True)
    model = Captioner(cfg)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    images = torch.rand(4, a.batch, 3, a.image, a.image)
    tgt = torch.randint(3, a.vocab, (4, a.tgt, a.batch))

    def step(i):
        t = tgt[i % 4]
        logits = model(images[i % 4], teacher_inputs(t))
        loss = F.cross_entropy(logits.reshape(-1, a.vocab), t.reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step()

    for i in range(2):
        step(i)
    wall, cpu, n_all = [], [], 0
    for _ in range(3):
        n, t0, c0 = 0, time.perf_counter(), time.process_time()
        while n < 1 or time.perf_counter() - t0 < a.seconds / 3:
            step(n)
            n += 1
        wall.append(n / (time.perf_counter() - t0))
        cpu.append(n / (time.process_time() - c0))
        n_all += n
    print(f"steps_per_s {statistics.median(wall):.3f} cpu_steps_per_s {statistics.median(cpu):.3f} "
          f"steps {n_all}")


if __name__ == "__main__":
    main()
