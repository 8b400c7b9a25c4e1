#!/bin/sh
# Checks the launcher's class-data archive (docs/cli.md, "Launcher") end to end, in a temporary
# cache folder: --help records nothing; the first audit records the class list and a background
# JVM builds the archive; the next run maps classes from it (picocli's among them); a damaged
# archive is ignored (same output, same exit code) and BULWARK_CDS=off runs without one.
# Usage: bulwark-eval/scripts/launcher-cds-check.sh [LAUNCHER]   (default: ./bulwark of this repo)
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
launcher=${1:-$root/bulwark}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache"
cds="$tmp/cache/bulwark/cds"
project="$root/examples/vulnerable-app"
fail() { echo "FAIL: $*" >&2; exit 1; }
run() { # output to $tmp/$1.out, exit code to $tmp/$1.rc
  name=$1; shift
  set +e; "$@" > "$tmp/$name.out" 2> "$tmp/$name.err"; echo $? > "$tmp/$name.rc"; set -e
}

run help "$launcher" audit --help
[ "$(cat "$tmp/help.rc")" = 0 ] || fail "audit --help exited $(cat "$tmp/help.rc")"
[ -z "$(ls "$cds" 2>/dev/null)" ] || fail "--help recorded an archive: $(ls "$cds")"

run first "$launcher" audit --db "$tmp/advisories.db" "$project"
for i in $(seq 1 120); do
  ls "$cds"/*.classes >/dev/null 2>&1 || break
  sleep 1
done
jsa=$(ls "$cds"/bulwark-*.jsa 2>/dev/null | head -n 1)
[ -n "$jsa" ] && [ -s "$jsa" ] || fail "no archive after the first audit: $(ls -la "$cds")"

JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$tmp/classes.log" run second "$launcher" audit --db "$tmp/advisories.db" "$project"
cmp -s "$tmp/first.out" "$tmp/second.out" || fail "output differs with the archive"
[ "$(cat "$tmp/first.rc")" = "$(cat "$tmp/second.rc")" ] || fail "exit code differs with the archive"
grep -q 'picocli.CommandLine source: shared objects file' "$tmp/classes.log" \
  || fail "picocli was not mapped from the archive"

chmod u+w "$jsa"
dd if=/dev/urandom of="$jsa" bs=1024 count=64 seek=2000 conv=notrunc 2>/dev/null
run damaged "$launcher" audit --db "$tmp/advisories.db" "$project"
cmp -s "$tmp/first.out" "$tmp/damaged.out" || fail "output differs with a damaged archive: $(cat "$tmp/damaged.err")"
[ "$(cat "$tmp/first.rc")" = "$(cat "$tmp/damaged.rc")" ] || fail "exit code $(cat "$tmp/damaged.rc") with a damaged archive"

BULWARK_CDS=off run off "$launcher" audit --db "$tmp/advisories.db" "$project"
cmp -s "$tmp/first.out" "$tmp/off.out" || fail "output differs with BULWARK_CDS=off"
echo "launcher class-data archive: ok ($(wc -l < "$tmp/classes.log") classes loaded, $(grep -c 'shared objects file' "$tmp/classes.log") from the archive)"
