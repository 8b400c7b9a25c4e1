package dev.bulwark.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.artifact.ReaderLimits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scan threads are lowered so that the packages in flight fit in four fifths of the heap. */
class ScannerThreadsTest {
  @ParameterizedTest(name = "{0} threads, {1} MiB heap -> {2}")
  @CsvSource({
    "2, 640, 2",
    "16, 640, 2",
    "16, 600, 1",
    "16, 1024, 3",
    "16, 8192, 16",
    "1, 100, 1",
    "4, 100, 1",
  })
  void threadsFitTheHeap(int requested, long heapMib, int expected) {
    // Default limits: 128 MiB kept + 64 MiB file + 64 MiB margin = 256 MiB per package in flight.
    assertThat(Scanner.boundedThreads(requested, ReaderLimits.defaults(), heapMib << 20))
        .isEqualTo(expected);
  }
}
