package dev.bulwark.analysis.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourcesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "validateAdpApiKey(apiKey)|",
    "crypt.dpapi.unprotect(blob)|KEYCHAIN",
    "CryptUnprotectData(buf)|KEYCHAIN",
    "{ phantom: '2', safari: '5.1' }|WALLET_FILE",
    "require('phantomjs-prebuilt')|",
    "path.join(home, 'Exodus', 'exodus.wallet')|WALLET_FILE",
    "openExodusWallet()|WALLET_FILE",
    "if (/PhantomJS/.test(ua)) {|",
    "ua.match(/PhantomJS\\/([^\\s]*)/)|",
    "const PHANTOM_DIR = 'Phantom'|WALLET_FILE",
    "loadPhantomVault(dir)|WALLET_FILE",
    "new Electrumx()|",
    "readFileSync(home + '/.npmrc')|CREDENTIAL_FILE",
    "forgot(password)|",
    "got(url)|FETCHED",
    "httpRequest(url)|FETCHED",
    "await fetch(url)|FETCHED",
    "os.hostname()|HOSTNAME",
    "ios.hostnameLabel|",
    "{'mnemonic': words}|WALLET_SECRET",
    "json.dumps({'key': private_key})|WALLET_SECRET",
    "JSON.stringify({ privateKey })|WALLET_SECRET",
    "key.strip()|",
    "private_key.strip()|WALLET_SECRET",
    "account.sign_transaction(tx, private_key)|",
    "Account.from_key(privateKey).address|",
    "mnemonicToSeedSync(mnemonic).toString()|",
    "{ sig: wallet.signMessage(privateKey, msg) }|",
    "'seed phrase'|",
    "private_keyring|",
  })
  void markersMatchWholeWords(String fragment, String expected) {
    var kinds = Sources.in(fragment);
    if (expected == null) {
      assertThat(kinds).isEmpty();
    } else {
      assertThat(kinds).extracting(Enum::name).contains(expected);
    }
  }

  /** Pieces of fragments: every kind's markers in several cases, near-misses, word edges, non-ASCII that lower-cases to ASCII. */
  private static final String[] PIECES = {"process.env", "PROCESS.ENV", "Process.Env", "os.environ", "getenv(", "GETENV(",
    "Deno.env", "deno.env", ".npmrc", ".NPMRC", "id_rsa", "ID_RSA", "/etc/passwd", "'.env'", "\".env\"", "/.env",
    "Login Data", "LOGIN DATA", "google\\chrome", "user data", "Exodus", "exodus", "ExodusWallet", "phantomjs", "PhantomJS", "PhantomVault", "phantom",
    "nkbihfbeogaeaoehlefnkodbefgpgknn", "Clipboard", "pbpaste", "keytar", "Keychain", "DPAPI", "validateAdpApiKey",
    "os.hostname", "os.userInfo", "os.userinfo", "OS.USERINFO", "expanduser", "atob(", "'base64'", "\"hex\"",
    "fromCharCode", "fromcharcode", "Buffer.from([", "buffer.from([", "fetch(", "FETCH(", "axios", "XMLHttpRequest",
    "xmlhttprequest", "recv(", "got(", "forgot(", "httpRequest(", "\u212Aeytar", "\u0130d_rsa", "\u212A", "\u0130",
    "\u00e9", "\u03a3", "a", "Z", "_", "0", " ", ".", "(", ")", "'", "\"", "/", "\\", "[", "x", "Env", "EXODUS",
    "se", "cretstorage", "ke", "ychain"};

  /** The one-pass gate leaves the kinds unchanged: seeded fragments against the marker-by-marker answer. */
  @Test
  void gateAgreesWithTheMarkerByMarkerAnswer() {
    java.util.Random r = new java.util.Random(29);
    int some = 0;
    int none = 0;
    for (int k = 0; k < 30_000; k++) {
      StringBuilder b = new StringBuilder();
      for (int i = 0, n = r.nextInt(7); i < n; i++) {
        b.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String f = b.toString();
      var expected = Sources.inByMarker(f);
      assertThat(Sources.in(f)).as("[%s]", f).isEqualTo(expected);
      if (expected.isEmpty()) {
        none++;
      } else {
        some++;
      }
    }
    assertThat(some).isGreaterThan(5_000);
    assertThat(none).isGreaterThan(2_000);
  }
}
