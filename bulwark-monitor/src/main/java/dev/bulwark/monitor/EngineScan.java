package dev.bulwark.monitor;

import dev.bulwark.analysis.PackageAnalyzer;
import dev.bulwark.analysis.RuleCatalog;
import dev.bulwark.analysis.StaticAnalyzer;
import dev.bulwark.analysis.ioc.IocFeed;
import dev.bulwark.artifact.HeapLane;
import dev.bulwark.artifact.ReaderLimits;
import dev.bulwark.inventory.Extractors;
import dev.bulwark.model.ScanResult;
import dev.bulwark.scan.Catalogs;
import dev.bulwark.scan.IocAnalyzer;
import dev.bulwark.scan.Scanner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The engine exactly as {@code bulwark scan PATH} builds it with no options: the built-in rule
 * catalog, the built-in IOC feed, default reader limits, content-detected mode. This is what makes
 * the monitor's verdict on a tarball the verdict {@code bulwark scan} gives it. Thread-safe: the
 * catalog and analyzers are immutable and each call reads its own file.
 */
public final class EngineScan {
  private final Scanner scanner;
  private final ReaderLimits limits;

  private EngineScan(Scanner scanner, ReaderLimits limits) {
    this.scanner = scanner;
    this.limits = limits;
  }

  /** The default engine; {@code extraRules} and {@code extraIocs} as scan's --rules and --ioc. */
  public static EngineScan defaults(List<Path> extraRules, List<Path> extraIocs) {
    RuleCatalog catalog = Catalogs.load(extraRules);
    ReaderLimits limits = ReaderLimits.defaults();
    Scanner scanner = new Scanner(new IocAnalyzer(new StaticAnalyzer(catalog),
        IocFeed.load(extraIocs)), limits, Optional.empty(), Extractors.all(), 1);
    return new EngineScan(scanner, limits);
  }

  /** The engine with another analyzer (tests: to see which thread analyses). */
  static EngineScan withAnalyzer(PackageAnalyzer analyzer) {
    ReaderLimits limits = ReaderLimits.defaults();
    return new EngineScan(new Scanner(analyzer, limits, Optional.empty(), Extractors.all(), 1),
        limits);
  }

  /**
   * Worker threads, lowered so that the scans in flight fit in four fifths of the heap: the
   * workers share this engine's scanner, whose large lane lets one of them hold a large package
   * at a time ({@link HeapLane#threadsThatFit}).
   */
  public int workersThatFit(int requested) {
    return HeapLane.threadsThatFit(requested, limits, Runtime.getRuntime().maxMemory());
  }

  /**
   * Scans one downloaded artifact as {@code bulwark scan FILE} would, on the calling thread (the
   * worker's): a pool per version would build fresh tree-sitter parsers, native memory, for every
   * version, freed only when a garbage collection finds the dead thread (this is what made
   * long-running workers grow past 1 GB; {@code docs/monitor.md}, "Memory").
   */
  public ScanResult scan(Path file, String display) {
    return scanner.scanOnCallingThread(List.of(new Scanner.Request(file, display,
        Scanner.Mode.AUTO, Optional.empty()))).get(0).scan();
  }
}
