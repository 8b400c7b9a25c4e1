package dev.bulwark.analysis.flow;

import static org.assertj.core.api.Assertions.assertThat;

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
}
