"""Reference for tst_torch_crosscheck: runs torch.nn.RNN/LSTM/GRU + Linear (float32) on the cases
the test wrote; writes logits, loss, every gradient, dL/dh_t and the weights after one Adam step.

Usage: torch_reference.py DIR   (reads DIR/in.json, writes DIR/out.json)
IN:  {"cases": [{"name", "cell": rnn|rnn-relu|lstm|gru, "layers", "hidden",
      "input": onehot|embedding|dense, "input_size", "embed_dim", "head": softmax|regression,
      "output_size", "steps", "batch", "loss_begin", "lr", "tokens": (T*B),
      "targets": (T*B, -1 = unscored), "inputs": (T*B*D),
      "target_values": (T*B*O), "h0": null or {"h": (L*B*H), "c": (L*B*H) or null},
      "weights": {state_dict name: {"shape": [...], "data": row-major}}}]}
     Flat arrays are row-major in the shapes (T, B, ...) and (L, B, H).
OUT: {"cases": {name: {"error": traceback} or {"loss", "logits": (nl, B, O) of the scored steps
      t >= loss_begin, "grads": {name: row-major}, "dh": [(T, B, H) per layer], "adam": {name:
      row-major}}}}
dh is the total dL/dh_t (through the head, the layer above and the recurrence), taken from a second,
step-by-step run with torch's own cell functions whose loss must equal the nn module's.
"""
import json
import sys
import traceback

import torch
import torch.nn.functional as F
from torch import nn


class Model(nn.Module):
    """encoder (embedding only) -> rnn -> decoder, with the state_dict names the engine uses."""

    def __init__(self, c):
        super().__init__()
        inp = c["input_size"]
        if c["input"] == "embedding":
            self.encoder = nn.Embedding(c["input_size"], c["embed_dim"])
            inp = c["embed_dim"]
        H, L = c["hidden"], c["layers"]
        cell = c["cell"]
        if cell in ("rnn", "rnn-relu"):
            nonlinearity = "relu" if cell == "rnn-relu" else "tanh"
            self.rnn = nn.RNN(inp, H, L, nonlinearity=nonlinearity, batch_first=False)
        elif cell == "lstm":
            self.rnn = nn.LSTM(inp, H, L, batch_first=False)
        elif cell == "gru":
            self.rnn = nn.GRU(inp, H, L, batch_first=False)
        else:
            raise ValueError(f"unknown cell {cell!r}")
        self.decoder = nn.Linear(H, c["output_size"])


def tensor(values, shape, dtype=torch.float32):
    return torch.tensor(values, dtype=dtype).reshape(shape)


def layer_input(model, c, tokens, inputs):
    """(T, B, in) input of the first recurrent layer."""
    if c["input"] == "onehot":
        return F.one_hot(tokens, c["input_size"]).float()
    if c["input"] == "embedding":
        return model.encoder(tokens)
    return inputs


def loss_of(c, logits, targets, values):
    lb = c["loss_begin"]
    if c["head"] == "softmax":
        return F.cross_entropy(logits[lb:].reshape(-1, c["output_size"]), targets[lb:].reshape(-1),
                               ignore_index=-1)
    return F.mse_loss(logits[lb:], values[lb:])


def unrolled_dh(model, c, x, h0, c0, targets, values):
    """Total dL/dh_t per layer, (T, B, H) each, from a step-by-step run of the same weights."""
    T, L = c["steps"], c["layers"]
    cell = c["cell"]
    step = {"rnn": torch.rnn_tanh_cell, "rnn-relu": torch.rnn_relu_cell,
            "gru": torch.gru_cell}.get(cell)
    below = [x[t] for t in range(T)]
    hs = []
    for k in range(L):
        w = [getattr(model.rnn, f"{n}_l{k}")
             for n in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
        h, cs = h0[k], (c0[k] if c0 is not None else None)
        outs = []
        for t in range(T):
            if cell == "lstm":
                h, cs = torch.lstm_cell(below[t], (h, cs), *w)
            else:
                h = step(below[t], h, *w)
            outs.append(h)
        hs.append(outs)
        below = outs
    loss = loss_of(c, model.decoder(torch.stack(below)), targets, values)
    states = [h for layer in hs for h in layer]
    grads = torch.autograd.grad(loss, states, allow_unused=True)
    grads = [torch.zeros_like(h) if g is None else g for h, g in zip(states, grads)]
    return loss, [torch.stack(grads[k * T:(k + 1) * T]) for k in range(L)]


def flat(t):
    return t.detach().reshape(-1).tolist()


def run_case(c):
    torch.manual_seed(0)  # the module's own init is overwritten; this only keeps runs repeatable
    model = Model(c)
    weights = {n: tensor(w["data"], w["shape"]) for n, w in c["weights"].items()}
    model.load_state_dict(weights, strict=True)  # names and shapes must match the engine's exactly

    T, B, L, H = c["steps"], c["batch"], c["layers"], c["hidden"]
    tokens = tensor(c["tokens"], (T, B), torch.long)
    targets = tensor(c["targets"], (T, B), torch.long)
    inputs = tensor(c["inputs"], (T, B, -1)) if c["input"] == "dense" else None
    values = tensor(c["target_values"], (T, B, -1)) if c["head"] == "regression" else None
    if c["h0"] is not None:
        h0 = tensor(c["h0"]["h"], (L, B, H))
        c0 = tensor(c["h0"]["c"], (L, B, H)) if c["cell"] == "lstm" else None
    else:
        h0 = torch.zeros(L, B, H)
        c0 = torch.zeros(L, B, H) if c["cell"] == "lstm" else None

    x = layer_input(model, c, tokens, inputs)
    out, _ = model.rnn(x, (h0, c0) if c["cell"] == "lstm" else h0)  # out: (T, B, H)
    logits = model.decoder(out)  # (T, B, O)
    loss = loss_of(c, logits, targets, values)
    loss.backward()
    grads = {n: flat(p.grad) for n, p in model.named_parameters()}

    x = layer_input(model, c, tokens, inputs)
    loss2, dh = unrolled_dh(model, c, x, h0, c0, targets, values)
    if abs(loss2.item() - loss.item()) > 1e-5:
        raise RuntimeError(f"step-by-step loss {loss2.item()} != module loss {loss.item()}")

    opt = torch.optim.Adam(model.parameters(), lr=c["lr"])
    opt.step()
    return {"loss": loss.item(), "logits": flat(logits[c["loss_begin"]:]), "grads": grads,
            "dh": [flat(d) for d in dh],
            "adam": {n: flat(p) for n, p in model.named_parameters()}}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: torch_reference.py DIR")
    with open(f"{sys.argv[1]}/in.json") as f:
        cases = json.load(f)["cases"]
    torch.set_num_threads(1)
    out = {}
    for c in cases:
        try:
            out[c["name"]] = run_case(c)
        except Exception:  # reported on the case's own row
            out[c["name"]] = {"error": traceback.format_exc()}
    with open(f"{sys.argv[1]}/out.json", "w") as f:
        json.dump({"cases": out}, f)


if __name__ == "__main__":
    main()
