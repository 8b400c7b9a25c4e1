package dev.bulwark.inventory.npm;

import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.ExtractionException;
import dev.bulwark.model.Inventory;

/**
 * Turns an unexpected runtime failure while reading hostile input into an {@link
 * ExtractionException}, so one bad file never crashes a scan.
 */
final class Guard {
  private Guard() {}

  interface Body {
    Inventory get() throws ExtractionException;
  }

  static Inventory run(LockfileInput input, Body body) throws ExtractionException {
    try {
      return body.get();
    } catch (RuntimeException | StackOverflowError e) {
      throw new ExtractionException(input.displayPath(), 0,
          "could not be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }
}
