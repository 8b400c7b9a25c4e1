#!/bin/sh
# Pins npm package names (one per line on standard input) to their latest version and sha512
# integrity, in the format of ../shared/corpus/benign/*.tsv (name, version, integrity), through
# `npm view`, so the registry is whatever the user's npm configuration names. Names that cannot be
# resolved, or have no sha512 integrity, are left out. Nothing is installed or run.
# Usage: bulwark-eval/scripts/pin-npm-latest.sh "HEADER COMMENT" < NAMES > OUT.tsv
set -eu
echo "# name	version	integrity (${1:?usage: pin-npm-latest.sh HEADER < NAMES}, latest on $(date -u +%F))"
xargs -P 6 -n 1 sh -c '
  out=$(timeout 30 npm view --json "$0@latest" name version dist.integrity 2>/dev/null) || exit 0
  printf "%s" "$out" | python3 -c "
import json, sys
try:
    d = json.load(sys.stdin)
except Exception:
    sys.exit(0)
d = d[-1] if isinstance(d, list) else d
if isinstance(d, dict) and str(d.get(\"dist.integrity\", \"\")).startswith(\"sha512-\"):
    print(d[\"name\"] + \"\t\" + d[\"version\"] + \"\t\" + d[\"dist.integrity\"])"
' | sed '/^[[:space:]]*$/d' | sort
