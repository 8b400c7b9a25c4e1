package dev.bulwark.analysis.parse;

import dev.bulwark.analysis.rules.Hit;
import dev.bulwark.analysis.rules.Language;
import dev.bulwark.analysis.rules.MatchContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

/**
 * The syntax tree of one file, parsed within a time budget. Close it after use: trees hold native
 * memory. Not thread-safe; used by the thread that parsed it.
 */
public final class SyntaxTree implements AutoCloseable {
  /** Longest node text given to predicates and data-flow analysis. */
  static final int MAX_NODE_TEXT = 64 * 1024;
  private static final int MATCH_LIMIT = 512;

  private final Language language;
  private final TSTree tree;
  private final Offsets offsets;

  private SyntaxTree(Language language, TSTree tree, byte[] utf8) {
    this.language = language;
    this.tree = tree;
    this.offsets = new Offsets(utf8);
  }

  /** Whether tree-sitter has a grammar for the language. */
  public static boolean supports(Language l) {
    return Grammars.parseable(l);
  }

  /** Parses the text; empty when the budget ran out or the language has no grammar. */
  public static Optional<SyntaxTree> parse(Language language, String text, Budget budget) {
    if (!Grammars.parseable(language)) {
      return Optional.empty();
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    TSParser parser = Grammars.parser(language);
    TSTree tree;
    try {
      // The binding reads through a callback that fills a chunk buffer at a byte offset.
      byte[] chunk = new byte[64 * 1024];
      tree = parser.parseWithOptions(chunk, null, (buf, offset, point) -> {
            if (offset < 0 || offset >= utf8.length) {
              return 0;
            }
            int n = Math.min(buf.length, utf8.length - offset);
            System.arraycopy(utf8, offset, buf, 0, n);
            return n;
          }, TSInputEncoding.TSInputEncodingUTF8, state -> budget.tick());
    } finally {
      parser.reset();
    }
    if (tree == null) {
      return Optional.empty();
    }
    return Optional.of(new SyntaxTree(language, tree, utf8));
  }

  public Language language() {
    return language;
  }

  public TSNode root() {
    return tree.getRootNode();
  }

  /** Char offset in the Java text of a node's start. */
  public int startChar(TSNode n) {
    return offsets.toChar(n.getStartByte());
  }

  public int endChar(TSNode n) {
    return offsets.toChar(n.getEndByte());
  }

  /** The node's source text (cut at 64 KiB). */
  public String text(TSNode n) {
    return offsets.text(n.getStartByte(), n.getEndByte(), MAX_NODE_TEXT);
  }

  /**
   * Runs a query; hits are the {@code @match} capture (else the first capture) of every match
   * whose predicates hold. Stops early when the budget runs out.
   */
  public List<Hit> query(String source, Budget budget) {
    CompiledQuery q = QueryCache.get(language, source);
    List<Hit> hits = new ArrayList<>();
    if (q.matchCapture() < 0) {
      return hits;
    }
    try (TSQueryCursor cursor = new TSQueryCursor()) {
      cursor.setMatchLimit(MATCH_LIMIT);
      cursor.execWithOptions(q.query(), root(), state -> budget.tick());
      TSQueryMatch m = new TSQueryMatch();
      while (hits.size() < MatchContext.MAX_HITS && !budget.wasExceeded() && cursor.nextMatch(m)) {
        if (!predicatesHold(q, m)) {
          continue;
        }
        for (TSQueryCapture c : m.getCaptures()) {
          if (c.getIndex() == q.matchCapture()) {
            hits.add(Hit.of(startChar(c.getNode()), endChar(c.getNode())));
            break;
          }
        }
      }
    }
    return hits;
  }

  /** A node a query pattern matched, with the pattern's index in the query. */
  public record NodeMatch(int pattern, TSNode node, int startByte, int endByte) {}

  /**
   * The nodes matched by a query of single-node patterns, each a first capture (as in
   * {@code (function_definition) @d}), in tree order: by start, an enclosing node before the
   * nodes inside it. Tree-sitter walks the tree natively and hands over only the matches, which
   * is far cheaper than visiting every node through the binding. Not budgeted: the walk is linear
   * in the size of a tree whose parse was budgeted, and callers bound the tree first (see
   * {@link #countNodes}).
   */
  public List<NodeMatch> matches(String source) {
    CompiledQuery q = QueryCache.get(language, source);
    List<NodeMatch> out = new ArrayList<>();
    try (TSQueryCursor cursor = new TSQueryCursor()) {
      cursor.exec(q.query(), root());
      TSQueryMatch m = new TSQueryMatch();
      while (cursor.nextMatch(m)) {
        TSQueryCapture[] caps = m.getCaptures();
        if (caps.length > 0) {
          TSNode n = caps[0].getNode();
          out.add(new NodeMatch(m.getPatternIndex(), n, n.getStartByte(), n.getEndByte()));
        }
      }
    }
    // tree order, whatever order the cursor reported in (a stable sort: ties keep its order)
    out.sort(java.util.Comparator.comparingInt(NodeMatch::startByte)
        .thenComparing(java.util.Comparator.comparingInt(NodeMatch::endByte).reversed()));
    return out;
  }

  /**
   * The number of nodes (named and anonymous, as {@link TSNode#getChild} enumerates them) in the
   * tree, counting stops past {@code limit}: returns {@code limit + 1} for a larger tree. Moves a
   * tree cursor only, with no node objects made.
   */
  public int countNodes(int limit) {
    int n = 1;
    try (TSTreeCursor c = new TSTreeCursor(root())) {
      while (n <= limit) {
        if (c.gotoFirstChild()) {
          n++;
          continue;
        }
        while (!c.gotoNextSibling()) {
          if (!c.gotoParent()) {
            return n;
          }
        }
        n++;
      }
    }
    return n;
  }

  private boolean predicatesHold(CompiledQuery q, TSQueryMatch m) {
    for (Predicate p : q.predicates()) {
      if (p.pattern() != m.getPatternIndex()) {
        continue;
      }
      List<String> texts = capturedTexts(q, m, p.capture());
      String other = p.other().isEmpty() ? "" : capturedTexts(q, m, p.other()).stream().findFirst().orElse("");
      for (String t : texts) {
        if (!p.test(t, other)) {
          return false;
        }
      }
    }
    return true;
  }

  private List<String> capturedTexts(CompiledQuery q, TSQueryMatch m, String name) {
    List<String> out = new ArrayList<>();
    for (TSQueryCapture c : m.getCaptures()) {
      if (q.query().getCaptureNameForId(c.getIndex()).equals(name)) {
        out.add(text(c.getNode()));
      }
    }
    return out;
  }

  @Override
  public void close() {
    tree.close();
  }
}
