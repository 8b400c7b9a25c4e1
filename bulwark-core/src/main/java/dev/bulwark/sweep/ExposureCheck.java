package dev.bulwark.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets that exist on the machine and so may have been stolen. Only existence is checked; a
 * file's content is read only to see whether a token line is present, and is never kept.
 */
final class ExposureCheck {
  private static final int MAX_BYTES = 256 * 1024;

  /** Chromium-family browsers: user-data folders relative to home, per platform. */
  private static final Map<String, List<String>> CHROMIUM = Map.of(
      "Chrome", List.of(".config/google-chrome", "Library/Application Support/Google/Chrome",
          "AppData/Local/Google/Chrome/User Data"),
      "Chromium", List.of(".config/chromium", "Library/Application Support/Chromium"),
      "Brave", List.of(".config/BraveSoftware/Brave-Browser",
          "Library/Application Support/BraveSoftware/Brave-Browser",
          "AppData/Local/BraveSoftware/Brave-Browser/User Data"),
      "Edge", List.of(".config/microsoft-edge", "Library/Application Support/Microsoft Edge",
          "AppData/Local/Microsoft/Edge/User Data"),
      "Opera", List.of(".config/opera", "Library/Application Support/com.operasoftware.Opera",
          "AppData/Roaming/Opera Software/Opera Stable"));

  /** Wallet browser extensions by Chrome Web Store id (ids are public facts). */
  static final Map<String, String> WALLET_EXTENSIONS = Map.ofEntries(
      Map.entry("nkbihfbeogaeaoehlefnkodbefgpgknn", "MetaMask"),
      Map.entry("bfnaelmomeimhlpmgjnjophhpkkoljpa", "Phantom"),
      Map.entry("hnfanknocfeofbddgcijnmhnfnkdnaad", "Coinbase Wallet"),
      Map.entry("ibnejdfjmmkpcnlpebklmnkoeoihofec", "TronLink"),
      Map.entry("egjidjbpglichdcondbcbdnbeeppgdph", "Trust Wallet"),
      Map.entry("fhbohimaelbohpjbbldcngcnapndodjp", "Binance Wallet"),
      Map.entry("ejbalbakoplchlghecdalmeeeajnimhm", "MetaMask (Edge)"),
      Map.entry("aeachknmefphepccionboohckonoeemg", "Coin98"),
      Map.entry("dmkamcknogkgcdfhhbddcghachkejeap", "Keplr"),
      Map.entry("bhhhlbepdkbapadjdnnojkbgioiodbic", "Solflare"),
      Map.entry("aholpfdialjgjfhomihkjbmgjidlcdno", "Exodus Web3"));

  private static final String ROTATE_BROWSER = "sign out of every site and change the passwords "
      + "saved in this browser, starting with e-mail, source hosting and cloud consoles";
  private static final String ROTATE_WALLET = "from a clean device, create a new wallet and move "
      + "the funds to it; never reuse this wallet's seed phrase";

  private final SweepContext ctx;

  ExposureCheck(SweepContext ctx) {
    this.ctx = ctx;
  }

  void run() {
    CHROMIUM.forEach(this::chromium);
    for (Path profile : ctx.fs.list(ctx.home.resolve(".mozilla/firefox"))) {
      firefox(profile);
    }
    for (Path profile : ctx.fs.list(ctx.home.resolve("Library/Application Support/Firefox/Profiles"))) {
      firefox(profile);
    }
    wallets();
    credentials();
    envFiles();
  }

  private void chromium(String browser, List<String> bases) {
    for (String base : bases) {
      for (Path profile : ctx.fs.list(ctx.home.resolve(base))) {
        exists(profile.resolve("Login Data"), "browser-passwords", 2, browser + " saved passwords", ROTATE_BROWSER);
        exists(profile.resolve("Cookies"), "browser-cookies", 2, browser + " cookies (live sessions)", ROTATE_BROWSER);
        exists(profile.resolve("Network/Cookies"), "browser-cookies", 2, browser + " cookies (live sessions)", ROTATE_BROWSER);
        for (Path ext : ctx.fs.list(profile.resolve("Local Extension Settings"))) {
          String wallet = WALLET_EXTENSIONS.get(Walker.name(ext));
          if (wallet != null) {
            ctx.exposure(new Exposure("crypto-wallet", 1, ext.toString(),
                wallet + " extension in " + browser, ROTATE_WALLET));
          }
        }
      }
    }
  }

  private void firefox(Path profile) {
    exists(profile.resolve("logins.json"), "browser-passwords", 2, "Firefox saved passwords", ROTATE_BROWSER);
    exists(profile.resolve("cookies.sqlite"), "browser-cookies", 2, "Firefox cookies (live sessions)", ROTATE_BROWSER);
  }

  private void wallets() {
    for (String p : List.of(".config/Exodus/exodus.wallet", "Library/Application Support/Exodus/exodus.wallet",
        "AppData/Roaming/Exodus/exodus.wallet", ".electrum/wallets", "Library/Application Support/Electrum/wallets",
        "AppData/Roaming/Electrum/wallets", ".config/atomic/Local Storage/leveldb",
        "Library/Application Support/atomic/Local Storage/leveldb", "AppData/Roaming/atomic/Local Storage/leveldb",
        ".config/solana/id.json", ".bitcoin/wallet.dat", ".ethereum/keystore")) {
      exists(ctx.home.resolve(p), "crypto-wallet", 1, "wallet files", ROTATE_WALLET);
    }
  }

  private void credentials() {
    for (Path k : ctx.fs.list(ctx.home.resolve(".ssh"))) {
      String n = Walker.name(k);
      if (n.startsWith("id_") && !n.endsWith(".pub")) {
        exists(k, "ssh-key", 3, "SSH private key", "make a new key pair, add the new public key "
            + "where the old one was (Git hosts, servers), then remove the old one everywhere");
      }
    }
    token(ctx.home.resolve(".npmrc"), "_auth", "npm-token", "npm registry token",
        "revoke the token in the registry's web settings and create a new one");
    token(ctx.home.resolve(".pypirc"), "password", "pypi-token", "Python package index token",
        "revoke the API token in the index's account settings and create a new one");
    String cloud = "deactivate these keys in the provider's console, create new ones, and review "
        + "recent activity (audit logs) for use you do not recognise";
    exists(ctx.home.resolve(".aws/credentials"), "cloud-credentials", 3, "AWS access keys", cloud);
    exists(ctx.home.resolve(".config/gcloud/application_default_credentials.json"), "cloud-credentials", 3, "Google Cloud credentials", cloud);
    exists(ctx.home.resolve(".config/gcloud/credentials.db"), "cloud-credentials", 3, "Google Cloud credentials", cloud);
    exists(ctx.home.resolve(".azure/msal_token_cache.json"), "cloud-credentials", 3, "Azure tokens", cloud);
    exists(ctx.home.resolve(".kube/config"), "cloud-credentials", 3, "Kubernetes config", cloud);
    exists(ctx.home.resolve(".docker/config.json"), "registry-credentials", 4, "container registry login", "log out, change the password or token, log in again");
    String git = "revoke the token or password at the Git host and sign in again";
    exists(ctx.home.resolve(".git-credentials"), "git-credentials", 3, "stored Git passwords/tokens", git);
    exists(ctx.home.resolve(".config/gh/hosts.yml"), "git-credentials", 3, "GitHub CLI token", git);
    exists(ctx.home.resolve("Library/Keychains"), "keychain", 2, "macOS keychain",
        "change the login password; review and rotate the passwords stored in the keychain");
  }

  private void envFiles() {
    for (Path p : ctx.homeWalk().envFiles()) {
      ctx.exposure(new Exposure("env-file", 3, p.toString(), "project .env file",
          "rotate every key and password this file holds"));
    }
  }

  private void exists(Path p, String cls, int priority, String what, String rotate) {
    if (ctx.fs.exists(p)) {
      ctx.exposure(new Exposure(cls, priority, p.toString(), what, rotate));
    }
  }

  /** Reports the file when a line holding {@code marker} exists; the value is never kept. */
  private void token(Path p, String marker, String cls, String what, String rotate) {
    Optional<String> text = ctx.fs.readText(p, MAX_BYTES);
    if (text.isPresent() && text.get().lines().anyMatch(l -> l.contains(marker) && l.contains("="))) {
      ctx.exposure(new Exposure(cls, 3, p.toString(), what, rotate));
    }
  }
}
