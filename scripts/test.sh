#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs the pinned Python tools into .venv/,
# starts each DynamoDB/SQS emulator on a free loopback port, runs lint + every Rust test
# against it, checks the infrastructure template, and stops everything it started.
#
#   scripts/test.sh                 # everything
#   EMULATORS=moto scripts/test.sh  # one emulator only
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
EMULATORS=${EMULATORS:-"moto ministack"}
PY=${PYTHON:-python3}
LOGDIR="$ROOT/target/test-logs"
mkdir -p "$LOGDIR"

step() { printf '\n== %s\n' "$*"; }

venv() { # venv NAME REQUIREMENTS
  local dir=".venv/$1"
  if [ ! -x "$dir/bin/python" ]; then "$PY" -m venv "$dir"; fi
  if ! cmp -s "$2" "$dir/.installed" 2>/dev/null; then
    "$dir/bin/pip" install --quiet --disable-pip-version-check -r "$2"
    cp "$2" "$dir/.installed"
  fi
}

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done; true; }
trap cleanup EXIT INT TERM

start_emulator() { # start_emulator NAME -> sets ENDPOINT
  local name=$1 port
  port=$(free_port)
  case "$name" in
    moto) .venv/test/bin/moto_server -H 127.0.0.1 -p "$port" >"$LOGDIR/moto.log" 2>&1 & ;;
    ministack) GATEWAY_PORT=$port BIND_HOST=127.0.0.1 SERVICES=dynamodb,sqs .venv/ministack/bin/ministack >"$LOGDIR/ministack.log" 2>&1 & ;;
    *) echo "unknown emulator $name" >&2; exit 2 ;;
  esac
  PIDS+=($!)
  ENDPOINT="http://127.0.0.1:$port"
  for _ in $(seq 1 100); do
    if curl -s -o /dev/null "$ENDPOINT/"; then return 0; fi
    sleep 0.1
  done
  echo "$name did not start; see $LOGDIR/$name.log" >&2
  exit 1
}

step "python tools (pinned, in .venv/)"
venv test scripts/requirements-test.txt
case " $EMULATORS " in *" ministack "*) venv ministack scripts/requirements-ministack.txt ;; esac
venv infra scripts/requirements-infra.txt

step "format and lint"
cargo fmt --check
cargo clippy --all-targets -- -D warnings

step "build tests"
cargo test --all-targets --no-run

export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_EC2_METADATA_DISABLED=true
export TRIAGE_TEST_PYTHON="$ROOT/.venv/test/bin/python"
export TRIAGE_REQUIRE_AWS_TESTS=1

first=1
for emu in $EMULATORS; do
  start_emulator "$emu"
  export TRIAGE_TEST_AWS_ENDPOINT="$ENDPOINT" TRIAGE_TEST_EMULATOR="$emu"
  if [ $first = 1 ]; then
    step "all tests (AWS integration against $emu at $ENDPOINT)"
    cargo test --all-targets
    first=0
  else
    step "AWS integration tests again, against $emu at $ENDPOINT"
    cargo test --test it aws
  fi
  cleanup; PIDS=()
done

if [ -x scripts/check-infra.sh ]; then
  step "infrastructure template"
  scripts/check-infra.sh
fi

if [ -x scripts/fuzz-smoke.sh ]; then
  step "fuzz targets (short run)"
  FUZZ_SECONDS=${FUZZ_SECONDS:-10} scripts/fuzz-smoke.sh
fi

step "done: all checks passed"
