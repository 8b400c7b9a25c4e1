package dev.bulwark.bench;

import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.inventory.Extractors;
import dev.bulwark.project.ProjectLoader;
import dev.bulwark.project.ProjectResult;
import dev.bulwark.project.ProjectScanner;
import dev.bulwark.scan.Catalogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Times {@code bulwark scan} (without --deep) on a generated take-home repository: ~200 source
 * files and a package-lock.json with 1,500 packages. Reports the whole command's wall time through
 * the launcher (a fresh JVM each run: first run = cold file cache, then warm runs) and the
 * in-process scan time (first = cold JIT, then warm).
 *
 * <p>Usage: {@code java -cp … dev.bulwark.bench.ProjectBench [path/to/bulwark] [runs]}
 */
public final class ProjectBench {
  private ProjectBench() {}

  public static void main(String[] args) throws Exception {
    String launcher = args.length > 0 ? args[0] : "./bulwark";
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = Files.createTempDirectory("bulwark-bench-project");
    int files = generate(dir, new Random(7));
    System.out.printf("generated %s: %d files, 1500 locked packages%n", dir, files);

    long[] inProc = new long[runs];
    ProjectScanner scanner = new ProjectScanner(new StaticAnalyzer(Catalogs.load(List.of())),
        Optional.empty(), Extractors.all());
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      ProjectResult r = scanner.scan(new ProjectLoader(ReaderLimits.defaults())
          .load(dir, "bench", Optional.empty()));
      inProc[i] = (System.nanoTime() - t0) / 1_000_000;
      if (i == 0) {
        System.out.printf("verdict %s, %d findings, %d dependencies%n", r.scan().verdict(),
            r.scan().findings().size(), r.dependencyCount());
      }
    }
    report("in-process scan", inProc);

    long[] cli = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(launcher, "scan", dir.toString(), "--format", "json",
          "--no-audit").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      int rc = p.waitFor();
      cli[i] = (System.nanoTime() - t0) / 1_000_000;
      if (rc > 1) {
        System.out.println("the CLI exited with " + rc);
      }
    }
    report("CLI `bulwark scan --no-audit` wall time", cli);

    long[] audited = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(launcher, "scan", dir.toString(), "--format", "json")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      p.waitFor();
      audited[i] = (System.nanoTime() - t0) / 1_000_000;
    }
    report("CLI `bulwark scan` (with dependency audit) wall time", audited);
  }

  private static void report(String what, long[] ms) {
    long[] warm = Arrays.copyOfRange(ms, 1, ms.length);
    Arrays.sort(warm);
    System.out.printf("%s: cold %d ms, warm median %d ms (runs %s)%n", what, ms[0],
        warm.length == 0 ? ms[0] : warm[warm.length / 2], Arrays.toString(ms));
  }

  /** A typical Express + React take-home: routes, controllers, models, components, tests. */
  static int generate(Path root, Random rnd) throws IOException {
    List<String> deps = new ArrayList<>();
    StringBuilder lock = new StringBuilder("{\n  \"name\": \"bench-app\",\n  \"version\": \"1.0.0\","
        + "\n  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n"
        + "    \"\": { \"name\": \"bench-app\", \"version\": \"1.0.0\" }");
    for (int i = 0; i < 1500; i++) {
      String name = "pkg-" + Integer.toString(i * 7919 % 100_000, 36) + "-" + i;
      deps.add(name);
      byte[] h = new byte[64];
      rnd.nextBytes(h);
      lock.append(",\n    \"node_modules/").append(name).append("\": { \"version\": \"")
          .append(1 + i % 9).append('.').append(i % 13).append(".0\", \"integrity\": \"sha512-")
          .append(java.util.Base64.getEncoder().encodeToString(h)).append("\"")
          .append(i % 5 == 0 ? ", \"dev\": true" : "").append(" }");
    }
    lock.append("\n  }\n}\n");
    write(root, "package-lock.json", lock.toString());
    StringBuilder pkg = new StringBuilder("{\n  \"name\": \"bench-app\",\n  \"version\": \"1.0.0\",\n"
        + "  \"scripts\": { \"start\": \"node server/index.js\", \"dev\": \"concurrently \\\"npm run"
        + " server\\\" \\\"npm run client\\\"\", \"server\": \"nodemon server/index.js\", \"client\":"
        + " \"vite\", \"build\": \"vite build\", \"test\": \"jest\" },\n  \"dependencies\": {");
    for (int i = 0; i < 40; i++) {
      pkg.append(i == 0 ? "" : ",").append("\n    \"").append(deps.get(i)).append("\": \"^1.0.0\"");
    }
    pkg.append("\n  }\n}\n");
    write(root, "package.json", pkg.toString());
    write(root, "vite.config.js", "import { defineConfig } from \"vite\";\nexport default defineConfig({});\n");
    write(root, "jest.config.js", "module.exports = { testEnvironment: \"node\" };\n");
    int n = 4;
    StringBuilder index = new StringBuilder("const express = require(\"express\");\nconst app = express();\n");
    for (int i = 0; i < 40; i++) {
      index.append("app.use(\"/api/r").append(i).append("\", require(\"./routes/r").append(i).append("\"));\n");
      write(root, "server/routes/r" + i + ".js", "const router = require(\"express\").Router();\n"
          + "const c = require(\"../controllers/c" + i + "\");\nrouter.get(\"/\", c.list);\n"
          + "router.post(\"/\", c.create);\nmodule.exports = router;\n");
      write(root, "server/controllers/c" + i + ".js", "const M = require(\"../models/m" + i + "\");\n"
          + "exports.list = async (req, res) => res.json(await M.find());\n"
          + "exports.create = async (req, res, next) => {\n  try {\n    res.status(201).json(await M.create(req.body));\n"
          + "  } catch (err) {\n    next(err);\n  }\n};\n");
      write(root, "server/models/m" + i + ".js", "const mongoose = require(\"mongoose\");\n"
          + "module.exports = mongoose.model(\"M" + i + "\", new mongoose.Schema({ name: String, n: Number }));\n");
      write(root, "client/src/components/C" + i + ".jsx", "import { useState } from \"react\";\n"
          + "export default function C" + i + "() {\n  const [v, setV] = useState(0);\n"
          + "  return <button onClick={() => setV(v + 1)}>{v}</button>;\n}\n");
      write(root, "tests/t" + i + ".test.js", "const c = require(\"../server/controllers/c" + i + "\");\n"
          + "test(\"exports\", () => { expect(typeof c.list).toBe(\"function\"); });\n");
      n += 5;
    }
    index.append("app.listen(process.env.PORT || 4000);\n");
    write(root, "server/index.js", index.toString());
    write(root, ".env", "PORT=4000\nMONGO_URI=mongodb://localhost:27017/app\n");
    write(root, ".gitignore", "node_modules\n.env\n");
    write(root, "README.md", "# Take-home\n\nRun npm install and npm run dev.\n");
    return n + 5;
  }

  private static void write(Path root, String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}
