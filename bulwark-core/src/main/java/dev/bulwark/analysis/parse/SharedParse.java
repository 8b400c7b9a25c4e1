package dev.bulwark.analysis.parse;

import dev.bulwark.analysis.rules.Language;
import java.util.Optional;

/**
 * One file's syntax tree, parsed at most once for everything that reads it while the file is
 * analysed: the rules' queries and data flow, and the Python install/import-time heuristics. Each
 * reader asks with its own budget. The first parse records how much work it took (its progress
 * callbacks); a later reader of the same text is charged that work on its own budget, one unit at
 * a time, and gets no tree if its budget runs out on the way, exactly where a parse of its own
 * would have been cancelled. So every budget ends in the state a parse of its own would have left
 * it in, and results do not depend on which reader came first. A parse that was cancelled is not
 * shared (how much further it would have gone is unknown); the next reader parses again.
 *
 * <p>The tree belongs to this object: readers must not close it. Holds native memory until
 * {@link #close()}. One file on one thread; not thread-safe.
 */
public final class SharedParse implements AutoCloseable {
  private Language language;
  private String text;
  private SyntaxTree tree;
  private long work;

  /**
   * The tree of {@code text}, parsed within {@code budget} (or, when this text was parsed here
   * already, the same tree with the parse's work charged to {@code budget}); empty when the budget
   * runs out first or the language has no grammar.
   */
  public Optional<SyntaxTree> parse(Language language, String text, Budget budget) {
    if (tree != null && this.text == text && this.language == language) {
      for (long i = 0; i < work; i++) {
        if (budget.tick()) {
          return Optional.empty();
        }
      }
      return Optional.of(tree);
    }
    long before = budget.work();
    Optional<SyntaxTree> parsed = SyntaxTree.parse(language, text, budget);
    if (parsed.isPresent()) {
      close();
      this.language = language;
      this.text = text;
      this.tree = parsed.get();
      this.work = budget.work() - before;
    }
    return parsed;
  }

  /** The work (progress callbacks) the shared parse took; 0 before a parse succeeded. */
  long work() {
    return work;
  }

  @Override
  public void close() {
    if (tree != null) {
      tree.close();
      tree = null;
      text = null;
      language = null;
      work = 0;
    }
  }
}
