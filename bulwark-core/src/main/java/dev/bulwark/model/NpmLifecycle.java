package dev.bulwark.model;

import java.util.Set;

/** The npm scripts that run without being asked for: one list for every part of Bulwark. */
public final class NpmLifecycle {
  /**
   * Scripts npm runs on {@code npm install} of a package, or of a folder or git checkout of it
   * ({@code prepare} and its pre/post scripts run for folders and git dependencies).
   */
  public static final Set<String> INSTALL = Set.of("preinstall", "install", "postinstall", "preprepare",
      "prepare", "postprepare");

  /** {@link #INSTALL} plus {@code prepublish}, which npm still runs on a bare install in a project folder. */
  public static final Set<String> FOLDER_INSTALL = Set.of("preinstall", "install", "postinstall",
      "preprepare", "prepare", "postprepare", "prepublish");

  private NpmLifecycle() {}

  /** Whether {@code path} is the virtual file of an install script, such as {@code x/package.json#scripts.postinstall}. */
  public static boolean isInstallScriptPath(String path) {
    int s = path.lastIndexOf("package.json#scripts.");
    return s >= 0 && INSTALL.contains(path.substring(s + "package.json#scripts.".length()));
  }
}
