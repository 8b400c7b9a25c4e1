package dev.bulwark.monitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Benign npm tarballs built in the test (never stored). */
final class Tarballs {
  private Tarballs() {}

  static byte[] npm(String name, String version, String scripts, Map<String, String> files) {
    Map<String, byte[]> all = new TreeMap<>();
    all.put("package/package.json", ("{\"name\":\"" + name + "\",\"version\":\"" + version
        + "\",\"main\":\"index.js\"" + (scripts.isEmpty() ? "" : ",\"scripts\":" + scripts) + "}")
        .getBytes(StandardCharsets.UTF_8));
    files.forEach((k, v) -> all.put("package/" + k, v.getBytes(StandardCharsets.UTF_8)));
    return tgz(all);
  }

  /** A plain library. */
  static byte[] plain(String name, String version) {
    return npm(name, version, "", Map.of("index.js",
        "'use strict';\nmodule.exports = function add(a, b) { return a + b; };\n"));
  }

  /** A tarball whose one file inflates to {@code mib} MiB of zeros. */
  static byte[] bomb(String name, String version, int mib) {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bo))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      byte[] pj = ("{\"name\":\"" + name + "\",\"version\":\"" + version + "\"}")
          .getBytes(StandardCharsets.UTF_8);
      entry(tar, "package/package.json", pj);
      TarArchiveEntry e = new TarArchiveEntry("package/data.js");
      long size = (long) mib << 20;
      e.setSize(size);
      tar.putArchiveEntry(e);
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < mib; i++) {
        tar.write(zeros);
      }
      tar.closeArchiveEntry();
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
    return bo.toByteArray();
  }

  static byte[] tgz(Map<String, byte[]> files) {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bo))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        entry(tar, f.getKey(), f.getValue());
      }
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
    return bo.toByteArray();
  }

  private static void entry(TarArchiveOutputStream tar, String path, byte[] data)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(path);
    e.setSize(data.length);
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  static void copy(byte[] b, OutputStream out) throws IOException {
    out.write(b);
  }
}
