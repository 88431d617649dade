package com.custmaster.master;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.Contact;
import com.custmaster.domain.Progress;
import com.custmaster.domain.SourceRecordKey;
import com.custmaster.match.ScoredPair;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Database access of the customer master: current source records, golden records, the crosswalk,
 * lineage, scored pairs and the audit. SQL with bind parameters only; portable between H2 and
 * PostgreSQL.
 */
public final class MasterStore {

    static final String CONTACT_COLUMNS = "source, source_record_id, full_name, given_name, family_name, name_key, email, "
            + "email_key, phone, phone_raw, birth_date, address_line, city, postcode, region, country, company, "
            + "company_key, id_number, updated_at, quality_flags";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MasterStore.class);
    /** Rows per batch statement sent by {@link #save}; each slice counts towards the progress line. */
    private static final int WRITE_SLICE = 10_000;

    private final JdbcTemplate jdbc;

    public MasterStore(JdbcTemplate jdbc) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
    }

    /**
     * What refreshing the source records did.
     *
     * @param refreshed records staged on the run date (new, changed or not)
     * @param changed keys of the records that are new or whose contents differ from before
     *                (a record staged again as it was is not changed)
     */
    public record Refresh(int refreshed, Set<SourceRecordKey> changed) {
        public Refresh {
            changed = Set.copyOf(changed);
        }
    }

    /**
     * Makes {@code source_record} hold the latest staged version of every record staged on
     * {@code runDate} (the last line wins when a source repeats an id), and says which are new or changed.
     */
    public Refresh refreshSourceRecords(LocalDate runDate) {
        Date run = Date.valueOf(runDate);
        String staged = "SELECT " + CONTACT_COLUMNS + " FROM source_record r WHERE EXISTS (SELECT 1 FROM staged_contact s "
                + "WHERE s.run_date = ? AND s.source = r.source AND s.source_record_id = r.source_record_id)";
        Map<SourceRecordKey, Contact> before = new HashMap<>();
        jdbc.query(staged, rs -> {
            Contact contact = contact(rs);
            before.put(contact.key(), contact);
        }, run);
        Map<String, Date> firstSeen = new HashMap<>();
        jdbc.query("SELECT r.source, r.source_record_id, r.first_seen_run FROM source_record r WHERE EXISTS "
                        + "(SELECT 1 FROM staged_contact s WHERE s.run_date = ? AND s.source = r.source "
                        + "AND s.source_record_id = r.source_record_id)",
                rs -> {
                    firstSeen.put(rs.getString(1) + "\u0001" + rs.getString(2), rs.getDate(3));
                }, run);
        jdbc.update("DELETE FROM source_record WHERE EXISTS (SELECT 1 FROM staged_contact s WHERE s.run_date = ? "
                + "AND s.source = source_record.source AND s.source_record_id = source_record.source_record_id)", run);
        int inserted = jdbc.update("INSERT INTO source_record (" + CONTACT_COLUMNS + ", first_seen_run, last_seen_run) "
                + "SELECT " + CONTACT_COLUMNS + ", ?, ? FROM staged_contact s WHERE s.run_date = ? AND s.line_number = "
                + "(SELECT MAX(s2.line_number) FROM staged_contact s2 WHERE s2.run_date = s.run_date "
                + "AND s2.source = s.source AND s2.source_record_id = s.source_record_id)", run, run, run);
        List<Object[]> updates = new ArrayList<>();
        firstSeen.forEach((key, date) -> {
            if (date.before(run)) {
                String[] parts = key.split("\u0001", 2);
                updates.add(new Object[] {date, parts[0], parts[1]});
            }
        });
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE source_record SET first_seen_run = ? WHERE source = ? AND source_record_id = ?", updates);
        }
        java.util.HashSet<SourceRecordKey> changed = new java.util.HashSet<>();
        jdbc.query(staged, rs -> {
            Contact contact = contact(rs);
            if (!sameForMatching(contact, before.get(contact.key()))) {
                changed.add(contact.key());
            }
        }, run);
        return new Refresh(inserted, changed);
    }

    /** True when two versions of a record look the same to the matcher (its canonical fields). */
    private static boolean sameForMatching(Contact a, Contact b) {
        return b != null && java.util.Objects.equals(a.fullName(), b.fullName())
                && java.util.Objects.equals(a.givenName(), b.givenName()) && java.util.Objects.equals(a.familyName(), b.familyName())
                && java.util.Objects.equals(a.nameKey(), b.nameKey()) && java.util.Objects.equals(a.email(), b.email())
                && java.util.Objects.equals(a.emailKey(), b.emailKey()) && java.util.Objects.equals(a.phone(), b.phone())
                && java.util.Objects.equals(a.birthDate(), b.birthDate()) && java.util.Objects.equals(a.addressLine(), b.addressLine())
                && java.util.Objects.equals(a.city(), b.city()) && java.util.Objects.equals(a.postcode(), b.postcode())
                && java.util.Objects.equals(a.region(), b.region()) && java.util.Objects.equals(a.country(), b.country())
                && java.util.Objects.equals(a.company(), b.company()) && java.util.Objects.equals(a.companyKey(), b.companyKey())
                && java.util.Objects.equals(a.idNumber(), b.idNumber());
    }

    /**
     * A model as stored by {@link #saveModel}, with the run that trained it and a digest of the
     * matching settings it was trained with (a model does not fit other comparisons or levels).
     */
    public record StoredModel(LocalDate trainedRun, com.custmaster.match.MatchModel model, String settingsDigest) {
    }

    /** SHA-256 of a text, hex: a fingerprint of the matching settings. */
    static String digest(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The latest model trained on or before {@code runDate}, if any. */
    public java.util.Optional<StoredModel> latestModel(LocalDate runDate) {
        List<StoredModel> models = jdbc.query("SELECT trained_run, model_json, settings_digest FROM match_model "
                        + "WHERE trained_run <= ? ORDER BY trained_run DESC FETCH FIRST 1 ROWS ONLY",
                (rs, row) -> new StoredModel(rs.getDate(1).toLocalDate(),
                        com.custmaster.match.MatchModel.fromJson(rs.getString(2)), rs.getString(3)), Date.valueOf(runDate));
        return models.stream().findFirst();
    }

    /** Keeps a model trained on {@code runDate} (replacing one trained on that date before). */
    public void saveModel(LocalDate runDate, com.custmaster.match.MatchModel model, String settingsDigest) {
        Date run = Date.valueOf(runDate);
        jdbc.update("DELETE FROM match_model WHERE trained_run = ?", run);
        jdbc.update("INSERT INTO match_model (trained_run, record_count, settings_digest, model_json, created_at) "
                + "VALUES (?,?,?,?,?)", run, model.recordCount(), settingsDigest, model.toJson(),
                Timestamp.valueOf(LocalDateTime.now()));
    }

    /**
     * The pairs kept (merged or for review) by the latest run before {@code runDate}, with their
     * evidence: what an incremental run carries over between unchanged records.
     */
    public List<ScoredPair> previousPairs(LocalDate runDate) {
        Date run = Date.valueOf(runDate);
        return jdbc.query("SELECT left_source, left_record_id, right_source, right_record_id, match_weight, match_probability, "
                        + "decision, blocking_rule, evidence FROM match_pair WHERE run_date = "
                        + "(SELECT MAX(run_date) FROM match_pair WHERE run_date < ?)",
                (rs, row) -> new ScoredPair(new SourceRecordKey(rs.getString(1), rs.getString(2)),
                        new SourceRecordKey(rs.getString(3), rs.getString(4)), rs.getString(8),
                        ScoredPair.parseExplanation(rs.getString(9) == null ? "" : rs.getString(9)), rs.getDouble(5),
                        rs.getDouble(6), com.custmaster.match.MatchDecision.ofCode(rs.getString(7))), run);
    }

    /** The current version of one source record, if it was ever staged. */
    public java.util.Optional<Contact> sourceRecord(SourceRecordKey key) {
        return jdbc.query("SELECT " + CONTACT_COLUMNS + " FROM source_record WHERE source = ? AND source_record_id = ?",
                (rs, row) -> contact(rs), key.source(), key.sourceRecordId()).stream().findFirst();
    }

    /** The current source records of a master record (its crosswalk entries), by key (as {@link #loadSourceRecords}). */
    public List<Contact> sourceRecordsOf(String masterId) {
        List<Contact> contacts = jdbc.query("SELECT " + CONTACT_COLUMNS.replaceAll("(^|, )", "$1r.") + " FROM source_record r "
                        + "JOIN master_xref x ON x.source = r.source AND x.source_record_id = r.source_record_id "
                        + "WHERE x.master_id = ?", (rs, row) -> contact(rs), masterId);
        contacts.sort(Comparator.comparing(Contact::key));
        return contacts;
    }

    /**
     * Every current source record, by key (source, then id, as Java compares strings): sorted here
     * rather than by ORDER BY, so the order matching sees does not depend on the database's collation
     * (PostgreSQL's is that of the locale the database was created with; H2 compares code units).
     */
    public List<Contact> loadSourceRecords() {
        List<Contact> contacts = jdbc.query("SELECT " + CONTACT_COLUMNS + " FROM source_record", (rs, row) -> contact(rs));
        contacts.sort(Comparator.comparing(Contact::key));
        return contacts;
    }

    static Contact contact(ResultSet rs) throws SQLException {
        Date birth = rs.getDate("birth_date");
        Timestamp updated = rs.getTimestamp("updated_at");
        String flags = rs.getString("quality_flags");
        Set<String> flagSet = flags == null ? Set.of() : new TreeSet<>(Arrays.asList(flags.split(",")));
        return new Contact(new SourceRecordKey(rs.getString("source"), rs.getString("source_record_id")), 1,
                rs.getString("full_name"), rs.getString("given_name"), rs.getString("family_name"), rs.getString("name_key"),
                rs.getString("email"), rs.getString("email_key"), rs.getString("phone"), rs.getString("phone_raw"),
                birth == null ? null : birth.toLocalDate(), rs.getString("address_line"), rs.getString("city"),
                rs.getString("postcode"), rs.getString("region"), rs.getString("country"), rs.getString("company"),
                rs.getString("company_key"), rs.getString("id_number"),
                updated == null ? null : updated.toLocalDateTime(), flagSet);
    }

    public Map<SourceRecordKey, String> loadCrosswalk() {
        Map<SourceRecordKey, String> xref = new HashMap<>();
        jdbc.query("SELECT source, source_record_id, master_id FROM master_xref", rs -> {
            xref.put(new SourceRecordKey(rs.getString(1), rs.getString(2)), rs.getString(3));
        });
        return xref;
    }

    public long nextIdNumber() {
        Long next = jdbc.queryForObject("SELECT next_value FROM master_id_counter", Long.class);
        return next == null ? 1 : next;
    }

    /** Golden records of active masters, by ID, as they are in the database now. */
    public Map<String, GoldenRecord> loadActiveMasters() {
        Map<String, GoldenRecord> masters = new HashMap<>();
        jdbc.query("SELECT master_id, full_name, given_name, family_name, email, phone, birth_date, address_line, city, "
                + "postcode, region, country, company, id_number, source_count FROM customer_master WHERE status = 'active'",
                rs -> {
                    Date birth = rs.getDate("birth_date");
                    masters.put(rs.getString("master_id"), new GoldenRecord(rs.getString("master_id"),
                            rs.getString("full_name"), rs.getString("given_name"), rs.getString("family_name"),
                            rs.getString("email"), rs.getString("phone"), birth == null ? null : birth.toLocalDate(),
                            rs.getString("address_line"), rs.getString("city"), rs.getString("postcode"),
                            rs.getString("region"), rs.getString("country"), rs.getString("company"),
                            rs.getString("id_number"), Math.max(1, rs.getInt("source_count")), Map.of()));
                });
        return masters;
    }

    /**
     * Writes this run's master state: new and changed golden records, retired IDs, the crosswalk,
     * lineage, the ID counter, pairs and audit. Unchanged golden records keep their updated_run.
     * Returns how many existing golden records changed.
     */
    public int save(LocalDate runDate, List<GoldenRecord> golden, Map<String, GoldenRecord> before,
                    Map<SourceRecordKey, String> crosswalk, MasterIdAssignment assignment, List<ScoredPair> pairs) {
        Date run = Date.valueOf(runDate);
        Progress progress = new Progress("saving the master", "rows", -1, Progress.INTERVAL_DEFAULT, LOG::info);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (GoldenRecord record : golden) {
            GoldenRecord previous = before.get(record.masterId());
            if (previous == null) {
                inserts.add(values(record, run, run));
            } else if (!sameFields(previous, record)) {
                Object[] row = values(record, null, run);
                Object[] update = Arrays.copyOfRange(row, 1, row.length);
                update[update.length - 2] = run;
                update[update.length - 1] = record.masterId();
                updates.add(update);
            }
        }
        write(progress, "INSERT INTO customer_master (master_id, full_name, given_name, family_name, email, phone, "
                + "birth_date, address_line, city, postcode, region, country, company, id_number, source_count, "
                + "created_run, updated_run, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'active')", inserts);
        write(progress, "UPDATE customer_master SET full_name = ?, given_name = ?, family_name = ?, email = ?, phone = ?, "
                + "birth_date = ?, address_line = ?, city = ?, postcode = ?, region = ?, country = ?, company = ?, "
                + "id_number = ?, source_count = ?, updated_run = ? WHERE master_id = ?", updates);
        List<Object[]> retirements = new ArrayList<>();
        assignment.retired().forEach((retired, survivor) -> retirements.add(new Object[] {survivor, run, retired}));
        write(progress, "UPDATE customer_master SET status = 'retired', redirect_to = ?, updated_run = ? "
                + "WHERE master_id = ?", retirements);
        // Earlier retirements that pointed at an ID retired now follow it to the survivor.
        assignment.retired().forEach((retired, survivor) -> jdbc.update(
                "UPDATE customer_master SET redirect_to = ? WHERE redirect_to = ?", survivor, retired));
        jdbc.update("UPDATE master_id_counter SET next_value = ?", assignment.nextIdNumber());

        saveCrosswalk(crosswalk, progress);
        saveLineage(golden, progress);
        savePairs(run, pairs, progress);
        saveAudit(run, assignment.events(), progress);
        return updates.size();
    }

    /**
     * One batch statement over the rows, sent in slices so a long save logs its progress (rows
     * written, rows per second) instead of going quiet for minutes at a million customers.
     */
    private void write(Progress progress, String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += WRITE_SLICE) {
            List<Object[]> slice = rows.subList(from, Math.min(rows.size(), from + WRITE_SLICE));
            jdbc.batchUpdate(sql, slice);
            progress.add(slice.size());
        }
    }

    private void saveCrosswalk(Map<SourceRecordKey, String> crosswalk, Progress progress) {
        Map<SourceRecordKey, String> existing = loadCrosswalk();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        crosswalk.forEach((key, id) -> {
            String old = existing.get(key);
            if (old == null) {
                inserts.add(new Object[] {key.source(), key.sourceRecordId(), id});
            } else if (!old.equals(id)) {
                updates.add(new Object[] {id, key.source(), key.sourceRecordId()});
            }
        });
        write(progress, "INSERT INTO master_xref (source, source_record_id, master_id) VALUES (?,?,?)", inserts);
        write(progress, "UPDATE master_xref SET master_id = ? WHERE source = ? AND source_record_id = ?", updates);
    }

    private void saveLineage(List<GoldenRecord> golden, Progress progress) {
        jdbc.update("DELETE FROM master_field_lineage");
        List<Object[]> rows = new ArrayList<>();
        for (GoldenRecord record : golden) {
            record.lineage().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> rows.add(new Object[] {
                    record.masterId(), entry.getKey(), entry.getValue().from().source(),
                    entry.getValue().from().sourceRecordId(), entry.getValue().rule()}));
        }
        write(progress, "INSERT INTO master_field_lineage (master_id, field, source, source_record_id, rule) "
                + "VALUES (?,?,?,?,?)", rows);
    }

    private void savePairs(Date run, List<ScoredPair> pairs, Progress progress) {
        jdbc.update("DELETE FROM match_pair WHERE run_date = ?", run);
        List<Object[]> rows = new ArrayList<>();
        for (ScoredPair pair : pairs) {
            rows.add(new Object[] {run, pair.left().source(), pair.left().sourceRecordId(), pair.right().source(),
                    pair.right().sourceRecordId(), pair.matchWeight(), pair.matchProbability(), pair.decision().code(),
                    pair.blockingRule(), pair.explanation()});
        }
        write(progress, "INSERT INTO match_pair (run_date, left_source, left_record_id, right_source, right_record_id, "
                + "match_weight, match_probability, decision, blocking_rule, evidence) VALUES (?,?,?,?,?,?,?,?,?,?)", rows);
    }

    private void saveAudit(Date run, List<MasterEvent> events, Progress progress) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        List<Object[]> rows = new ArrayList<>();
        for (MasterEvent event : events) {
            rows.add(new Object[] {run, event.kind().code(), event.masterId(), event.relatedMasterId(), "nightly-match",
                    event.detail(), now});
        }
        write(progress, "INSERT INTO master_audit (run_date, action, master_id, related_master_id, actor, detail, "
                + "created_at) VALUES (?,?,?,?,?,?,?)", rows);
    }

    private static Object[] values(GoldenRecord r, Date created, Date updated) {
        return new Object[] {r.masterId(), r.fullName(), r.givenName(), r.familyName(), r.email(), r.phone(),
                r.birthDate() == null ? null : Date.valueOf(r.birthDate()), r.addressLine(), r.city(), r.postcode(),
                r.region(), r.country(), r.company(), r.idNumber(), r.sourceCount(), created, updated};
    }

    private static boolean sameFields(GoldenRecord a, GoldenRecord b) {
        return java.util.Objects.equals(a.fullName(), b.fullName()) && java.util.Objects.equals(a.givenName(), b.givenName())
                && java.util.Objects.equals(a.familyName(), b.familyName()) && java.util.Objects.equals(a.email(), b.email())
                && java.util.Objects.equals(a.phone(), b.phone()) && java.util.Objects.equals(a.birthDate(), b.birthDate())
                && java.util.Objects.equals(a.addressLine(), b.addressLine()) && java.util.Objects.equals(a.city(), b.city())
                && java.util.Objects.equals(a.postcode(), b.postcode()) && java.util.Objects.equals(a.region(), b.region())
                && java.util.Objects.equals(a.country(), b.country()) && java.util.Objects.equals(a.company(), b.company())
                && java.util.Objects.equals(a.idNumber(), b.idNumber()) && a.sourceCount() == b.sourceCount();
    }
}
