package dev.bulwark.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The text of the guard benchmark's synthetic packages: README and CHANGELOG prose, CommonJS
 * modules in a few common shapes (loops, async streams, switch tables, small classes, regular
 * expressions) and type declarations. Inert text that nothing ever runs.
 */
final class GuardBenchFiles {
  static final String[] WORDS = {"amber", "basalt", "cobalt", "dune", "ember", "fjord",
      "garnet", "heron", "indigo", "juniper", "kestrel", "lichen", "marble", "nimbus", "onyx",
      "pumice", "quartz", "rowan", "sable", "tundra", "umber", "vesper", "willow", "xenon", "yarrow",
      "zephyr", "alder", "birch", "cedar", "delta", "egret", "flint"};
  static final String[] NOUNS = {"parser", "router", "cache", "queue", "stream", "codec",
      "loader", "logger", "schema", "config", "matcher", "scheduler", "buffer", "pool", "format",
      "tokenizer", "resolver", "emitter", "store", "graph"};
  private static final String[] PROSE = {"the", "value", "returns", "a", "new", "list", "of",
      "entries", "when", "called", "with", "options", "each", "item", "is", "checked", "and",
      "passed", "to", "the", "callback", "this", "module", "keeps", "no", "global", "state",
      "input", "must", "be", "string", "or", "buffer", "errors", "are", "thrown", "early"};
  private static final String[] BUILTINS = {"path", "events", "util", "fs", "os", "stream",
      "assert", "url", "crypto", "zlib"};

  private GuardBenchFiles() {}

  static String readme(String name, SplittableRandom rnd) {
    StringBuilder b = new StringBuilder("# " + name + "\n\n" + prose(rnd, 30) + ".\n\n## Install\n\n"
        + "```\nnpm install " + name + "\n```\n\n## Usage\n\n```js\nconst lib = require('" + name
        + "');\nlib.run({ verbose: true });\n```\n\n## API\n\n");
    int sections = 2 + rnd.nextInt(8);
    for (int s = 0; s < sections; s++) {
      b.append("### ").append(NOUNS[rnd.nextInt(NOUNS.length)]).append("(input, options)\n\n")
          .append(prose(rnd, 40 + rnd.nextInt(120))).append(".\n\n");
    }
    return b.toString();
  }

  static String changelog(SplittableRandom rnd) {
    StringBuilder b = new StringBuilder("# Changelog\n\n");
    int entries = 3 + rnd.nextInt(20);
    for (int e = 0; e < entries; e++) {
      b.append("## ").append(entries - e).append(".0.0\n\n- ").append(prose(rnd, 12)).append("\n\n");
    }
    return b.toString();
  }

  /** One CommonJS module: a few functions in one of several common shapes. */
  static String module(List<String> mods, int m, SplittableRandom rnd) {
    StringBuilder b = new StringBuilder("'use strict';\n\n");
    int req = rnd.nextInt(3);
    for (int r = 0; r < req; r++) {
      String mod = BUILTINS[rnd.nextInt(BUILTINS.length)];
      b.append("const ").append(mod).append("Lib = require('").append(mod).append("');\n");
    }
    if (m > 0 && rnd.nextInt(2) == 0) {
      b.append("const shared = require('./").append(mods.get(rnd.nextInt(m))).append("');\n");
    }
    b.append('\n');
    int fns = 2 + rnd.nextInt(10);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < fns; i++) {
      String fn = verb(rnd) + cap(NOUNS[rnd.nextInt(NOUNS.length)]) + i;
      names.add(fn);
      b.append("/**\n * ").append(prose(rnd, 10 + rnd.nextInt(20))).append(".\n */\n");
      b.append(switch (rnd.nextInt(5)) {
        case 0 -> loopFn(fn, rnd);
        case 1 -> asyncFn(fn);
        case 2 -> switchFn(fn, rnd);
        case 3 -> classFn(fn, rnd);
        default -> regexFn(fn);
      }).append('\n');
    }
    b.append("module.exports = { ").append(String.join(", ", names)).append(" };\n");
    return b.toString();
  }

  private static String loopFn(String fn, SplittableRandom rnd) {
    return "function " + fn + "(input, options = {}) {\n"
        + "  if (!Array.isArray(input)) {\n    throw new TypeError('" + fn + ": expected an array');\n  }\n"
        + "  const limit = options.limit || " + (10 + rnd.nextInt(990)) + ";\n  const out = [];\n"
        + "  for (let i = 0; i < input.length && out.length < limit; i++) {\n"
        + "    const item = input[i];\n    if (item == null) continue;\n"
        + "    out.push(typeof item === 'string' ? item.trim() : item);\n  }\n  return out;\n}\n";
  }

  private static String asyncFn(String fn) {
    return "async function " + fn + "(source, options = {}) {\n"
        + "  const chunks = [];\n  for await (const chunk of source) {\n"
        + "    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));\n  }\n"
        + "  const text = Buffer.concat(chunks).toString(options.encoding || 'utf8');\n"
        + "  return options.json ? JSON.parse(text) : text;\n}\n";
  }

  private static String switchFn(String fn, SplittableRandom rnd) {
    StringBuilder b = new StringBuilder("function " + fn + "(kind, value) {\n  switch (kind) {\n");
    int cases = 2 + rnd.nextInt(6);
    for (int c = 0; c < cases; c++) {
      b.append("    case '").append(WORDS[rnd.nextInt(WORDS.length)]).append(c).append("':\n")
          .append("      return { kind, value, weight: ").append(rnd.nextInt(100)).append(" };\n");
    }
    return b.append("    default:\n      return null;\n  }\n}\n").toString();
  }

  private static String classFn(String fn, SplittableRandom rnd) {
    return "class " + cap(fn) + " {\n  constructor(options = {}) {\n"
        + "    this.size = options.size || " + (16 + rnd.nextInt(240)) + ";\n    this.items = new Map();\n  }\n\n"
        + "  get(key) {\n    return this.items.get(key);\n  }\n\n"
        + "  set(key, value) {\n    if (this.items.size >= this.size) {\n"
        + "      this.items.delete(this.items.keys().next().value);\n    }\n"
        + "    this.items.set(key, value);\n    return this;\n  }\n}\n"
        + "function " + fn + "(options) {\n  return new " + cap(fn) + "(options);\n}\n";
  }

  private static String regexFn(String fn) {
    return "const " + fn + "Pattern = /^([a-z][a-z0-9_-]*)(?:=(.*))?$/i;\n"
        + "function " + fn + "(line) {\n  const m = " + fn + "Pattern.exec(String(line));\n"
        + "  if (!m) {\n    return undefined;\n  }\n"
        + "  return { key: m[1].toLowerCase(), value: m[2] === undefined ? true : m[2] };\n}\n";
  }

  static String declarations(List<String> mods, SplittableRandom rnd) {
    StringBuilder b = new StringBuilder("// Type definitions\n\nexport interface Options {\n"
        + "  limit?: number;\n  encoding?: string;\n  json?: boolean;\n}\n\n");
    for (String m : mods) {
      b.append("export declare function ").append(verb(rnd)).append(cap(m.replaceAll("[0-9]", "")))
          .append("(input: unknown[], options?: Options): unknown[];\n");
    }
    return b.toString();
  }

  private static String verb(SplittableRandom rnd) {
    String[] verbs = {"parse", "build", "read", "merge", "format", "resolve", "create", "load", "match"};
    return verbs[rnd.nextInt(verbs.length)];
  }

  static String cap(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  static String prose(SplittableRandom rnd, int words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      b.append(i == 0 ? "" : " ").append(PROSE[rnd.nextInt(PROSE.length)]);
    }
    return cap(b.toString());
  }
}
