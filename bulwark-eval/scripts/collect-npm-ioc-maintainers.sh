#!/bin/sh
# Issue 15: a benign npm set of real long-tail maintainers' code, for false positives.
# Where the names come from:
#   - ../shared/data/iocs/datadog/shai-hulud-2.0/consolidated_iocs.csv (and shai-hulud-2.0.csv
#     beside it): packages a worm compromised in 2025. Their maintainers are ordinary long-tail
#     publishers; the versions published since are their normal code.
#   - ../shared/data/osv/npm-nswg.zip: the packages of the Node.js security working group's
#     advisories (old, small libraries that were vulnerable, not malicious). Advisories whose
#     summary calls the package itself malicious are left out.
# minus the names of the given lists (every other npm list) and type-only packages, pinned at
# their latest version with pin-npm-latest.sh (`npm view`, so the registry is whatever the user's
# npm configuration names). A name whose pinned version is one the IOC files list as compromised,
# or one the npm malware corpus holds (../shared/corpus/malicious/samples/npm/manifest.json), is
# dropped: a known-compromised version is never labelled benign. Nothing is installed or run.
# Usage: bulwark-eval/scripts/collect-npm-ioc-maintainers.sh OUT.tsv [KNOWN.tsv ...]
# Example (measured in docs/eval.md):
#   bulwark-eval/scripts/collect-npm-ioc-maintainers.sh /tmp/ioc.tsv ../shared/corpus/benign/npm-dev.tsv \
#     ../shared/corpus/benign/npm-longtail-dev.tsv bulwark-eval/data/npm-*.tsv
#   nice -n 15 ../shared/corpus/benign/fetch-npm /tmp/ioc.tsv ~/.cache/bulwark-corpus/npm-ioc-maintainers
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
usage="usage: collect-npm-ioc-maintainers.sh OUT.tsv [KNOWN.tsv ...]"
out=${1:?$usage}
shift 1
shared=$here/../../../shared
iocs=$shared/data/iocs/datadog/shai-hulud-2.0
nswg=$shared/data/osv/npm-nswg.zip
manifest=$shared/corpus/malicious/samples/npm/manifest.json
pinned=$(mktemp)
trap 'rm -f "$pinned"' EXIT
PYTHONPATH="$here" python3 - "$iocs" "$nswg" "$@" <<'PY' | "$here/pin-npm-latest.sh" "maintainers of packages in the shai-hulud 2.0 IOC list and of the NSWG advisories, minus the other npm lists" > "$pinned"
import csv, json, os, sys, zipfile
iocs, nswg, known_lists = sys.argv[1], sys.argv[2], sys.argv[3:]
from known_names import names_in
known = names_in(known_lists)
names = set()
for f in ("consolidated_iocs.csv", "shai-hulud-2.0.csv"):
    p = os.path.join(iocs, f)
    if os.path.exists(p):
        for row in csv.DictReader(open(p, encoding="utf-8")):
            names.add(row["package_name"].strip())
malicious = set()
with zipfile.ZipFile(nswg) as z:
    for entry in z.namelist():
        adv = json.loads(z.read(entry))
        for a in adv.get("affected", []):
            pkg = a.get("package", {})
            if pkg.get("ecosystem") != "npm":
                continue
            if "malicious" in adv.get("summary", "").lower():
                malicious.add(pkg["name"])
            else:
                names.add(pkg["name"])
for n in sorted(names - known - malicious):
    if n and not n.startswith("@types/"):
        print(n)
PY
python3 - "$pinned" "$iocs" "$manifest" > "$out" <<'PY'
import csv, json, os, sys
pinned, iocs, manifest = sys.argv[1:4]
bad = set()
for f in ("consolidated_iocs.csv", "shai-hulud-2.0.csv"):
    p = os.path.join(iocs, f)
    if os.path.exists(p):
        for row in csv.DictReader(open(p, encoding="utf-8")):
            vs = row.get("package_versions") or row.get("package_version") or ""
            for v in vs.split(","):
                bad.add((row["package_name"].strip(), v.strip()))
if os.path.exists(manifest):
    for name, versions in json.load(open(manifest, encoding="utf-8")).items():
        for v in versions or []:
            bad.add((name, v))
dropped = 0
for line in open(pinned, encoding="utf-8"):
    if not line.startswith("#"):
        f = line.rstrip("\n").split("\t")
        if (f[0], f[1]) in bad:
            print("dropped, pinned version is a compromised one: %s@%s" % (f[0], f[1]), file=sys.stderr)
            dropped += 1
            continue
    sys.stdout.write(line)
print("%d dropped" % dropped, file=sys.stderr)
PY
echo "$(grep -vc '^#' "$out") packages in $out" >&2
