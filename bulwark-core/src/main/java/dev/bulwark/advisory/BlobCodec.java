package dev.bulwark.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.Deflater;
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

  /**
   * Encodes blobs with one reused Deflater (creating one per record costs more than compressing
   * it). Not thread-safe; {@link #close} frees the Deflater's native memory.
   */
  static final class Encoder implements AutoCloseable {
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private final byte[] buf = new byte[16 * 1024];

    byte[] encode(OsvRecord r) {
      byte[] json;
      try {
        json = MAPPER.writeValueAsBytes(new Blob(r.affected(), r.references()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot encode " + r.id(), e);
      }
      deflater.reset();
      deflater.setInput(json);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 3 + 16);
      while (!deflater.finished()) {
        out.write(buf, 0, deflater.deflate(buf));
      }
      return out.toByteArray();
    }

    @Override
    public void close() {
      deflater.end();
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
