package com.custmaster.publish;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.OperationalFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Parquet lake: {@code <root>/<table>/snapshot_date=<date>/}. Tables of a run are first written
 * under {@code <root>/_staging/<date>/<table>} and then renamed into place by {@link #publish}, so a
 * BI reader sees either the previous state or the complete new snapshot, never half of one. Works on
 * any Hadoop file system (local path, {@code file:}, {@code hdfs:}, ...).
 */
public final class Lake {

    public static final String STAGING = "_staging";
    public static final String PARTITION = "snapshot_date";
    private static final Logger LOG = LoggerFactory.getLogger(Lake.class);

    private final Path root;
    private final Configuration hadoop;

    public Lake(String rootUri, Configuration hadoop) {
        requireNonNull(rootUri, "rootUri is null");
        this.hadoop = requireNonNull(hadoop, "hadoop is null");
        URI uri = URI.create(rootUri.contains("://") || rootUri.startsWith("file:") ? rootUri
                : new java.io.File(rootUri).getAbsoluteFile().toURI().toString());
        this.root = new Path(uri);
    }

    public String root() {
        return root.toString();
    }

    public String stagingPath(LocalDate runDate, String table) {
        return new Path(new Path(new Path(root, STAGING), runDate.toString()), table).toString();
    }

    public String publishedPath(LocalDate runDate, String table) {
        return new Path(new Path(root, table), PARTITION + "=" + runDate).toString();
    }

    /** Writes one table of the run to its staging folder (replacing an earlier attempt's). */
    public String stage(LocalDate runDate, String table, Dataset<Row> data) {
        String path = stagingPath(runDate, table);
        try {
            // One file per table; repartition, not coalesce, so the work before the write keeps its parallelism.
            data.repartition(1).write().mode(SaveMode.Overwrite).option("compression", "snappy").parquet(path);
        } catch (Exception e) { // Spark (Scala) also throws checked IOExceptions undeclared
            if (isWriteFailure(e)) {
                throw new OperationalFailure("cannot write table " + table + " to " + path + ": "
                        + writeFailureReason(path, e), e);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot write table " + table + " to " + path, e);
        }
        LOG.info("staged {} at {}", table, path);
        return path;
    }

    /**
     * Renames every staged table of the run into place, replacing an earlier snapshot of the same
     * date. Safe to repeat after a failure: tables already moved are simply not staged any more.
     *
     * @return the published folders, in table order
     */
    public List<String> publish(LocalDate runDate) {
        try {
            Path staging = new Path(new Path(root, STAGING), runDate.toString());
            FileSystem fs = staging.getFileSystem(hadoop);
            List<String> published = new ArrayList<>();
            if (fs.exists(staging)) {
                FileStatus[] tables = fs.listStatus(staging);
                java.util.Arrays.sort(tables, java.util.Comparator.comparing(status -> status.getPath().getName()));
                for (FileStatus table : tables) {
                    if (!table.isDirectory()) {
                        continue;
                    }
                    String name = table.getPath().getName();
                    if (!fs.exists(new Path(table.getPath(), "_SUCCESS"))) {
                        throw new IllegalStateException("staged table " + name + " at " + table.getPath()
                                + " has no _SUCCESS marker: not publishing a partial output");
                    }
                    Path target = new Path(publishedPath(runDate, name));
                    fs.mkdirs(target.getParent());
                    if (fs.exists(target)) {
                        Path old = new Path(target.getParent(), "." + target.getName() + ".replaced");
                        fs.delete(old, true);
                        rename(fs, target, old);
                        rename(fs, table.getPath(), target);
                        fs.delete(old, true);
                    } else {
                        rename(fs, table.getPath(), target);
                    }
                    published.add(target.toString());
                    LOG.info("published {}", target);
                }
                fs.delete(staging, true);
                // No empty _staging folder left beside the tables once no run has anything staged.
                Path stagingRoot = staging.getParent();
                if (fs.listStatus(stagingRoot).length == 0) {
                    fs.delete(stagingRoot, false);
                }
            }
            return published;
        } catch (IOException e) {
            throw new OperationalFailure("cannot publish the run's tables under " + root + ": "
                    + OperationalFailure.reasonOf(e), e);
        }
    }

    /** Published folders of a run date that exist, for the summary. */
    public List<String> publishedTables(LocalDate runDate, List<String> tables) {
        try {
            FileSystem fs = root.getFileSystem(hadoop);
            List<String> paths = new ArrayList<>();
            for (String table : tables) {
                Path target = new Path(publishedPath(runDate, table));
                if (fs.exists(new Path(target, "_SUCCESS"))) {
                    paths.add(target.toString());
                }
            }
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Why a write failed: for a local lake the operating system's own reason, found by creating the
     * folder and a probe file with java.nio (Hadoop says only "Mkdirs failed to create ..." for a
     * read-only or forbidden folder); otherwise, or when the probe succeeds (a full disk still takes
     * an empty file), the innermost message of the failure.
     */
    private static String writeFailureReason(String path, Exception failure) {
        URI uri = new Path(path).toUri();
        if ("file".equals(uri.getScheme())) {
            try {
                java.nio.file.Path folder = java.nio.file.Path.of(uri).getParent();
                java.nio.file.Files.createDirectories(folder);
                java.nio.file.Files.delete(java.nio.file.Files.createTempFile(folder, ".write-probe", ""));
            } catch (IOException | RuntimeException probe) {
                return probe.getMessage() == null ? probe.getClass().getSimpleName() : probe.getMessage();
            }
        }
        return OperationalFailure.reasonOf(failure);
    }

    /** A failure of the file system (a folder not writable, a full disk), not of the computation. */
    private static boolean isWriteFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static void rename(FileSystem fs, Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("rename failed: " + from + " -> " + to);
        }
    }
}
