package dev.bulwark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "learn",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a field guide to fake-recruiter attacks and supply-chain hygiene.",
      "Covers how the attacks work, how to vet a take-home project, ignore-scripts, workspace",
      "trust, lockfiles and hashes, and dependency confusion (the same text as docs/field-guide.md)."
    })
final class LearnCommand implements Callable<Integer> {
  static final String RESOURCE = "field-guide.md";
  private final Env env;

  @Option(names = "--markdown", description = "Print the Markdown source (as in docs/field-guide.md).")
  boolean markdown;

  LearnCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    String text;
    try (InputStream in = LearnCommand.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        env.err().println("bulwark learn: the field guide is missing from this build");
        return ExitCode.INCOMPLETE.code;
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      env.err().println("bulwark learn: cannot read the field guide: " + e.getMessage());
      return ExitCode.INCOMPLETE.code;
    }
    env.out().print(markdown ? text : plain(text));
    env.out().flush();
    return ExitCode.OK.code;
  }

  /** Turns the guide's small Markdown subset into terminal text (our own text, not input). */
  static String plain(String md) {
    StringBuilder b = new StringBuilder();
    for (String line : md.split("\n", -1)) {
      String l = line;
      if (l.startsWith("```")) {
        continue;
      }
      if (l.startsWith("#")) {
        String title = l.replaceFirst("^#+\\s*", "");
        b.append(title).append('\n').append((l.startsWith("# ") ? "=" : "-").repeat(
            Math.min(title.length(), 100))).append('\n');
        continue;
      }
      l = l.replace("**", "").replace("`", "").replace("<https://", "https://")
          .replaceAll("(https://[^\\s>]+)>", "$1");
      b.append(l).append('\n');
    }
    return b.toString().replaceAll("\n+$", "\n");
  }
}
