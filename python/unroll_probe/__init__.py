"""unroll_probe: stream a PyTorch RNN training run into Unroll (unroll-cli attach, the studio).

    import unroll_probe
    probe = unroll_probe.attach(model, rnn=model.rnn, every=50, optimizer=opt)
    for step in ...:
        ...; loss.backward(); torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step(); probe.step(loss)
    probe.close()

Needs only the standard library and torch. The stream is docs/probe_stream.md.
"""
from . import replay, stream  # noqa: F401
from .probe import Probe, attach  # noqa: F401

__all__ = ["attach", "Probe", "replay", "stream"]
