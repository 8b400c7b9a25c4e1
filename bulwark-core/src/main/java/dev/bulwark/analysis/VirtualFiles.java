package dev.bulwark.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.analysis.content.ContentType;
import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.rules.Scope;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Virtual files cut out of a shipped file (docs/rules.md): each npm script as
 * {@code package.json#scripts.<name>} (bash), {@code setup.py#install} (python) and the
 * executable lines of a {@code .pth} file as {@code <path>.pth#code} (python).
 */
final class VirtualFiles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_SCRIPTS = 200;

  private VirtualFiles() {}

  static List<ScanFile> of(ScanFile f) {
    if (f.scope() != Scope.CODE || f.depth() > 0) {
      return List.of();
    }
    String name = f.path().substring(f.path().lastIndexOf('/') + 1);
    if (name.equals("package.json")) {
      return scripts(f);
    }
    if (name.equals("setup.py")) {
      return List.of(virtual(f, f.path() + "#install", ContentType.PYTHON, f.text()));
    }
    if (name.endsWith(".pth")) {
      String code = pthCode(f.text());
      return code.isBlank() ? List.of() : List.of(virtual(f, f.path() + "#code", ContentType.PYTHON, code));
    }
    return List.of();
  }

  private static List<ScanFile> scripts(ScanFile f) {
    JsonNode root;
    try {
      root = JSON.readTree(f.text());
    } catch (JsonProcessingException e) {
      return List.of();
    }
    JsonNode scripts = root == null ? null : root.get("scripts");
    if (scripts == null || !scripts.isObject()) {
      return List.of();
    }
    List<ScanFile> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = scripts.fields();
    while (it.hasNext() && out.size() < MAX_SCRIPTS) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isTextual()) {
        out.add(virtual(f, f.path() + "#scripts." + e.getKey(), ContentType.BASH, e.getValue().asText()));
      }
    }
    return out;
  }

  /**
   * Lines Python's site module executes: those starting with "import" followed by a space or tab.
   * Other lines become blank, so line numbers match the file.
   */
  static String pthCode(String text) {
    StringBuilder b = new StringBuilder();
    int start = 0;
    while (start <= text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      String line = text.substring(start, end);
      if (line.startsWith("import ") || line.startsWith("import\t")) {
        b.append(line);
      }
      if (nl < 0) {
        break;
      }
      b.append('\n');
      start = nl + 1;
    }
    return b.toString();
  }

  private static ScanFile virtual(ScanFile f, String path, ContentType type, String text) {
    return new ScanFile(path, path, type, type.language(), Scope.CODE, text, false, 0, "");
  }
}
