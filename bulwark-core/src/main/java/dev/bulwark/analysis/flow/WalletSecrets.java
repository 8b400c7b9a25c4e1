package dev.bulwark.analysis.flow;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code wallet-secret} source: a wallet's recovery phrase or private key <em>as it is</em>.
 * Wallet code derives from the secret all the time (it signs a transaction, derives an address or
 * an account, encrypts a key store) and sends the result; only a stealer sends the secret itself.
 * So this source is read from the <em>direct</em> text of a fragment ({@link #direct}): the text
 * with every call removed whose result is not simply its arguments' value. A secret passed to
 * {@code sign(tx, privateKey)} or {@code Account.from_key(key)} does not reach the result;
 * {@code json.dumps({"mnemonic": m})}, {@code str(key)}, {@code key.strip()} do. Hand-written
 * scanner (one pass, a stack of open calls), because no library reads "the value of an
 * expression" across JavaScript and Python from text.
 */
final class WalletSecrets {
  /** Lower-cased markers, matched as words in any case (see {@link Sources#containsWord}). */
  static final java.util.List<String> MARKERS = java.util.List.of("mnemonic", "mnemonics", "seed_phrase",
      "seedphrase", "recovery_phrase", "recoveryphrase", "secret_phrase", "private_key", "private_keys",
      "privatekey", "privatekeys", "privkey");

  /** Calls whose result carries their arguments' value: serialisers, encoders, containers, formatting. */
  private static final Set<String> CARRIERS = Set.of("dumps", "stringify", "str", "String", "repr", "bytes",
      "bytearray", "dict", "list", "tuple", "set", "b64encode", "urlsafe_b64encode", "standard_b64encode",
      "b32encode", "b16encode", "btoa", "hexlify", "encodeURIComponent", "encodeURI", "urlencode",
      "quote", "quote_plus", "join", "format", "concat", "from", "JSON", "Object", "assign", "append", "push",
      "update");

  /** Words that open a parenthesis without calling anything. */
  private static final Set<String> NOT_CALLS = Set.of("if", "for", "while", "switch", "catch", "return",
      "typeof", "await", "in", "of", "and", "or", "not", "elif", "with", "yield", "else", "function");

  /** Nesting kept track of at most; deeper parentheses are kept as text. */
  private static final int MAX_DEPTH = 256;

  private WalletSecrets() {}

  /** Whether the fragment's direct text names a wallet secret. */
  static boolean in(String fragment) {
    String d = direct(fragment);
    String dl = d.toLowerCase(Locale.ROOT);
    for (String m : MARKERS) {
      if (Sources.containsWord(dl, d, m)) {
        return true;
      }
    }
    return false;
  }

  private static final class Open {
    final int chainStart;
    final boolean call;
    final boolean carrier;
    boolean names;

    Open(int chainStart, boolean call, boolean carrier) {
      this.chainStart = chainStart;
      this.call = call;
      this.carrier = carrier;
    }
  }

  /**
   * The fragment without the calls that do not carry their arguments' value: such a call (its
   * callee and its argument list) becomes one blank. A call is kept when its callee's last name is a
   * carrier ({@link #CARRIERS}), or when its arguments name nothing ({@code key.strip()},
   * {@code phrase.encode('utf-8')}). String literals are kept as they are. Linear in the length.
   */
  static String direct(String s) {
    StringBuilder out = new StringBuilder(s.length());
    Deque<Open> open = new ArrayDeque<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int j = Math.min(n, Identifiers.skipString(s, i));
        out.append(s, i, j);
        i = j;
      } else if (c == '(') {
        int end = out.length();
        int e = end;
        while (e > 0 && (out.charAt(e - 1) == ' ' || out.charAt(e - 1) == '\t')) {
          e--;
        }
        int st = e;
        while (st > 0 && (Character.isJavaIdentifierPart(out.charAt(st - 1)) || out.charAt(st - 1) == '.')) {
          st--;
        }
        String chain = out.substring(st, e);
        String last = chain.substring(chain.lastIndexOf('.') + 1);
        boolean call = !last.isEmpty() && !NOT_CALLS.contains(last) && !Character.isDigit(last.charAt(0))
            && open.size() < MAX_DEPTH;
        if (!open.isEmpty()) {
          open.peek().names |= call; // the callee is a name inside the enclosing arguments
        }
        open.push(new Open(call ? st : end, call, CARRIERS.contains(last)));
        out.append(c);
        i++;
      } else if (c == ')' && !open.isEmpty()) {
        Open o = open.pop();
        if (o.call && !o.carrier && o.names) {
          out.setLength(o.chainStart);
          out.append(' ');
        } else {
          out.append(c);
          if (!open.isEmpty()) {
            open.peek().names |= o.names;
          }
        }
        i++;
      } else {
        if (!open.isEmpty() && Character.isJavaIdentifierStart(c)
            && (i == 0 || !Character.isJavaIdentifierPart(s.charAt(i - 1)))) {
          open.peek().names = true;
        }
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
