#!/bin/sh
# Issue 15: a benign set of real project starters. npm packages that carry whole starter projects
# (scaffolders' template folders, starter packages that are themselves a project, sample projects
# of frameworks), pinned at their latest versions (name, version, sha512 integrity). The names are
# the list below, chosen by hand for the take-home genre: React, Vue, Svelte, Next, Express, Nest,
# Electron, React Native, Hardhat and other web3 dapp starters. Names that do not resolve are left
# out. Nothing is installed or run; fetch-npm-templates.sh lays the templates out as projects.
# Usage: bulwark-eval/scripts/collect-npm-templates.sh OUT.tsv
# Example (measured in docs/eval.md):
#   bulwark-eval/scripts/collect-npm-templates.sh bulwark-eval/data/npm-templates-2026-12-07.tsv
#   bulwark-eval/scripts/fetch-npm-templates.sh bulwark-eval/data/npm-templates-2026-12-07.tsv \
#     ~/.cache/bulwark-corpus/templates
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
out=${1:?usage: collect-npm-templates.sh OUT.tsv}
sed -e 's/#.*//' -e '/^[[:space:]]*$/d' <<'NAMES' | tr -s ' \t' '\n\n' | sed '/^$/d' | sort -u \
  | "$here/pin-npm-latest.sh" "npm packages that carry project starters, chosen by hand" > "$out"
# scaffolders with template folders
create-vite create-vite-extra create-next-app create-docusaurus create-vue create-svelte sv
create-t3-app create-redwood-app create-tauri-app create-wagmi create-qwik create-solid
create-strapi-app create-payload-app create-medusa-app create-nx-workspace create-react-router
create-remix create-hono create-preact create-rsbuild create-rspack create-farm create-electron-vite
@quick-start/create-electron create-tsrouter-app create-vuetify create-quasar create-analog
create-waku create-vike create-umi create-rwsdk create-mastra create-llama create-onchain
create-onchain-agent create-eth create-solana-dapp create-probot-app create-plasmo
create-chrome-ext create-keystone-app create-stencil create-mf-app create-wasm-app create-lit-app
create-react-library create-elysia create-adonisjs create-tamagui create-blitz
create-expo-stack create-react-native-library create-vitepress create-rescript-app
# project templates published as packages
cra-template cra-template-typescript cra-template-redux cra-template-redux-typescript cra-template-pwa
cra-template-pwa-typescript @react-native-community/template expo-template-blank
expo-template-blank-typescript expo-template-tabs expo-template-default expo-template-bare-minimum
@electron-forge/template-webpack @electron-forge/template-webpack-typescript
@electron-forge/template-vite @electron-forge/template-vite-typescript
gatsby-starter-default gatsby-starter-blog gatsby-starter-hello-world gatsby-starter-minimal
gatsby-starter-minimal-ts
# generators and CLIs that ship application files
express-generator koa-generator @nestjs/schematics @schematics/angular @vue/cli-plugin-babel
@loopback/cli fastify-cli @feathersjs/cli hardhat @nomicfoundation/hardhat-toolbox
ember-cli sails @ionic/angular-toolkit tsdx @open-wc/create storybook
NAMES
echo "$(grep -vc '^#' "$out") packages in $out" >&2
