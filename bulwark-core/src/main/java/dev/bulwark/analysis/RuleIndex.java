package dev.bulwark.analysis;

import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.rules.FileSelector;
import dev.bulwark.analysis.rules.Language;
import dev.bulwark.analysis.rules.Rule;
import dev.bulwark.analysis.rules.Scope;
import dev.bulwark.model.Ecosystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which rules apply to a file, without testing every rule's globs on every file: rules are grouped
 * once per (ecosystem, language, scope, install copy), and each distinct file selector is tested
 * at most once per file (most rules share none or a few). Also keeps each rule's pre-filter set,
 * which matchers would otherwise rebuild on every file. Immutable after construction apart from
 * its thread-safe group cache, whose size is bounded by the enum combinations.
 */
final class RuleIndex {
  private final List<Rule> rules;
  private final List<Set<String>> required = new ArrayList<>();
  private final List<Boolean> needsTree = new ArrayList<>();
  /** Per rule, the index of its selector in {@link #selectors}, or -1 when it selects every file. */
  private final int[] selectorOf;
  /** Per distinct selector: its include globs and its exclude globs. */
  private final List<List<List<Glob>>> selectors = new ArrayList<>();
  private final Map<Key, int[]> groups = new ConcurrentHashMap<>();

  private record Key(Optional<Ecosystem> eco, Language language, Scope scope, boolean install) {}

  RuleIndex(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.selectorOf = new int[rules.size()];
    Map<List<List<String>>, Integer> distinct = new LinkedHashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      required.add(Set.copyOf(r.match().requiredLiterals()));
      needsTree.add(r.match().needsTree());
      FileSelector s = r.files();
      if (s.include().isEmpty() && s.exclude().isEmpty()) {
        selectorOf[i] = -1;
        continue;
      }
      selectorOf[i] = distinct.computeIfAbsent(List.of(s.include(), s.exclude()), k -> {
        selectors.add(List.of(globs(s.include()), globs(s.exclude())));
        return selectors.size() - 1;
      });
    }
  }

  Rule rule(int i) {
    return rules.get(i);
  }

  Set<String> required(int i) {
    return required.get(i);
  }

  boolean needsTree(int i) {
    return needsTree.get(i);
  }

  /** Indexes of the rules that apply to this file, in rule order, before the literal pre-filter. */
  List<Integer> candidates(ScanFile f, Optional<Ecosystem> eco) {
    boolean install = f.path().endsWith("#install");
    int[] group = groups.computeIfAbsent(new Key(eco, f.language(), f.scope(), install), this::group);
    Boolean[] selected = new Boolean[selectors.size()];
    List<Integer> out = new ArrayList<>();
    for (int i : group) {
      int s = selectorOf[i];
      if (s < 0) {
        out.add(i);
        continue;
      }
      if (selected[s] == null) {
        selected[s] = selects(selectors.get(s), f.selectPath());
      }
      if (selected[s]) {
        out.add(i);
      }
    }
    return out;
  }

  private static List<Glob> globs(List<String> patterns) {
    return patterns.stream().map(Glob::new).toList();
  }

  /** {@link FileSelector#selects}, with {@link Glob}s. */
  static boolean selects(List<List<Glob>> selector, String path) {
    List<Glob> include = selector.get(0);
    if (!include.isEmpty() && include.stream().noneMatch(g -> g.matches(path))) {
      return false;
    }
    return selector.get(1).stream().noneMatch(g -> g.matches(path));
  }

  private int[] group(Key k) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      if (k.eco().isPresent() && !r.ecosystems().contains(k.eco().get())) {
        continue;
      }
      if (!r.appliesTo(k.language()) || !r.scopes().contains(k.scope())) {
        continue;
      }
      if (k.install() && r.files().include().isEmpty()) {
        continue; // setup.py#install repeats setup.py: only rules that ask for it by path see it
      }
      out.add(i);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
