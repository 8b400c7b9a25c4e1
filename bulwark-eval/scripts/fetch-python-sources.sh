#!/bin/sh
# Fetches the upstream source tarballs pinned in a list made by collect-python-sources.sh through the
# machine's apt sources (as deb-src), checks each against its pinned size and SHA-256, and unpacks it
# into CACHE_DIR/<pypi_name>/ (the tarball's top folder stripped). Nothing is built, installed or run;
# the tarballs are deleted after unpacking. Already unpacked names are skipped.
# Usage: bulwark-eval/scripts/fetch-python-sources.sh LIST.tsv CACHE_DIR
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
list=${1:?usage: fetch-python-sources.sh LIST.tsv CACHE_DIR}; cache=${2:?usage: fetch-python-sources.sh LIST.tsv CACHE_DIR}
mkdir -p "$cache"
apt=$(mktemp -d)
trap 'rm -rf "$apt"' EXIT
"$here/python-sources-apt.sh" "$apt"
opts=$(cat "$apt/apt-opts")
grep -v '^#' "$list" | while IFS="$(printf '\t')" read -r name src version orig size sha; do
  [ -n "$name" ] || continue
  [ -d "$cache/$name" ] && continue
  dl=$(mktemp -d)
  # shellcheck disable=SC2086
  if ! (cd "$dl" && apt-get -qq $opts source --download-only --tar-only "$src=$version" >/dev/null 2>&1) \
      || [ ! -f "$dl/$orig" ]; then
    echo "could not fetch: $src=$version" >&2; rm -rf "$dl"; continue
  fi
  if [ "$(stat -c %s "$dl/$orig")" != "$size" ] || [ "$(sha256sum "$dl/$orig" | cut -d' ' -f1)" != "$sha" ]; then
    echo "size or SHA-256 differs from the pin, skipped: $orig" >&2; rm -rf "$dl"; continue
  fi
  mkdir "$dl/x"
  if tar -xf "$dl/$orig" -C "$dl/x" --no-same-owner --no-same-permissions 2>/dev/null; then
    top=$(ls -A "$dl/x")
    if [ "$(echo "$top" | wc -l)" = 1 ] && [ -d "$dl/x/$top" ]; then mv "$dl/x/$top" "$cache/$name"; else mv "$dl/x" "$cache/$name"; fi
  else
    echo "could not unpack: $orig" >&2
  fi
  rm -rf "$dl"
done
echo "$(ls "$cache" | wc -l) source trees in $cache" >&2
