#!/usr/bin/env bash
# Trains the learned verdict model (docs/verdict.md) on the train split of ../shared and the benign
# corpus cache, checks it on validation (counts only) and writes
# bulwark-core/src/main/resources/dev/bulwark/analysis/verdict/model.json.
# Findings are cached per engine fingerprint in ~/.cache/bulwark-model, so a rerun after a model
# change does not rescan; after an engine or rule change it rescans (about 20 minutes on 2 cores).
# Usage: scripts/train-model.sh [extra TrainModel options, e.g. --threads 2 --max-per-set 50]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${BULWARK_SHARED:-../shared}
cache=${BULWARK_CORPUS_CACHE:-$HOME/.cache/bulwark-corpus}
site=$(python3 -c 'import site; print(site.getsitepackages()[0])')
nice ./mvnw -q -o -B -pl bulwark-eval -am package -DskipTests
benign=()
# Every benign package set the project measures (docs/eval.md "Datasets"), when fetched. Not
# "$cache/pysrc": those are whole Python source trees (tests, docs, CI files, Makefiles) that
# `bulwark scan` judges as projects, and project verdicts are not the model's (docs/verdict.md);
# read as one package each they would teach the model what a repository looks like, not a package.
# (The installed PyPI sets have no setup.py, so a benign set of sdists is still missing: docs/eval.md.)
for d in "$cache/npm" "$cache/npm-longtail" "$cache/npm-midtail" "$cache/npm-neighbours" \
    "$cache/pypi-debian" "$site"; do
  [ -d "$d" ] && benign+=(--benign "$d")
done
exec nice java -Xss4m -cp 'bulwark-eval/target/bulwark-eval-0.1.0-SNAPSHOT.jar:bulwark-eval/target/lib/*' \
  --enable-native-access=ALL-UNNAMED dev.bulwark.eval.model.TrainModel \
  --malicious "$shared/corpus/malicious/samples/npm" --malicious "$shared/corpus/malicious/samples/pypi" \
  --password infected "${benign[@]}" "$@"
