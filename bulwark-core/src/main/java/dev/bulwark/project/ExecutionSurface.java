package dev.bulwark.project;

import java.util.List;

/**
 * Everything in a project that would run, by trigger.
 *
 * @param triggers sorted by kind, then location
 * @param notes facts that change what runs, such as workspace settings that allow automatic
 *     tasks, or a git config that redirects hooks
 */
public record ExecutionSurface(List<Trigger> triggers, List<String> notes) {
  public ExecutionSurface {
    triggers = List.copyOf(triggers);
    notes = List.copyOf(notes);
  }

  public List<Trigger> of(TriggerKind kind) {
    return triggers.stream().filter(t -> t.kind() == kind).toList();
  }

  /** Every project file that some trigger would run. */
  public java.util.Set<String> reachableFiles() {
    java.util.Set<String> s = new java.util.TreeSet<>();
    triggers.forEach(t -> s.addAll(t.runs()));
    return s;
  }
}
