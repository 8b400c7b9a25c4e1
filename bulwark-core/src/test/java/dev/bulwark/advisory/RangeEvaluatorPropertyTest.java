package dev.bulwark.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Ecosystem;
import dev.bulwark.version.Interval;
import dev.bulwark.version.VersionScheme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded randomized comparison of the interval form against a literal transcription of the OSV
 * schema's evaluation pseudocode (sort events, walk them toggling "affected", then apply limits).
 */
class RangeEvaluatorPropertyTest {
  private static final VersionScheme NPM = VersionScheme.of(Ecosystem.NPM);
  private static final OsvEvent.Type[] TYPES = {
    OsvEvent.Type.INTRODUCED, OsvEvent.Type.FIXED, OsvEvent.Type.LAST_AFFECTED, OsvEvent.Type.LIMIT
  };

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void intervalsAgreeWithTheSpecAlgorithm(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 300; round++) {
      List<OsvEvent> events = new ArrayList<>();
      int n = 1 + rnd.nextInt(6);
      for (int i = 0; i < n; i++) {
        OsvEvent.Type t = TYPES[rnd.nextInt(i == 0 ? 1 : TYPES.length)];
        String v = t == OsvEvent.Type.INTRODUCED && rnd.nextInt(5) == 0 ? "0" : version(rnd);
        events.add(new OsvEvent(t, v));
      }
      OsvRange range = new OsvRange(OsvRange.SEMVER, events);
      List<Interval> intervals = RangeEvaluator.intervals(range, NPM);
      for (int probe = 0; probe < 20; probe++) {
        String v = version(rnd);
        boolean expected = specAffected(v, events);
        boolean actual = intervals.stream().anyMatch(i -> i.contains(v, NPM));
        assertThat(actual).as("version %s, events %s", v, events).isEqualTo(expected);
      }
    }
  }

  private static String version(SplittableRandom rnd) {
    return rnd.nextInt(4) + "." + rnd.nextInt(4) + "." + rnd.nextInt(3);
  }

  /** The OSV schema's pseudocode, transcribed; ties at one version sort introduced first. */
  private static boolean specAffected(String v, List<OsvEvent> events) {
    List<OsvEvent> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.<OsvEvent, String>comparing(e -> e.version().equals("0") && e.type() == OsvEvent.Type.INTRODUCED ? "0.0.0" : e.version(), NPM::compare)
        .thenComparing(OsvEvent::type));
    boolean affected = false;
    for (OsvEvent e : sorted) {
      switch (e.type()) {
        case INTRODUCED -> affected |= e.version().equals("0") || NPM.compare(v, e.version()) >= 0;
        case FIXED -> affected &= NPM.compare(v, e.version()) < 0;
        case LAST_AFFECTED -> affected &= NPM.compare(v, e.version()) <= 0;
        case LIMIT -> { }
      }
    }
    List<OsvEvent> limits = events.stream().filter(e -> e.type() == OsvEvent.Type.LIMIT).toList();
    boolean beforeLimits = limits.isEmpty() || limits.stream().anyMatch(l -> NPM.compare(v, l.version()) < 0);
    return affected && beforeLimits;
  }
}
