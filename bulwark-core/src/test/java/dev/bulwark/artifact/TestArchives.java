package dev.bulwark.artifact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.EncryptionMethod;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/** Builds archives, hostile ones included, in memory for tests. */
final class TestArchives {
  enum Type { FILE, SYMLINK, HARDLINK, FIFO }

  record Entry(Type type, String name, byte[] data, String link) {}

  private TestArchives() {}

  static Entry file(String name, String text) {
    return new Entry(Type.FILE, name, text.getBytes(StandardCharsets.UTF_8), "");
  }

  static Entry file(String name, byte[] data) {
    return new Entry(Type.FILE, name, data, "");
  }

  static Entry link(Type type, String name, String target) {
    return new Entry(type, name, new byte[0], target);
  }

  static byte[] tar(List<Entry> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeTar(out, entries);
    return out.toByteArray();
  }

  static void writeTar(OutputStream sink, List<Entry> entries) {
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(sink)) {
      t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Entry e : entries) {
        TarArchiveEntry te = switch (e.type()) {
          case FILE -> new TarArchiveEntry(e.name(), true);
          case SYMLINK -> new TarArchiveEntry(e.name(), TarConstants.LF_SYMLINK, true);
          case HARDLINK -> new TarArchiveEntry(e.name(), TarConstants.LF_LINK, true);
          case FIFO -> new TarArchiveEntry(e.name(), TarConstants.LF_FIFO, true);
        };
        if (e.type() == Type.FILE) {
          te.setSize(e.data().length);
          te.setMode(e.name().endsWith(".sh") ? 0755 : 0644);
        } else {
          te.setLinkName(e.link());
        }
        t.putArchiveEntry(te);
        t.write(e.data());
        t.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GzipCompressorOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] bzip2(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream bz = new BZip2CompressorOutputStream(out)) {
      bz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] xz(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream x = new XZCompressorOutputStream(out)) {
      x.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] zip(List<Entry> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(out)) {
      for (Entry e : entries) {
        ZipArchiveEntry ze = unixEntry(e.name());
        z.putArchiveEntry(ze);
        z.write(e.data());
        z.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** commons-compress turns '\\' into '/' for FAT entries; a Unix entry keeps hostile names. */
  private static ZipArchiveEntry unixEntry(String name) {
    return new ZipArchiveEntry(name) {
      {
        setPlatform(PLATFORM_UNIX);
        setName(name);
      }
    };
  }

  /** An encrypted zip written by zip4j (ZipCrypto or AES-256), fully in memory. */
  static byte[] encryptedZip(List<Entry> entries, char[] password, boolean aes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (net.lingala.zip4j.io.outputstream.ZipOutputStream z =
        new net.lingala.zip4j.io.outputstream.ZipOutputStream(out, password)) {
      for (Entry e : entries) {
        ZipParameters p = new ZipParameters();
        p.setFileNameInZip(e.name());
        p.setEncryptFiles(true);
        p.setEncryptionMethod(aes ? EncryptionMethod.AES : EncryptionMethod.ZIP_STANDARD);
        p.setAesKeyStrength(AesKeyStrength.KEY_STRENGTH_256);
        z.putNextEntry(p);
        z.write(e.data());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
