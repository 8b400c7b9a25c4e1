package dev.bulwark.analysis.rules;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * Include/exclude globs on '/'-separated paths: {@code **} any number of segments (also none),
 * {@code *} any characters inside one segment, {@code ?} one character. Hand-written because the
 * JDK's PathMatcher is tied to a file system and its {@code **} does not match zero segments.
 */
public record FileSelector(List<String> include, List<String> exclude, List<Pattern> includeRe,
    List<Pattern> excludeRe) {
  public static final FileSelector ALL = of(List.of(), List.of());

  public FileSelector {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    includeRe = List.copyOf(includeRe);
    excludeRe = List.copyOf(excludeRe);
  }

  public static FileSelector of(List<String> include, List<String> exclude) {
    return new FileSelector(
        include,
        exclude,
        include.stream().map(FileSelector::compile).toList(),
        exclude.stream().map(FileSelector::compile).toList());
  }

  /** Whether the path is selected. */
  public boolean selects(String path) {
    if (!includeRe.isEmpty() && includeRe.stream().noneMatch(p -> p.matches(path))) {
      return false;
    }
    return excludeRe.stream().noneMatch(p -> p.matches(path));
  }

  static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (c == '*' && glob.startsWith("**/", i)) {
        re.append("(?:[^/]*/)*");
        i += 3;
      } else if (c == '*' && glob.startsWith("**", i)) {
        re.append(".*");
        i += 2;
      } else if (c == '*') {
        re.append("[^/]*");
        i++;
      } else if (c == '?') {
        re.append("[^/]");
        i++;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
