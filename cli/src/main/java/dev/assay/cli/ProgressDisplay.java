package dev.assay.cli;

import dev.assay.engine.ScanProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a scan's progress on one line of standard error, redrawn a few times a second: objects,
 * bytes, rate and (once the totals are known) time left. Used only when standard error is a
 * terminal, so logs and CI output stay clean. Owns one daemon thread while running.
 */
final class ProgressDisplay implements AutoCloseable {
  private final ScanProgress progress;
  private final PrintWriter err;
  private final long started = System.nanoTime();
  private final Thread thread;
  private volatile boolean running = true;
  private int lastWidth;

  ProgressDisplay(ScanProgress progress, PrintWriter err) {
    this.progress = progress;
    this.err = err;
    this.thread = new Thread(this::loop, "assay-progress");
    thread.setDaemon(true);
    thread.start();
  }

  /** Whether a progress line makes sense: an interactive terminal, and not --quiet. */
  static boolean wanted(boolean quiet) {
    return !quiet && System.console() != null && System.getenv("CI") == null;
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
      draw();
    }
  }

  private synchronized void draw() {
    String line = render(progress, (System.nanoTime() - started) / 1e9);
    StringBuilder sb = new StringBuilder("\r").append(line);
    for (int i = line.length(); i < lastWidth; i++) {
      sb.append(' ');
    }
    lastWidth = line.length();
    err.print(sb);
    err.flush();
  }

  /** The progress line, for example {@code 1,204/10,000 objects 1.2/9.8 GiB 85.3 MB/s ETA 1:42}. */
  static String render(ScanProgress p, double seconds) {
    long done = p.doneObjects();
    long bytes = p.doneBytes();
    double rate = seconds > 0 ? bytes / seconds : 0;
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%,d", done));
    if (p.totalsKnown()) {
      sb.append(String.format(Locale.ROOT, "/%,d", p.totalObjects()));
    }
    sb.append(" objects  ").append(size(bytes));
    if (p.totalsKnown()) {
      sb.append('/').append(size(p.totalBytes()));
    }
    sb.append(String.format(Locale.ROOT, "  %.1f MB/s", rate / 1e6));
    if (p.totalsKnown() && rate > 0 && p.totalBytes() > bytes) {
      long left = (long) ((p.totalBytes() - bytes) / rate);
      sb.append(String.format(Locale.ROOT, "  ETA %d:%02d", left / 60, left % 60));
    }
    return sb.toString();
  }

  private static String size(long bytes) {
    if (bytes < 1 << 20) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    if (bytes < 1L << 30) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
  }

  @Override
  public synchronized void close() {
    running = false;
    thread.interrupt();
    if (lastWidth > 0) {
      err.print("\r" + " ".repeat(lastWidth) + "\r");
      err.flush();
    }
  }
}
