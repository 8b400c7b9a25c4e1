package dev.bulwark.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a package manager's command with a timeout and a bounded output. */
public final class ProcessCommandRunner implements CommandRunner {
  private final Path cwd;
  private final int maxOutput;
  private final boolean showErrors;

  /** A runner for config commands: output capped at 64 KiB. */
  public ProcessCommandRunner(Path cwd) {
    this(cwd, 64 * 1024);
  }

  /** Output beyond {@code maxOutput} bytes makes the run fail (never a truncated answer). */
  public ProcessCommandRunner(Path cwd, int maxOutput) {
    this(cwd, maxOutput, false);
  }

  /**
   * {@code showErrors}: the command's standard error goes to ours, so that the user sees why a
   * plan failed in the package manager's own words (a misspelt package, a network error).
   */
  public ProcessCommandRunner(Path cwd, int maxOutput, boolean showErrors) {
    this.cwd = cwd;
    this.maxOutput = maxOutput;
    this.showErrors = showErrors;
  }

  @Override
  public CommandRunner in(Path dir) {
    return new ProcessCommandRunner(dir, maxOutput, showErrors);
  }

  @Override
  public Optional<String> run(List<String> command, Duration timeout) {
    Process p;
    try {
      p = new ProcessBuilder(command).directory(cwd.toFile())
          .redirectError(showErrors ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      return Optional.empty();
    }
    try (InputStream in = p.getInputStream()) {
      p.getOutputStream().close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      java.util.concurrent.atomic.AtomicBoolean overflow = new java.util.concurrent.atomic.AtomicBoolean();
      Thread reader = new Thread(() -> copy(in, out, maxOutput, overflow), "bulwark-config-read");
      reader.setDaemon(true);
      reader.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      reader.join(1000);
      synchronized (out) {
        return p.exitValue() == 0 && !overflow.get()
            ? Optional.of(out.toString(StandardCharsets.UTF_8).strip()) : Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return Optional.empty();
    }
  }

  private static void copy(InputStream in, ByteArrayOutputStream out, int max,
      java.util.concurrent.atomic.AtomicBoolean overflow) {
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        synchronized (out) {
          if (out.size() + n > max) {
            overflow.set(true);
            continue;
          }
          out.write(buf, 0, n);
        }
      }
    } catch (IOException e) {
      // The process ended or was killed; what was read is kept.
    }
  }
}
