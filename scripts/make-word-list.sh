#!/usr/bin/env bash
# Regenerates src/core/triage/data/english_words.txt: the English words typo correction leaves
# alone (src/core/triage/typo.rs). Source: the SCOWL word lists Debian ships as `wbritish` and
# `wamerican` (2020.12.07), downloaded as packages, not installed. Kept: both spellings, lowercased,
# a-z only, 5 to 16 letters (shorter words are never corrected, longer ones cannot be packed),
# sorted bytewise and deduplicated, since the lookup is a binary search over the file.
#
#   scripts/make-word-list.sh      # needs apt-get (Debian/Ubuntu) and network access to the mirror
set -euo pipefail
export LC_ALL=C  # tr, grep and sort byte by byte: the lookup is a bytewise binary search
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download wbritish=2020.12.07-2 wamerican=2020.12.07-2
for deb in ./*.deb; do dpkg-deb -x "$deb" x; done
cat x/usr/share/dict/british-english x/usr/share/dict/american-english \
  | tr 'A-Z' 'a-z' \
  | grep -E '^[a-z]{5,16}$' \
  | sort -u >"$root/src/core/triage/data/english_words.txt"
wc -l "$root/src/core/triage/data/english_words.txt"
