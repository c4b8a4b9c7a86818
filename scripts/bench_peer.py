"""The Python pipeline a user would otherwise write: the symmetric CLIP loss of a similarity
matrix stored as CSV (np.loadtxt) or as .npy (np.load), with NumPy and SciPy. Used by
scripts/bench.mjs as xent's peer."""
import sys

import numpy as np
from scipy.special import logsumexp

path = sys.argv[1]
logits = np.load(path) if path.endswith(".npy") else np.loadtxt(path, delimiter=",", ndmin=2)
diag = np.diag(logits)
loss_i2t = np.mean(logsumexp(logits, axis=1) - diag)
loss_t2i = np.mean(logsumexp(logits, axis=0) - diag)
print(repr(float((loss_i2t + loss_t2i) / 2)))
