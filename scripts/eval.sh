#!/bin/bash
# Reproduces Bulwark's detection and speed figures (see docs/eval.md).
#
# usage: scripts/eval.sh [OUT_DIR]
#   BULWARK_SHARED        folder holding corpus/ (default: the repository's ../shared)
#   BULWARK_CORPUS_CACHE  where benign corpora are cached (default: ~/.cache/bulwark-corpus)
#   BULWARK               the launcher (default: ./bulwark; falls back to the bulwark-eval tool)
#   THREADS               worker threads (default: all cores)
#   SKIP_FETCH=1          use the caches as they are
#   JSON=1                also write each full report (every sample) as JSON (a second run)
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
# run_eval NAME ARGS...: console table to $out/NAME.txt (and stdout); JSON=1 adds $out/NAME.json.
run_eval() {
  local name=$1; shift
  local launcher=${BULWARK:-$repo/bulwark}
  if [[ -x $launcher ]]; then
    "$launcher" eval "$@" --jobs "$threads" | tee "$out/$name.txt"
    if [[ ${JSON:-0} == 1 ]]; then
      "$launcher" eval "$@" --jobs "$threads" --format json -o "$out/$name.json"
    fi
  else
    java --enable-native-access=ALL-UNNAMED -Xmx1500m \
      -cp "$repo/bulwark-eval/target/bulwark-eval-0.1.0-SNAPSHOT.jar:$repo/bulwark-eval/target/lib/*" \
      dev.bulwark.eval.tools.EvalMain "$@" --threads "$threads" --json "$out/$name.json" \
      | tee "$out/$name.txt"
  fi
}

# 3. Each benign set against the malicious samples of its ecosystem (the per-ecosystem figures
#    depend only on that ecosystem's samples, so this equals one run over everything, in a third
#    of the time). The npm run also times `tar -xzf` of the same benign tarballs.
run_eval npm --malicious "$mal/npm" --password infected --benign "$cache/npm" --tar-baseline
run_eval pypi-debian --malicious "$mal/pypi" --password infected --benign "$cache/pypi-debian"
run_eval site-packages --malicious "$mal/pypi" --password infected --benign "$site"

# 4. Speed on the npm tarballs against tar -xzf, three measured rounds after one warm-up.
java --enable-native-access=ALL-UNNAMED -Xmx1500m \
  -cp "$repo/bulwark-eval/target/bulwark-eval-0.1.0-SNAPSHOT.jar:$repo/bulwark-eval/target/lib/*" \
  dev.bulwark.eval.tools.BenchMain --npm "$cache/npm" --threads "$threads" | tee "$out/bench.txt"
