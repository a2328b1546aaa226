package dev.assay.engine.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A summary for people, readable at 80 columns (no line is longer): one block per finding
 * (severity, type, object, then each identifier with its count and first location), then totals by
 * identifier and by severity, then a closing line. It shows no sensitive value, only counts and
 * locations.
 */
final class TableWriter implements FindingWriter {
  private static final int WIDTH = 80;

  @Override
  public void write(ScanReport report, Writer out) throws IOException {
    Map<String, Long> byIdentifier = new TreeMap<>();
    Map<String, Long> bySeverity = new LinkedHashMap<>();
    bySeverity.put("High", 0L);
    bySeverity.put("Medium", 0L);
    bySeverity.put("Low", 0L);
    if (!report.findings().isEmpty()) {
      out.write(String.format("%-6s  %-16s %s%n", "SEV", "TYPE", "OBJECT"));
      out.write(String.format("        %-36s %7s  %s%n", "IDENTIFIER", "COUNT", "FIRST AT"));
    }
    for (Finding f : report.findings()) {
      String severity = f.severity().description();
      bySeverity.merge(severity, 1L, Long::sum);
      String kind = f.type().substring(f.type().indexOf('/') + 1);
      out.write(
          String.format(
              "%-6s  %-16s %s%n",
              severity.toUpperCase(Locale.ROOT),
              kind,
              fit(f.resourcesAffected().s3Object().path(), WIDTH - 25)));
      for (Line line : lines(f)) {
        byIdentifier.merge(line.name, line.count, Long::sum);
        String count = String.format("%7d", line.count);
        // 8 indent + 36 name + 1 + count + 2: whatever is left (at least 24 columns) is the
        // location.
        String row =
            String.format(
                "        %-36s %s  %s",
                fit(line.name, 36), count, fit(line.where, WIDTH - 47 - count.length()));
        out.write(row.stripTrailing() + System.lineSeparator());
      }
    }
    if (!report.findings().isEmpty()) {
      out.write(System.lineSeparator());
      out.write("Occurrences by identifier" + System.lineSeparator());
      for (Map.Entry<String, Long> e : byIdentifier.entrySet()) {
        out.write(String.format("  %-56s %10d%n", fit(e.getKey(), 56), e.getValue()));
      }
      out.write("Findings by severity" + System.lineSeparator());
      out.write(
          String.format(
              "  High %d   Medium %d   Low %d%n",
              bySeverity.get("High"), bySeverity.get("Medium"), bySeverity.get("Low")));
      out.write(System.lineSeparator());
    }
    if (report.objects() < 0) {
      out.write(
          String.format(
              "%d finding%s from a Macie classification job in %.1f s%n",
              report.findings().size(),
              report.findings().size() == 1 ? "" : "s",
              report.elapsed().toMillis() / 1000.0));
    } else {
      out.write(
          String.format(
              "%d finding%s in %d object%s scanned (%s) in %.1f s%n",
              report.findings().size(),
              report.findings().size() == 1 ? "" : "s",
              report.objects(),
              report.objects() == 1 ? "" : "s",
              bytes(report.bytes()),
              report.elapsed().toMillis() / 1000.0));
    }
    if (report.objectsWithProblems() > 0) {
      out.write(
          String.format(
              "%d object%s could not be fully analysed (listed on standard error)%n",
              report.objectsWithProblems(), report.objectsWithProblems() == 1 ? "" : "s"));
    }
  }

  private record Line(String name, long count, String where) {}

  private static List<Line> lines(Finding f) {
    List<Line> lines = new ArrayList<>();
    Finding.ClassificationResult r = f.classificationDetails().result();
    for (Finding.SensitiveDataItem item : r.sensitiveData()) {
      for (Finding.DefaultDetection d : item.detections()) {
        lines.add(new Line(d.type(), d.count(), first(d.occurrences())));
      }
    }
    for (Finding.CustomDetection d : r.customDataIdentifiers().detections()) {
      lines.add(new Line(d.name() + " (custom)", d.count(), first(d.occurrences())));
    }
    return lines;
  }

  /** The first location, shortly: {@code L12:5}, {@code R3 C2}, {@code p4}, {@code #0 $.a.b}. */
  private static String first(Finding.Occurrences o) {
    if (o == null) {
      return "";
    }
    if (o.lineRanges() != null && !o.lineRanges().isEmpty()) {
      Finding.Range r = o.lineRanges().get(0);
      return "L" + r.start() + ":" + r.startColumn();
    }
    if (o.cells() != null && !o.cells().isEmpty()) {
      Finding.Cell c = o.cells().get(0);
      return c.cellReference() != null ? c.cellReference() : "R" + c.row() + " C" + c.column();
    }
    if (o.pages() != null && !o.pages().isEmpty()) {
      return "p" + o.pages().get(0).pageNumber();
    }
    if (o.records() != null && !o.records().isEmpty()) {
      Finding.RecordLocation r = o.records().get(0);
      return "#" + r.recordIndex() + (r.jsonPath() == null ? "" : " " + r.jsonPath());
    }
    return "";
  }

  private static String fit(String s, int width) {
    if (s == null) {
      return "";
    }
    return s.length() <= width ? s : "…" + s.substring(s.length() - width + 1);
  }

  private static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format("%.1f KiB", n / 1024.0);
    }
    if (n < 1024L * 1024 * 1024) {
      return String.format("%.1f MiB", n / (1024.0 * 1024));
    }
    return String.format("%.2f GiB", n / (1024.0 * 1024 * 1024));
  }
}
