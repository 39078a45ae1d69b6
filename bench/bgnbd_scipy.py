"""The BG/NBD fit of bench/models-bench.mjs done with scipy, for comparison.

Usage: /usr/bin/python3 bench/bgnbd_scipy.py <csv with frequency,recency,T> <repeats> <start r,alpha,a,b> [<Nelder-Mead repeats>]
Minimises the same negative log-likelihood per customer (Fader, Hardie & Lee 2005,
eq. 6, in the log-sum-exp form lifetimes uses) over log-parameters with
scipy.optimize.minimize: its default method (BFGS with finite-difference
gradients) and Nelder-Mead with lifetimes' settings (tol 1e-6, maxiter 2000).
Prints one JSON object with the median and first times in milliseconds.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln


def negative_log_likelihood(log_params, x, tx, T):
    r, alpha, a, b = np.exp(log_params)
    part1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    part2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    part3 = -(r + x) * np.log(alpha + T)
    part4 = np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(alpha + tx)
    top = np.maximum(part3, part4)
    ll = part1 + part2 + top + np.log(np.exp(part3 - top) + np.exp(part4 - top) * (x > 0))
    return -ll.sum() / len(x)


def main():
    path, repeats, start = sys.argv[1], int(sys.argv[2]), [float(v) for v in sys.argv[3].split(",")]
    slow_repeats = int(sys.argv[4]) if len(sys.argv) > 4 else repeats
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    x, tx, T = data[:, 0], data[:, 1], data[:, 2]
    x0 = np.log(start)
    out = {"customers": len(x)}
    methods = {
        "BFGS": dict(),
        "Nelder-Mead": dict(method="Nelder-Mead", tol=1e-6, options={"maxiter": 2000}),
    }
    for name, kwargs in methods.items():
        times = []
        for _ in range(repeats if name == "BFGS" else slow_repeats):
            began = time.perf_counter()
            result = minimize(negative_log_likelihood, x0, args=(x, tx, T), **kwargs)
            times.append((time.perf_counter() - began) * 1000)
        out[name] = {
            "first_ms": times[0],
            "median_ms": float(np.median(times)),
            "params": np.exp(result.x).tolist(),
            "log_likelihood": -result.fun * len(x),
            "evaluations": int(result.nfev),
            "success": bool(result.success),
        }
    print(json.dumps(out))


main()
