package dev.bulwark.eval;

import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.model.ExtractionException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.model.FileHeader;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.EncryptionMethod;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Test-only archive helpers: writes tiny inert tarballs and password-protected zips, and a minimal
 * {@link ArtifactSource} that reads them back (the real reader is another package's job).
 */
final class TestArchives {
  private TestArchives() {}

  /** A gzip tarball of the given path → text entries. */
  static byte[] tgz(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new GzipCompressorOutputStream(bytes);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry te = new TarArchiveEntry(e.getKey());
        te.setSize(data.length);
        tar.putArchiveEntry(te);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** A ZipCrypto-encrypted zip at {@code zip} holding one entry. */
  static void encryptedZip(Path zip, String entryName, byte[] content, String password)
      throws IOException {
    Files.createDirectories(zip.getParent());
    ZipParameters p = new ZipParameters();
    p.setEncryptFiles(true);
    p.setEncryptionMethod(EncryptionMethod.ZIP_STANDARD);
    p.setFileNameInZip(entryName);
    try (ZipFile z = new ZipFile(zip.toFile(), password.toCharArray())) {
      z.addStream(new ByteArrayInputStream(content), p);
    }
  }

  /** Reads .tgz files, and .zip files (with the password) holding .tgz files. */
  static ArtifactSource source(String password) {
    return path -> {
      try {
        String n = path.getFileName().toString();
        if (n.endsWith(".zip")) {
          List<Artifact> out = new ArrayList<>();
          try (ZipFile z = new ZipFile(path.toFile(), password.toCharArray())) {
            for (FileHeader h : z.getFileHeaders()) {
              try (InputStream in = z.getInputStream(h)) {
                out.add(fromTgz(h.getFileName(), in.readAllBytes()));
              }
            }
          }
          return out;
        }
        return List.of(fromTgz(n, Files.readAllBytes(path)));
      } catch (IOException e) {
        throw new ExtractionException(path.toString(), 0, e.getMessage(), e);
      }
    };
  }

  static Artifact fromTgz(String name, byte[] tgz) throws IOException {
    List<ArtifactFile> files = new ArrayList<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(tgz)))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.isFile()) {
          files.add(new ArtifactFile(e.getName(), tar.readNBytes(1 << 20), false));
        }
      }
    }
    return new Artifact(name, Optional.empty(), "", "", files, List.of(), List.of(), List.of());
  }
}
