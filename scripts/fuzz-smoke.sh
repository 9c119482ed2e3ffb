#!/usr/bin/env bash
# Runs every cargo-fuzz target briefly (FUZZ_SECONDS each, default 20). Installs cargo-fuzz if
# missing (~45 s). cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP=1 enables them on stable.
# The targets also run on every `cargo test` as a deterministic smoke (tests/it/fuzz_smoke.rs);
# this script is the coverage-guided, sanitizer-instrumented complement. Long runs: fuzz/README.md.
#
#   scripts/fuzz-smoke.sh                   # cargo fuzz, every target FUZZ_SECONDS (default 20) each
#   TRIAGE_FUZZ=smoke scripts/fuzz-smoke.sh # only the deterministic smoke, 20000 cases per target
#
# Cost measured on the 2-core dev box: cargo-fuzz install 45 s; first instrumented build 108 s
# (the fuzz crate uses the library without its `runtime` feature, so no AWS SDK is compiled);
# the runs 8 x FUZZ_SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${TRIAGE_FUZZ:-cargo-fuzz}" = smoke ]; then
  echo "deterministic fuzz smoke only (TRIAGE_FUZZ=smoke)"
  TRIAGE_FUZZ_SMOKE_CASES=${TRIAGE_FUZZ_SMOKE_CASES:-20000} cargo test --test it fuzz_smoke
  exit 0
fi
cd fuzz
SECONDS_EACH=${FUZZ_SECONDS:-20}
export RUSTC_BOOTSTRAP=1
# Instrumented builds share nothing with normal ones; keep them in fuzz/target so a long build
# never holds a shared target directory's lock.
unset CARGO_TARGET_DIR

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

start=$(date +%s)
cargo fuzz build -O
echo "fuzz build: $(( $(date +%s) - start ))s"

mkdir -p corpus
for target in $(cargo fuzz list); do
  mkdir -p "corpus/$target"
  seeds=()
  case "$target" in
    normalise_*) seeds=(../events/raw) ;;
  esac
  echo "== $target (${SECONDS_EACH}s)"
  log="corpus/$target.log"
  if ! cargo fuzz run -O "$target" "corpus/$target" "${seeds[@]}" -- \
      -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fuzz target $target failed; reproducer in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
done
echo "fuzz smoke: all targets ran ${SECONDS_EACH}s without a crash ($(( $(date +%s) - start ))s total)"
