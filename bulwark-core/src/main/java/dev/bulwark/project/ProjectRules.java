package dev.bulwark.project;

import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Severity;
import java.util.List;
import java.util.Optional;

/** The project-level checks' metadata. Their logic is in {@link ProjectChecks}. */
public final class ProjectRules {
  private static final String ATTACK_TASKS = "https://attack.mitre.org/techniques/T1204/002/";
  private static final String ATTACK_SUPPLY = "https://attack.mitre.org/techniques/T1195/001/";
  private static final String UNIT42 =
      "https://unit42.paloaltonetworks.com/two-campaigns-by-north-korea-bad-actors-target-job-hunters/";

  static final ProjectRule FOLDER_OPEN_TASK = new ProjectRule("project-vscode-folder-open-task",
      "VS Code task runs automatically when the folder is opened", Severity.MEDIUM,
      Confidence.HIGH, Category.INSTALL_HOOK, true,
      "The project's .vscode/tasks.json has a task with \"runOn\": \"folderOpen\". VS Code and"
          + " Cursor run it as soon as you open the folder and trust it, before you read any code.",
      "Fake recruiters hide their loader in such a task, often pushed far to the right with spaces,"
          + " so that opening the take-home project is enough to infect the machine.",
      "Do not open this folder in VS Code or Cursor with workspace trust granted. Read"
          + " .vscode/tasks.json in a plain text viewer first and delete tasks you did not expect.",
      List.of("T1204.002", ATTACK_TASKS, UNIT42));
  static final ProjectRule AUTO_TASKS_ALLOWED = new ProjectRule("project-vscode-automatic-tasks-allowed",
      "Workspace settings allow automatic tasks", Severity.LOW, Confidence.HIGH,
      Category.INSTALL_HOOK, false,
      "The project's .vscode/settings.json sets task.allowAutomaticTasks to \"on\", so tasks that"
          + " run on folder open do so without asking.",
      "It removes the one prompt that might make you stop before a folder-open task runs.",
      "Remove the setting, or open the folder in Restricted Mode.", List.of("T1204.002"));
  static final ProjectRule DEVCONTAINER_COMMAND = new ProjectRule("project-devcontainer-command",
      "Dev container runs commands when opened", Severity.LOW, Confidence.MEDIUM,
      Category.INSTALL_HOOK, false,
      "The dev container configuration runs commands when the container is created or started;"
          + " initializeCommand runs on your own machine, outside the container.",
      "Attackers use these hooks to run code as soon as the project is opened in a container.",
      "Read the commands before opening the folder in a dev container.", List.of("T1204.002"));
  static final ProjectRule HOOKS_PATH = new ProjectRule("project-git-hooks-path-redirect",
      "A script points git's hooks at a folder in the repository", Severity.MEDIUM,
      Confidence.MEDIUM, Category.PERSISTENCE, true,
      "A script or task runs `git config core.hooksPath` with a folder of this repository. From then"
          + " on, git runs the repository's own scripts on checkout, commit, merge or pull.",
      "Git never runs hooks from a fresh clone; redirecting core.hooksPath turns the repository's"
          + " hooks folder into code that runs on the next git command.",
      "Check the hooks folder before running git commands in this repository, and reset it with"
          + " `git config --unset core.hooksPath`.", List.of("T1546", ATTACK_TASKS));
  static final ProjectRule HOOK_DOWNLOADS = new ProjectRule("project-git-hook-downloads-code",
      "A git hook or project command downloads and runs code", Severity.CRITICAL, Confidence.HIGH,
      Category.DOWNLOAD_EXECUTE, true,
      "A command that an ordinary action runs (a git hook, an npm script such as start or test, a"
          + " make target, a dev container or compose command) fetches something from the network and runs it.",
      "These commands run when you do what the project's instructions say (commit, npm start, make);"
          + " a download piped into a shell runs whatever the attacker serves that day, and none of it"
          + " is in the repository for you to read.",
      "Do not run the command. Delete the hook or script line (and unset core.hooksPath for a hook);"
          + " if you already ran it, run `bulwark sweep` and rotate credentials.",
      List.of("T1105", "T1059.004"));
  static final ProjectRule GIT_CONFIG_EXEC = new ProjectRule("project-git-config-runs-commands",
      "The repository's git config runs commands", Severity.HIGH, Confidence.HIGH,
      Category.CODE_EXECUTION, true,
      "The .git/config shipped with this project makes git run a command (fsmonitor, a filter, an"
          + " alias starting with '!', a pager or ssh command).",
      "A config shipped inside a zipped repository is trusted by git, so ordinary commands such as"
          + " `git status` run the attacker's command.",
      "Do not run git in this copy. Remove the setting from .git/config or clone the repository"
          + " afresh.", List.of("T1546"));
  static final ProjectRule INSTALL_RUNS_APP = new ProjectRule("project-install-runs-application",
      "Installing dependencies starts the application", Severity.MEDIUM, Confidence.MEDIUM,
      Category.INSTALL_HOOK, true,
      "An npm lifecycle script (preinstall, install, postinstall or prepare) runs the project's own"
          + " server or script, so `npm install` already executes the application code.",
      "Take-home traps start their loader on `npm install` so that it runs before you have looked"
          + " at the code or decided to run the app.",
      "Install with `npm install --ignore-scripts` and read what the script runs first.",
      List.of("T1195.001", ATTACK_SUPPLY));
  static final ProjectRule RUNS_NON_CODE_FILE = new ProjectRule("project-runs-disguised-file",
      "A command runs a file disguised as a font, image or data file", Severity.CRITICAL,
      Confidence.HIGH, Category.EVASION, true,
      "A task, hook or script runs a file whose name says font, image or data (for example"
          + " fa-solid-400.woff2) with node, python or a shell. Real fonts and images are never run.",
      "Naming the loader like an asset keeps it out of code review and out of scanners that only"
          + " look at .js files.",
      "Treat the project as malicious. Do not open it with workspace trust, do not install or run"
          + " it, and report it.", List.of("T1036.008", UNIT42));
  static final ProjectRule ENV_ENCODED_URL = new ProjectRule("project-env-encoded-url",
      "An environment file hides a URL in base64", Severity.MEDIUM, Confidence.MEDIUM,
      Category.EVASION, true,
      "A .env or config file holds a value that decodes from base64 to a web address.",
      "Loaders keep the address of their next stage encoded in config so that it does not show up"
          + " in the code; the code decodes it at run time and fetches the payload.",
      "Decode the value and check where it points; find the code that reads this variable.",
      List.of("T1027", UNIT42));
  static final ProjectRule ENV_URL_FETCHED = new ProjectRule("project-env-url-fetched-and-run",
      "Code fetches a URL decoded from an environment variable and runs the response",
      Severity.CRITICAL, Confidence.HIGH, Category.DOWNLOAD_EXECUTE, true,
      "Project code decodes a URL kept in an environment variable, downloads it and executes the"
          + " response (eval, Function, new Function.constructor('require', …)).",
      "This is how trojanized take-home projects load their infostealer: the next stage never"
          + " sits in the repository, and it can change after you were sent the project.",
      "Do not run or install this project. Report the repository and the recruiter. If you ran it,"
          + " run `bulwark sweep` and rotate your credentials from a clean device.",
      List.of("T1105", "T1059.007", UNIT42));
  static final ProjectRule TRIGGER_REACHES_THREAT = new ProjectRule("project-trigger-runs-threat",
      "A trigger runs code that the scan flagged", Severity.HIGH, Confidence.HIGH,
      Category.CODE_EXECUTION, true,
      "Something you would do with this project (open it, install it, start it) runs a file that"
          + " contains a threat finding, at load time.",
      "The loader is placed where ordinary actions reach it, so no one has to call it on purpose.",
      "Do not perform that action. Read the flagged file and the chain that leads to it.",
      List.of("T1204.002"));
  static final ProjectRule CUSTOM_REGISTRY = new ProjectRule("project-custom-package-registry",
      "The project installs packages from a custom registry or index", Severity.MEDIUM,
      Confidence.MEDIUM, Category.SUSPICIOUS_NETWORK, false,
      "A project .npmrc, pip.conf or requirements option points package installs at a registry"
          + " or an extra index other than your own configuration.",
      "A registry under the attacker's control can serve any code under familiar package names;"
          + " an extra index invites dependency confusion.",
      "Check who runs that registry. Install with your own registry settings and"
          + " `--ignore-scripts`.", List.of("T1195.001", ATTACK_SUPPLY));
  static final ProjectRule NON_REGISTRY_DEPENDENCY = new ProjectRule(
      "project-non-registry-dependency", "A dependency comes from git, a URL or a tarball",
      Severity.LOW, Confidence.MEDIUM, Category.SUSPICIOUS_NETWORK, false,
      "A dependency is fetched from a git repository, a web address or a local tarball instead of"
          + " the registry.",
      "Such dependencies skip the registry's malware checks and can change without a version bump.",
      "Check the source of the dependency before installing.", List.of("T1195.001"));
  static final ProjectRule TYPOSQUAT = new ProjectRule("project-typosquat-dependency",
      "A dependency name looks like a popular package's", Severity.MEDIUM, Confidence.LOW,
      Category.METADATA, true,
      "A dependency's name differs by a character or two, or by a suffix, from a popular package.",
      "Look-alike packages ride on typos and on names that sound official.",
      "Check that you meant this package and not the popular one it resembles.",
      List.of("T1195.001"));
  static final ProjectRule MALICIOUS_DEPENDENCY = new ProjectRule("project-malicious-dependency",
      "A dependency is a known malicious package", Severity.CRITICAL, Confidence.HIGH,
      Category.METADATA, true,
      "A dependency of this project is listed as malicious in the advisory data.",
      "Fake take-home projects often pull the loader in as a look-alike npm or PyPI package.",
      "Do not install. Report the repository; if you installed it, run `bulwark sweep` and rotate"
          + " credentials.", List.of("T1195.001", ATTACK_SUPPLY));

  static final ProjectRule DEEP_MALICIOUS = new ProjectRule("project-dependency-tarball-malicious",
      "A dependency's published code is malicious", Severity.CRITICAL, Confidence.HIGH,
      Category.CODE_EXECUTION, true,
      "With --deep, the tarball the lockfile pins was fetched, checked against its integrity hash"
          + " and scanned; the package analyzer found malicious code in it.",
      "A trojanized project can keep its own code clean and pull the loader in as a dependency.",
      "Do not install. Report the package and the repository; if you installed it, run"
          + " `bulwark sweep` and rotate credentials.", List.of("T1195.001", ATTACK_SUPPLY));
  static final ProjectRule DEEP_INTEGRITY = new ProjectRule("project-dependency-integrity-mismatch",
      "A dependency's tarball does not match the lockfile", Severity.HIGH, Confidence.HIGH,
      Category.METADATA, true,
      "With --deep, the tarball served for a locked dependency has a different hash than the"
          + " lockfile's integrity field.",
      "Someone changed what the URL serves, or the registry in use is not the one the lockfile"
          + " was made with; npm would refuse it, a tool without integrity checks would not.",
      "Do not install from that source. Find out which registry serves the file and why it differs.",
      List.of("T1195.001"));

  private static final List<ProjectRule> ALL = List.of(FOLDER_OPEN_TASK, AUTO_TASKS_ALLOWED,
      DEVCONTAINER_COMMAND, HOOKS_PATH, HOOK_DOWNLOADS, GIT_CONFIG_EXEC, INSTALL_RUNS_APP,
      RUNS_NON_CODE_FILE, ENV_ENCODED_URL, ENV_URL_FETCHED, TRIGGER_REACHES_THREAT, CUSTOM_REGISTRY,
      NON_REGISTRY_DEPENDENCY, TYPOSQUAT, MALICIOUS_DEPENDENCY, DEEP_MALICIOUS, DEEP_INTEGRITY);

  private ProjectRules() {}

  public static List<ProjectRule> all() {
    return ALL;
  }

  public static Optional<ProjectRule> find(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
