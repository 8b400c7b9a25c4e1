package dev.bulwark.analysis.content;

import java.util.Locale;

/**
 * Tells a file's content type from its bytes. Magic numbers decide binaries; text files are told
 * apart by shebang, then by extension, then by a light look at the content. Hand-written: the
 * handful of magic numbers is simpler than a MIME library and stays bounded on hostile input.
 */
public final class ContentSniffer {
  private static final int SNIFF = 8192;

  /** Documentation, markup and data formats: text, even when they quote code. */
  private static final java.util.Set<String> TEXT_EXTENSIONS = java.util.Set.of("md", "markdown", "txt",
      "rst", "html", "htm", "css", "scss", "sass", "less", "yml", "yaml", "toml", "cfg", "ini", "xml",
      "svg", "map", "csv", "tsv", "lock", "log", "properties", "conf", "in", "adoc", "tex", "license");

  private ContentSniffer() {}

  /** The content type of a file at {@code path} with these bytes. */
  public static ContentType sniff(String path, byte[] b) {
    ContentType magic = magic(b);
    if (magic != null) {
      return magic;
    }
    if (looksBinary(b)) {
      return ContentType.BINARY;
    }
    ContentType shebang = shebang(b);
    if (shebang != null) {
      return shebang;
    }
    ContentType byName = byExtension(path);
    if (byName != null) {
      return byName;
    }
    if (TEXT_EXTENSIONS.contains(extension(path))) {
      return ContentType.TEXT;
    }
    return byContent(b);
  }

  /** The type a file's extension claims (fonts and images included), or null. */
  public static ContentType claimedByExtension(String path) {
    String ext = extension(path);
    return switch (ext) {
      case "woff" -> ContentType.WOFF;
      case "woff2" -> ContentType.WOFF2;
      case "ttf" -> ContentType.TTF;
      case "otf" -> ContentType.OTF;
      case "png" -> ContentType.PNG;
      case "jpg", "jpeg" -> ContentType.JPEG;
      case "gif" -> ContentType.GIF;
      default -> byExtension(path);
    };
  }

  static ContentType magic(byte[] b) {
    if (starts(b, 0x7F, 'E', 'L', 'F')) {
      return ContentType.ELF;
    }
    if (starts(b, 'M', 'Z') && b.length >= 64) {
      return ContentType.PE;
    }
    if (starts(b, 0xFE, 0xED, 0xFA, 0xCE) || starts(b, 0xFE, 0xED, 0xFA, 0xCF)
        || starts(b, 0xCE, 0xFA, 0xED, 0xFE) || starts(b, 0xCF, 0xFA, 0xED, 0xFE)) {
      return ContentType.MACHO;
    }
    if ((starts(b, 0xCA, 0xFE, 0xBA, 0xBE) || starts(b, 0xCA, 0xFE, 0xBA, 0xBF)) && b.length >= 8) {
      // A fat Mach-O header counts its architectures here; a Java class file has its version.
      int n = ((b[4] & 0xFF) << 24) | ((b[5] & 0xFF) << 16) | ((b[6] & 0xFF) << 8) | (b[7] & 0xFF);
      return n > 0 && n < 32 ? ContentType.MACHO : ContentType.BINARY;
    }
    if (starts(b, 0, 'a', 's', 'm')) {
      return ContentType.WASM;
    }
    if (starts(b, 'w', 'O', 'F', 'F')) {
      return ContentType.WOFF;
    }
    if (starts(b, 'w', 'O', 'F', '2')) {
      return ContentType.WOFF2;
    }
    if (starts(b, 0, 1, 0, 0) && b.length >= 12 || starts(b, 't', 'r', 'u', 'e')) {
      return ContentType.TTF;
    }
    if (starts(b, 'O', 'T', 'T', 'O')) {
      return ContentType.OTF;
    }
    if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return ContentType.PNG;
    }
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return ContentType.JPEG;
    }
    if (starts(b, 'G', 'I', 'F', '8', '7', 'a') || starts(b, 'G', 'I', 'F', '8', '9', 'a')) {
      return ContentType.GIF;
    }
    if (starts(b, 'P', 'K', 3, 4) || starts(b, 'P', 'K', 5, 6)) {
      return ContentType.ZIP;
    }
    if (starts(b, 0x1F, 0x8B)) {
      return ContentType.GZIP;
    }
    return null;
  }

  private static boolean starts(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** A NUL byte, or many control bytes, in the first 8 KiB means binary. */
  static boolean looksBinary(byte[] b) {
    int n = Math.min(b.length, SNIFF);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xFF;
      if (c == 0) {
        return true;
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) {
        control++;
      }
    }
    return n > 0 && control * 10 > n;
  }

  static ContentType shebang(byte[] b) {
    if (!starts(b, '#', '!')) {
      return null;
    }
    int end = 0;
    while (end < b.length && end < 256 && b[end] != '\n') {
      end++;
    }
    String line = new String(b, 2, Math.max(0, end - 2), java.nio.charset.StandardCharsets.ISO_8859_1)
        .trim().toLowerCase(Locale.ROOT);
    java.util.StringTokenizer tok = new java.util.StringTokenizer(line);
    String[] words = new String[tok.countTokens()];
    for (int i = 0; i < words.length; i++) {
      words[i] = tok.nextToken();
    }
    String interp = words.length == 0 ? "" : words[0].substring(words[0].lastIndexOf('/') + 1);
    if (interp.equals("env")) {
      interp = "";
      for (int i = 1; i < words.length; i++) {
        if (!words[i].startsWith("-") && !words[i].contains("=")) {
          interp = words[i];
          break;
        }
      }
    }
    if (interp.startsWith("node") || interp.equals("deno") || interp.equals("bun")) {
      return ContentType.JAVASCRIPT;
    }
    if (interp.startsWith("python") || interp.startsWith("pypy")) {
      return ContentType.PYTHON;
    }
    if (interp.equals("sh") || interp.equals("bash") || interp.equals("zsh") || interp.equals("dash")
        || interp.equals("ksh") || interp.equals("ash")) {
      return ContentType.BASH;
    }
    return null;
  }

  static String extension(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int hash = name.indexOf('#');
    if (hash >= 0) {
      name = name.substring(0, hash);
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static ContentType byExtension(String path) {
    return switch (extension(path)) {
      case "js", "mjs", "cjs", "jsx" -> ContentType.JAVASCRIPT;
      case "ts", "mts", "cts", "tsx" -> ContentType.TYPESCRIPT;
      case "py", "pyw", "pyi" -> ContentType.PYTHON;
      case "sh", "bash", "zsh", "command" -> ContentType.BASH;
      case "json" -> ContentType.JSON;
      default -> null;
    };
  }

  /** For files without a telling name: a light look at the first bytes. */
  static ContentType byContent(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, SNIFF), java.nio.charset.StandardCharsets.ISO_8859_1);
    String t = head.stripLeading();
    if ((t.startsWith("{") || t.startsWith("[")) && (t.contains("\":") || t.length() < 3)) {
      return ContentType.JSON;
    }
    String head16 = t.substring(0, Math.min(t.length(), 16));
    int sp = head16.indexOf(' ');
    String first = sp < 0 ? head16 : head16.substring(0, sp);
    if (java.util.Set.of("curl", "wget", "bash", "sh", "chmod", "nohup", "echo", "export", "cd", "rm",
        "mkdir", "powershell", "sudo", "apt-get", "python", "python3", "node").contains(first)) {
      return ContentType.BASH;
    }
    int js = score(head, "require(", "function", "=>", "const ", "let ", "var ", "module.exports", "document.", "window.", "import(");
    int py = score(head, "\nimport ", "\nfrom ", "def ", "__name__", "self.", "elif ", "print(");
    if (head.startsWith("import ") || head.startsWith("from ")) {
      py++;
    }
    if (js >= 2 && js > py) {
      return ContentType.JAVASCRIPT;
    }
    if (py >= 2) {
      return ContentType.PYTHON;
    }
    return ContentType.TEXT;
  }

  private static int score(String s, String... markers) {
    int n = 0;
    for (String m : markers) {
      if (s.contains(m)) {
        n++;
      }
    }
    return n;
  }
}
