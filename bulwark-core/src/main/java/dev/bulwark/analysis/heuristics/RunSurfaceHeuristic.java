package dev.bulwark.analysis.heuristics;

import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.analysis.heuristics.ShellJudge.Kind;
import dev.bulwark.analysis.rules.Hit;
import dev.bulwark.analysis.rules.RuleMeta;
import dev.bulwark.model.Category;
import dev.bulwark.model.Confidence;
import dev.bulwark.model.Severity;
import java.util.List;
import java.util.Map;

/**
 * What shell commands and self-running code do: one heuristic per behaviour, all reading the
 * same per-file judgement ({@link RunSurface}). They see npm lifecycle scripts (virtual files)
 * too.
 */
final class RunSurfaceHeuristic implements Heuristic {
  private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

  private final Kind kind;
  private final boolean recon;
  private final RuleMeta meta;

  private RunSurfaceHeuristic(Kind kind, boolean recon, RuleMeta meta) {
    this.kind = kind;
    this.recon = recon;
    this.meta = meta;
  }

  static List<Heuristic> all() {
    return List.of(
        new RunSurfaceHeuristic(Kind.REVERSE_SHELL, false, Meta.of("shell-reverse-shell",
            "A shell command gives a remote machine a shell on this one", Severity.CRITICAL, Confidence.HIGH,
            Category.CODE_EXECUTION, true,
            "A shell command connects a shell to a remote address (reverse shell).",
            "An install script, a script it runs, or a command string in code wires a shell to a network"
                + " connection: a redirect to /dev/tcp, netcat with -e, socat exec:, or an inline script that"
                + " joins a socket to a shell.",
            "Whoever listens at that address can type commands on the machine with the user's rights."
                + " Nothing in an ordinary package does this.",
            "Treat the machine as compromised: disconnect it, find the process, rotate every credential used"
                + " on it.", "T1059.004", "T1095")),
        new RunSurfaceHeuristic(Kind.DOWNLOAD_RUN, false, Meta.of("shell-download-and-run",
            "Code that runs by itself downloads a program and runs it", Severity.HIGH, Confidence.HIGH,
            Category.DOWNLOAD_EXECUTE, true,
            "A command that runs by itself downloads code and runs it in an interpreter.",
            "An install script (or a script or code it runs, or code that runs as soon as the package is"
                + " loaded) pipes what curl or wget downloads into a shell, Python, Node or PowerShell, runs"
                + " `$(curl …)`, or downloads a file and runs it right away.",
            "The code that really runs is not in the package, so no review of the package can see it; the"
                + " server can send a different payload to every victim.",
            "Do not install the package. If it ran, find out what was downloaded and treat the machine as"
                + " compromised.", "T1105", "T1059")),
        new RunSurfaceHeuristic(Kind.WINDOWS_LAUNCHER, false, Meta.of("shell-windows-launcher",
            "Code that runs by itself uses a Windows system program as a launcher", Severity.HIGH,
            Confidence.HIGH, Category.CODE_EXECUTION, true,
            "A command that runs by itself uses mshta, rundll32, regsvr32, certutil, bitsadmin, a script host"
                + " or hidden/encoded PowerShell.",
            "An install script (or code that runs by itself) starts a Windows system program that can fetch"
                + " and run code: mshta, rundll32, regsvr32, certutil -urlcache, bitsadmin, wscript/cscript,"
                + " silent msiexec, scheduled tasks, Run keys, or PowerShell that is hidden, encoded or downloads.",
            "These programs are signed by Microsoft, so attackers use them to run payloads past security"
                + " tools (\"living off the land\"). Packages never need them to install.",
            "Do not install the package. On a Windows machine where it ran, look for new scheduled tasks,"
                + " Run keys and downloaded files.", "T1218", "T1059.001")),
        new RunSurfaceHeuristic(Kind.DESTRUCTIVE, false, Meta.of("shell-destroys-files",
            "A shell command deletes the user's home folder or system files", Severity.CRITICAL, Confidence.HIGH,
            Category.CODE_EXECUTION, true,
            "A shell command deletes the home folder, the user's documents or the system, or wipes a disk.",
            "A shell command in an install script, a script it runs or a command string in code runs"
                + " `rm -rf` on the home folder, a user folder such as Desktop or Documents, or the root of the"
                + " file system, wipes a disk, or starts a fork bomb.",
            "This is vandalism (\"protestware\" and sabotage); no package cleans up outside its own folder.",
            "Do not install the package. If it ran, restore from backup and check what was deleted.",
            "T1485")),
        new RunSurfaceHeuristic(Kind.HOST_BEACON, false, Meta.of("shell-host-beacon",
            "A shell command sends this machine's user, host name or environment", Severity.HIGH,
            Confidence.HIGH, Category.EXFILTRATION, true,
            "A shell command puts the user name, host name, folder, environment or a secret file into a request.",
            "A shell command (in an install script, a script it runs, or a command string in code) builds a"
                + " URL, request body, header or DNS name from `$(hostname)`, `$(whoami)`, `$USER`, `env`,"
                + " `pwd` or a credential file, or pipes the output of such a command into curl, wget or netcat.",
            "Dependency-confusion probes and reconnaissance payloads report who installed them this way, and"
                + " the environment often holds tokens.",
            "Do not install the package. If it ran, treat the sent values as known to someone else and rotate"
                + " secrets that were in the environment.", "T1082", "T1041")),
        new RunSurfaceHeuristic(Kind.DAEMON, false, Meta.of("shell-daemon",
            "Code that runs by itself starts a process that outlives it", Severity.HIGH, Confidence.MEDIUM,
            Category.PERSISTENCE, true,
            "An install script (or code that runs by itself) starts a process that keeps running afterwards.",
            "An install script, or code that runs at install or load time, starts code with nohup, setsid,"
                + " `&` with disown, pm2/forever start, a detached screen or tmux session, or `start /b`.",
            "Installs finish; a process that keeps running after them is how miners, stealers and"
                + " backdoors stay on the machine without the user noticing.",
            "Do not install the package. If it ran, find and stop the process it started.", "T1543", "T1059")),
        new RunSurfaceHeuristic(Kind.HOST_BEACON, true, Meta.of("js-self-run-host-recon",
            "Code that runs by itself reads who and where it runs and sends data", Severity.HIGH, Confidence.HIGH,
            Category.EXFILTRATION, true,
            "Code that runs at install or load time reads the host name, user or network details and sends data out.",
            "A file that an install script runs with node (whatever its name), inline node -e code, or the"
                + " module-level code of the package's main file reads the host name, user account, network"
                + " interfaces, DNS servers or the whole environment, and the same code sends an HTTP request,"
                + " a DNS lookup or a socket message.",
            "This is the shape of dependency-confusion and reconnaissance packages: they report which machines"
                + " and companies installed them, whatever server they report to. Honest install scripts fetch"
                + " a binary for the platform; they do not need the machine's name.",
            "Do not install the package. If it ran, treat the machine's details (and anything in its"
                + " environment) as known to an attacker.", "T1082", "T1041", "T1195.002")));
  }

  @Override
  public String name() {
    return meta.id();
  }

  @Override
  public RuleMeta meta() {
    return meta;
  }

  @Override
  public boolean seesVirtualFiles() {
    return true;
  }

  @Override
  public List<Hit> find(ScanFile f, PackageView pkg, Map<String, String> params) {
    return behaviours(f, pkg).stream().filter(b -> b.kind() == kind && b.recon() == recon).limit(1)
        .map(b -> new Hit(Math.min(b.start(), f.text().length()), Math.min(Math.max(b.start(), b.end()), f.text().length()),
            b.detail()))
        .toList();
  }

  private static List<RunSurface.Behaviour> behaviours(ScanFile f, PackageView pkg) {
    Object[] last = LAST.get();
    if (last != null && last[0] == f && last[1] == pkg) {
      @SuppressWarnings("unchecked")
      List<RunSurface.Behaviour> cached = (List<RunSurface.Behaviour>) last[2];
      return cached;
    }
    List<RunSurface.Behaviour> found = List.copyOf(RunSurface.of(f, pkg));
    LAST.set(new Object[] {f, pkg, found});
    return found;
  }
}
