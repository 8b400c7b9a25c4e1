package dev.bulwark.advisory;

import dev.bulwark.model.Severity;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/** One advisory row as the lookup reads it back, with its decoded blob. */
record StoredAdvisory(
    String id,
    AdvisoryKind kind,
    Severity severity,
    OptionalDouble score,
    String summary,
    List<String> aliases,
    List<String> related,
    boolean withdrawn,
    BlobCodec.Blob blob) {
  StoredAdvisory {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(blob, "blob");
    aliases = List.copyOf(aliases);
    related = List.copyOf(related);
  }

  /** The stored form of a parsed record, without a database round trip. */
  static StoredAdvisory of(OsvRecord r) {
    return new StoredAdvisory(r.id(), r.kind(), r.severity(), r.score(), r.summary(), r.aliases(),
        r.related(), r.isWithdrawn(), new BlobCodec.Blob(r.affected(), r.references()));
  }
}
