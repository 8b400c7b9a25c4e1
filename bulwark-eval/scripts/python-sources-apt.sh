#!/bin/sh
# Makes DIR an apt state folder that knows the machine's source packages: each `deb` entry of the
# system's apt sources is read as a `deb-src` entry, `apt-get update` runs into DIR (the system's own
# lists are not touched), and DIR/Sources.txt gets the decompressed source index.
# Usage: python-sources-apt.sh DIR     (then: apt-get $(cat DIR/apt-opts) source -d ...)
set -eu
dir=${1:?usage: python-sources-apt.sh DIR}
mkdir -p "$dir/parts" "$dir/lists/partial" "$dir/cache/archives/partial"
for f in /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] && sed -e 's/^Types:.*/Types: deb-src/' "$f" > "$dir/parts/$(basename "$f")"
done
if [ -f /etc/apt/sources.list ]; then
  grep -E '^deb ' /etc/apt/sources.list | sed -e 's/^deb /deb-src /' > "$dir/parts/legacy.list" || true
fi
echo "-o APT::Sandbox::User=root -o Dir::Etc::sourcelist=/dev/null -o Dir::Etc::sourceparts=$dir/parts -o Dir::State::lists=$dir/lists -o Dir::Cache=$dir/cache" > "$dir/apt-opts"
# shellcheck disable=SC2046
apt-get -qq $(cat "$dir/apt-opts") update >&2
for s in "$dir"/lists/*_Sources*; do
  /usr/lib/apt/apt-helper cat-file "$s"
done > "$dir/Sources.txt"
