package dev.bulwark.sweep;

import java.util.Map;
import java.util.Set;

/**
 * What each kind of {@link Indicator} means, for reports that explain their results (HTML,
 * SARIF, Markdown): a title, what was found, why it matters and what to do.
 *
 * @param title a short title
 * @param what what this kind of evidence is
 * @param why why it matters
 * @param action what to do now
 */
public record IndicatorText(String title, String what, String why, String action) {
  private static final String COMPROMISED = "Treat the machine as compromised and follow the"
      + " checklist in this report. Keep the file for investigators; do not open or run it.";
  private static final String REVIEW = "Check whether you set this up yourself. If you cannot"
      + " explain it, treat the machine as compromised and follow the checklist in this report.";

  private static final Map<String, IndicatorText> KINDS = Map.ofEntries(
      Map.entry("file-trace", new IndicatorText("Known malware file",
          "A file or folder at a path, or with a name, that a known malware family writes (for"
              + " example the Python runtime BeaverTail downloads to ~/.pyp, or ~/.npl).",
          "These files are left behind when a malicious project's code ran: they are the"
              + " payload, its loader or its downloaded archive.", COMPROMISED)),
      Map.entry("suspect-file", new IndicatorText("Suspicious dropped file",
          "A file whose name matches a tool these campaigns drop, such as a remote-desktop"
              + " installer in the home or a temp folder.",
          "Attackers install remote-access tools for hands-on control; a legitimate install"
              + " is also possible.", REVIEW)),
      Map.entry("known-bad-hash", new IndicatorText("File with a known malicious hash",
          "A file whose SHA-256 hash is on an indicator list.",
          "The exact bytes of a published malware sample are on this machine.", COMPROMISED)),
      Map.entry("odd-autostart", new IndicatorText("Start-up entry runs node or python from an"
              + " odd place",
          "A shell start-up file, cron table, service, launch agent, autostart entry or Run"
              + " key starts node or python from a temp folder or a hidden home folder.",
          "InvisibleFerret and similar backdoors make themselves start again after a reboot"
              + " or a new shell this way.", REVIEW)),
      Map.entry("ioc-autostart", new IndicatorText("Start-up entry names a known attacker"
              + " address",
          "A start-up entry names a host, address, URL or hash from an indicator list.",
          "Something starts automatically and talks to attacker infrastructure.",
          COMPROMISED)),
      Map.entry("c2-connection", new IndicatorText("Connection to a known attacker address",
          "An open TCP connection to an address on an indicator list.",
          "A process on this machine is talking to a command-and-control server now.",
          "Disconnect the machine from the network first, then follow the checklist in this report.")),
      Map.entry("c2-port", new IndicatorText("Connection on a command-and-control port",
          "An open TCP connection to port 1224, 1244, 1245, 4661 or 4666, the ports BeaverTail"
              + " and InvisibleFerret servers use.",
          "These ports are rare in normal use; a node or python process holding one is"
              + " likely the backdoor.",
          "Disconnect the machine from the network first, then follow the checklist in this report.")),
      Map.entry("odd-process", new IndicatorText("Process running from an odd place",
          "A running process whose executable file (`/proc/PID/exe`) is in a temp folder or a"
              + " hidden home folder, or was deleted after it started, or node or python working"
              + " in a hidden home folder. Its command line is not what is judged.",
          "Backdoors from malicious projects keep running in the background from such"
              + " places after the project was closed.", REVIEW)),
      Map.entry("malicious-package", new IndicatorText("Known malicious package installed",
          "An installed or cached package version that an advisory (an OSV MAL- record) marks"
              + " as malicious.",
          "Known malicious packages run attacker code when installed or imported.",
          COMPROMISED)),
      Map.entry("ioc-package", new IndicatorText("Package from an indicator list installed",
          "An installed or cached package version on an indicator list (for example a"
              + " worm-compromised npm release).",
          "Compromised releases steal tokens and credentials when installed.", COMPROMISED)),
      Map.entry("deep-malicious", new IndicatorText("Installed package looks malicious"
              + " (review)",
          "Static analysis of an installed package's code found behaviour typical of malware.",
          "Heuristics can misfire on installed trees, so this does not set the verdict.",
          REVIEW)),
      Map.entry("deep-suspicious", new IndicatorText("Installed package looks suspicious"
              + " (review)",
          "Static analysis of an installed package's code found risky behaviour.",
          "Heuristics can misfire on installed trees, so this does not set the verdict.",
          REVIEW)),
      Map.entry("autorun-task", new IndicatorText("Editor task runs when the folder is opened",
          "A recently opened folder has a .vscode/tasks.json task with runOn folderOpen.",
          "Malicious take-home projects use such tasks to run their code the moment the"
              + " folder is opened; many legitimate projects use them for watchers.", REVIEW)),
      Map.entry("autorun-task-fetch", new IndicatorText("Editor task fetched or ran code when"
              + " the folder was opened",
          "A recently opened folder has a folderOpen task whose command downloads, decodes or"
              + " runs code from an odd place.",
          "This is how Contagious Interview lures start their loader; in a trusted folder it"
              + " ran without asking.", COMPROMISED)));

  /** How to check suspicious evidence of each kind yourself (Markdown code spans allowed). */
  private static final Map<String, String> HOW_TO_CHECK = Map.ofEntries(
      Map.entry("odd-process", "Look at the process: `ls -l /proc/PID/exe /proc/PID/cwd` and"
          + " `tr '\\0' ' ' < /proc/PID/cmdline` (PID is in the path). If you started it (a build,"
          + " a test server), nothing is wrong; if you cannot explain it, stop it, keep the file"
          + " for investigators and run the full checklist."),
      Map.entry("c2-port", "Find the process holding the connection (`ss -tnp` or"
          + " `lsof -i -n -P`) and the address it talks to. A program you know (a game, a"
          + " corporate VPN) explains it; a node or python process you did not start does not:"
          + " then disconnect the machine and run the full checklist."),
      Map.entry("odd-autostart", "Open the file and read the entry. If you did not add it,"
          + " remove it, look at the file it runs (do not run it) and run the full checklist."),
      Map.entry("autorun-task-fetch", "Open the project's `.vscode/tasks.json` and read the"
          + " task. If you did not write it, do not open the folder again with tasks allowed;"
          + " if the task already ran (a trusted folder), treat the machine as compromised."));

  /**
   * What to do about this piece of evidence: the kind's action when it is confirmed; when it is
   * suspicious, how to check it (never "compromised").
   */
  public static String action(Indicator i) {
    IndicatorText t = of(i.kind());
    if (i.strong()) {
      return t.action();
    }
    String how = HOW_TO_CHECK.get(i.kind());
    return how != null ? how : t.action().equals(COMPROMISED) ? REVIEW : t.action();
  }

  /** The text for a kind; an unknown kind (from a newer check) gets a plain generic text. */
  public static IndicatorText of(String kind) {
    IndicatorText t = KINDS.get(kind);
    return t != null ? t : new IndicatorText(kind, "Evidence of kind " + kind + ".",
        "", REVIEW);
  }

  static Set<String> known() {
    return KINDS.keySet();
  }
}
