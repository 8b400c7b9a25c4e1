#!/bin/sh
# Issue 15: a benign set of Python *source trees* (what a git clone or an sdist holds: tests, docs,
# CI workflows, Makefiles, setup.py build steps), for false positives of `bulwark scan` on projects.
# Debian's source packages carry each project's upstream tarball unchanged (`*.orig.tar.*`); this
# lists the source packages that build a `python3-X` package whose X is among the first TOP names
# of ../shared/data/popular/top-pypi-packages.json, takes a seeded random sample of COUNT of them
# whose upstream tarball is at most MAXMB MB, and pins each tarball with its size and SHA-256.
# The archive addresses are the machine's own apt sources (their `deb` entries read as `deb-src`);
# nothing is installed, apt's state goes to a temporary folder.
# Usage: bulwark-eval/scripts/collect-python-sources.sh OUT.tsv COUNT SEED [TOP] [MAXMB]
# Example (measured in docs/eval.md; COUNT above the pool size takes every candidate, 1,543 on
# 2026-12-07, of which the archive served 351: bulwark-eval/data/python-sources-2026-12-07.tsv):
#   bulwark-eval/scripts/collect-python-sources.sh /tmp/pysrc.tsv 100000 17 8000 25
#   bulwark-eval/scripts/fetch-python-sources.sh /tmp/pysrc.tsv ~/.cache/bulwark-corpus/pysrc
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
usage="usage: collect-python-sources.sh OUT.tsv COUNT SEED [TOP] [MAXMB]"
out=${1:?$usage}; count=${2:?$usage}; seed=${3:?$usage}; top=${4:-8000}; maxmb=${5:-25}
popular=$here/../../../shared/data/popular/top-pypi-packages.json
apt=$(mktemp -d)
trap 'rm -rf "$apt"' EXIT
"$here/python-sources-apt.sh" "$apt"
sources=$apt/Sources.txt
python3 - "$sources" "$popular" "$count" "$seed" "$top" "$maxmb" <<'PY' > "$out"
import json, random, re, sys
sources, popular, count, seed, top, maxmb = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
def norm(n): return re.sub(r"[-_.]+", "-", n).lower()
rank = {}
for i, row in enumerate(json.load(open(popular, encoding="utf-8"))["rows"][:top]):
    rank.setdefault(norm(row["project"]), (i, row["project"]))
best = {}  # pypi name -> (source, version, file, size, sha256)
for stanza in open(sources, encoding="utf-8", errors="replace").read().split("\n\n"):
    pkg = re.search(r"^Package: (\S+)", stanza, re.M)
    ver = re.search(r"^Version: (\S+)", stanza, re.M)
    binary = re.search(r"^Binary: (.*(?:\n .*)*)", stanza, re.M)
    sums = re.search(r"^Checksums-Sha256:\n((?: .*\n?)*)", stanza, re.M)
    if not (pkg and ver and binary and sums):
        continue
    origs = [l.split() for l in sums.group(1).strip().split("\n")
             if re.search(r"\.orig\.tar\.(gz|xz|bz2)$", l.strip())]
    if len(origs) != 1 or int(origs[0][1]) > maxmb * 1_000_000:
        continue
    for b in re.split(r"[,\s]+", binary.group(1)):
        if b.startswith("python3-") and norm(b[8:]) in rank:
            name = rank[norm(b[8:])][1]
            cand = (pkg.group(1), ver.group(1), origs[0][2], origs[0][1], origs[0][0])
            if name not in best or cand < best[name]:
                best[name] = cand
            break
names = sorted(best)
print("# pypi_name\tsource_package\tversion\torig_file\tsize\tsha256 (upstream source trees of popular "
      f"PyPI projects as shipped by Debian's source packages; seed {seed}, top {top}, <= {maxmb} MB)")
for n in sorted(random.Random(seed).sample(names, min(count, len(names)))):
    print(n, *best[n], sep="\t")
PY
echo "$(grep -vc '^#' "$out") source trees in $out" >&2
