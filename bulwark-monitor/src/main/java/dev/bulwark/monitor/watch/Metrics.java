package dev.bulwark.monitor.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counters behind {@code GET /metrics} (Prometheus text format 0.0.4). Written by hand: a dozen
 * lines of text do not need a metrics library.
 */
final class Metrics {
  private final Clock clock;
  private final LongSupplier queueLag;
  private final Deque<Instant> verdictTimes = new ArrayDeque<>();
  final AtomicLong verdicts = new AtomicLong();
  final AtomicLong uploads = new AtomicLong();
  final AtomicLong uploadsRejected = new AtomicLong();
  final AtomicLong alertsRaised = new AtomicLong();
  final AtomicLong webhookDelivered = new AtomicLong();
  final AtomicLong webhookFailedAttempts = new AtomicLong();
  final AtomicLong webhookDropped = new AtomicLong();
  final AtomicLong webhookPending = new AtomicLong();
  final AtomicLong rateLimited = new AtomicLong();

  Metrics(Clock clock, LongSupplier queueLag) {
    this.clock = clock;
    this.queueLag = queueLag;
  }

  void verdict() {
    verdicts.incrementAndGet();
    Instant now = clock.instant();
    synchronized (verdictTimes) {
      verdictTimes.addLast(now);
      trim(now);
    }
  }

  long verdictsLastMinute() {
    Instant now = clock.instant();
    synchronized (verdictTimes) {
      trim(now);
      return verdictTimes.size();
    }
  }

  private void trim(Instant now) {
    Instant from = now.minus(Duration.ofMinutes(1));
    while (!verdictTimes.isEmpty() && verdictTimes.peekFirst().isBefore(from)) {
      verdictTimes.removeFirst();
    }
  }

  String render(Map<AlertState, Long> alerts, int projects) {
    StringBuilder b = new StringBuilder();
    gauge(b, "bulwark_monitor_queue_lag", "Versions queued and not yet judged.",
        queueLag.getAsLong());
    gauge(b, "bulwark_watch_verdicts_per_minute", "Verdicts that reached the watch in the last"
        + " minute.", verdictsLastMinute());
    counter(b, "bulwark_watch_verdicts_total", "Verdicts that reached the watch.", verdicts.get());
    counter(b, "bulwark_watch_uploads_total", "Inventories accepted.", uploads.get());
    counter(b, "bulwark_watch_uploads_rejected_total", "Uploads refused (4xx).",
        uploadsRejected.get());
    counter(b, "bulwark_watch_alerts_raised_total", "Alerts raised (new or raised again).",
        alertsRaised.get());
    b.append("# HELP bulwark_watch_alerts Stored alerts by state.\n")
        .append("# TYPE bulwark_watch_alerts gauge\n");
    for (Map.Entry<AlertState, Long> e : alerts.entrySet()) {
      b.append("bulwark_watch_alerts{state=\"").append(e.getKey().jsonName()).append("\"} ")
          .append(e.getValue()).append('\n');
    }
    gauge(b, "bulwark_watch_projects", "Projects with an inventory.", projects);
    counter(b, "bulwark_watch_webhook_delivered_total", "Alerts delivered to the webhook.",
        webhookDelivered.get());
    counter(b, "bulwark_watch_webhook_failed_attempts_total", "Webhook calls that failed.",
        webhookFailedAttempts.get());
    counter(b, "bulwark_watch_webhook_dropped_total", "Alerts given up on after every retry.",
        webhookDropped.get());
    gauge(b, "bulwark_watch_webhook_pending", "Alerts waiting for the webhook.",
        webhookPending.get());
    counter(b, "bulwark_watch_rate_limited_total", "Requests refused by the rate limit.",
        rateLimited.get());
    return b.toString();
  }

  private static void gauge(StringBuilder b, String name, String help, long v) {
    line(b, name, help, "gauge", v);
  }

  private static void counter(StringBuilder b, String name, String help, long v) {
    line(b, name, help, "counter", v);
  }

  private static void line(StringBuilder b, String name, String help, String type, long v) {
    b.append(String.format(Locale.ROOT, "# HELP %s %s%n# TYPE %s %s%n%s %d%n", name, help, name,
        type, name, v));
  }
}
