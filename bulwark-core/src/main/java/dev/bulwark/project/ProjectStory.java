package dev.bulwark.project;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Verdict;
import java.util.ArrayList;
import java.util.List;

/** The plain-words parts of a project report: the verdict's reason, what each trigger does, what to do. */
final class ProjectStory {
  private static final int MAX_PER_KIND = 3;

  private ProjectStory() {}

  static String reason(Verdict v, List<Finding> findings) {
    Finding top = findings.stream().filter(Finding::threat).findFirst()
        .orElse(findings.isEmpty() ? null : findings.get(0));
    return switch (v) {
      case MALICIOUS -> "DO NOT RUN: " + (top == null ? "the project hides code that runs on its own."
          : top.message());
      case SUSPICIOUS -> "REVIEW FIRST: " + (top == null ? "some findings need a look."
          : top.message());
      case CLEAN -> "NO KNOWN RISK FOUND: nothing known to be malicious runs when you open, install"
          + " or start this project. This is not proof that it is safe.";
    };
  }

  static List<String> story(ExecutionSurface surface, List<Finding> findings) {
    List<String> out = new ArrayList<>();
    for (TriggerKind k : TriggerKind.values()) {
      List<Trigger> ts = surface.of(k);
      if (ts.isEmpty()) {
        if (k == TriggerKind.FOLDER_OPEN) {
          out.add("Opening the folder in VS Code or Cursor runs no task automatically.");
        } else if (k == TriggerKind.GIT) {
          out.add("git commands run no hook or command from this repository.");
        } else if (k == TriggerKind.INSTALL) {
          out.add("npm install runs no lifecycle script of this project.");
        }
        continue;
      }
      StringBuilder b = new StringBuilder(k.description()).append(" runs ");
      // Triggers that lead to the same flagged code are told once, together.
      java.util.Map<String, List<Trigger>> byFlag = new java.util.LinkedHashMap<>();
      for (Trigger t : ts) {
        String flagged = flagged(t, findings);
        byFlag.computeIfAbsent(flagged.isEmpty() ? "\u0000" + t.name() : flagged,
            x -> new ArrayList<>()).add(t);
      }
      int told = 0;
      for (java.util.Map.Entry<String, List<Trigger>> e : byFlag.entrySet()) {
        if (told == MAX_PER_KIND) {
          break;
        }
        List<Trigger> group = e.getValue();
        Trigger t = group.get(0);
        if (told++ > 0) {
          b.append("; and ");
        }
        if (group.size() == 1) {
          b.append(t.name()).append(": `").append(Snip.of(t.command())).append("` (")
              .append(t.location()).append(')');
        } else {
          List<String> names = group.stream().map(Trigger::name).toList();
          b.append(String.join(", ", names.subList(0, names.size() - 1))).append(" and ")
              .append(names.get(names.size() - 1)).append(" (").append(t.location())
              .append(" and nearby) all start with `").append(Snip.of(t.command())).append('`');
        }
        if (t.runs().size() > 1) {
          b.append(", which loads ").append(t.runs().size()).append(" project files");
        }
        if (!e.getKey().startsWith("\u0000")) {
          b.append(" — ").append(e.getKey());
        }
      }
      int rest = byFlag.size() - told;
      if (rest > 0) {
        b.append("; and ").append(rest).append(" more");
      }
      out.add(b.append('.').toString());
    }
    return out;
  }

  private static String flagged(Trigger t, List<Finding> findings) {
    for (Finding f : findings) {
      if (!f.threat()) {
        continue;
      }
      if (f.ruleId().equals(ProjectRules.TRIGGER_REACHES_THREAT.id())
          && names(f, t.kind().description()).contains(t.name())) {
        return trimDot(f.message().substring(f.message().indexOf(") runs ") + 2));
      }
      if (f.location().equals(t.location()) && !f.ruleId().equals(ProjectRules.FOLDER_OPEN_TASK.id())) {
        return trimDot(f.message());
      }
    }
    return "";
  }

  /** The trigger names of a merged reach finding: "<kind> (<a>; <b>) runs …". */
  private static List<String> names(Finding f, String description) {
    String m = f.message();
    int close = m.indexOf(") runs ");
    if (!m.startsWith(description + " (") || close < 0) {
      return List.of();
    }
    return List.of(m.substring(description.length() + 2, close).split("; "));
  }

  private static String trimDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  static List<String> nextSteps(Verdict v, ExecutionSurface surface) {
    List<String> s = new ArrayList<>();
    switch (v) {
      case MALICIOUS -> {
        s.add("Do not open this folder in VS Code or Cursor with workspace trust granted, and do not"
            + " run npm install, npm start, pip install or git commands in it.");
        s.add("Report the repository to its host and the recruiter to the platform where you met"
            + " them; keep the files as evidence, outside your projects folder.");
        s.add("If you already opened, installed or ran it: disconnect from the network, run"
            + " `bulwark sweep`, and from a clean device rotate your passwords, SSH keys, npm/PyPI/cloud"
            + " tokens and move crypto-wallet funds.");
      }
      case SUSPICIOUS -> {
        s.add("Read the flagged files before running anything; open the folder in Restricted Mode"
            + " (do not trust the workspace).");
        s.add("Install with `npm install --ignore-scripts` (or `pip download` and inspect), and run"
            + " the project only in a disposable VM or container with no credentials.");
        s.add("If a finding is confirmed, treat the project as malicious: report it, and run"
            + " `bulwark sweep` if you already ran it.");
      }
      case CLEAN -> {
        s.add("Still open unfamiliar projects in Restricted Mode first and install with"
            + " `--ignore-scripts`.");
        s.add("Run code from strangers in a disposable VM or container, never on the machine that"
            + " holds your wallets, SSH keys and tokens.");
      }
    }
    return s;
  }
}
