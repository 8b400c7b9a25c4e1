package dev.bulwark.cli;

import dev.bulwark.analysis.RuleCatalog;
import dev.bulwark.analysis.RuleInfo;
import dev.bulwark.analysis.rules.Example;
import dev.bulwark.analysis.rules.Reference;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.scan.Catalogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Lists every detection rule: YAML rules, coded heuristics, archive and project checks.")
final class RulesCommand implements Callable<Integer> {
  private final Env env;

  @Option(names = "--rules", paramLabel = "DIR", description = "Also load this rule folder (repeatable).")
  List<Path> dirs = new ArrayList<>();

  @Option(names = "--category", paramLabel = "NAME", description = "Only rules of this category.")
  String category;

  RulesCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    RuleCatalog c = Catalogs.load(dirs.stream().map(d -> env.cwd().resolve(d)).toList());
    for (ExtractionException e : c.errors()) {
      env.err().println("invalid rule " + e.describe());
    }
    int n = 0;
    for (RuleInfo i : c.list()) {
      if (category != null && !i.meta().category().jsonName().equals(category.toLowerCase(Locale.ROOT))) {
        continue;
      }
      env.out().printf(Locale.ROOT, "%-44s %-8s %-18s %-10s %s%n", i.id(),
          i.meta().severity().jsonName(), i.meta().category().jsonName(),
          i.meta().threat() ? "threat" : "capability", i.meta().title());
      n++;
    }
    env.out().println(n + " rules. `bulwark explain RULE-ID` shows one in full.");
    env.out().flush();
    return c.errors().isEmpty() ? ExitCode.OK.code : ExitCode.USAGE.code;
  }

  @Command(name = "explain", mixinStandardHelpOptions = true,
      description = "Prints one rule's explanation, references and examples.")
  static final class Explain implements Callable<Integer> {
    private final Env env;

    @Parameters(paramLabel = "RULE-ID", description = "The rule id, as shown in findings.")
    String id;

    @Option(names = "--rules", paramLabel = "DIR", description = "Also load this rule folder.")
    List<Path> dirs = new ArrayList<>();

    Explain(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      RuleCatalog c = Catalogs.load(dirs.stream().map(d -> env.cwd().resolve(d)).toList());
      Optional<RuleInfo> info = c.find(id);
      if (info.isEmpty()) {
        env.err().println("bulwark explain: no rule '" + id + "'; `bulwark rules` lists them");
        return ExitCode.USAGE.code;
      }
      RuleInfo i = info.get();
      var m = i.meta();
      var o = env.out();
      o.println(m.id() + ": " + m.title());
      o.println("severity " + m.severity().jsonName() + ", confidence " + m.confidence().jsonName()
          + ", category " + m.category().jsonName() + ", " + (m.threat() ? "threat" : "capability")
          + " (" + i.origin() + ")");
      o.println();
      o.println("What it does");
      o.println("  " + m.explanation().what());
      o.println("Why attackers do it");
      o.println("  " + m.explanation().why());
      o.println("What to do now");
      o.println("  " + m.explanation().action());
      if (!m.references().isEmpty()) {
        o.println("References");
        for (Reference r : m.references()) {
          o.println("  " + (r.kind().equals("mitre") ? "MITRE ATT&CK " + r.value() : r.value()));
        }
      }
      examples("Matches", i.matchExamples());
      examples("Does not match", i.nomatchExamples());
      o.flush();
      return ExitCode.OK.code;
    }

    private void examples(String title, List<Example> list) {
      if (list.isEmpty()) {
        return;
      }
      env.out().println(title);
      for (Example e : list) {
        env.out().println("  --- " + e.path());
        e.code().lines().forEach(l -> env.out().println("  " + l));
      }
    }
  }
}
