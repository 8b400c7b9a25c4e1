package dev.bulwark.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The per-advisory blob: what matching needs beyond the indexed columns (affected packages with
 * their ranges and versions, and reference URLs), as deflate-compressed JSON.
 */
final class BlobCodec {
  /** The blob's content. */
  record Blob(List<OsvAffected> affected, List<String> references) {
    Blob {
      affected = List.copyOf(affected);
      references = List.copyOf(references);
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_INFLATED = 64 * 1024 * 1024;

  private BlobCodec() {}

  static byte[] encode(OsvRecord r) {
    try {
      byte[] json = MAPPER.writeValueAsBytes(new Blob(r.affected(), r.references()));
      ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 3 + 16);
      try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_SPEED))) {
        d.write(json);
      }
      return out.toByteArray();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + r.id(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Blob decode(byte[] data, String id) throws AdvisoryException {
    try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(data))) {
      byte[] json = in.readNBytes(MAX_INFLATED + 1);
      if (json.length > MAX_INFLATED) {
        throw new AdvisoryException("advisory " + id + ": stored data too large");
      }
      return MAPPER.readValue(json, Blob.class);
    } catch (IOException e) {
      throw new AdvisoryException("advisory " + id + ": stored data unreadable: " + e.getMessage(), e);
    }
  }
}
