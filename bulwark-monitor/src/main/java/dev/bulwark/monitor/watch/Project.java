package dev.bulwark.monitor.watch;

import java.time.Instant;
import java.util.Objects;

/**
 * A project's current inventory, as last uploaded.
 *
 * @param name the project's name (as given in the URL)
 * @param file the uploaded file's name
 * @param uploaded when
 * @param dependencies how many packages the upload holds
 * @param openAlerts alerts not resolved
 */
public record Project(String name, String file, Instant uploaded, int dependencies, int openAlerts) {
  public Project {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(uploaded, "uploaded");
  }
}
