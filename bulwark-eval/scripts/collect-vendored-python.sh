#!/bin/sh
# Issue 15: a benign set of installed third-party Python packages that applications vendor
# (auth clients, cloud SDKs, HTTP stacks, packaging tools), copied into one folder per origin so
# `bulwark eval --benign OUT/<origin>` scans each top-level package as one sample. Nothing is run or
# imported; links and __pycache__ folders are left out.
# Usage: bulwark-eval/scripts/collect-vendored-python.sh OUT ORIGIN=DIR [ORIGIN=DIR ...]
# where each DIR holds top-level package folders (a third_party/ folder, a site-packages tree).
# Example (the Google Cloud SDK's vendored libraries, measured in docs/eval.md):
#   SDK=/usr/lib/google-cloud-sdk
#   bulwark-eval/scripts/collect-vendored-python.sh ~/.cache/bulwark-corpus/gcloud-py \
#     lib=$SDK/lib/third_party gsutil=$SDK/platform/gsutil/third_party \
#     bundled=$(echo $SDK/platform/bundledpythonunix/lib/python3*/site-packages)
set -eu
out=${1:?usage: collect-vendored-python.sh OUT ORIGIN=DIR ...}
shift
for spec in "$@"; do
  origin=${spec%%=*}
  dir=${spec#*=}
  mkdir -p "$out/$origin"
  for pkg in "$dir"/*/; do
    name=$(basename "$pkg")
    case "$name" in
      __pycache__|*.dist-info|*.egg-info|*.libs|bin) continue ;;
    esac
    # a package is a folder of Python files; data-only folders are left out
    if find "$pkg" -name '*.py' -type f | head -n 1 | grep -q .; then
      rm -rf "$out/$origin/$name"
      cp -R "$pkg" "$out/$origin/$name"
    fi
  done
  find "$out/$origin" -type l -exec rm -f {} +
  find "$out/$origin" -name __pycache__ -type d -prune -exec rm -rf {} +
  echo "$origin: $(ls "$out/$origin" | wc -l) packages in $out/$origin"
done
