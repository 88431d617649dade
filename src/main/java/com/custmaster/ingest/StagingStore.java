package com.custmaster.ingest;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.Contact;
import com.custmaster.domain.Rejection;
import com.custmaster.domain.SafeCsv;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The landing tables of one night: staged contacts and rejected records, keyed by run date, source
 * and line, plus the per-source counts. Writes join the caller's transaction, so a chunk's staged
 * and rejected rows commit together with Spring Batch's restart position.
 */
public final class StagingStore {

    private static final String STAGED_COLUMNS = "run_date, source, line_number, source_record_id, origin, full_name, "
            + "given_name, family_name, name_key, email, email_key, phone, phone_raw, birth_date, address_line, city, "
            + "postcode, region, country, company, company_key, id_number, updated_at, quality_flags";

    private final JdbcTemplate jdbc;

    public StagingStore(JdbcTemplate jdbc) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
    }

    /** Inserts staged contacts; {@code origins} holds each contact's file or table, in the same order. */
    /** The template this store writes with (shared by collaborators in the same transaction). */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public void insertStaged(LocalDate runDate, List<Contact> contacts, List<String> origins) {
        if (contacts.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO staged_contact (" + STAGED_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                java.util.stream.IntStream.range(0, contacts.size()).boxed().toList(), contacts.size(), (ps, i) -> {
                    Contact c = contacts.get(i);
                    ps.setDate(1, Date.valueOf(runDate));
                    ps.setString(2, c.source());
                    ps.setLong(3, c.position());
                    ps.setString(4, storable(c.key().sourceRecordId()));
                    ps.setString(5, storable(origins.get(i)));
                    ps.setString(6, storable(c.fullName()));
                    ps.setString(7, storable(c.givenName()));
                    ps.setString(8, storable(c.familyName()));
                    ps.setString(9, storable(c.nameKey()));
                    ps.setString(10, storable(c.email()));
                    ps.setString(11, storable(c.emailKey()));
                    ps.setString(12, storable(c.phone()));
                    ps.setString(13, storable(c.phoneRaw()));
                    ps.setDate(14, c.birthDate() == null ? null : Date.valueOf(c.birthDate()));
                    ps.setString(15, storable(c.addressLine()));
                    ps.setString(16, storable(c.city()));
                    ps.setString(17, storable(c.postcode()));
                    ps.setString(18, storable(c.region()));
                    ps.setString(19, storable(c.country()));
                    ps.setString(20, storable(c.company()));
                    ps.setString(21, storable(c.companyKey()));
                    ps.setString(22, storable(c.idNumber()));
                    ps.setTimestamp(23, c.updatedAt() == null ? null : Timestamp.valueOf(c.updatedAt()));
                    ps.setString(24, c.qualityFlags().isEmpty() ? null : String.join(",", c.qualityFlags()));
                });
    }

    public void insertRejected(LocalDate runDate, List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO rejected_record (run_date, source, line_number, origin, source_record_id, field, "
                        + "raw_value, reason, message) VALUES (?,?,?,?,?,?,?,?,?)",
                rejections, rejections.size(), (ps, r) -> {
                    ps.setDate(1, Date.valueOf(runDate));
                    ps.setString(2, r.source());
                    ps.setLong(3, r.position());
                    ps.setString(4, storable(truncate(r.origin(), 1000)));
                    ps.setString(5, storable(truncate(r.sourceRecordId(), 200)));
                    ps.setString(6, storable(truncate(r.field(), 200)));
                    ps.setString(7, storable(truncate(r.rawValue(), 4000)));
                    ps.setString(8, r.reason().code());
                    ps.setString(9, storable(truncate(r.message(), 4000)));
                });
    }

    public long countStaged(LocalDate runDate, String source) {
        return count("staged_contact", runDate, source);
    }

    public long countRejected(LocalDate runDate, String source) {
        return count("rejected_record", runDate, source);
    }

    private long count(String table, LocalDate runDate, String source) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE run_date = ? AND source = ?",
                Long.class, Date.valueOf(runDate), source);
        return count == null ? 0 : count;
    }

    /**
     * Records a source's counts for the run, and for an incremental source the highest watermark
     * read (committed as the new watermark only when the whole run completes).
     */
    public void recordCounts(LocalDate runDate, String source, long read, long staged, long rejected, long unchanged,
                             String watermarkCandidate) {
        jdbc.update("DELETE FROM source_run WHERE run_date = ? AND source = ?", Date.valueOf(runDate), source);
        jdbc.update("INSERT INTO source_run (run_date, source, records_read, records_staged, records_rejected, "
                + "records_unchanged, watermark_candidate) VALUES (?,?,?,?,?,?,?)", Date.valueOf(runDate), source, read,
                staged, rejected, unchanged, watermarkCandidate);
    }

    /**
     * Nothing lost: the source's recorded read count must equal what the run staged plus what it
     * rejected.
     *
     * @return the number of rejected records (for the caller's report)
     * @throws IllegalStateException when the counts are missing or do not add up
     */
    public long verifyCounts(LocalDate runDate, String source) {
        Long read = jdbc.query("SELECT records_read FROM source_run WHERE run_date = ? AND source = ?",
                rs -> rs.next() ? rs.getLong(1) : null, Date.valueOf(runDate), source);
        if (read == null) {
            throw new IllegalStateException("source '" + source + "': no counts recorded for " + runDate);
        }
        long staged = countStaged(runDate, source);
        long rejected = countRejected(runDate, source);
        if (read != staged + rejected) {
            throw new IllegalStateException("source '" + source + "': records read (" + read + ") != staged (" + staged
                    + ") + rejected (" + rejected + ")");
        }
        return rejected;
    }

    /**
     * Record ids staged on more than one line of a source in a run (the last line wins in the master),
     * each with its lines, in id order, at most {@code limit} of them.
     */
    public Map<String, List<Long>> repeatedIds(LocalDate runDate, String source, int limit) {
        Map<String, List<Long>> repeated = new LinkedHashMap<>();
        jdbc.query("SELECT s.source_record_id, s.line_number FROM staged_contact s WHERE s.run_date = ? AND s.source = ? "
                        + "AND s.source_record_id IN (SELECT d.source_record_id FROM staged_contact d WHERE d.run_date = ? "
                        + "AND d.source = ? GROUP BY d.source_record_id HAVING COUNT(*) > 1) "
                        + "ORDER BY s.source_record_id, s.line_number",
                rs -> {
                    String id = rs.getString(1);
                    if (repeated.containsKey(id) || repeated.size() < limit) {
                        repeated.computeIfAbsent(id, key -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }, Date.valueOf(runDate), source, Date.valueOf(runDate), source);
        return repeated;
    }

    /** The watermark candidate recorded for a source in a run, if any. */
    public String watermarkCandidate(LocalDate runDate, String source) {
        return jdbc.query("SELECT watermark_candidate FROM source_run WHERE run_date = ? AND source = ?",
                rs -> rs.next() ? rs.getString(1) : null, Date.valueOf(runDate), source);
    }

    /** Removes what a run staged and rejected for a source, so a failed source leaves nothing behind. */
    public void discard(LocalDate runDate, String source) {
        jdbc.update("DELETE FROM staged_contact WHERE run_date = ? AND source = ?", Date.valueOf(runDate), source);
        jdbc.update("DELETE FROM rejected_record WHERE run_date = ? AND source = ?", Date.valueOf(runDate), source);
        jdbc.update("DELETE FROM source_run WHERE run_date = ? AND source = ?", Date.valueOf(runDate), source);
    }

    /** Writes the run's rejects of one source as a spreadsheet-safe CSV (replacing the file atomically). */
    public Path exportRejects(LocalDate runDate, String source, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(source + ".csv");
        Path temp = dir.resolve("." + source + ".csv.tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            out.write(SafeCsv.row(List.of("source", "origin", "line", "source_record_id", "field", "raw_value", "reason",
                    "message")));
            out.write("\n");
            jdbc.query("SELECT source, origin, line_number, source_record_id, field, raw_value, reason, message "
                            + "FROM rejected_record WHERE run_date = ? AND source = ? ORDER BY line_number",
                    rs -> {
                        try {
                            out.write(SafeCsv.row(java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getLong(3),
                                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))));
                            out.write("\n");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, Date.valueOf(runDate), source);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /**
     * Text as both databases can hold it: PostgreSQL's text types cannot store U+0000 (the insert
     * fails), so a NUL that came through from a source file is written as U+FFFD, on H2 as well.
     */
    static String storable(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
