package dev.bulwark.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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

  /**
   * Writes the report as UTF-8 bytes, the same bytes as {@link #render(ReportData, Writer)} gives
   * through a UTF-8 writer. The JSON report of an audit is written without a character encoder
   * (it can be a hundred megabytes); the others go through one. The caller closes {@code out}.
   */
  public void render(ReportData data, OutputStream out) throws IOException {
    if (this == JSON && data instanceof ReportData.Audit a) {
      JsonAuditRenderer.render(a.report(), a.tool(), a.exitCode(), out);
      return;
    }
    // As the CLI always did: a PrintWriter, which a renderer's generator may close.
    java.io.PrintWriter w = new java.io.PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    render(data, w);
    w.flush();
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
