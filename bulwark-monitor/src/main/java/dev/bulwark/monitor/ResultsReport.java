package dev.bulwark.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * {@code bulwark monitor results}: the verdicts as JSON (the contract in docs/json-output.md) or
 * as console lines. Pure functions of the verdicts; sorted as the store returns them.
 */
public final class ResultsReport {
  private static final ObjectMapper M = new ObjectMapper();

  private ResultsReport() {}

  public static ObjectNode json(List<VerdictRecord> verdicts) {
    ObjectNode root = M.createObjectNode();
    ArrayNode vs = root.putArray("versions");
    for (VerdictRecord r : verdicts) {
      ObjectNode o = vs.addObject();
      o.put("ecosystem", r.key().ecosystem().osvName());
      o.put("name", r.key().name());
      o.put("version", r.key().version());
      o.put("published", r.event().published().toString());
      o.put("judged", r.judged().toString());
      o.put("verdict", r.verdict().jsonName());
      o.put("score", r.score());
      o.put("reason", r.reason());
      o.put("artifact", r.event().artifactUrl());
      o.put("artifactHash", r.artifactHash());
      o.set("findings", MonitorJson.findings(r.findings()));
    }
    return root;
  }

  public static void writeJson(List<VerdictRecord> verdicts, PrintWriter w) throws java.io.IOException {
    w.println(M.writerWithDefaultPrettyPrinter().writeValueAsString(json(verdicts)));
  }

  public static void writeConsole(List<VerdictRecord> verdicts, PrintWriter w) {
    for (VerdictRecord r : verdicts) {
      w.printf(Locale.ROOT, "%-10s %3d  %s %s@%s  %s%n", r.verdict().jsonName(), r.score(),
          r.key().ecosystem().osvName(), r.key().name(), r.key().version(), r.reason());
    }
    long mal = verdicts.stream().filter(r -> r.verdict() == MonitorVerdict.MALICIOUS).count();
    long sus = verdicts.stream().filter(r -> r.verdict() == MonitorVerdict.SUSPICIOUS).count();
    long err = verdicts.stream().filter(r -> r.verdict() == MonitorVerdict.ERROR).count();
    w.printf(Locale.ROOT, "%d versions: %d malicious, %d suspicious, %d clean, %d error%n",
        verdicts.size(), mal, sus, verdicts.size() - mal - sus - err, err);
  }
}
