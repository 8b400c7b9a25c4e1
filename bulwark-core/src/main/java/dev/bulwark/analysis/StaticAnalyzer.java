package dev.bulwark.analysis;

import dev.bulwark.analysis.content.ContentSniffer;
import dev.bulwark.analysis.content.ContentType;
import dev.bulwark.analysis.content.ScanFile;
import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Problem;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.Skipped;
import dev.bulwark.model.SourceLocation;
import dev.bulwark.model.Verdict;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The static analysis engine: content detection, rules, deobfuscation, heuristics and the
 * verdict. Thread-safe: one instance serves many packages in parallel.
 */
public final class StaticAnalyzer implements dev.bulwark.analysis.PackageAnalyzer {
  /** Files larger than this are not scanned as text. */
  static final int MAX_TEXT_BYTES = 8 * 1024 * 1024;

  private final RuleEngine engine;

  public StaticAnalyzer(RuleCatalog catalog) {
    this.engine = new RuleEngine(catalog.rules());
  }

  @Override
  public ScanResult analyze(Artifact artifact) {
    List<Finding> findings = new ArrayList<>(artifact.readerFindings());
    List<Skipped> skipped = new ArrayList<>(artifact.skipped());
    List<Problem> errors = new ArrayList<>(artifact.errors());
    int files = 0;
    long bytes = 0;
    for (ArtifactFile af : artifact.files()) {
      if (af.content().length > MAX_TEXT_BYTES) {
        skipped.add(new Skipped(af.path(), "larger than " + MAX_TEXT_BYTES + " bytes"));
        continue;
      }
      files++;
      bytes += af.content().length;
      try {
        ContentType type = ContentSniffer.sniff(af.path(), af.content());
        ScanFile f = ScanFile.code(af.path(), type, decode(af.content(), type), af.executable());
        List<String> why = new ArrayList<>();
        findings.addAll(engine.scan(f, artifact.ecosystem(), x -> FileServices.none(), why));
        why.forEach(w -> skipped.add(new Skipped(f.path(), w)));
      } catch (RuntimeException e) {
        errors.add(new Problem("analysis-error", "analysis of this file failed: " + e, SourceLocation.of(af.path())));
      }
    }
    findings.sort(null);
    skipped.sort(null);
    errors.sort(null);
    Verdict v = findings.stream().anyMatch(Finding::threat) ? Verdict.SUSPICIOUS : Verdict.CLEAN;
    return new ScanResult(artifact.displayName(), "package", artifact.ecosystem(), artifact.name(),
        artifact.version(), v, v == Verdict.CLEAN ? 0 : 50, "", findings, skipped, errors, files, bytes);
  }

  /** UTF-8 with replacement for text; Latin-1 (one char per byte) for binaries. */
  static String decode(byte[] b, ContentType type) {
    if (!type.isText()) {
      return new String(b, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return new String(b, StandardCharsets.ISO_8859_1);
    }
  }
}
