#!/usr/bin/env bash
# Re-learns the two small data-fitted parts of the triage core and prints k-fold figures:
#  - the complaint model's weights and threshold (logistic regression over the hand-designed
#    features in src/core/triage/analyse.rs), from ../shared/eval/complaints.csv together with
#    our own src/core/triage/data/hand_written_mentions.tsv (compiled into src/eval.rs);
#  - the sentiment calibration (pos/neg weights and saturation, src/core/triage/sentiment.rs),
#    from ../shared/eval/vader_tweets.csv.
# The training code is in src/eval.rs (TRIAGE_EVAL_TRAIN=1). Paste the printed constants into
# those files by hand; the evaluation data itself is never copied into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL=${EVAL_DIR:-../shared/eval}
cargo build --release --bin triage
BIN=${CARGO_TARGET_DIR:-target}/release/triage
TRIAGE_EVAL_TRAIN=1 "$BIN" eval "$EVAL/complaints.csv"
TRIAGE_EVAL_TRAIN=1 "$BIN" eval "$EVAL/vader_tweets.csv"
