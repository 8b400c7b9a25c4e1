package dev.bulwark.registry;

/** A registry could not be reached, answered badly, or its configuration is missing. */
public final class RegistryException extends Exception {
  private static final long serialVersionUID = 1L;

  public RegistryException(String message) {
    super(message);
  }

  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
