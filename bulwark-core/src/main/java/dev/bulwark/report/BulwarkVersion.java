package dev.bulwark.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Bulwark's own version, from the build. */
public final class BulwarkVersion {
  private BulwarkVersion() {}

  public static String get() {
    try (InputStream in = BulwarkVersion.class.getResourceAsStream("/dev/bulwark/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
