package dev.bulwark.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's artifact table. An entry inside an archive ({@code a.tgz!/package/index.js}) gets
 * the archive as its parent artifact, so viewers can show where the file came from.
 */
final class SarifArtifacts {
  private final Map<String, Integer> index = new LinkedHashMap<>();
  private final Map<String, Integer> parent = new LinkedHashMap<>();

  SarifArtifacts(List<Issue> issues) {
    for (Issue i : issues) {
      add(i.uri());
    }
  }

  private int add(String uri) {
    Integer known = index.get(uri);
    if (known != null) {
      return known;
    }
    int bang = uri.lastIndexOf("!/");
    int parentIndex = bang > 0 ? add(uri.substring(0, bang)) : -1;
    int i = index.size();
    index.put(uri, i);
    if (parentIndex >= 0) {
      parent.put(uri, parentIndex);
    }
    return i;
  }

  int indexOf(String uri) {
    return index.get(uri);
  }

  void write(ArrayNode out) {
    for (Map.Entry<String, Integer> e : index.entrySet()) {
      ObjectNode a = out.addObject();
      ObjectNode loc = a.putObject("location");
      loc.put("uri", SarifRenderer.uri(e.getKey()));
      if (!e.getKey().startsWith("/")) {
        loc.put("uriBaseId", "%SRCROOT%");
      }
      Integer p = parent.get(e.getKey());
      if (p != null) {
        a.put("parentIndex", p);
      }
    }
  }
}
