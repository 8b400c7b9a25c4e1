#!/bin/sh
# Issue 15: a second benign npm set drawn like the long-tail one is used — the dependencies that
# the long-tail packages declare, at their latest versions, minus the names of the pinned popular
# and long-tail lists and of type-only packages. Writes a list in the format of
# ../shared/corpus/benign/*.tsv (name, version, integrity) that ../shared/corpus/benign/fetch-npm
# fetches and checks. Nothing is run: package.json files are read from the tarballs, versions and
# integrity come from `npm view`, so the registry is whatever the user's npm configuration names.
# Usage: bulwark-eval/scripts/collect-npm-neighbours.sh TARBALL_DIR OUT.tsv [KNOWN.tsv ...]
# Example (measured in docs/eval.md):
#   bulwark-eval/scripts/collect-npm-neighbours.sh ~/.cache/bulwark-corpus/npm-longtail /tmp/nb.tsv \
#     ../shared/corpus/benign/npm-dev.tsv ../shared/corpus/benign/npm-longtail-dev.tsv
#   ../shared/corpus/benign/fetch-npm /tmp/nb.tsv ~/.cache/bulwark-corpus/npm-neighbours
set -eu
dir=${1:?usage: collect-npm-neighbours.sh TARBALL_DIR OUT.tsv [KNOWN.tsv ...]}
out=${2:?usage: collect-npm-neighbours.sh TARBALL_DIR OUT.tsv [KNOWN.tsv ...]}
shift 2
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
names=$(mktemp)
trap 'rm -f "$names"' EXIT
PYTHONPATH="$here" python3 - "$dir" "$@" > "$names" <<'PY'
import json, os, sys, tarfile
src, known_lists = sys.argv[1], sys.argv[2:]
from known_names import names_in
known = names_in(known_lists)
names = set()
for f in sorted(os.listdir(src)):
    if not f.endswith(".tgz"):
        continue
    try:
        with tarfile.open(os.path.join(src, f)) as t:
            m = next((m for m in t.getmembers() if m.isfile() and m.name.count("/") == 1
                      and m.name.endswith("/package.json") and m.size < 1_000_000), None)
            if m is None:
                continue
            pj = json.load(t.extractfile(m))
    except Exception:
        continue  # a broken tarball or manifest adds no names
    for key in ("dependencies", "optionalDependencies", "peerDependencies"):
        deps = pj.get(key) if isinstance(pj, dict) else None
        if isinstance(deps, dict):
            names.update(n for n in deps if isinstance(n, str))
for n in sorted(names - known):
    if not n.startswith("@types/"):
        print(n)
PY
"$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)/pin-npm-latest.sh" "dependencies of $(basename "$dir")" < "$names" > "$out"
echo "$(grep -vc '^#' "$out") packages in $out"
