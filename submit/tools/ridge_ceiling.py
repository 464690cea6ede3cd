"""What a regressor fitted to the visible data can pick from the whole design space (TF-Bind).

A NumPy probe behind an entry of docs/results-log.md, not part of the product (NumPy only). Fits ridge regression (one-hot
features, alone or with all position-pair features) to the visible half of TF-Bind-8 / a
10,000-row visible subsample of TF-Bind-10, ranks every design of the space by it, and reports
Spearman's rank correlation (held-out visible rows, the hidden rows) and the oracle's scores of
the Q designs it rates best (full-data scale). Usage: python3 ridge_ceiling.py DATA_DIR [SEEDS [RIDGE]]
"""
import sys
import numpy as np

data = sys.argv[1]
RIDGE = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
seeds = [int(s) for s in sys.argv[2].split(',')] if len(sys.argv) > 2 else [0]


def spearman(a, b):
    return np.corrcoef(np.argsort(np.argsort(a)), np.argsort(np.argsort(b)))[0, 1]


def features(x, pairs):
    n, length = x.shape
    cols = [np.eye(4, dtype=np.float32)[x].reshape(n, -1)]
    if pairs:
        for i in range(length):
            for j in range(i + 1, length):
                cols.append(np.eye(16, dtype=np.float32)[x[:, i] * 4 + x[:, j]])
    return np.hstack(cols)


def all_designs(length):
    index = np.arange(4 ** length)
    return np.stack([(index // 4 ** (length - 1 - i)) % 4 for i in range(length)], axis=1)


def tf_bind_8():
    x = np.load(f'{data}/tf_bind_8/tf_bind_8-x.npy')
    y = np.load(f'{data}/tf_bind_8/tf_bind_8-y.npy')[:, 0].astype(np.float64)
    table = np.empty(4 ** 8)
    table[(x * 4 ** np.arange(7, -1, -1)).sum(1)] = y
    visible = y <= np.percentile(y, 50)
    return lambda seed: (x[visible], y[visible]), table, np.percentile(y, 50), (0.0, 1.0)


def tf_bind_10():
    index = np.load(f'{data}/tf_bind_10/tf_bind_10-pho4-index.npy')
    y = np.load(f'{data}/tf_bind_10/tf_bind_10-pho4-y.npy').astype(np.float64)
    table = np.empty(4 ** 10)
    table[index] = y  # the last occurrence wins, as the oracle's
    threshold = np.percentile(y, 50)
    visible = np.flatnonzero(y <= threshold)

    def sample(seed):
        rows = np.random.default_rng(seed).choice(visible, 10_000, replace=False)
        return all_designs(10)[index[rows]], y[rows]
    return sample, table, threshold, (-1.8585268, 2.1287067)


for name, task, length in (('tf-bind-8', tf_bind_8, 8), ('tf-bind-10', tf_bind_10, 10)):
    sample, table, threshold, (lo, hi) = task()
    space = all_designs(length)
    hidden = table > threshold
    for pairs in (False, True):
        for seed in seeds:
            xv, yv = sample(seed)
            order = np.random.default_rng(seed).permutation(len(xv))
            train, test = order[: int(0.8 * len(xv))], order[int(0.8 * len(xv)):]
            f = features(xv, pairs)
            a = f[train]
            w = np.linalg.solve(a.T @ a + RIDGE * np.eye(a.shape[1]), a.T @ (yv[train] - yv[train].mean()))
            pred = np.concatenate([features(space[i:i + 65536], pairs) @ w
                                   for i in range(0, len(space), 65536)])
            top = np.argsort(-pred)
            line = [f'{name} {"pairs" if pairs else "one-hot"} seed {seed}:',
                    f'spearman held-out visible {spearman(f[test] @ w, yv[test]):.3f},',
                    f'hidden designs {spearman(pred[hidden], table[hidden]):.3f};']
            for q in (128, 256):
                s = (table[top[:q]] - lo) / (hi - lo)
                line.append(f'top {q}: best {s.max():.3f} median {np.median(s):.3f}')
            print(' '.join(line), flush=True)
