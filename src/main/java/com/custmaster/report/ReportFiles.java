package com.custmaster.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report files of a run under {@code var/reports/<date>/}: {@code metrics.json} and
 * {@code report.html}, each written to a temporary file and moved into place, so a reader (a
 * person, a monitoring job) sees the previous version or the new one, never half a file. Also reads
 * the metrics of earlier runs back for the trend.
 */
public final class ReportFiles {

    /** The metrics file's name in a run's report folder. */
    public static final String METRICS_JSON = "metrics.json";
    /** The HTML report's name in a run's report folder. */
    public static final String REPORT_HTML = "report.html";
    /** How many earlier runs the trend shows. */
    public static final int TREND_RUNS = 14;

    private static final Logger LOG = LoggerFactory.getLogger(ReportFiles.class);

    private ReportFiles() {
    }

    /** The JSON form of the metrics: snake-case keys, ISO dates, no unknown-key failures on reading older files. */
    public static ObjectMapper json() {
        return new ObjectMapper().findAndRegisterModules()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Writes {@code metrics.json} and {@code report.html} of a run into {@code runDir}.
     *
     * @return the HTML report's path
     */
    public static Path write(Path runDir, RunMetrics metrics) throws IOException {
        requireNonNull(runDir, "runDir is null");
        requireNonNull(metrics, "metrics is null");
        writeJson(runDir.resolve(METRICS_JSON), metrics);
        Path html = runDir.resolve(REPORT_HTML);
        writeAtomically(html, ReportPage.render(metrics).getBytes(StandardCharsets.UTF_8));
        return html;
    }

    /** Writes a value as JSON ({@link #json()}) to a temporary file beside {@code target}, then moves it into place. */
    public static void writeJson(Path target, Object value) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        writeAtomically(target, json().writeValueAsBytes(value));
    }

    /** Reads a {@code metrics.json} back. */
    public static RunMetrics read(Path metricsJson) throws IOException {
        return json().readValue(metricsJson.toFile(), RunMetrics.class);
    }

    /**
     * The trend points of the runs before {@code runDate} with a readable {@code metrics.json} in
     * {@code reportsDir}, oldest first, at most {@code limit} (the latest ones). Unreadable files
     * are left out with a warning: an old report must not stop tonight's.
     */
    public static List<RunMetrics.TrendPoint> earlierRuns(Path reportsDir, LocalDate runDate, int limit) {
        List<LocalDate> dates = new ArrayList<>();
        if (!Files.isDirectory(reportsDir)) {
            return List.of();
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(reportsDir, Files::isDirectory)) {
            for (Path folder : folders) {
                try {
                    LocalDate date = LocalDate.parse(folder.getFileName().toString());
                    if (date.isBefore(runDate) && Files.isRegularFile(folder.resolve(METRICS_JSON))) {
                        dates.add(date);
                    }
                } catch (DateTimeParseException notARunFolder) {
                    // other folders are not runs
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list earlier runs in {}: {}", reportsDir, e.getMessage());
            return List.of();
        }
        dates.sort(Comparator.reverseOrder());
        List<RunMetrics.TrendPoint> points = new ArrayList<>();
        for (LocalDate date : dates) {
            if (points.size() >= limit) {
                break;
            }
            Path file = reportsDir.resolve(date.toString()).resolve(METRICS_JSON);
            try {
                points.add(RunMetrics.TrendPoint.of(read(file)));
            } catch (IOException | RuntimeException e) {
                LOG.warn("left out of the trend: {} cannot be read ({})", file, e.getMessage());
            }
        }
        Collections.reverse(points);
        return points;
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(temp, content);
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
