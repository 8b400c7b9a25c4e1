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

/** Runs a package manager's config command with a timeout and a bounded output. */
public final class ProcessCommandRunner implements CommandRunner {
  private static final int MAX_OUTPUT = 64 * 1024;
  private final Path cwd;

  public ProcessCommandRunner(Path cwd) {
    this.cwd = cwd;
  }

  @Override
  public Optional<String> run(List<String> command, Duration timeout) {
    Process p;
    try {
      p = new ProcessBuilder(command).directory(cwd.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      return Optional.empty();
    }
    try (InputStream in = p.getInputStream()) {
      p.getOutputStream().close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Thread reader = new Thread(() -> copy(in, out), "bulwark-config-read");
      reader.setDaemon(true);
      reader.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      reader.join(1000);
      synchronized (out) {
        return p.exitValue() == 0
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

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        synchronized (out) {
          if (out.size() + n > MAX_OUTPUT) {
            return;
          }
          out.write(buf, 0, n);
        }
      }
    } catch (IOException e) {
      // The process ended or was killed; what was read is kept.
    }
  }
}
