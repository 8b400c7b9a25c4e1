package dev.bulwark.inventory.npm;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.PackageSourceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * .npmrc: the registries a project installs from ("registry=", "@scope:registry="). Credentials
 * are never stored: a line that sets a literal one is reported as a "leaked-credential" finding
 * without its value; one read from the environment ("${NPM_TOKEN}") is fine and not reported.
 */
final class NpmrcExtractor implements LockfileExtractor {
  static final String ID = "npm/npmrc";
  private static final List<String> SECRET_KEYS = List.of("_authtoken", "_auth", "_password");
  /** A whole value that only names an environment variable: "${NPM_TOKEN}". */
  private static final com.google.re2j.Pattern ENV_REF =
      com.google.re2j.Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Ecosystem ecosystem() {
    return Ecosystem.NPM;
  }

  @Override
  public boolean handles(String fileName) {
    return fileName.equals(".npmrc");
  }

  @Override
  public Inventory extract(LockfileInput input) throws ExtractionException {
    return Guard.run(input, () -> {
      Issues issues = new Issues(input.displayPath());
      List<PackageSourceConfig> sources = new ArrayList<>();
      String[] lines = input.text().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        line(lines[i].strip(), i + 1, sources, issues);
      }
      return new Inventory(input.displayPath(), ID, Ecosystem.NPM, List.of(), sources,
          issues.sorted());
    });
  }

  private static void line(String text, int lineNo, List<PackageSourceConfig> sources,
      Issues issues) {
    int eq = text.indexOf('=');
    if (text.isEmpty() || text.startsWith("#") || text.startsWith(";") || eq <= 0) {
      return;
    }
    String key = text.substring(0, eq).strip();
    String value = unquote(text.substring(eq + 1).strip());
    String lower = key.toLowerCase(Locale.ROOT);
    int colon = lower.lastIndexOf(':');
    String leaf = colon < 0 ? lower : lower.substring(colon + 1);
    if (SECRET_KEYS.contains(leaf)) {
      String scope = colon < 0 ? "the default registry" : key.substring(0, colon);
      if (value.isEmpty() || ENV_REF.matcher(value).matches()) {
        return; // "${NPM_TOKEN}": read from the environment, which is how it should be done
      }
      // A literal credential in a committed file is a finding, not a read error: the audit goes on.
      issues.add(dev.bulwark.model.Problem.LEAKED_CREDENTIAL, "leaked credential: a literal "
          + key.substring(colon + 1) + " for " + scope + " is written in this file (its value is"
          + " not recorded); anyone who can read the repository can use it. Revoke it now in the"
          + " registry's token settings, remove the line, and read it from the environment"
          + " instead (" + key.substring(colon + 1) + "=${NPM_TOKEN})", lineNo);
    } else if (lower.equals("registry")) {
      sources.add(new PackageSourceConfig("npm-registry", NpmSpecs.redact(value),
          issues.at(lineNo)));
    } else if (key.startsWith("@") && lower.endsWith(":registry")) {
      sources.add(new PackageSourceConfig("npm-scope-registry", NpmSpecs.redact(value),
          issues.at(lineNo)));
    } else if (lower.equals("strict-ssl") && value.equalsIgnoreCase("false")) {
      issues.add("strict-ssl-disabled", "strict-ssl=false turns off TLS certificate checks for"
          + " the registry", lineNo);
    }
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"")
        || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }
}
