"""The replay: one batch through an unrolled copy of nn.RNN / nn.LSTM / nn.GRU with the same
weights, step by step with torch's own cell functions, so that autograd can give the total
dL/dh_t (and dL/dc_t) at every timestep and layer -- including the part that flows back through
the recurrence, which a fused kernel never exposes.

The loss needs no re-running: the gradient that reached the fused layer's outputs in the real
backward pass (captured by a hook) is fed into the copy's outputs, which is exact because the
loss depends on the layer only through them.
"""
import contextlib
import ctypes

import torch

# nn.RNN's mode -> the cell function with the same equations and weight layout.
_CELLS = {"RNN_TANH": torch.rnn_tanh_cell, "RNN_RELU": torch.rnn_relu_cell,
          "GRU": torch.gru_cell}


def cell_name(rnn):
    """The stream's name of the cell of an nn.RNN / nn.LSTM / nn.GRU."""
    return {"RNN_TANH": "rnn", "RNN_RELU": "rnn-relu", "LSTM": "lstm", "GRU": "gru"}[rnn.mode]


def check_replayable(rnn):
    if not isinstance(rnn, torch.nn.RNNBase):
        raise TypeError(f"rnn= must be an nn.RNN, nn.LSTM or nn.GRU, not {type(rnn).__name__}")
    if rnn.bidirectional:
        raise ValueError("unroll_probe: bidirectional layers are not replayed; "
                         "attach to a unidirectional nn.RNN/LSTM/GRU")
    if getattr(rnn, "proj_size", 0):
        raise ValueError("unroll_probe: nn.LSTM with proj_size is not replayed")


def layer_weights(rnn):
    """Detached copies of (w_ih, w_hh, b_ih, b_hh) per layer, as the forward pass used them."""
    out = []
    for k in range(rnn.num_layers):
        w = [getattr(rnn, f"weight_ih_l{k}"), getattr(rnn, f"weight_hh_l{k}")]
        if rnn.bias:
            w += [getattr(rnn, f"bias_ih_l{k}"), getattr(rnn, f"bias_hh_l{k}")]
        else:
            w += [None, None]
        out.append([None if t is None else t.detach().clone() for t in w])
    return out


def candidate_block(mode, w_hh):
    """The block of W_hh the dynamics readout looks at: all of it for an RNN, the candidate (g of
    LSTM's i,f,g,o; n of GRU's r,z,n) for the gated cells."""
    if mode == "LSTM" or mode == "GRU":
        H = w_hh.shape[1]
        return w_hh[2 * H:3 * H]
    return w_hh


_BLAS = []


def _openblas():
    """OpenBLAS as loaded by torch (Debian's torch uses it for LAPACK), or None."""
    if not _BLAS:
        lib = None
        try:
            with open("/proc/self/maps") as f:
                paths = {line.split()[-1] for line in f if "libopenblas" in line}
            for path in sorted(paths):
                cand = ctypes.CDLL(path)
                if hasattr(cand, "openblas_set_num_threads"):
                    lib = cand
                    break
        except OSError:
            lib = None
        _BLAS.append(lib)
    return _BLAS[0]


@contextlib.contextmanager
def _one_blas_thread():
    """LAPACK's eigen and singular value solvers on one thread: at H=256 more threads gain
    nothing, and on a busy machine OpenBLAS's thread pool makes each call up to 30x slower
    (measured: 1.5 s instead of 0.05 s with the cores taken by other work)."""
    lib = _openblas()
    if lib is None:
        yield
        return
    before = lib.openblas_get_num_threads()
    lib.openblas_set_num_threads(1)
    try:
        yield
    finally:
        lib.openblas_set_num_threads(before)


def dynamics(mode, weights):
    """[(spectral radius, largest singular value)] of each layer's W_hh block."""
    out = []
    with torch.no_grad(), _one_blas_thread():
        for w in weights:
            m = candidate_block(mode, w[1]).double()
            out.append((float(torch.linalg.eigvals(m).abs().max()),
                        float(torch.linalg.svdvals(m).max())))
    return out


def replay(mode, weights, x, h0, c0, g_out, g_hn=None, g_cn=None):
    """Per-timestep gradient norms of one batch.

    mode: nn.RNNBase.mode; weights: layer_weights(); x: (T, B, in) the layer's input (time-major);
    h0, c0: (L, B, H) or None (zeros); g_out: (T, B, H) dL/d(output) from the real backward pass;
    g_hn, g_cn: (L, B, H) dL/dh_n, dL/dc_n, or None when the loss did not use them.
    Returns (dh, dc, hidden): dh and dc [layer][t] lists of the sum over the batch of
    ||dL/dh_t|| (||dL/dc_t||, LSTM only, else None); hidden: (L, T, H) float32 tensor of the first
    sequence's h_t.
    """
    T, B = x.shape[0], x.shape[1]
    L = len(weights)
    H = weights[0][1].shape[1]
    lstm = mode == "LSTM"
    step = None if lstm else _CELLS[mode]
    zeros = x.new_zeros(B, H)
    below = [x[t] for t in range(T)]
    hs, cs = [], []
    with torch.enable_grad():
        for k, (w_ih, w_hh, b_ih, b_hh) in enumerate(weights):
            h = (h0[k] if h0 is not None else zeros).detach().requires_grad_(True)
            c = None
            if lstm:
                c = (c0[k] if c0 is not None else zeros).detach().requires_grad_(True)
            layer_h, layer_c = [], []
            for t in range(T):
                if lstm:
                    h, c = torch.lstm_cell(below[t], (h, c), w_ih, w_hh, b_ih, b_hh)
                    layer_c.append(c)
                else:
                    h = step(below[t], h, w_ih, w_hh, b_ih, b_hh)
                layer_h.append(h)
            hs.append(layer_h)
            cs.append(layer_c)
            below = layer_h
        outputs = [torch.stack(hs[-1])]
        grads = [g_out]
        if g_hn is not None:
            outputs.append(torch.stack([layer[-1] for layer in hs]))
            grads.append(g_hn)
        if lstm and g_cn is not None:
            outputs.append(torch.stack([layer[-1] for layer in cs]))
            grads.append(g_cn)
        states = [h for layer in hs for h in layer]
        if lstm:
            states += [c for layer in cs for c in layer]
        got = torch.autograd.grad(outputs, states, grads, allow_unused=True)
    got = [torch.zeros(B, H, dtype=x.dtype) if g is None else g for g in got]
    # Sum over the batch of each sequence's norm (the engine's StepReport::timestep_grad_norms).
    norms = torch.stack(got).norm(dim=2).sum(dim=1).double().tolist()
    dh = [norms[k * T:(k + 1) * T] for k in range(L)]
    dc = [norms[L * T + k * T:L * T + (k + 1) * T] for k in range(L)] if lstm else None
    hidden = torch.stack([torch.stack([h[0] for h in layer]) for layer in hs]).detach().float()
    return dh, dc, hidden
