"""What a user would otherwise write with NumPy for xent's contrastive losses on embeddings:
used by scripts/bench.mjs as the time to beat (xent within 3x). Prints the loss; with --grad
it also computes the gradient w.r.t. the raw embeddings (what `xent ntxent -f json` prints)
and prints the sum of its absolute values on a second line.

  bench_contrastive_peer.py clip IMAGE.csv TEXT.csv            (scale 1, as xent clip)
  bench_contrastive_peer.py siglip IMAGE.csv TEXT.csv          (t = 10, b = -10)
  bench_contrastive_peer.py ntxent VIEWS.csv [--grad]          (tau = 0.5, pairs i, i + N)
  bench_contrastive_peer.py supcon FEATURES.csv LABELS [--grad] (tau = 0.07)
"""
import sys

import numpy as np


def load(path):
    return np.loadtxt(path, delimiter=",", ndmin=2)


def unit(x):
    norm = np.linalg.norm(x, axis=1, keepdims=True)
    return x / norm, norm


def logsumexp_rows(z):
    m = z.max(axis=1, keepdims=True)
    return (m + np.log(np.exp(z - m).sum(axis=1, keepdims=True)))[:, 0]


def clip(image, text):
    u, _ = unit(load(image))
    v, _ = unit(load(text))
    logits = u @ v.T
    diag = np.diag(logits)
    i2t = np.mean(logsumexp_rows(logits) - diag)
    t2i = np.mean(logsumexp_rows(logits.T) - diag)
    return (i2t + t2i) / 2, None


def siglip(image, text, t=10.0, b=-10.0):
    u, _ = unit(load(image))
    v, _ = unit(load(text))
    logits = t * (u @ v.T) + b
    z = 2 * np.eye(len(u)) - 1
    return np.logaddexp(0, -z * logits).sum() / len(u), None


def others_softmax(u, tau):
    s = (u @ u.T) / tau
    np.fill_diagonal(s, -np.inf)
    log_p = s - logsumexp_rows(s)[:, None]
    return log_p


def backward(g, u, norm):
    grad_u = (g + g.T) @ u
    along = (grad_u * u).sum(axis=1, keepdims=True)
    return (grad_u - along * u) / norm


def ntxent(path, grad, tau=0.5):
    u, norm = unit(load(path))
    n = len(u)
    partner = (np.arange(n) + n // 2) % n
    log_p = others_softmax(u, tau)
    loss = -log_p[np.arange(n), partner].mean()
    if not grad:
        return loss, None
    g = np.exp(log_p)
    g[np.arange(n), partner] -= 1
    return loss, backward(g / (n * tau), u, norm)


def supcon(path, labels_path, grad, tau=0.07):
    u, norm = unit(load(path))
    labels = np.loadtxt(labels_path, ndmin=1)
    positive = labels[:, None] == labels[None, :]
    np.fill_diagonal(positive, False)
    count = positive.sum(axis=1)
    anchors = count > 0
    log_p = others_softmax(u, tau)
    per_anchor = -np.where(positive, log_p, 0).sum(axis=1)[anchors] / count[anchors]
    loss = per_anchor.mean()
    if not grad:
        return loss, None
    g = np.exp(log_p) - positive / np.maximum(count, 1)[:, None]
    g[~anchors] = 0
    return loss, backward(g / (anchors.sum() * tau), u, norm)


def main(argv):
    grad = "--grad" in argv
    args = [a for a in argv if a != "--grad"]
    kind = args[0]
    if kind == "clip":
        loss, g = clip(args[1], args[2])
    elif kind == "siglip":
        loss, g = siglip(args[1], args[2])
    elif kind == "ntxent":
        loss, g = ntxent(args[1], grad)
    elif kind == "supcon":
        loss, g = supcon(args[1], args[2], grad)
    else:
        raise SystemExit(f"unknown loss {kind}")
    print(repr(float(loss)))
    if g is not None:
        print(repr(float(np.abs(g).sum())))


if __name__ == "__main__":
    main(sys.argv[1:])
