"""Reference updates for tst_optimizer: applies torch.optim (float64) to the case in a JSON file.

Usage: optim_reference.py IN.json OUT.json
IN is one case or a list of cases (one torch start-up for all); OUT matches.
A case: {"kind", "lr", "momentum", "beta1", "beta2", "eps", "alpha", "weight_decay", "adagrad_eps",
      "params": [n], "grads": [[n] per step], "lrs": [one per step]}
OUT: {"params": [n], "step": int or null, "state": {torch's state name: [n]}}
"""
import json
import sys

import torch


def make_optimizer(case, p):
    kind = case["kind"]
    lr, wd = case["lr"], case["weight_decay"]
    common = dict(lr=lr, weight_decay=wd, foreach=False, maximize=False)
    if kind == "sgd":
        return torch.optim.SGD([p], momentum=0.0, **common)
    if kind in ("momentum", "nesterov"):
        return torch.optim.SGD([p], momentum=case["momentum"], dampening=0.0,
                               nesterov=(kind == "nesterov"), **common)
    if kind == "adagrad":
        return torch.optim.Adagrad([p], lr_decay=0.0, initial_accumulator_value=0.0,
                                   eps=case["adagrad_eps"], **common)
    if kind == "rmsprop":
        return torch.optim.RMSprop([p], alpha=case["alpha"], eps=case["eps"], momentum=0.0,
                                   centered=False, **common)
    if kind in ("adam", "adamw"):
        cls = torch.optim.Adam if kind == "adam" else torch.optim.AdamW
        return cls([p], betas=(case["beta1"], case["beta2"]), eps=case["eps"], amsgrad=False,
                   **common)
    raise ValueError(f"unknown optimizer kind {kind!r}")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: optim_reference.py IN.json OUT.json")
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    out = [run(c) for c in cases] if isinstance(cases, list) else run(cases)
    with open(sys.argv[2], "w") as f:
        json.dump(out, f)


def run(case):
    p = torch.tensor(case["params"], dtype=torch.float64, requires_grad=True)
    opt = make_optimizer(case, p)
    if len(case["grads"]) != len(case["lrs"]):
        raise ValueError("need one learning rate per gradient")
    for grad, lr in zip(case["grads"], case["lrs"]):
        for group in opt.param_groups:
            group["lr"] = lr  # what an LR scheduler does between steps
        p.grad = torch.tensor(grad, dtype=torch.float64)
        opt.step()
    out = {"params": p.detach().tolist(), "step": None, "state": {}}
    for name, value in opt.state[p].items():
        if name == "step":
            out["step"] = int(value.item() if torch.is_tensor(value) else value)
        elif torch.is_tensor(value):
            out["state"][name] = value.detach().to(torch.float64).tolist()
    return out


if __name__ == "__main__":
    main()
