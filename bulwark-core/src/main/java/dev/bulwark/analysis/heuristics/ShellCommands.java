package dev.bulwark.analysis.heuristics;

import dev.bulwark.analysis.parse.Budget;
import dev.bulwark.analysis.parse.SyntaxTree;
import dev.bulwark.analysis.rules.Language;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.treesitter.TSNode;

/**
 * The simple commands of a shell program, read from its tree-sitter Bash tree: name, arguments,
 * place in a pipeline, redirections, backgrounding and the command substitutions they contain.
 * Hand-written because no library turns a shell tree into commands; tree-sitter does the parsing.
 */
final class ShellCommands {
  /** Programs whose first non-option argument is the command they run (nohup node x.js). */
  private static final java.util.Set<String> WRAPPERS = java.util.Set.of(
      "nohup", "setsid", "sudo", "exec", "time", "nice", "command", "env", "doas", "caffeinate", "disown");
  static final int MAX_COMMANDS = 2_000;
  static final int MAX_CHARS = 256 * 1024;
  /** Parse budget in work units (tree-sitter progress callbacks), not time: see Budget. */
  static final long PARSE_WORK = dev.bulwark.analysis.EngineLimits.HEURISTIC_PARSE_WORK;

  /**
   * One simple command.
   *
   * @param name the program, lower-cased, without directory or .exe ("curl")
   * @param rawName the program as written ("./run.sh")
   * @param args the arguments with quotes removed
   * @param wrappers programs it was wrapped in (nohup, setsid, sudo…)
   * @param start char offset of the command in the parsed text
   * @param end char offset of its end
   * @param pipeline start offset of the enclosing pipeline, -1 when none
   * @param stage index of the pipeline stage that holds the command
   * @param background followed by {@code &}
   * @param redirects redirect destinations ("/dev/tcp/1.2.3.4/80")
   * @param text the command's source text
   */
  record Cmd(String name, String rawName, List<String> args, List<String> wrappers, int start, int end,
      int pipeline, int stage, boolean background, List<String> redirects, String text) {
    String argText() {
      return String.join(" ", args);
    }
  }

  /** The commands and the variables assigned in a program. */
  record Program(List<Cmd> commands, List<String[]> assignments, String text) {}

  private ShellCommands() {}

  /** Parses a shell program; empty when it is too large or does not parse in time. */
  static Optional<Program> parse(String text) {
    if (text.length() > MAX_CHARS) {
      return Optional.empty();
    }
    Optional<SyntaxTree> tree = SyntaxTree.parse(Language.BASH, text, Budget.of(PARSE_WORK, dev.bulwark.analysis.EngineLimits.DEFAULT.lastResortMillis()));
    if (tree.isEmpty()) {
      return Optional.empty();
    }
    try (SyntaxTree t = tree.get()) {
      List<Cmd> cmds = new ArrayList<>();
      List<String[]> assigns = new ArrayList<>();
      Deque<TSNode> stack = new ArrayDeque<>();
      stack.push(t.root());
      int visited = 0;
      while (!stack.isEmpty() && cmds.size() < MAX_COMMANDS && visited++ < 200_000) {
        TSNode n = stack.pop();
        String type = n.getType();
        if (type.equals("command")) {
          command(t, n).ifPresent(cmds::add);
        } else if (type.equals("variable_assignment")) {
          TSNode name = n.getChildByFieldName("name");
          TSNode value = n.getChildByFieldName("value");
          if (name != null && !name.isNull() && value != null && !value.isNull()) {
            assigns.add(new String[] {t.text(name), t.text(value)});
          }
        }
        for (int i = n.getChildCount() - 1; i >= 0; i--) {
          stack.push(n.getChild(i));
        }
      }
      return Optional.of(new Program(List.copyOf(cmds), List.copyOf(assigns), text));
    }
  }

  private static Optional<Cmd> command(SyntaxTree t, TSNode n) {
    TSNode nameNode = n.getChildByFieldName("name");
    if (nameNode == null || nameNode.isNull()) {
      return Optional.empty();
    }
    List<String> words = new ArrayList<>();
    words.add(unquote(t.text(nameNode)));
    List<String> redirects = new ArrayList<>();
    for (int i = 0; i < n.getNamedChildCount(); i++) {
      TSNode c = n.getNamedChild(i);
      String field = n.getFieldNameForNamedChild(i);
      if ("argument".equals(field)) {
        words.add(unquote(t.text(c)));
      } else if (c.getType().endsWith("_redirect")) {
        redirects.add(redirectTarget(t, c));
      }
    }
    TSNode p = n.getParent();
    if (p != null && !p.isNull() && p.getType().equals("redirected_statement")) {
      for (int i = 0; i < p.getNamedChildCount(); i++) {
        TSNode c = p.getNamedChild(i);
        if (c.getType().endsWith("_redirect")) {
          redirects.add(redirectTarget(t, c));
        }
      }
    }
    List<String> wrappers = new ArrayList<>();
    while (words.size() > 1 && WRAPPERS.contains(base(words.get(0)))) {
      wrappers.add(base(words.remove(0)));
      while (words.size() > 1 && (words.get(0).startsWith("-") || words.get(0).contains("="))) {
        words.remove(0);
      }
    }
    // the node a pipeline stage is: the command itself, or the loop/group/redirect that holds it
    int pipeline = -1;
    int stage = 0;
    boolean background = false;
    TSNode child = n;
    TSNode up = n.getParent();
    for (int depth = 0; up != null && !up.isNull() && depth < 12; depth++) {
      if (up.getType().equals("pipeline")) {
        pipeline = t.startChar(up);
        int idx = 0;
        for (int i = 0; i < up.getNamedChildCount(); i++) {
          TSNode c = up.getNamedChild(i);
          if (c.getStartByte() <= child.getStartByte() && child.getEndByte() <= c.getEndByte()) {
            stage = idx;
            break;
          }
          idx++;
        }
        break;
      }
      if (up.getType().equals("program") || up.getType().equals("command_substitution")
          || up.getType().equals("process_substitution")) {
        break;
      }
      child = up;
      up = up.getParent();
    }
    TSNode stmt = p != null && !p.isNull() && p.getType().equals("redirected_statement") ? p : n;
    TSNode next = stmt.getNextSibling();
    if (next != null && !next.isNull() && next.getType().equals("&")) {
      background = true;
    }
    String raw = words.get(0);
    return Optional.of(new Cmd(base(raw), raw, List.copyOf(words.subList(1, words.size())), List.copyOf(wrappers),
        t.startChar(n), t.endChar(n), pipeline, stage, background, List.copyOf(redirects), t.text(n)));
  }

  private static String redirectTarget(SyntaxTree t, TSNode r) {
    TSNode d = r.getChildByFieldName("destination");
    return unquote(d == null || d.isNull() ? t.text(r) : t.text(d));
  }

  /** The program's name: lower case, no directory, no .exe/.cmd. */
  static String base(String word) {
    String w = word.replace('\\', '/');
    String b = w.substring(w.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    for (String ext : new String[] {".exe", ".cmd", ".bat"}) {
      if (b.endsWith(ext) && b.length() > ext.length()) {
        b = b.substring(0, b.length() - ext.length());
      }
    }
    return b;
  }

  /** Removes shell quotes (not escapes inside them, which are rare in the commands judged). */
  static String unquote(String s) {
    StringBuilder b = new StringBuilder(s.length());
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote != '\'' && i + 1 < s.length()) {
        b.append(s.charAt(++i));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
