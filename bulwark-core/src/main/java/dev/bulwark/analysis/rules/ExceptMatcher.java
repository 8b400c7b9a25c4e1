package dev.bulwark.analysis.rules;

import dev.bulwark.analysis.heuristics.ToolchainInstallers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A regex item with {@code except}: the inner item's hits, less those whose matched text is one of
 * the named harmless forms. {@code toolchain-installers}: a download piped into a shell or
 * PowerShell whose every address is the official bootstrap installer of a developer toolchain
 * (Homebrew, rustup, nvm, Docker, Deno, Bun, uv, Poetry, SDKMAN; {@link ToolchainInstallers}),
 * nothing expanded at run time. The same list as the shell judgement's, so a lifecycle script and
 * a command string in code are judged alike.
 */
record ExceptMatcher(Matcher inner, Kind except) implements Matcher {
  enum Kind {
    TOOLCHAIN_INSTALLERS("toolchain-installers");

    final String yamlName;

    Kind(String yamlName) {
      this.yamlName = yamlName;
    }

    static Kind of(String s) {
      for (Kind k : values()) {
        if (k.yamlName.equals(s.trim().toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      throw new IllegalArgumentException(s);
    }

    boolean harmless(String matched) {
      return ToolchainInstallers.onlyAddresses(matched);
    }
  }

  @Override
  public List<Hit> find(MatchContext ctx) {
    List<Hit> hits = inner.find(ctx);
    if (hits.isEmpty()) {
      return hits;
    }
    String text = ctx.text();
    List<Hit> out = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      if (!except.harmless(text.substring(h.start(), Math.min(text.length(), h.end())))) {
        out.add(h);
      }
    }
    return out;
  }

  @Override
  public Set<String> requiredLiterals() {
    return inner.requiredLiterals();
  }

  @Override
  public Set<String> allLiterals() {
    return inner.allLiterals();
  }

  @Override
  public Set<String> positionLiterals() {
    return inner.positionLiterals();
  }

  @Override
  public boolean needsTree() {
    return inner.needsTree();
  }
}
