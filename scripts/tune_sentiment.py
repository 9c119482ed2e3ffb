#!/usr/bin/env python3
"""Sweep of VADER-style constants against human ratings, using VADER's own reference code.

Used once to choose the negation factor (-0.5) and the '!' increment (0.45) in
src/core/triage/sentiment.rs, and to see that damping the sum by the number of sentiment words
helps. The final calibration (damping, alpha) is chosen with 10-fold cross-validation in Rust by
`TRIAGE_EVAL_TRAIN=1 triage eval vader_tweets.csv`. The CSV is read at run time; nothing from it
is stored.

    python scripts/tune_sentiment.py ../shared/eval/vader_tweets.csv -0.5 0.45
"""
import csv
import math
import sys

import vaderSentiment.vaderSentiment as V


def pearson(a, b):
    n = len(a)
    ma, mb = sum(a) / n, sum(b) / n
    sab = sum((x - ma) * (y - mb) for x, y in zip(a, b))
    sa = sum((x - ma) ** 2 for x in a)
    sb = sum((y - mb) ** 2 for y in b)
    return sab / math.sqrt(sa * sb)


def main() -> None:
    path, n_scalar, ep = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    texts = [r["text"] for r in rows]
    ys = [float(r["mean_rating"]) for r in rows]
    V.N_SCALAR = n_scalar
    V.SentimentIntensityAnalyzer._amplify_ep = staticmethod(
        lambda text: min(text.count("!"), 4) * ep
    )
    sia = V.SentimentIntensityAnalyzer()
    captured = []
    original = V.SentimentIntensityAnalyzer.score_valence

    def capture(self, sentiments, text):
        captured.append((list(sentiments), self._punctuation_emphasis(text)))
        return original(self, sentiments, text)

    V.SentimentIntensityAnalyzer.score_valence = capture
    for t in texts:
        sia.polarity_scores(t)
    for keep in [0.4, 0.5, 0.6, 1.0]:  # 1.0 = no damping (VADER)
        for alpha in [6, 10, 15, 30]:
            xs = []
            for s, e in captured:
                x = sum(s)
                n = sum(1 for v in s if v != 0)
                x = x / (max(n, 1) ** (1 - keep))
                if x > 0:
                    x += e
                elif x < 0:
                    x -= e
                xs.append(x / math.sqrt(x * x + alpha))
            print(f"neg={n_scalar} ep={ep} damping={1 - keep:.1f} alpha={alpha} r={pearson(xs, ys):.4f}")


if __name__ == "__main__":
    main()
