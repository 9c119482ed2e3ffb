#!/usr/bin/env python3
"""Times VADER (vaderSentiment==3.3.2) over the texts of a CSV with a `text` column.

Used by `cargo bench --bench triage` as the same-run baseline for our triage speed. Prints one
line `vader_ns_per_text=<float> texts=<n> mean_compound=<float>` on stdout. The CSV is read at
run time from ../shared/eval; nothing from it is stored.

    python scripts/vader_timing.py ../shared/eval/vader_tweets.csv [repeats]
"""
import csv
import sys
import time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


def main() -> None:
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with open(path, newline="", encoding="utf-8") as f:
        texts = [row["text"] for row in csv.DictReader(f)]
    sia = SentimentIntensityAnalyzer()
    for t in texts[:200]:  # warm-up
        sia.polarity_scores(t)
    best = float("inf")
    total = 0.0
    for _ in range(repeats):
        start = time.perf_counter_ns()
        acc = 0.0
        for t in texts:
            acc += sia.polarity_scores(t)["compound"]
        elapsed = time.perf_counter_ns() - start
        best = min(best, elapsed / len(texts))
        total = acc
    print(f"vader_ns_per_text={best:.1f} texts={len(texts)} mean_compound={total / len(texts):.4f}")


if __name__ == "__main__":
    main()
