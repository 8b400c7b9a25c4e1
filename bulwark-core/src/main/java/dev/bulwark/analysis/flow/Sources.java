package dev.bulwark.analysis.flow;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Recognises source expressions in a code fragment by the text they contain. */
final class Sources {
  /** Source kinds, named as in rules. */
  enum Kind {
    ENV("env"), CREDENTIAL_FILE("credential-file"), BROWSER_PROFILE("browser-profile"),
    WALLET_FILE("wallet-file"), CLIPBOARD("clipboard"), KEYCHAIN("keychain"), HOSTNAME("hostname"),
    DECODED("decoded"), FETCHED("fetched"), WALLET_SECRET("wallet-secret");

    final String ruleName;

    Kind(String ruleName) {
      this.ruleName = ruleName;
    }

    static Set<Kind> parse(Set<String> names) {
      Set<Kind> out = EnumSet.noneOf(Kind.class);
      for (Kind k : values()) {
        if (names.contains(k.ruleName)) {
          out.add(k);
        }
      }
      return out;
    }
  }

  /** Markers per kind; matched case-sensitively unless written in lower case (then any case). */
  private static final Map<Kind, List<String>> MARKERS = Map.of(
      Kind.ENV, List.of("process.env", "os.environ", "os.getenv", "environ.get", "environ[", "Deno.env",
          "getenv("),
      Kind.CREDENTIAL_FILE, List.of(".npmrc", ".ssh/", ".ssh\\\\", "id_rsa", "id_ed25519", ".aws/credentials",
          ".git-credentials", ".netrc", ".pypirc", ".docker/config.json", ".kube/config",
          "gcloud/credentials", "application_default_credentials", ".gitconfig", ".bash_history",
          ".zsh_history", "/etc/passwd", "/etc/shadow", "/.env", "'.env'", "\".env\""),
      Kind.BROWSER_PROFILE, List.of("login data", "local state", "/cookies", "network/cookies", "google/chrome", "google\\\\chrome",
          "bravesoftware", "mozilla/firefox", "logins.json", "key4.db", "user data", "microsoft/edge",
          "opera software", "web data"),
      Kind.WALLET_FILE, List.of("wallet.dat", "exodus", "electrum", "metamask", "nkbihfbeogaeaoehlefnkodbefgpgknn",
          "phantom", "solana/id.json", "keystore", "atomic/local storage", "coinbase", "ledger live",
          "bfnaelmomeimhlpmgjnjophhpkkoljpa", "hnfanknocfeofbddgcijnmhnfnkdnaad"),
      Kind.CLIPBOARD, List.of("clipboard", "pbpaste", "xclip", "xsel", "pyperclip", "get-clipboard"),
      Kind.KEYCHAIN, List.of("find-generic-password", "find-internet-password", "keytar", "keyring.get_password",
          "keychain", "secretstorage", "credentialmanager", "dpapi", "cryptunprotectdata"),
      Kind.HOSTNAME, List.of("os.hostname", "gethostname", "platform.node", "os.userInfo", "os.uname",
          "getpass.getuser", "os.networkInterfaces", "getlogin", "os.homedir", "os.userinfo",
          "expanduser", "os.platform", "platform.system", "os.arch"),
      Kind.DECODED, List.of("atob(", "'base64'", "\"base64\"", "'hex'", "\"hex\"", "b64decode", "decompress(",
          "fromhex", "fromCharCode", "Buffer.from([", "codecs.decode", "unhexlify", "inflateSync", "gunzipSync", "marshal.loads"),
      Kind.FETCHED, List.of("fetch(", "axios", "http.get", "https.get", "http.request", "https.request",
          "requests.get", "requests.post", "urlopen", "urllib.request", "httpx.", "got(", "got.get",
          "request(", "XMLHttpRequest", "responseText", "net.connect", "socket.recv", "recv("),
      // Read from the fragment's direct text only (WalletSecrets); listed here for the pre-filter.
      Kind.WALLET_SECRET, WalletSecrets.MARKERS);

  private Sources() {}

  /** Every marker of these kinds, lower-cased: one of them occurs wherever such a source does. */
  static Set<String> markers(Set<Kind> kinds) {
    Set<String> out = new java.util.TreeSet<>();
    for (Kind k : kinds) {
      MARKERS.get(k).forEach(m -> out.add(m.toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  /**
   * The source kinds whose markers occur in the fragment as whole words: a marker that starts or
   * ends with a letter or digit must not continue a longer word there ({@code dpapi} is not in
   * {@code validateAdpApiKey}, {@code phantom} is not in {@code phantomjs}). A change of case
   * inside an identifier is a word boundary ({@code ExodusWallet} holds {@code exodus}), but a
   * run of capitals after the marker is an acronym of the same name ({@code PhantomJS} holds no {@code phantom}).
   */
  static Set<Kind> in(String fragment) {
    // an ASCII fragment: only kinds with a marker somewhere in it, case aside, can match
    // (its lower case is its ASCII fold); one pass over it instead of an indexOf per marker
    long candidates = ascii(fragment) ? KIND_GATE.applyAsLong(fragment) : ~0L;
    return candidates == 0 ? EnumSet.noneOf(Kind.class) : in(fragment, candidates);
  }

  /**
   * Whether some marker of the kind may occur in the text (one pass of the same gate as
   * {@link #in(String)}; a text with non-ASCII characters may always hold one).
   */
  static boolean mayHold(String text, Kind kind) {
    return !ascii(text) || (KIND_GATE.applyAsLong(text) >>> kind.ordinal() & 1L) != 0;
  }

  /** {@link #in(String)} without the one-pass gate (the reference in tests). */
  static Set<Kind> inByMarker(String fragment) {
    return in(fragment, ~0L);
  }

  /** Bit {@code k.ordinal()}: some marker of kind k occurs in a text, ASCII letters of any case. */
  private static final java.util.function.ToLongFunction<String> KIND_GATE;

  static {
    List<String> all = new java.util.ArrayList<>();
    List<Long> bits = new java.util.ArrayList<>();
    for (Map.Entry<Kind, List<String>> e : MARKERS.entrySet()) {
      for (String m : e.getValue()) {
        all.add(m);
        bits.add(1L << e.getKey().ordinal());
      }
    }
    KIND_GATE = new dev.bulwark.analysis.LiteralScanner(all, true)
        .groups(bits.stream().mapToLong(Long::longValue).toArray());
  }

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static Set<Kind> in(String fragment, long candidates) {
    Set<Kind> out = EnumSet.noneOf(Kind.class);
    String lower = null;
    for (Map.Entry<Kind, List<String>> e : MARKERS.entrySet()) {
      if ((candidates >>> e.getKey().ordinal() & 1L) == 0) {
        continue;
      }
      if (e.getKey() == Kind.WALLET_SECRET) {
        // the gate saw a marker somewhere; the secret counts only in the direct text
        if (WalletSecrets.in(fragment)) {
          out.add(Kind.WALLET_SECRET);
        }
        continue;
      }
      for (String m : e.getValue()) {
        boolean ci = m.equals(m.toLowerCase(Locale.ROOT)) && hasLetter(m);
        String hay = fragment;
        if (ci) {
          if (lower == null) {
            lower = fragment.toLowerCase(Locale.ROOT);
          }
          hay = lower;
        }
        if (containsWord(hay, fragment, m)) {
          out.add(e.getKey());
          break;
        }
      }
    }
    return out;
  }

  /** Whether {@code marker} occurs in {@code hay} (the fragment or its lower case) as a word. */
  static boolean containsWord(String hay, String original, String marker) {
    // Lower-casing can change the length (a dotted capital I); then the case is unknown.
    String s = hay.length() == original.length() ? original : hay;
    for (int at = hay.indexOf(marker); at >= 0; at = hay.indexOf(marker, at + 1)) {
      if (startsWord(s, at, marker) && endsWord(s, at + marker.length(), marker)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWord(String s, int at, String marker) {
    if (at == 0 || !Character.isLetterOrDigit(marker.charAt(0))) {
      return true;
    }
    char prev = s.charAt(at - 1);
    char first = s.charAt(at);
    return !Character.isLetterOrDigit(prev) || Character.isUpperCase(first) && !Character.isUpperCase(prev);
  }

  private static boolean endsWord(String s, int end, String marker) {
    if (end >= s.length() || !Character.isLetterOrDigit(marker.charAt(marker.length() - 1))) {
      return true;
    }
    char last = s.charAt(end - 1);
    char next = s.charAt(end);
    // a capital starts the next word of an identifier when a lower-case letter follows it
    // (ExodusWallet); a run of capitals is an acronym suffix of the same name (PhantomJS)
    return !Character.isLetterOrDigit(next) || Character.isUpperCase(next) && !Character.isUpperCase(last)
        && (end + 1 >= s.length() || !Character.isUpperCase(s.charAt(end + 1)) && Character.isLetterOrDigit(s.charAt(end + 1)));
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
