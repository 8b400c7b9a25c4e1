package dev.bulwark.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Deterministic synthetic npm packages for the guard benchmark: real packument shapes (many
 * versions, times, maintainers, dist with integrity and signatures, a README) and tarballs with a
 * realistic file mix (package.json, README, LICENSE, CHANGELOG, several CommonJS modules, type
 * declarations, sometimes a minified bundle, a source map and tests). All code is inert text that
 * nothing ever runs; hand-written here because the point is a reproducible, offline corpus.
 */
final class GuardBenchData {
  /** One synthetic package: its latest version, tarball and packument. */
  record Pkg(String name, String version, String tarballPath, byte[] tarball, String integrity,
      byte[] packument, int files, long unpackedBytes) {}

  static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");

  private GuardBenchData() {}

  static List<Pkg> generate(int count, String base, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Pkg> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = name(i, rnd);
      out.add(pkg(name, rnd.split(), base));
    }
    return out;
  }

  private static String name(int i, SplittableRandom rnd) {
    String n = GuardBenchFiles.WORDS[i % GuardBenchFiles.WORDS.length] + "-" + GuardBenchFiles.NOUNS[(i / GuardBenchFiles.WORDS.length + i) % GuardBenchFiles.NOUNS.length]
        + (i >= GuardBenchFiles.WORDS.length * GuardBenchFiles.NOUNS.length ? "-" + i : "");
    return rnd.nextInt(100) < 15 ? "@benchkit/" + n + "-" + i : n + "-" + i;
  }

  private static Pkg pkg(String name, SplittableRandom rnd, String base) throws IOException {
    int versions = 3 + rnd.nextInt(28);
    List<String> vs = new ArrayList<>();
    int major = rnd.nextInt(5);
    int minor = 0;
    int patch = 0;
    for (int v = 0; v < versions; v++) {
      int step = rnd.nextInt(10);
      if (step == 0) {
        major++;
        minor = 0;
        patch = 0;
      } else if (step < 4) {
        minor++;
        patch = 0;
      } else {
        patch++;
      }
      vs.add(major + "." + minor + "." + patch);
    }
    String latest = vs.get(vs.size() - 1);
    Map<String, byte[]> files = files(name, latest, rnd);
    byte[] tgz = tgz(files);
    long unpacked = files.values().stream().mapToLong(b -> b.length).sum();
    String bare = name.substring(name.indexOf('/') + 1);
    String tarballPath = "/" + name + "/-/" + bare + "-" + latest + ".tgz";
    String sri = "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", tgz));
    String readme = new String(files.get("package/README.md"), StandardCharsets.UTF_8);
    byte[] doc = packument(name, vs, latest, base + tarballPath, sri, readme, files.size(), unpacked,
        rnd);
    return new Pkg(name, latest, tarballPath, tgz, sri, doc, files.size(), unpacked);
  }

  private static Map<String, byte[]> files(String name, String version, SplittableRandom rnd) {
    Map<String, byte[]> f = new TreeMap<>();
    int modules = 2 + rnd.nextInt(14);
    List<String> mods = new ArrayList<>();
    for (int m = 0; m < modules; m++) {
      mods.add(m == 0 ? "index" : GuardBenchFiles.NOUNS[rnd.nextInt(GuardBenchFiles.NOUNS.length)] + m);
    }
    boolean types = rnd.nextInt(2) == 0;
    f.put("package/package.json", utf8(manifest(name, version, types, rnd)));
    f.put("package/README.md", utf8(GuardBenchFiles.readme(name, rnd)));
    f.put("package/LICENSE", utf8("MIT License\n\nCopyright (c) 2021 Bench Authors\n\n"
        + GuardBenchFiles.prose(rnd, 160) + "\n"));
    if (rnd.nextInt(3) == 0) {
      f.put("package/CHANGELOG.md", utf8(GuardBenchFiles.changelog(rnd)));
    }
    for (int m = 0; m < modules; m++) {
      f.put("package/lib/" + mods.get(m) + ".js", utf8(GuardBenchFiles.module(mods, m, rnd)));
    }
    if (types) {
      f.put("package/index.d.ts", utf8(GuardBenchFiles.declarations(mods, rnd)));
    }
    if (rnd.nextInt(10) < 3) {
      StringBuilder bundle = new StringBuilder("/*! " + name + " v" + version + " | MIT */\n");
      for (int m = 0; m < modules; m++) {
        bundle.append(GuardBenchFiles.module(mods, m, rnd).replaceAll("\\s+", " ")
            .replace("'use strict'; ", "").replace("/** ", "/*"));
      }
      f.put("package/dist/" + name.substring(name.indexOf('/') + 1) + ".min.js", utf8(bundle.toString()));
      f.put("package/dist/" + name.substring(name.indexOf('/') + 1) + ".min.js.map",
          utf8("{\"version\":3,\"sources\":[\"../lib/index.js\"],\"names\":[],\"mappings\":\""
              + "AAAA,SAASA".repeat(40 + rnd.nextInt(400)) + "\"}"));
    }
    if (rnd.nextInt(5) == 0) {
      f.put("package/test/index.test.js", utf8("'use strict';\nconst assert = require('assert');\n"
          + "const lib = require('../lib/index');\n\nassert.strictEqual(typeof lib, 'object');\n"));
    }
    return f;
  }

  private static String manifest(String name, String version, boolean types, SplittableRandom rnd) {
    String bare = name.substring(name.indexOf('/') + 1);
    StringBuilder deps = new StringBuilder();
    int n = rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      deps.append(i == 0 ? "" : ",").append("\n    \"").append(GuardBenchFiles.WORDS[rnd.nextInt(GuardBenchFiles.WORDS.length)])
          .append("-dep-").append(i).append("\": \"^").append(1 + rnd.nextInt(4)).append(".0.0\"");
    }
    return "{\n  \"name\": \"" + name + "\",\n  \"version\": \"" + version + "\",\n"
        + "  \"description\": \"A small " + bare.replace('-', ' ') + " for Node.js\",\n"
        + "  \"main\": \"lib/index.js\",\n" + (types ? "  \"types\": \"index.d.ts\",\n" : "")
        + "  \"files\": [\"lib\", \"dist\", \"index.d.ts\"],\n"
        + "  \"scripts\": {\n    \"test\": \"node test/index.test.js\",\n    \"lint\": \"eslint lib\"\n  },\n"
        + "  \"repository\": {\"type\": \"git\", \"url\": \"git+https://example.invalid/benchkit/"
        + bare + ".git\"},\n  \"keywords\": [\"" + bare + "\", \"bench\"],\n"
        + "  \"license\": \"MIT\",\n  \"engines\": {\"node\": \">=14\"},\n"
        + "  \"dependencies\": {" + deps + (n > 0 ? "\n  " : "") + "}\n}\n";
  }

  private static byte[] packument(String name, List<String> vs, String latest, String tarball,
      String sri, String readme, int files, long unpacked, SplittableRandom rnd) {
    String bare = name.substring(name.indexOf('/') + 1);
    String m1 = "dev-" + GuardBenchFiles.WORDS[rnd.nextInt(GuardBenchFiles.WORDS.length)];
    String m2 = "dev-" + GuardBenchFiles.NOUNS[rnd.nextInt(GuardBenchFiles.NOUNS.length)];
    boolean two = rnd.nextInt(10) < 7;
    String maint = "[{\"name\":\"" + m1 + "\",\"email\":\"" + m1 + "@example.invalid\"}"
        + (two ? ",{\"name\":\"" + m2 + "\",\"email\":\"" + m2 + "@example.invalid\"}" : "") + "]";
    // Oldest first, spaced weeks apart; the latest is at least 40 days old.
    Instant t = NOW.minus(Duration.ofDays(40 + rnd.nextInt(200)));
    Map<String, Instant> times = new LinkedHashMap<>();
    for (int i = vs.size() - 1; i >= 0; i--) {
      times.put(vs.get(i), t);
      t = t.minus(Duration.ofDays(3 + rnd.nextInt(60)));
    }
    StringBuilder time = new StringBuilder("{\"created\":\"" + times.get(vs.get(0)) + "\",\"modified\":\""
        + times.get(latest) + "\"");
    StringBuilder versions = new StringBuilder("{");
    for (int i = 0; i < vs.size(); i++) {
      String v = vs.get(i);
      time.append(",\"").append(v).append("\":\"").append(times.get(v)).append('"');
      boolean last = v.equals(latest);
      String url = last ? tarball : tarball.replace("-" + latest + ".tgz", "-" + v + ".tgz");
      String integrity = last ? sri : "sha512-" + Base64.getEncoder().encodeToString(
          digest("SHA-512", utf8(name + "@" + v)));
      versions.append(i == 0 ? "" : ",").append('"').append(v).append("\":{\"name\":\"").append(name)
          .append("\",\"version\":\"").append(v).append("\",\"description\":\"A small ")
          .append(bare.replace('-', ' ')).append(" for Node.js\",\"main\":\"lib/index.js\",")
          .append("\"license\":\"MIT\",\"scripts\":{\"test\":\"node test/index.test.js\"},")
          .append("\"repository\":{\"type\":\"git\",\"url\":\"git+https://example.invalid/benchkit/")
          .append(bare).append(".git\"},\"maintainers\":").append(maint)
          .append(",\"_npmUser\":{\"name\":\"").append(m1).append("\",\"email\":\"").append(m1)
          .append("@example.invalid\"},\"dist\":{\"tarball\":\"").append(url)
          .append("\",\"integrity\":\"").append(integrity).append("\",\"shasum\":\"")
          .append(HexFormat.of().formatHex(digest("SHA-1", utf8(url)))).append("\",\"fileCount\":")
          .append(files).append(",\"unpackedSize\":").append(unpacked)
          .append(",\"signatures\":[{\"keyid\":\"SHA256:bench\",\"sig\":\"MEUCIQ")
          .append(Base64.getEncoder().encodeToString(digest("SHA-256", utf8(v))))
          .append("\"}]}}");
    }
    String doc = "{\"_id\":\"" + name + "\",\"name\":\"" + name + "\",\"description\":\"A small "
        + bare.replace('-', ' ') + " for Node.js\",\"dist-tags\":{\"latest\":\"" + latest + "\"},"
        + "\"versions\":" + versions + "},\"time\":" + time + "},\"maintainers\":" + maint
        + ",\"repository\":{\"type\":\"git\",\"url\":\"git+https://example.invalid/benchkit/" + bare
        + ".git\"},\"license\":\"MIT\",\"readme\":" + jsonString(readme) + ",\"readmeFilename\":\"README.md\"}";
    return utf8(doc);
  }

  private static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] digest(String alg, byte[] data) {
    try {
      return MessageDigest.getInstance(alg).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] tgz(Map<String, byte[]> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        TarArchiveEntry e = new TarArchiveEntry(f.getKey());
        e.setSize(f.getValue().length);
        e.setModTime(java.util.Date.from(Instant.parse("1985-10-26T08:15:00Z")));
        tar.putArchiveEntry(e);
        tar.write(f.getValue());
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }
}
