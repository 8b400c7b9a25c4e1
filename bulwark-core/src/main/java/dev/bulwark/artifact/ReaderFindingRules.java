package dev.bulwark.artifact;

import static dev.bulwark.model.Category.BINARY_PAYLOAD;
import static dev.bulwark.model.Category.EVASION;
import static dev.bulwark.model.Confidence.HIGH;
import static dev.bulwark.model.Confidence.LOW;
import static dev.bulwark.model.Confidence.MEDIUM;

import dev.bulwark.model.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The findings {@link ArtifactReader} reports about an archive or folder, with explanations. */
public final class ReaderFindingRules {
  public static final String PATH_TRAVERSAL = "archive-path-traversal";
  public static final String BACKSLASH_PATH = "archive-backslash-path";
  public static final String SYMLINK = "archive-symlink";
  public static final String HARDLINK = "archive-hardlink";
  public static final String SPECIAL_FILE = "archive-special-file";
  public static final String BOMB = "archive-bomb";
  public static final String TOO_LARGE = "archive-too-large";
  public static final String TOO_MANY_ENTRIES = "archive-too-many-entries";
  public static final String DUPLICATE_ENTRY = "archive-duplicate-entry";
  public static final String NESTING_TOO_DEEP = "archive-nesting-too-deep";
  public static final String OVERSIZED_FILE = "archive-oversized-file";
  public static final String CORRUPT = "archive-corrupt";
  public static final String ENCRYPTED = "archive-encrypted";
  public static final String TIME_BUDGET = "archive-time-budget";

  private static final List<ReaderFindingRule> ALL =
      List.of(
          new ReaderFindingRule(PATH_TRAVERSAL, "Archive entry escapes the package folder",
              Severity.HIGH, HIGH, EVASION, true,
              "An entry name contains '..', starts with '/' or a drive letter, or contains a NUL"
                  + " byte, so unpacking it would write outside the package folder.",
              "Path traversal (\"zip slip\") lets a package overwrite files such as shell start-up"
                  + " scripts or SSH keys when a tool unpacks it.",
              "Do not unpack this archive with tools that trust entry names. Treat the package as"
                  + " hostile; the entry was not read."),
          new ReaderFindingRule(BACKSLASH_PATH, "Archive entry name uses backslashes",
              Severity.LOW, MEDIUM, EVASION, false,
              "An entry name uses '\\' as a separator; it was read with '/' instead.",
              "Backslashes are read as separators on Windows only, so one archive can unpack to"
                  + " different files on different systems and hide files from reviewers.",
              "Check which tool built the archive; registry tools never write backslashes."),
          new ReaderFindingRule(SYMLINK, "Archive contains a symbolic link",
              Severity.MEDIUM, MEDIUM, EVASION, true,
              "An entry is a symbolic link. It was reported, not followed.",
              "A link to a path outside the package lets a later entry write through it, or makes"
                  + " a package file point at a secret such as ~/.ssh/id_rsa.",
              "Look at the link target in the message. Packages rarely need links."),
          new ReaderFindingRule(HARDLINK, "Archive contains a hard link",
              Severity.MEDIUM, MEDIUM, EVASION, true,
              "An entry is a hard link to another path. It was reported, not followed.",
              "Hard links to files outside the package can expose or overwrite them on unpack.",
              "Look at the link target in the message. Packages rarely need links."),
          new ReaderFindingRule(SPECIAL_FILE, "Archive contains a device or FIFO entry",
              Severity.MEDIUM, MEDIUM, EVASION, false,
              "An entry is a character device, block device or named pipe.",
              "Device entries have no place in a package and can hang or harm naive unpackers.",
              "Treat the archive as crafted; the entry was not read."),
          new ReaderFindingRule(BOMB, "Decompression bomb",
              Severity.HIGH, HIGH, EVASION, true,
              "Data decompressed to far more bytes than its compressed size (the ratio limit was"
                  + " exceeded), so reading stopped.",
              "Decompression bombs exhaust memory or disk of scanners and installers, or hide the"
                  + " real payload from tools that give up.",
              "Do not unpack this archive. Files read before the bomb are still analysed."),
          new ReaderFindingRule(TOO_LARGE, "Package is larger than the reading limit",
              Severity.MEDIUM, LOW, EVASION, false,
              "The package's total uncompressed size exceeded the limit, so reading stopped and"
                  + " later files were not analysed.",
              "Padding a package with data is a way to make scanners give up before the payload.",
              "Raise the limit if the package is known to be large, or review it by hand."),
          new ReaderFindingRule(TOO_MANY_ENTRIES, "Package has too many entries",
              Severity.MEDIUM, LOW, EVASION, false,
              "The package has more entries than the limit, so reading stopped.",
              "Huge numbers of tiny entries slow scanners down and can hide a payload at the end.",
              "Raise the limit if the package is known to be large, or review it by hand."),
          new ReaderFindingRule(DUPLICATE_ENTRY, "Archive has two entries with the same path",
              Severity.MEDIUM, MEDIUM, EVASION, false,
              "Two entries have the same path. The first was kept; the later one was not read.",
              "Different tools keep different copies, so a reviewer can see a harmless file while"
                  + " the installer writes a malicious one.",
              "Compare both copies by hand before trusting the package."),
          new ReaderFindingRule(NESTING_TOO_DEEP, "Archives nested too deep",
              Severity.MEDIUM, MEDIUM, EVASION, false,
              "An archive inside the package is nested deeper than the limit and was not opened;"
                  + " it is kept as a plain file.",
              "Archives inside archives hide payloads from scanners that do not open them and"
                  + " build exponential bombs.",
              "Review the nested archive by hand."),
          new ReaderFindingRule(OVERSIZED_FILE, "File larger than the per-file limit",
              Severity.LOW, MEDIUM, BINARY_PAYLOAD, false,
              "A file is larger than the per-file limit; it was counted but not read or analysed.",
              "Large opaque files can carry binary payloads, and size alone stops many scanners.",
              "Check what the file is and why the package ships it."),
          new ReaderFindingRule(CORRUPT, "Archive is truncated or corrupt",
              Severity.MEDIUM, MEDIUM, EVASION, false,
              "The archive could not be read to its end; files before the damage were read.",
              "Malformed archives can be read differently by different tools, hiding content from"
                  + " scanners. Download errors cause this too.",
              "Download the package again; if it stays corrupt, do not install it."),
          new ReaderFindingRule(ENCRYPTED, "Encrypted content could not be read",
              Severity.MEDIUM, MEDIUM, EVASION, false,
              "An archive is password-protected and no working password was given.",
              "Encrypted archives inside packages hide payloads from scanners.",
              "Give the password if you have it, or review the package by hand."),
          new ReaderFindingRule(TIME_BUDGET, "Reading ran out of time",
              Severity.LOW, LOW, EVASION, false,
              "Reading the package took longer than the wall-clock last resort (every other reader"
                  + " limit counts work); the rest was not read.",
              "Archives built to be slow to read make scanners give up before the payload.",
              "Scan it again on a less loaded machine, or review the package by hand."));

  private ReaderFindingRules() {}

  /** Every reader rule, sorted by id. */
  public static List<ReaderFindingRule> all() {
    return ALL.stream().sorted(Comparator.comparing(ReaderFindingRule::id)).toList();
  }

  public static Optional<ReaderFindingRule> find(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  static ReaderFindingRule get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("unknown reader rule " + id));
  }
}
