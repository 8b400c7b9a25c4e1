package dev.bulwark.monitor.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.monitor.VerdictFinding;

/** The JSON of the API and the webhook (schema: docs/watch.md and docs/watch-openapi.yaml). */
final class WatchJson {
  static final ObjectMapper M = new ObjectMapper();

  private WatchJson() {}

  static ObjectNode alert(Alert a) {
    ObjectNode o = M.createObjectNode();
    o.put("id", a.id());
    o.put("project", a.project());
    o.put("ecosystem", a.key().ecosystem().osvName());
    o.put("name", a.key().name());
    o.put("version", a.key().version());
    o.put("cause", a.cause());
    o.put("verdict", a.verdict());
    o.put("state", a.state().jsonName());
    o.put("raised", a.raised().toString());
    o.put("summary", a.summary());
    return o;
  }

  static ObjectNode project(Project p) {
    ObjectNode o = M.createObjectNode();
    o.put("name", p.name());
    o.put("file", p.file());
    o.put("uploaded", p.uploaded().toString());
    o.put("dependencies", p.dependencies());
    o.put("openAlerts", p.openAlerts());
    return o;
  }

  static ObjectNode pkg(PinnedPackage d) {
    ObjectNode o = M.createObjectNode();
    o.put("ecosystem", d.key().ecosystem().osvName());
    o.put("name", d.key().name());
    o.put("version", d.key().version());
    o.put("unpinned", d.unpinned());
    o.put("direct", d.direct());
    o.put("dev", d.dev());
    return o;
  }

  static ObjectNode verdict(PackageVerdict v) {
    ObjectNode o = M.createObjectNode();
    o.put("ecosystem", v.key().ecosystem().osvName());
    o.put("name", v.key().name());
    o.put("version", v.key().version());
    o.put("verdict", v.verdict());
    o.put("score", v.score());
    o.put("reason", v.reason());
    o.put("published", v.published().toString());
    o.put("judged", v.judged().toString());
    ArrayNode ev = o.putArray("evidence");
    for (VerdictFinding f : v.evidence()) {
      ObjectNode e = ev.addObject();
      e.put("ruleId", f.ruleId());
      e.put("severity", f.severity());
      e.put("file", f.file());
      e.put("line", f.line());
      e.put("message", f.message());
    }
    return o;
  }

  /** The webhook's body: the alert, and a Slack-compatible {@code text}. */
  static ObjectNode webhook(Alert a) {
    ObjectNode o = M.createObjectNode();
    o.put("type", "bulwark.alert");
    o.set("alert", alert(a));
    o.put("text", slack("Bulwark: project *" + a.project() + "* pins `" + a.key() + "`: "
        + a.verdict() + " (" + a.cause() + "). " + a.summary()));
    return o;
  }

  /** Slack's text escaping: &amp;, &lt; and &gt; (so hostile names cannot make links). */
  static String slack(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String write(Object node) {
    try {
      return M.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
