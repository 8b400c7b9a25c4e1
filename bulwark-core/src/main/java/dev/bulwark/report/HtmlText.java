package dev.bulwark.report;

/**
 * The HTML report's escaping, for other server-rendered pages (the watch dashboard): markup
 * escaped, and control, bidi and zero-width characters shown as escapes.
 */
public final class HtmlText {
  private HtmlText() {}

  /** Escapes text for HTML element content and quoted attribute values. */
  public static String escape(String s) {
    return Safe.html(s);
  }

}
