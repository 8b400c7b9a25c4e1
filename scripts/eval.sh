#!/bin/bash
# Reproduces Bulwark's detection and speed figures (see docs/eval.md).
#
# usage: scripts/eval.sh [OUT_DIR]
#   BULWARK_SHARED        folder holding corpus/ (default: the repository's ../shared)
#   BULWARK_CORPUS_CACHE  where benign corpora are cached (default: ~/.cache/bulwark-corpus)
#   BULWARK               the launcher (default: ./bulwark; falls back to the bulwark-eval tool)
#   THREADS               worker threads (default: all cores)
#   SKIP_FETCH=1          use the caches as they are
# Malicious samples are read in memory from their encrypted zips; nothing is unpacked or run.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${BULWARK_SHARED:-$repo/../shared}
cache=${BULWARK_CORPUS_CACHE:-$HOME/.cache/bulwark-corpus}
out=${1:-$repo/target/eval}
threads=${THREADS:-$(nproc)}
mal=$shared/corpus/malicious/samples
mkdir -p "$out"

# 1. Benign corpora (kept outside the repository).
if [[ ${SKIP_FETCH:-0} != 1 ]]; then
  BULWARK_CORPUS_CACHE=$cache "$shared/corpus/benign/fetch-npm"
  command -v apt-get >/dev/null && { apt-get update -qq || true; }
  BULWARK_CORPUS_CACHE=$cache "$shared/corpus/benign/fetch-pypi-debian"
fi
site=$(python3 -c 'import site; print(site.getsitepackages()[0])')   # read only, never imported

# 2. Build.
(cd "$repo" && ./mvnw -q -o -B package -DskipTests)
run_eval() {
  local launcher=${BULWARK:-$repo/bulwark}
  if [[ -x $launcher ]]; then
    "$launcher" eval "$@"
  else
    java --enable-native-access=ALL-UNNAMED -Xmx1500m \
      -cp "$repo/bulwark-eval/target/bulwark-eval-0.1.0-SNAPSHOT.jar:$repo/bulwark-eval/target/lib/*" \
      dev.bulwark.eval.tools.EvalMain "$@"
  fi
}

# 3. Each benign set against the malicious samples of its ecosystem (the per-ecosystem figures
#    depend only on that ecosystem's samples, so this equals one run over everything, in a third
#    of the time). The npm run also times `tar -xzf` of the same benign tarballs.
run_eval --malicious "$mal/npm" --password infected --benign "$cache/npm" \
  --threads "$threads" --tar-baseline --json "$out/npm.json" | tee "$out/npm.txt"
run_eval --malicious "$mal/pypi" --password infected --benign "$cache/pypi-debian" \
  --threads "$threads" --json "$out/pypi-debian.json" | tee "$out/pypi-debian.txt"
run_eval --malicious "$mal/pypi" --password infected --benign "$site" \
  --threads "$threads" --json "$out/site-packages.json" | tee "$out/site-packages.txt"

# 4. Speed on the npm tarballs against tar -xzf, three measured rounds after one warm-up.
java --enable-native-access=ALL-UNNAMED -Xmx1500m \
  -cp "$repo/bulwark-eval/target/bulwark-eval-0.1.0-SNAPSHOT.jar:$repo/bulwark-eval/target/lib/*" \
  dev.bulwark.eval.tools.BenchMain --npm "$cache/npm" --threads "$threads" | tee "$out/bench.txt"
