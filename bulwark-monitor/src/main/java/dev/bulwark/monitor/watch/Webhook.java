package dev.bulwark.monitor.watch;

import dev.bulwark.monitor.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Delivers alerts to {@code --webhook URL} as JSON POSTs from its own threads: {@link #raised}
 * only enqueues, so a slow or dead receiver never holds up the monitor or an upload. A failed
 * call (connection error, timeout, non-2xx) is retried with exponential backoff; after the last
 * attempt the alert is counted as dropped (it stays in the store and the API).
 */
public final class Webhook implements AlertSink, AutoCloseable {
  /** Retries: attempts in all, first pause, longest pause. */
  public record Retry(int attempts, Duration first, Duration max) {
    public static Retry defaults() {
      return new Retry(6, Duration.ofMillis(500), Duration.ofSeconds(30));
    }
  }

  /** Alerts waiting; beyond this, new ones are dropped (and counted). */
  static final int MAX_PENDING = 100_000;
  /** Delivery threads: one verdict can raise an alert for hundreds of projects at once. */
  static final int THREADS = 4;

  private final HttpClient http;
  private final URI url;
  private final Sleeper sleeper;
  private final Retry retry;
  private final Metrics metrics;
  private final Consumer<Alert> delivered;
  private final BlockingQueue<Alert> queue = new LinkedBlockingQueue<>(MAX_PENDING);
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopping;

  Webhook(HttpClient http, URI url, Sleeper sleeper, Retry retry, Metrics metrics,
      Consumer<Alert> delivered) {
    this.http = http;
    this.url = url;
    this.sleeper = sleeper;
    this.retry = retry;
    this.metrics = metrics;
    this.delivered = delivered;
    for (int i = 0; i < THREADS; i++) {
      Thread t = new Thread(this::run, "bulwark-watch-webhook-" + i);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
  }

  @Override
  public void raised(Alert alert) {
    if (queue.offer(alert)) {
      metrics.webhookPending.incrementAndGet();
    } else {
      metrics.webhookDropped.incrementAndGet();
    }
  }

  private void run() {
    try {
      while (!stopping) {
        Alert a = queue.take();
        metrics.webhookPending.decrementAndGet();
        deliver(a);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(Alert a) throws InterruptedException {
    byte[] body = WatchJson.write(WatchJson.webhook(a)).getBytes(StandardCharsets.UTF_8);
    Duration pause = retry.first();
    for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("User-Agent", "bulwark-watch")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 == 2) {
          metrics.webhookDelivered.incrementAndGet();
          delivered.accept(a);
          return;
        }
      } catch (IOException e) {
        // retried below
      }
      metrics.webhookFailedAttempts.incrementAndGet();
      if (attempt < retry.attempts()) {
        sleeper.sleep(pause);
        pause = pause.multipliedBy(2).compareTo(retry.max()) > 0 ? retry.max()
            : pause.multipliedBy(2);
      }
    }
    metrics.webhookDropped.incrementAndGet();
  }

  @Override
  public void close() {
    stopping = true;
    threads.forEach(Thread::interrupt);
  }
}
