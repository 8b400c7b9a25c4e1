#!/bin/bash
# Issue 15: lays out the project starters carried by a pinned npm package list (see
# collect-npm-templates.sh) as one project folder each, CACHE/<pkg>--<template>/, for `bulwark scan`.
# Each pinned version is fetched with `npm pack` (so the registry is whatever the user's npm
# configuration names), checked against the pinned sha512 integrity, and unpacked in Python's
# tarfile "data" filter (no links out of the folder, no devices, no modes beyond rw/x). Nothing is
# installed or run.
# A template is a folder of the package (not under node_modules) that holds a project manifest
# (package.json or a renamed one such as _package.json, pyproject.toml, requirements.txt, setup.py,
# hardhat.config.*) and no enclosing folder already taken; a package with no such folder whose root
# is itself a starter (a package.json with source folders beside it, such as gatsby-starter-*,
# or whose name says template or starter (expo-template-*) counts as one template; so does a
# folder under a template-like path that holds tool configs (tsconfig.json, next.config.*,
# vite.config.*) but no manifest, as scaffolders that write package.json from code leave them; and
# so does a `template/` folder without a manifest (cra-template-*).
# Trivial renames: _gitignore or gitignore -> .gitignore, _npmrc -> .npmrc, _package.json ->
# package.json, when the target is absent. Already-laid-out projects are kept.
# Usage: bulwark-eval/scripts/fetch-npm-templates.sh LIST.tsv CACHE_DIR
set -euo pipefail
list=${1:?usage: fetch-npm-templates.sh LIST.tsv CACHE_DIR}
cache=${2:?usage: fetch-npm-templates.sh LIST.tsv CACHE_DIR}
mkdir -p "$cache/.tgz"
fetch_one() {
  local name=$1 version=$2 integrity=$3 cache=$4
  local file=${name#@}; file=${file//\//-}-$version.tgz
  [[ -s $cache/.tgz/$file ]] && return 0
  local tmp; tmp=$(mktemp -d)
  if (cd "$tmp" && timeout 120 npm pack --silent --ignore-scripts "$name@$version" >/dev/null 2>&1); then
    local got; got=$(ls "$tmp"/*.tgz | head -1)
    local have; have=$(openssl dgst -sha512 -binary "$got" | base64 -w0)
    if [[ $have == "${integrity#sha512-}" ]]; then mv "$got" "$cache/.tgz/$file"
    else echo "integrity mismatch: $name@$version" >&2; fi
  else
    echo "could not fetch: $name@$version" >&2
  fi
  rm -rf "$tmp"
}
export -f fetch_one
grep -v '^#' "$list" | awk -F'\t' 'NF>=3' | xargs -P 4 -L 1 bash -c 'fetch_one "$0" "$1" "$2" "'"$cache"'"'
python3 - "$list" "$cache" <<'PY'
import os, re, shutil, sys, tarfile, tempfile
list_path, cache = sys.argv[1], sys.argv[2]
MANIFEST = re.compile(r"^(_?package\.json|package\.json\.(ejs|hbs|tmpl|template)|pyproject\.toml|"
                      r"requirements\.txt|setup\.py|hardhat\.config\.(js|ts|cjs|mjs))$")
# Scaffolders that write package.json from code (create-next-app) leave a template folder with
# only its source and tool configs: under a template-like path, those mark a project too.
CONFIG = re.compile(r"^(tsconfig\.json|jsconfig\.json|(next|vite|nuxt|astro|svelte)\.config\.(js|mjs|cjs|ts))$")
TEMPLATE_PATH = re.compile(r"(^|/)[^/]*(template|starter|example|sample|boilerplate)[^/]*(/|$)", re.I)
SKIP = {"node_modules", ".git", "test", "tests", "__tests__", "fixtures", "__fixtures__", "e2e"}
RENAMES = {"_gitignore": ".gitignore", "gitignore": ".gitignore", "_npmrc": ".npmrc",
           "_package.json": "package.json"}
def slug(s):
    return re.sub(r"[^A-Za-z0-9._-]+", "-", s).strip("-") or "root"
def templates(root, name):
    found = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x not in SKIP)
        rel = os.path.relpath(d, root)
        if rel == ".":
            continue
        if any(rel == f or rel.startswith(f + os.sep) for f in found):
            dirs[:] = []
            continue
        if any(MANIFEST.match(f) for f in files) or (
                TEMPLATE_PATH.search(rel.replace(os.sep, "/")) and any(CONFIG.match(f) for f in files)):
            found.append(rel)
            dirs[:] = []
    if not found and os.path.isdir(os.path.join(root, "template")):
        found.append("template")
    if not found:
        files = os.listdir(root)
        if "package.json" in files and re.search(r"template|starter", name) or "package.json" in files and any(os.path.isdir(os.path.join(root, x)) and x in
                                           ("src", "app", "pages", "public", "contracts") for x in files):
            found.append(".")
    return found
made = 0
for line in open(list_path, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    name, version = line.split("\t")[:2]
    tgz = os.path.join(cache, ".tgz", name.lstrip("@").replace("/", "-") + "-" + version + ".tgz")
    if not os.path.isfile(tgz):
        continue
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(tgz) as t:
            t.extractall(tmp, filter="data")
        tops = [x for x in os.listdir(tmp)]
        root = os.path.join(tmp, tops[0]) if len(tops) == 1 else tmp
        for rel in templates(root, name):
            dest = os.path.join(cache, slug(name.lstrip("@").replace("/", "-")) + "--" + slug(rel.replace(os.sep, "-") if rel != "." else "root"))
            if os.path.exists(dest):
                made += 1
                continue
            shutil.copytree(os.path.join(root, rel), dest, symlinks=False,
                            ignore=shutil.ignore_patterns("node_modules"))
            for d, dirs, files in os.walk(dest):
                for f in files:
                    if f in RENAMES and not os.path.exists(os.path.join(d, RENAMES[f])):
                        os.rename(os.path.join(d, f), os.path.join(d, RENAMES[f]))
            made += 1
print(f"{made} projects in {cache}", file=sys.stderr)
PY
