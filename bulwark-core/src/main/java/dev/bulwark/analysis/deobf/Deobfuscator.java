package dev.bulwark.analysis.deobf;

import dev.bulwark.analysis.content.ContentSniffer;
import dev.bulwark.analysis.content.ContentType;
import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.content.Snippets;
import dev.bulwark.analysis.rules.Language;
import dev.bulwark.analysis.rules.Scope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reveals payloads hidden by common obfuscation, as virtual files {@code <path>!decoded/<n>} that
 * rules with scope {@code decoded} see. Static only: strings are decoded, never evaluated. Short
 * fragments (folded concatenations, char codes, escapes) are merged into one virtual file.
 */
public final class Deobfuscator {
  /** Length of the excerpt kept as a finding's decoded evidence. */
  public static final int EXCERPT = 300;

  private static final List<Technique> TECHNIQUES = List.of(
      new PackerTechnique(), new BytesBlobTechnique(), new RunTechniques(), new Rot13Technique(),
      new ReverseTechnique(), new CharCodeTechnique(), new ArithmeticCharsTechnique(), new StringArrayResolver(), new XorStringTechnique(), new EscapedIdentifierTechnique(), new StringArrayTechnique(), new ConcatTechnique());

  /** Techniques whose payload is the whole file rewritten in its own language. */
  private static final Set<String> REWRITES = Set.of(StringArrayResolver.TECHNIQUE, "escaped-identifiers");

  private Deobfuscator() {}

  /**
   * The payloads revealed in one file (one layer; the engine calls again on each result up to
   * its depth limit).
   *
   * @param maxBytes cap on one payload
   * @param maxCount cap on the number of virtual files returned
   */
  public static List<ScanFile> reveal(ScanFile f, int maxBytes, int maxCount) {
    if (!f.type().isText() || maxCount <= 0) {
      return List.of();
    }
    boolean hashComments = f.language() == Language.PYTHON || f.language() == Language.BASH;
    List<Literals.Lit> lits = Literals.scan(f.text(), hashComments);
    List<Reveal> found = new ArrayList<>();
    for (Technique t : TECHNIQUES) {
      found.addAll(t.find(f.text(), lits, maxBytes));
    }
    found.sort(Comparator.comparingInt(Reveal::offset));
    Set<String> seen = new LinkedHashSet<>();
    // Whole-file rewrites of JavaScript stay JavaScript (the sniffer may take `import x from` for Python).
    Set<String> rewrites = new java.util.HashSet<>();
    List<String> big = new ArrayList<>();
    StringBuilder small = new StringBuilder();
    for (Reveal r : found) {
      String p = r.payload();
      if (!seen.add(p) || f.text().contains(p) && !r.technique().equals("string-table")
          && !r.technique().equals(StringArrayResolver.TECHNIQUE)) {
        continue;
      }
      if (REWRITES.contains(r.technique())) {
        rewrites.add(p);
      }
      if (r.small()) {
        if (small.length() + p.length() < maxBytes) {
          small.append(p).append('\n');
        }
      } else {
        big.add(p);
      }
    }
    if (small.length() > 0) {
      big.add(small.toString());
    }
    List<ScanFile> out = new ArrayList<>();
    for (String p : big) {
      if (out.size() >= maxCount) {
        break;
      }
      out.add(virtual(f, out.size() + 1, p, rewrites.contains(p)));
    }
    return out;
  }

  private static ScanFile virtual(ScanFile parent, int n, String payload, boolean rewrite) {
    ContentType type = rewrite ? parent.type() : ContentSniffer.sniff("", payload.getBytes(StandardCharsets.UTF_8));
    if (type == ContentType.TEXT || !type.isText()) {
      type = parent.type().family() == ContentType.Family.CODE ? parent.type() : ContentType.TEXT;
    }
    Language lang = type.language();
    return new ScanFile(parent.path() + "!decoded/" + n, parent.selectPath(), type, lang, Scope.DECODED,
        payload, false, parent.depth() + 1, Snippets.escape(payload, EXCERPT));
  }
}
