package dev.bulwark.scan;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.analysis.ioc.IocFeed;
import dev.bulwark.analysis.ioc.IocFindings;
import dev.bulwark.analysis.ioc.IocHit;
import dev.bulwark.analysis.verdict.VerdictModel;
import dev.bulwark.artifact.Artifact;
import dev.bulwark.artifact.ArtifactFile;
import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanResult;
import dev.bulwark.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds indicator-of-compromise matches (the updatable IOC feed: C2 hosts and IPs, malicious file
 * hashes, compromised package versions) to another analyzer's result, and re-assesses the verdict
 * when there are any. IOCs are data, never detection code.
 */
public final class IocAnalyzer implements PackageAnalyzer {
  private static final int MAX_TEXT = 8 << 20;
  private static final int MAX_HITS = 20;
  private final PackageAnalyzer inner;
  private final IocFeed feed;

  public IocAnalyzer(PackageAnalyzer inner, IocFeed feed) {
    this.inner = inner;
    this.feed = feed;
  }

  @Override
  public ScanResult analyze(Artifact a) {
    ScanResult base = inner.analyze(a);
    List<Finding> iocs = new ArrayList<>();
    if (a.ecosystem().isPresent() && !a.name().isEmpty()) {
      feed.knownPackage(a.ecosystem().get(), a.name(), a.version()).ifPresent(h ->
          iocs.add(IocFindings.of(h, SourceLocation.of(a.displayName()), a.name() + "@" + a.version())));
    }
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
    for (ArtifactFile f : a.files()) {
      if (iocs.size() >= MAX_HITS) {
        break;
      }
      feed.hash(sha.digest(f.content())).ifPresent(h ->
          iocs.add(IocFindings.of(h, SourceLocation.of(f.path()), "sha256 of " + f.fileName())));
      if (f.content().length <= MAX_TEXT) {
        String text = new String(f.content(), StandardCharsets.ISO_8859_1);
        for (IocHit h : feed.scan(text)) {
          if (iocs.size() >= MAX_HITS) {
            break;
          }
          iocs.add(IocFindings.of(h, SourceLocation.of(f.path(), line(text, h.start())),
              snippet(text, h.start(), h.end())));
        }
      }
    }
    if (iocs.isEmpty()) {
      return base;
    }
    List<Finding> all = new ArrayList<>(base.findings());
    all.addAll(iocs);
    all.sort(null);
    VerdictModel.Assessment v = VerdictModel.assess(all);
    return new ScanResult(base.target(), base.kind(), base.ecosystem(), base.name(), base.version(),
        v.verdict(), v.score(), v.reason(), all, base.skipped(), base.errors(), base.filesScanned(),
        base.bytesScanned());
  }

  private static int line(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String snippet(String text, int start, int end) {
    int s = Math.max(0, start - 40);
    int e = Math.min(text.length(), end + 40);
    StringBuilder b = new StringBuilder();
    for (char c : text.substring(s, e).toCharArray()) {
      b.append(c < 0x20 || c > 0x7e ? ' ' : c);
    }
    return b.toString().trim();
  }
}
