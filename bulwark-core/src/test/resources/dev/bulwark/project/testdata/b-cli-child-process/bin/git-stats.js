#!/usr/bin/env node
const { execFileSync } = require("child_process");
const { program } = require("commander");
const { summarize } = require("../lib");

program.option("-n, --limit <n>", "number of commits", "100").parse();
const out = execFileSync("git", ["log", "--format=%an", "-n", program.opts().limit], {
  encoding: "utf8",
});
console.log(summarize(out.split("\n")));
