package dev.bulwark.project;

import java.util.Locale;

/** What a developer does that makes project code run. */
public enum TriggerKind {
  FOLDER_OPEN("Opening the folder in VS Code or Cursor", true),
  DEVCONTAINER("Opening the folder in a dev container", true),
  GIT("Running git (checkout, commit, pull, status)", true),
  INSTALL("npm install, yarn or pnpm install", true),
  RUN("npm start, dev, build or test", false),
  PIP_INSTALL("pip install . or pip install -e .", true),
  PYTHON("Running the Python entry points", false),
  MAKE("Running make", false),
  DOCKER("docker compose up", false);

  private final String description;
  private final boolean automatic;

  TriggerKind(String description, boolean automatic) {
    this.description = description;
    this.automatic = automatic;
  }

  /** For people: "Opening the folder in VS Code or Cursor". */
  public String description() {
    return description;
  }

  /** True when it runs code as a side effect of something developers do without thinking. */
  public boolean automatic() {
    return automatic;
  }

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
