package dev.bulwark.advisory;

import dev.bulwark.model.Problem;
import java.util.ArrayList;
import java.util.List;

/** Parses the records of one source and stores them, counting what was skipped and why. */
final class RecordLoader {
  static final int MAX_PROBLEMS_KEPT = 1_000;

  /** Feeds every entry of a source to a handler (a zip file, a zip stream or a folder). */
  interface Feed {
    void read(ArchiveReader reader, ArchiveReader.EntryHandler handler) throws AdvisoryException;
  }

  private final DbWriter writer;
  private final List<Problem> problems = new ArrayList<>();
  private int problemCount;

  RecordLoader(DbWriter writer) {
    this.writer = writer;
  }

  /** Loads one source: every entry is parsed; malformed ones become problems, never abort. */
  SourceImport load(String name, String location, String display, Feed feed) throws AdvisoryException {
    List<Problem> local = new ArrayList<>();
    ArchiveReader reader = new ArchiveReader(display, local);
    int[] c = new int[5]; // records, malicious, withdrawn, other ecosystems, failed
    feed.read(reader, (entry, json) -> {
      OsvRecord r;
      try {
        r = OsvParser.parse(json, entry);
      } catch (AdvisoryException e) {
        local.add(reader.problem("bad-record", entry, e.getMessage()));
        return;
      }
      if (r.affected().isEmpty()) {
        c[3]++;
        return;
      }
      writer.add(r, name);
      c[0]++;
      c[1] += r.kind() == AdvisoryKind.MALICIOUS ? 1 : 0;
      c[2] += r.isWithdrawn() ? 1 : 0;
    });
    c[4] = local.size();
    problemCount += local.size();
    for (Problem p : local) {
      if (problems.size() < MAX_PROBLEMS_KEPT) {
        problems.add(p);
      }
    }
    return new SourceImport(name, location, c[0], c[1], c[2], c[3], c[4], false);
  }

  List<Problem> problems() {
    List<Problem> out = new ArrayList<>(problems);
    out.sort(null);
    return out;
  }

  int problemCount() {
    return problemCount;
  }
}
