package dev.bulwark.inventory.npm;

import dev.bulwark.model.DependencySource;
import java.util.Optional;

/** Reading npm dependency specifiers, resolved URLs and "name@version" identifiers. */
final class NpmSpecs {
  private static final String[] GIT_PREFIXES = {
    "git+", "git://", "git@", "github:", "gitlab:", "bitbucket:", "gist:"
  };

  private NpmSpecs() {}

  /** A package name and what follows its '@' ("lodash@4.17.4", "@s/a@npm:1.0.0"). */
  record NameRef(String name, String ref) {}

  /** Splits at the first '@' after position 0, so scoped names stay whole. */
  static Optional<NameRef> split(String ident) {
    int at = ident.indexOf('@', 1);
    if (at <= 0) {
      return Optional.empty();
    }
    String name = ident.substring(0, at);
    if (name.startsWith("@") && name.indexOf('/') < 0) {
      return Optional.empty();
    }
    return Optional.of(new NameRef(name, ident.substring(at + 1)));
  }

  /** "npm:real@^1.0.0" gives (real, ^1.0.0); anything else is not an alias. */
  static Optional<NameRef> alias(String spec) {
    if (!spec.startsWith("npm:")) {
      return Optional.empty();
    }
    String rest = spec.substring(4);
    Optional<NameRef> nr = split(rest);
    return nr.isPresent() ? nr : rest.isEmpty() ? Optional.empty()
        : Optional.of(new NameRef(rest, ""));
  }

  /** Where a package.json-style specifier points. */
  static DependencySource sourceOfSpec(String spec) {
    String s = spec.trim();
    if (s.startsWith("workspace:")) {
      return DependencySource.WORKSPACE;
    }
    if (s.startsWith("link:") || s.startsWith("portal:")) {
      return DependencySource.LINK;
    }
    if (s.startsWith("file:") || s.startsWith("./") || s.startsWith("../") || s.startsWith("/")
        || s.startsWith("~/") || s.equals(".")) {
      return DependencySource.FILE;
    }
    if (isGit(s)) {
      return DependencySource.GIT;
    }
    if (isHttp(s)) {
      return DependencySource.URL;
    }
    return isGitShorthand(s) ? DependencySource.GIT : DependencySource.REGISTRY;
  }

  /** Where a lockfile's resolved URL points; "" means the default registry. */
  static DependencySource sourceOfResolved(String resolved) {
    String r = resolved.trim();
    if (r.isEmpty()) {
      return DependencySource.REGISTRY;
    }
    if (isGit(r)) {
      return DependencySource.GIT;
    }
    if (r.startsWith("link:") || r.startsWith("portal:")) {
      return DependencySource.LINK;
    }
    if (isHttp(r)) {
      String path = stripQuery(r);
      if (path.contains("/-/") && path.endsWith(".tgz")) {
        return DependencySource.REGISTRY;
      }
      return r.contains("://codeload.github.com/") ? DependencySource.GIT : DependencySource.URL;
    }
    return DependencySource.FILE;
  }

  static boolean isHttp(String s) {
    return s.startsWith("https://") || s.startsWith("http://");
  }

  private static boolean isGit(String s) {
    for (String p : GIT_PREFIXES) {
      if (s.startsWith(p)) {
        return true;
      }
    }
    String path = stripQuery(s);
    return isHttp(s) && (path.endsWith(".git") || s.contains(".git#") || s.contains("#commit="));
  }

  /** "user/repo" or "user/repo#ref", the GitHub shorthand npm accepts. */
  private static boolean isGitShorthand(String s) {
    int hash = s.indexOf('#');
    String base = hash < 0 ? s : s.substring(0, hash);
    int slash = base.indexOf('/');
    if (slash <= 0 || slash != base.lastIndexOf('/') || slash == base.length() - 1
        || base.startsWith("@")) {
      return false;
    }
    for (int i = 0; i < base.length(); i++) {
      char c = base.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '/')) {
        return false;
      }
    }
    return Character.isLetter(base.charAt(0));
  }

  private static String stripQuery(String url) {
    int q = url.indexOf('?');
    int h = url.indexOf('#');
    int cut = q < 0 ? h : h < 0 ? q : Math.min(q, h);
    return cut < 0 ? url : url.substring(0, cut);
  }

  /** Removes credentials ("user:secret@") from a URL so they are never stored. */
  static String redact(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int hostStart = scheme + 3;
    int slash = url.indexOf('/', hostStart);
    int authEnd = slash < 0 ? url.length() : slash;
    int at = url.lastIndexOf('@', authEnd - 1);
    if (at < hostStart || url.substring(hostStart, at).equals("git")) {
      return url;
    }
    return url.substring(0, hostStart) + "***@" + url.substring(at + 1);
  }

  /** "name@version", or the name alone when there is no version. */
  static String label(String name, String version) {
    return version.isEmpty() ? name : name + "@" + version;
  }
}
