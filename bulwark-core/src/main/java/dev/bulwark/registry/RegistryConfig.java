package dev.bulwark.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves registry URLs the way npm and pip do, never assuming a host. npm: the flag, then
 * {@code npm_config_registry}, the project .npmrc, the user .npmrc, the global npmrc
 * ({@code $PREFIX/etc/npmrc}), and finally {@code npm config get registry}. pip: the flag, then
 * {@code PIP_INDEX_URL}/{@code PIP_EXTRA_INDEX_URL}, pip config files, then {@code pip config list}
 * and pip's own default.
 */
public final class RegistryConfig {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private RegistryConfig() {}

  public static NpmSettings npm(ConfigSources src, Optional<String> flag) throws RegistryException {
    Map<String, String> merged = new LinkedHashMap<>();
    Map<String, String> origin = new LinkedHashMap<>();
    String prefix = src.env().getOrDefault("PREFIX", src.env().getOrDefault("npm_config_prefix", ""));
    List<Path> files = new ArrayList<>();
    if (!prefix.isEmpty()) {
      files.add(Path.of(prefix, "etc", "npmrc"));
    }
    files.add(Path.of(src.env().getOrDefault("NPM_CONFIG_USERCONFIG",
        src.home().resolve(".npmrc").toString())));
    files.add(src.cwd().resolve(".npmrc"));
    for (Path f : files) {
      Map<String, String> kv = Npmrc.read(f, src.env());
      kv.forEach((k, v) -> origin.put(k, f.toString()));
      merged.putAll(kv);
    }
    Map<String, String> scopes = new LinkedHashMap<>();
    Map<String, String> tokens = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : merged.entrySet()) {
      String k = e.getKey();
      if (k.startsWith("@") && k.endsWith(":registry")) {
        scopes.put(k.substring(0, k.indexOf(':')).toLowerCase(Locale.ROOT), trim(e.getValue()));
      } else if (k.startsWith("//") && k.endsWith(":_authToken")) {
        tokens.put(k.substring(0, k.length() - ":_authToken".length()), e.getValue());
      }
    }
    Credentials creds = new Credentials(tokens);
    if (flag.isPresent() && !flag.get().isBlank()) {
      return new NpmSettings(trim(flag.get()), scopes, creds, "--registry");
    }
    String env = src.env().getOrDefault("npm_config_registry", src.env().getOrDefault("NPM_CONFIG_REGISTRY", ""));
    if (!env.isBlank()) {
      return new NpmSettings(trim(env), scopes, creds, "npm_config_registry");
    }
    if (merged.containsKey("registry") && !merged.get("registry").isBlank()) {
      return new NpmSettings(trim(merged.get("registry")), scopes, creds, origin.get("registry"));
    }
    Optional<String> asked = src.runner().run(List.of("npm", "config", "get", "registry"), TIMEOUT)
        .map(String::strip).filter(RegistryConfig::isHttpUrl);
    if (asked.isPresent()) {
      return new NpmSettings(trim(asked.get()), scopes, creds, "npm config get registry");
    }
    throw new RegistryException("no npm registry configured: pass --registry URL, set registry= in"
        + " an .npmrc, or install npm so that `npm config get registry` can answer");
  }

  public static PypiSettings pypi(ConfigSources src, Optional<String> flag) throws RegistryException {
    Map<String, String> env = src.env();
    List<String> extra = new ArrayList<>(split(env.getOrDefault("PIP_EXTRA_INDEX_URL", "")));
    PipConfig files = PipConfig.read(src);
    if (extra.isEmpty()) {
      extra.addAll(files.extraIndexes());
    }
    if (flag.isPresent() && !flag.get().isBlank()) {
      return new PypiSettings(trim(flag.get()), extra, "--index-url");
    }
    if (!env.getOrDefault("PIP_INDEX_URL", "").isBlank()) {
      return new PypiSettings(trim(env.get("PIP_INDEX_URL")), extra, "PIP_INDEX_URL");
    }
    if (!files.index().isEmpty()) {
      return new PypiSettings(trim(files.index()), extra, files.origin());
    }
    Optional<String> listed = src.runner().run(List.of("pip", "config", "list"), TIMEOUT)
        .flatMap(PipConfig::indexFromList);
    if (listed.isPresent()) {
      return new PypiSettings(trim(listed.get()), extra, "pip config list");
    }
    // pip's built-in default, asked from the installed pip itself rather than written here.
    Optional<String> builtin = src.runner().run(List.of("python3", "-c",
        "from pip._internal.models.index import PyPI; print(PyPI.simple_url)"), TIMEOUT)
        .map(String::strip).filter(RegistryConfig::isHttpUrl);
    if (builtin.isPresent()) {
      return new PypiSettings(trim(builtin.get()), extra, "pip default index");
    }
    throw new RegistryException("no PyPI index configured: pass --index-url URL, set PIP_INDEX_URL,"
        + " or install pip so that its configuration can be read");
  }

  static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    for (String p : s.strip().split("\\s+")) {
      if (!p.isBlank()) {
        out.add(trim(p));
      }
    }
    return out;
  }

  static String trim(String url) {
    String u = url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  static boolean isHttpUrl(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return l.startsWith("https://") || l.startsWith("http://");
  }
}
