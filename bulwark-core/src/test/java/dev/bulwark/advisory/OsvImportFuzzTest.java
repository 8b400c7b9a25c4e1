package dev.bulwark.advisory;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.model.Problem;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz target: OSV record import, one JSON record or a zip of records as {@code db import} reads
 * them. Seeds: OsvImportFuzzTestInputs/osvImport/. Property: a record either parses or fails with
 * an {@link AdvisoryException} that names the entry; nothing else is thrown.
 */
class OsvImportFuzzTest {
  @FuzzTest
  void osvImport(byte[] data) {
    if (data.length >= 2 && data[0] == 'P' && data[1] == 'K') {
      List<Problem> problems = new ArrayList<>();
      try {
        new ArchiveReader("fuzz.zip", problems)
            .readZipStream(new ByteArrayInputStream(data), OsvImportFuzzTest::record);
      } catch (AdvisoryException e) {
        named(e, "fuzz.zip");
      }
    } else {
      record("fuzz.json", data);
    }
  }

  private static void record(String entry, byte[] json) {
    try {
      OsvRecord r = OsvParser.parse(json, entry);
      if (r.id().isEmpty() || r.modified().isEmpty()) {
        throw new AssertionError("a record without id or modified time: " + r);
      }
    } catch (AdvisoryException e) {
      named(e, entry);
    }
  }

  private static void named(AdvisoryException e, String entry) {
    if (e.getMessage() == null || !e.getMessage().startsWith(entry)) {
      throw new AssertionError("an advisory error that does not name " + entry + ": " + e.getMessage(), e);
    }
  }
}
