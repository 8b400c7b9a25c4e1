package dev.bulwark.inventory.pypi;

import dev.bulwark.inventory.LockfileExtractor;
import dev.bulwark.inventory.LockfileInput;
import dev.bulwark.model.Ecosystem;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.PackageSourceConfig;
import dev.bulwark.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * pip's configuration (pip.conf, pip.ini): the package indexes it names under {@code [global]}
 * and {@code [install]}. It has no dependencies.
 */
final class PipConfExtractor implements LockfileExtractor {
  static final String ID = "pypi/pip-conf";
  private static final Set<String> KEYS = Set.of("index-url", "extra-index-url", "find-links", "trusted-host");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Ecosystem ecosystem() {
    return Ecosystem.PYPI;
  }

  @Override
  public boolean handles(String fileName) {
    return fileName.equals("pip.conf") || fileName.equals("pip.ini");
  }

  @Override
  public Inventory extract(LockfileInput input) {
    List<PackageSourceConfig> sources = new ArrayList<>();
    for (IniReader.Entry e : IniReader.read(input.text())) {
      if (!(e.section().equals("global") || e.section().equals("install")) || !KEYS.contains(e.key())) {
        continue;
      }
      for (TomlDocs.Indexed<String> v : e.values()) {
        for (String url : LogicalLines.tokens(v.value())) {
          sources.add(new PackageSourceConfig(e.key(), url, SourceLocation.of(input.displayPath(), v.line())));
        }
      }
    }
    return new Inventory(input.displayPath(), ID, Ecosystem.PYPI, List.of(), sources, List.of());
  }
}
