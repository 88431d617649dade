package com.custmaster.nightly;

import com.custmaster.config.ConfigLoader;
import com.custmaster.config.PipelineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A private copy of conf/ and data-samples/ in a temporary folder, so a test can run the real
 * nightly job, break a source, and read the outputs back with an independent Parquet reader (DuckDB).
 */
final class SampleWorkspace {

    final Path home;

    SampleWorkspace(Path home) {
        this.home = home;
        copy(Path.of("conf"), home.resolve("conf"));
        copy(Path.of("data-samples"), home.resolve("data-samples"));
    }

    PipelineConfig config() {
        return new ConfigLoader(name -> null).load(home.resolve("conf"), home.resolve("var"));
    }

    Path lake() {
        return home.resolve("var").resolve("lake");
    }

    Path table(String table, String date) {
        return lake().resolve(table).resolve("snapshot_date=" + date);
    }

    /** Rows of a query run by DuckDB over the lake's Parquet files. */
    List<Map<String, Object>> duckdb(String sql) {
        return com.custmaster.testing.DuckDb.query(sql);
    }

    String parquet(String table, String date) {
        return "read_parquet('" + table(table, date) + "/*.parquet')";
    }

    /** SHA-256 of every file under the lake, by relative path: equal maps mean byte-identical outputs. */
    Map<String, String> lakeDigest() {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(lake())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                digests.put(lake().relativize(file).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return digests;
    }

    /** The sample truth: source, source_record_id, person_id, expected. */
    List<String[]> truth() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("data-samples/truth/contacts_truth.csv"),
                    StandardCharsets.UTF_8);
            return lines.stream().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
