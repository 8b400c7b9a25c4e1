package dev.bulwark.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

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

  /** One Inflater per thread: creating one per record (native zlib state) dominated lookups. */
  private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);

  static Blob decode(byte[] data, String id) throws AdvisoryException {
    Inflater inf = INFLATER.get();
    inf.reset();
    inf.setInput(data);
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, data.length * 4));
    byte[] buf = new byte[16 * 1024];
    try {
      while (!inf.finished()) {
        int n = inf.inflate(buf);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
          throw new AdvisoryException("advisory " + id + ": stored data truncated");
        }
        out.write(buf, 0, n);
        if (out.size() > MAX_INFLATED) {
          throw new AdvisoryException("advisory " + id + ": stored data too large");
        }
      }
      return MAPPER.readValue(out.toByteArray(), Blob.class);
    } catch (DataFormatException | IOException e) {
      throw new AdvisoryException("advisory " + id + ": stored data unreadable: " + e.getMessage(), e);
    }
  }
}
