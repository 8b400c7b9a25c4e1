package dev.bulwark.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Optional;

/** The machine and document formats that reports can be written in (console is the CLI's). */
public enum ReportFormat {
  JSON,
  SARIF,
  HTML,
  MARKDOWN,
  CYCLONEDX;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ReportFormat> parse(String s) {
    String n = s.trim().toLowerCase(Locale.ROOT);
    if (n.equals("md")) {
      return Optional.of(MARKDOWN);
    }
    for (ReportFormat f : values()) {
      if (f.id().equals(n)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** True when the format can describe this kind of result (CycloneDX needs an audit). */
  public boolean supports(ReportData data) {
    return this != CYCLONEDX || data instanceof ReportData.Audit;
  }

  /** Writes the report. The caller closes {@code out}. */
  public void render(ReportData data, Writer out) throws IOException {
    switch (this) {
      case JSON -> json(data, out);
      case SARIF -> SarifRenderer.render(data, out);
      case HTML -> HtmlRenderer.render(data, out);
      case MARKDOWN -> MarkdownRenderer.render(data, out);
      case CYCLONEDX -> {
        if (!(data instanceof ReportData.Audit a)) {
          throw new IllegalArgumentException("CycloneDX reports describe audits only");
        }
        CycloneDxRenderer.render(a, out);
      }
      default -> throw new IllegalStateException(name());
    }
  }

  private static void json(ReportData data, Writer out) throws IOException {
    if (data instanceof ReportData.Audit a) {
      JsonAuditRenderer.render(a.report(), a.tool(), a.exitCode(), out);
    } else if (data instanceof ReportData.Scan s) {
      JsonScanRenderer.render(s.targets(), s.tool(), s.rules(), s.exitCode(), out);
    } else if (data instanceof ReportData.Sweep w) {
      JsonSweepRenderer.render(w, out);
    }
  }
}
