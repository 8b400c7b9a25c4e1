package dev.bulwark.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One large package in flight at a time; threads sized so that the packages in flight fit. */
class HeapLaneTest {
  private static final long MIB = 1L << 20;

  @ParameterizedTest(name = "{0} threads, {1} KiB heap -> {2}")
  @CsvSource({
    // What Runtime.maxMemory() reports under the launcher's -Xmx640m with the serial collector
    // (a survivor space left out): two workers, as the launcher's heap was sized for. Sizing every
    // worker for the largest package (256 MiB each in four fifths of it) gave one.
    "2, 633536, 2",
    "2, 655360, 2",
    "16, 655360, 2",
    // Default limits: one package of 128 MiB kept + 64 MiB file + 64 MiB margin, the others
    // 32 + 64 + 64 MiB.
    "16, 327680, 1",
    "16, 1048576, 4",
    "16, 8388608, 16",
    "1, 8388608, 1",
    "4, 102400, 1",
  })
  void threadsFitTheHeap(int requested, long heapKib, int expected) {
    assertThat(HeapLane.threadsThatFit(requested, ReaderLimits.defaults(), heapKib << 10))
        .isEqualTo(expected);
  }

  @Test
  void aSecondLargePackageWaitsUntilTheFirstIsAnalysed() throws Exception {
    HeapLane lane = new HeapLane();
    CountDownLatch firstHolds = new CountDownLatch(1);
    CountDownLatch firstMayEnd = new CountDownLatch(1);
    CountDownLatch secondSmall = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = pool.submit(() -> lane.run(() -> {
        HeapLane.kept(HeapLane.SMALL_BYTES + 1);
        firstHolds.countDown();
        return firstMayEnd.await(30, TimeUnit.SECONDS);
      }));
      assertThat(firstHolds.await(30, TimeUnit.SECONDS)).isTrue();
      Future<?> second = pool.submit(() -> lane.run(() -> {
        HeapLane.kept(HeapLane.SMALL_BYTES);   // up to the mark: no waiting
        secondSmall.countDown();
        HeapLane.kept(HeapLane.SMALL_BYTES + MIB);
        return true;
      }));
      assertThat(secondSmall.await(30, TimeUnit.SECONDS)).isTrue();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!lane.contended() && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      assertThat(lane.contended()).isTrue();
      assertThat(second.isDone()).isFalse();
      firstMayEnd.countDown();
      assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(true);
      assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(true);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theLaneIsGivenBackWhenTheWorkThrowsAndHeldOncePerPackage() throws Exception {
    HeapLane lane = new HeapLane();
    assertThatThrownBy(() -> lane.run(() -> {
      HeapLane.kept(HeapLane.SMALL_BYTES + 1);
      HeapLane.kept(HeapLane.SMALL_BYTES * 3);   // already held: not taken twice
      lane.run(() -> {
        HeapLane.kept(HeapLane.SMALL_BYTES * 4); // a nested run shares the package's scope
        return null;
      });
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<Boolean> f = other.submit(() -> lane.run(() -> {
        HeapLane.kept(HeapLane.SMALL_BYTES + 1);
        return true;
      }));
      assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void aReadOutsideALaneIsNeverHeldBack() {
    HeapLane.kept(Long.MAX_VALUE);
    HeapLane.kept(Long.MAX_VALUE);
  }
}
