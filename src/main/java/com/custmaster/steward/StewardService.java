package com.custmaster.steward;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.MatchingConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.SourceRecordKey;
import com.custmaster.master.GoldenRecord;
import com.custmaster.master.MasterStore;
import com.custmaster.master.StoredPairs;
import com.custmaster.match.RecordPair;
import com.custmaster.match.StewardLinks;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steward workflow over the operational database: the review queue, the pair and master views,
 * and the actions people take (accept, reject, skip, merge, split, undo, import).
 *
 * <p>An action never edits the master itself. It is stored with who, when and why, together with
 * the pair decisions it stands for ({@code steward_decision}: "same" or "different"), and written to
 * the master's audit. The nightly takes the decisions of every action that holds as constraints
 * ({@link #links()}): "same" pairs end in one master record, "different" pairs never do. So a
 * decision holds in every later run, including full rebuilds and retrainings, and an undo is simply
 * an action that stops another from holding. Decisions take effect at the next run; until then the
 * pair leaves the queue and the master page lists them.
 *
 * <p>Each action is one transaction: it is written whole or not at all.
 */
public final class StewardService {

    /** Actor of the nightly's own entries in {@code master_audit}. */
    public static final String NIGHTLY_ACTOR = "nightly-match";
    /** A merge of two large master records would decide this many pairs at most. */
    static final int MAX_MERGE_PAIRS = 10_000;
    private static final int MAX_ACTOR = 100;
    private static final int MAX_REASON = 1000;

    private static final String ACTION_COLUMNS = "action_id, action, actor, reason, created_at, master_id, related_master_id, "
            + "left_source, left_record_id, right_source, right_record_id, undoes_action_id, undone_by_action_id";
    /** A decision row that counts: its action is not undone. */
    private static final String HOLDING_DECISION = "steward_decision d JOIN steward_action a ON a.action_id = d.action_id "
            + "AND a.undone_by_action_id IS NULL";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final MasterStore master;
    private final StoredPairs stored;
    private final double boundaryWeight;
    private final Clock clock;

    /**
     * @param matching the thresholds: the queue puts first the pairs whose weight is nearest the middle
     *                 of the review band (in log-odds), where the model is least sure either way
     */
    public StewardService(JdbcTemplate jdbc, PlatformTransactionManager transactions, MatchingConfig matching, Clock clock) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.tx = new TransactionTemplate(requireNonNull(transactions, "transactions is null"));
        requireNonNull(matching, "matching is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.master = new MasterStore(jdbc);
        this.stored = new StoredPairs(jdbc);
        this.boundaryWeight = (logOdds(matching.reviewThreshold()) + logOdds(matching.mergeThreshold())) / 2;
    }

    private static double logOdds(double probability) {
        double p = Math.min(Math.max(probability, 1e-9), 1 - 1e-9);
        return Math.log(p / (1 - p)) / Math.log(2);
    }

    // ---------------------------------------------------------------- reading

    /** The latest run that scored pairs, if any. */
    public Optional<LocalDate> latestRun() {
        Date latest = jdbc.queryForObject("SELECT MAX(run_date) FROM match_pair", Date.class);
        return Optional.ofNullable(latest).map(Date::toLocalDate);
    }

    /** How many pairs wait in the queue. */
    public int queueSize() {
        Optional<LocalDate> run = latestRun();
        if (run.isEmpty()) {
            return 0;
        }
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM match_pair p WHERE p.run_date = ? AND p.decision = 'review' "
                + "AND NOT EXISTS (SELECT 1 FROM " + HOLDING_DECISION + samePair("d", "p") + ")", Integer.class,
                Date.valueOf(run.get()));
        return count == null ? 0 : count;
    }

    /**
     * The review queue: pairs the latest run scored between the thresholds that nobody has decided,
     * the most useful decisions first (pairs nobody skipped, then nearest the middle of the review
     * band, where the model is least sure), at most {@code limit}.
     */
    public List<QueuedPair> queue(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        Optional<LocalDate> run = latestRun();
        if (run.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT p.left_source, p.left_record_id, p.right_source, p.right_record_id, p.match_weight, "
                + "p.match_probability, p.blocking_rule, p.evidence, xl.master_id AS left_master, xr.master_id AS right_master, "
                + "CASE WHEN EXISTS (SELECT 1 FROM steward_action s WHERE s.action = 'skip' AND s.undone_by_action_id IS NULL "
                + "AND s.left_source = p.left_source AND s.left_record_id = p.left_record_id AND s.right_source = p.right_source "
                + "AND s.right_record_id = p.right_record_id) THEN 1 ELSE 0 END AS skipped, "
                + "ABS(p.match_weight - ?) AS distance "
                + "FROM match_pair p "
                + "LEFT JOIN master_xref xl ON xl.source = p.left_source AND xl.source_record_id = p.left_record_id "
                + "LEFT JOIN master_xref xr ON xr.source = p.right_source AND xr.source_record_id = p.right_record_id "
                + "WHERE p.run_date = ? AND p.decision = 'review' "
                + "AND NOT EXISTS (SELECT 1 FROM " + HOLDING_DECISION + samePair("d", "p") + ") "
                + "ORDER BY skipped, distance, p.left_source, p.left_record_id, p.right_source, p.right_record_id "
                + "FETCH FIRST " + limit + " ROWS ONLY";
        LocalDate runDate = run.get();
        return jdbc.query(sql, (rs, row) -> new QueuedPair(
                new RecordPair(new SourceRecordKey(rs.getString(1), rs.getString(2)),
                        new SourceRecordKey(rs.getString(3), rs.getString(4))),
                runDate, rs.getDouble(5), rs.getDouble(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getInt(11) == 1), boundaryWeight, Date.valueOf(runDate));
    }

    /** " WHERE" clause matching decision alias {@code d} to the pair columns of alias {@code p}. */
    private static String samePair(String d, String p) {
        return " WHERE " + d + ".left_source = " + p + ".left_source AND " + d + ".left_record_id = " + p + ".left_record_id AND "
                + d + ".right_source = " + p + ".right_source AND " + d + ".right_record_id = " + p + ".right_record_id";
    }

    /** Both records of a pair side by side, with the runs' scores and the decision that holds. */
    public PairView pair(RecordPair pair) {
        requireNonNull(pair, "pair is null");
        Contact left = sourceRecord(pair.left());
        Contact right = sourceRecord(pair.right());
        Optional<StewardAction> decision = latestHolding(pair);
        Verdict verdict = decision.map(action -> verdictOf(action, pair)).orElse(null);
        return new PairView(pair, left, right, stored.of(pair.left(), pair.right()), stored.masterId(pair.left()).orElse(null),
                stored.masterId(pair.right()).orElse(null), verdict, decision.orElse(null));
    }

    private Optional<StewardAction> latestHolding(RecordPair pair) {
        List<Long> ids = jdbc.queryForList("SELECT MAX(d.action_id) FROM " + HOLDING_DECISION + " WHERE d.left_source = ? "
                        + "AND d.left_record_id = ? AND d.right_source = ? AND d.right_record_id = ?", Long.class,
                pair.left().source(), pair.left().sourceRecordId(), pair.right().source(), pair.right().sourceRecordId());
        return ids.isEmpty() || ids.get(0) == null ? Optional.empty() : action(ids.get(0));
    }

    private Verdict verdictOf(StewardAction action, RecordPair pair) {
        String code = jdbc.queryForObject("SELECT verdict FROM steward_decision WHERE action_id = ? AND left_source = ? "
                        + "AND left_record_id = ? AND right_source = ? AND right_record_id = ?", String.class, action.id(),
                pair.left().source(), pair.left().sourceRecordId(), pair.right().source(), pair.right().sourceRecordId());
        return Verdict.ofCode(code);
    }

    /**
     * A master record by any ID it ever had: a retired ID shows the record it redirects to.
     *
     * @throws StewardException when no master record ever had the ID
     */
    public MasterView master(String masterId) {
        String requested = requireNonNull(masterId, "masterId is null").trim().toUpperCase(Locale.ROOT);
        String current = resolve(requested);
        GoldenRecord golden = golden(current);
        String status = jdbc.queryForObject("SELECT status FROM customer_master WHERE master_id = ?", String.class, current);
        List<Contact> members = master.sourceRecordsOf(current);
        return new MasterView(requested, status, golden, members, history(current), holdingActionsAbout(current, members));
    }

    /** The ID a master ID redirects to now (itself when active). */
    private String resolve(String masterId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT status, redirect_to FROM customer_master WHERE master_id = ?",
                masterId);
        if (rows.isEmpty()) {
            throw new StewardException("no master record " + masterId);
        }
        Object redirect = rows.get(0).get("redirect_to"); // a case-insensitive map
        return redirect == null ? masterId : redirect.toString();
    }

    private GoldenRecord golden(String masterId) {
        Map<String, GoldenRecord.Lineage> lineage = new TreeMap<>();
        jdbc.query("SELECT field, source, source_record_id, rule FROM master_field_lineage WHERE master_id = ?", rs -> {
            lineage.put(rs.getString(1), new GoldenRecord.Lineage(new SourceRecordKey(rs.getString(2), rs.getString(3)),
                    rs.getString(4)));
        }, masterId);
        return jdbc.queryForObject("SELECT master_id, full_name, given_name, family_name, email, phone, birth_date, address_line, "
                        + "city, postcode, region, country, company, id_number, source_count FROM customer_master WHERE master_id = ?",
                (rs, row) -> {
                    Date birth = rs.getDate("birth_date");
                    return new GoldenRecord(rs.getString("master_id"), rs.getString("full_name"), rs.getString("given_name"),
                            rs.getString("family_name"), rs.getString("email"), rs.getString("phone"),
                            birth == null ? null : birth.toLocalDate(), rs.getString("address_line"), rs.getString("city"),
                            rs.getString("postcode"), rs.getString("region"), rs.getString("country"), rs.getString("company"),
                            rs.getString("id_number"), Math.max(1, rs.getInt("source_count")), lineage);
                }, masterId);
    }

    /** The audit of a master ID and of every ID retired into it, oldest first. */
    public List<AuditEntry> history(String masterId) {
        String current = resolve(requireNonNull(masterId, "masterId is null").trim().toUpperCase(Locale.ROOT));
        List<String> ids = jdbc.queryForList("SELECT master_id FROM customer_master WHERE redirect_to = ?", String.class, current);
        List<String> all = new ArrayList<>(ids);
        all.add(current);
        String in = String.join(",", java.util.Collections.nCopies(all.size(), "?"));
        List<Object> args = new ArrayList<>(all);
        args.addAll(all);
        return jdbc.query("SELECT audit_id, run_date, action, master_id, related_master_id, actor, detail, reason, created_at "
                + "FROM master_audit WHERE master_id IN (" + in + ") OR related_master_id IN (" + in + ") "
                + "ORDER BY created_at, audit_id", (rs, row) -> {
                    Date run = rs.getDate("run_date");
                    return new AuditEntry(rs.getLong("audit_id"), run == null ? null : run.toLocalDate(), rs.getString("action"),
                            rs.getString("master_id"), rs.getString("related_master_id"), rs.getString("actor"),
                            rs.getString("detail"), rs.getString("reason"), rs.getTimestamp("created_at").toLocalDateTime());
                }, args.toArray());
    }

    /** Steward actions that hold and concern a master or any of its records, newest first. */
    private List<StewardAction> holdingActionsAbout(String masterId, List<Contact> members) {
        Set<Long> ids = new LinkedHashSet<>(jdbc.queryForList("SELECT action_id FROM steward_action WHERE "
                + "undone_by_action_id IS NULL AND action <> 'undo' AND (master_id = ? OR related_master_id = ?)", Long.class,
                masterId, masterId));
        for (Contact member : members) {
            ids.addAll(jdbc.queryForList("SELECT a.action_id FROM " + HOLDING_DECISION + " WHERE (d.left_source = ? AND "
                    + "d.left_record_id = ?) OR (d.right_source = ? AND d.right_record_id = ?)", Long.class, member.source(),
                    member.key().sourceRecordId(), member.source(), member.key().sourceRecordId()));
        }
        return ids.stream().sorted(java.util.Comparator.reverseOrder()).map(this::action).flatMap(Optional::stream).toList();
    }

    /**
     * Active master records whose name, e-mail or phone contains the text (case-insensitive; for a
     * phone, its digits), at most {@code limit}, by ID.
     */
    public List<GoldenRecord> search(String text, int limit) {
        String query = requireNonNull(text, "text is null").trim().toLowerCase(Locale.ROOT);
        if (query.isEmpty()) {
            return List.of();
        }
        String digits = query.replaceAll("[^0-9]", "");
        String like = "%" + query.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        // Phones are searched by four digits or more (no pattern that matches nothing: PostgreSQL
        // refuses a U+0000 in text, so the clause is left out instead).
        boolean byPhone = digits.length() >= 4;
        List<Object> arguments = new ArrayList<>(List.of(like, like));
        if (byPhone) {
            arguments.add("%" + digits + "%");
        }
        List<String> ids = jdbc.queryForList("SELECT master_id FROM customer_master WHERE status = 'active' AND ("
                + "LOWER(full_name) LIKE ? ESCAPE '!' OR LOWER(email) LIKE ? ESCAPE '!'" + (byPhone ? " OR phone LIKE ?" : "")
                + ") ORDER BY master_id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", String.class, arguments.toArray());
        return ids.stream().map(this::golden).toList();
    }

    /**
     * The decisions the nightly must honour: the pair verdicts of every action that holds, the latest
     * action winning for a pair decided more than once.
     */
    public StewardLinks links() {
        Map<RecordPair, String> latest = new HashMap<>();
        jdbc.query("SELECT d.left_source, d.left_record_id, d.right_source, d.right_record_id, d.verdict FROM "
                + HOLDING_DECISION + " ORDER BY d.action_id", rs -> {
                    latest.put(new RecordPair(new SourceRecordKey(rs.getString(1), rs.getString(2)),
                            new SourceRecordKey(rs.getString(3), rs.getString(4))), rs.getString(5));
                });
        Set<RecordPair> same = new HashSet<>();
        Set<RecordPair> different = new HashSet<>();
        latest.forEach((pair, verdict) -> (Verdict.ofCode(verdict) == Verdict.SAME ? same : different).add(pair));
        return new StewardLinks(same, different);
    }

    /** One action by its ID. */
    public Optional<StewardAction> action(long id) {
        return jdbc.query("SELECT " + ACTION_COLUMNS + " FROM steward_action WHERE action_id = ?", (rs, row) -> action(rs), id)
                .stream().findFirst();
    }

    private static StewardAction action(ResultSet rs) throws SQLException {
        String leftSource = rs.getString("left_source");
        String rightSource = rs.getString("right_source");
        ActionKind kind = ActionKind.ofCode(rs.getString("action"));
        SourceRecordKey left = leftSource == null ? null : new SourceRecordKey(leftSource, rs.getString("left_record_id"));
        RecordPair pair = rightSource == null ? null
                : new RecordPair(left, new SourceRecordKey(rightSource, rs.getString("right_record_id")));
        long undoes = rs.getLong("undoes_action_id");
        Long undoesId = rs.wasNull() ? null : undoes;
        long undone = rs.getLong("undone_by_action_id");
        Long undoneBy = rs.wasNull() ? null : undone;
        return new StewardAction(rs.getLong("action_id"), kind, rs.getString("actor"), rs.getString("reason"),
                rs.getTimestamp("created_at").toLocalDateTime(), rs.getString("master_id"), rs.getString("related_master_id"),
                pair, pair == null ? left : null, undoesId, undoneBy);
    }

    // ---------------------------------------------------------------- acting

    /** The two records are one customer. */
    public StewardAction accept(RecordPair pair, String actor, String reason) {
        return decidePair(ActionKind.ACCEPT, pair, actor, reason);
    }

    /** The two records are two customers: they are never merged again automatically. */
    public StewardAction reject(RecordPair pair, String actor, String reason) {
        return decidePair(ActionKind.REJECT, pair, actor, reason);
    }

    /** No decision: the pair stays in the queue, behind those nobody looked at. */
    public StewardAction skip(RecordPair pair, String actor, String reason) {
        return decidePair(ActionKind.SKIP, pair, actor, reason);
    }

    private StewardAction decidePair(ActionKind kind, RecordPair pair, String actor, String reason) {
        requireNonNull(pair, "pair is null");
        String who = actor(actor);
        String why = reason(reason);
        return tx.execute(status -> writePair(kind, pair, who, why, null));
    }

    private StewardAction writePair(ActionKind kind, RecordPair pair, String who, String why, String origin) {
        sourceRecord(pair.left());
        sourceRecord(pair.right());
        String leftMaster = masterOf(pair.left());
        String rightMaster = masterOf(pair.right());
        long id = insertAction(kind, who, why, leftMaster, rightMaster, pair.left(), pair.right(), null);
        if (kind != ActionKind.SKIP) {
            insertDecisions(id, List.of(pair), kind == ActionKind.ACCEPT ? Verdict.SAME : Verdict.DIFFERENT);
        }
        String meaning = switch (kind) {
            case ACCEPT -> "same customer";
            case REJECT -> "different customers";
            default -> "no decision yet";
        };
        audit(kind, leftMaster, rightMaster, who, why, kind.code() + " " + pair + " (" + meaning + ")"
                + (origin == null ? "" : "; " + origin));
        return action(id).orElseThrow();
    }

    /**
     * Two master records are one customer: every pair between their source records is decided
     * "same". The older ID survives at the next run; the other is retired and redirects to it.
     */
    public StewardAction merge(String firstMasterId, String secondMasterId, String actor, String reason) {
        String who = actor(actor);
        String why = reason(reason);
        return tx.execute(status -> {
            String first = activeMaster(firstMasterId);
            String second = activeMaster(secondMasterId);
            if (first.equals(second)) {
                throw new StewardException("cannot merge " + first + " with itself");
            }
            String keep = first.compareTo(second) < 0 ? first : second;
            String other = keep.equals(first) ? second : first;
            List<SourceRecordKey> keepRecords = membersOf(keep);
            List<SourceRecordKey> otherRecords = membersOf(other);
            if ((long) keepRecords.size() * otherRecords.size() > MAX_MERGE_PAIRS) {
                throw new StewardException(String.format(Locale.ROOT, "%s (%d records) and %s (%d records) are too large to "
                        + "merge by hand (more than %,d pairs): review the pairs between them instead", keep, keepRecords.size(),
                        other, otherRecords.size(), MAX_MERGE_PAIRS));
            }
            List<RecordPair> pairs = new ArrayList<>();
            for (SourceRecordKey a : keepRecords) {
                for (SourceRecordKey b : otherRecords) {
                    pairs.add(RecordPair.of(a, b));
                }
            }
            long id = insertAction(ActionKind.MERGE, who, why, keep, other, null, null, null);
            insertDecisions(id, pairs, Verdict.SAME);
            audit(ActionKind.MERGE, keep, other, who, why, "merge " + other + " into " + keep + " (" + pairs.size()
                    + " record pairs decided the same customer; takes effect at the next run)");
            return action(id).orElseThrow();
        });
    }

    /**
     * A source record is not the customer of its master record: it is decided "different" from each
     * other record of that master, and gets a master record of its own (or joins another) at the next run.
     */
    public StewardAction split(SourceRecordKey recordKey, String actor, String reason) {
        requireNonNull(recordKey, "recordKey is null");
        String who = actor(actor);
        String why = reason(reason);
        return tx.execute(status -> {
            sourceRecord(recordKey);
            String from = masterOf(recordKey);
            List<SourceRecordKey> others = new ArrayList<>(membersOf(from));
            others.remove(recordKey);
            if (others.isEmpty()) {
                throw new StewardException(recordKey + " is the only record of " + from + ": there is nothing to split it from");
            }
            List<RecordPair> pairs = others.stream().map(other -> RecordPair.of(recordKey, other)).toList();
            long id = insertAction(ActionKind.SPLIT, who, why, from, null, recordKey, null, null);
            insertDecisions(id, pairs, Verdict.DIFFERENT);
            audit(ActionKind.SPLIT, from, null, who, why, "split " + recordKey + " out of " + from + " (different from "
                    + others.size() + " record(s); takes effect at the next run)");
            return action(id).orElseThrow();
        });
    }

    /**
     * Takes back the latest action that holds on a record: {@code target} is a master ID (an action
     * on the master or any of its records) or a source record {@code SOURCE:ID}.
     *
     * @return the undo action; the undone one is {@link StewardAction#undoes()}
     */
    public StewardAction undo(String target, String actor, String reason) {
        requireNonNull(target, "target is null");
        String who = actor(actor);
        String why = reason(reason);
        return tx.execute(status -> {
            Long latest;
            String trimmed = target.trim();
            if (trimmed.contains(":")) {
                SourceRecordKey key = parseKey(trimmed);
                sourceRecord(key);
                latest = latestHoldingAbout(List.of(key), null);
            } else {
                String id = resolve(trimmed.toUpperCase(Locale.ROOT));
                latest = latestHoldingAbout(membersOf(id), id);
            }
            if (latest == null) {
                throw new StewardException("no action on " + trimmed + " to undo");
            }
            StewardAction undone = action(latest).orElseThrow();
            long id = insertAction(ActionKind.UNDO, who, why, undone.masterId(), undone.relatedMasterId(), null, null, latest);
            jdbc.update("UPDATE steward_action SET undone_by_action_id = ? WHERE action_id = ?", id, latest);
            audit(ActionKind.UNDO, undone.masterId() == null ? "?" : undone.masterId(), undone.relatedMasterId(), who, why,
                    "undo " + undone.describe() + " (no longer holds from the next run)");
            return action(id).orElseThrow();
        });
    }

    /** The latest holding, non-undo action on any of the records (as pair, split record or decision) or on the master. */
    private Long latestHoldingAbout(List<SourceRecordKey> records, String masterId) {
        Long best = null;
        if (masterId != null) {
            best = jdbc.queryForObject("SELECT MAX(action_id) FROM steward_action WHERE undone_by_action_id IS NULL "
                    + "AND action <> 'undo' AND (master_id = ? OR related_master_id = ?)", Long.class, masterId, masterId);
        }
        for (SourceRecordKey key : records) {
            Long found = jdbc.queryForObject("SELECT MAX(action_id) FROM steward_action WHERE undone_by_action_id IS NULL "
                    + "AND action <> 'undo' AND ((left_source = ? AND left_record_id = ?) OR (right_source = ? AND "
                    + "right_record_id = ?) OR action_id IN (SELECT d.action_id FROM steward_decision d WHERE (d.left_source = ? "
                    + "AND d.left_record_id = ?) OR (d.right_source = ? AND d.right_record_id = ?)))", Long.class,
                    key.source(), key.sourceRecordId(), key.source(), key.sourceRecordId(), key.source(), key.sourceRecordId(),
                    key.source(), key.sourceRecordId());
            if (found != null && (best == null || found > best)) {
                best = found;
            }
        }
        return best;
    }

    /**
     * Records a file of decisions as a whole: every row is checked before anything is written, and
     * the first bad row refuses the file (naming its line). Rows without a decision are left out.
     *
     * @return the actions written, in file order
     */
    public List<StewardAction> importDecisions(List<ImportedDecision> rows, String actor, String origin) {
        requireNonNull(rows, "rows is null");
        String who = actor(actor);
        return tx.execute(status -> {
            for (ImportedDecision row : rows) {
                for (SourceRecordKey key : List.of(row.pair().left(), row.pair().right())) {
                    if (master.sourceRecord(key).isEmpty()) {
                        throw new StewardException(origin + " line " + row.line() + ": no source record " + key);
                    }
                }
            }
            List<StewardAction> written = new ArrayList<>();
            for (ImportedDecision row : rows) {
                written.add(writePair(row.kind(), row.pair(), who, reason(row.reason()), "imported from " + origin + " line "
                        + row.line()));
            }
            return written;
        });
    }

    // ---------------------------------------------------------------- helpers

    /** {@code SOURCE:ID} as a key, or a refusal naming the form. */
    public static SourceRecordKey parseKey(String text) {
        try {
            return SourceRecordKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw new StewardException(e.getMessage());
        }
    }

    /**
     * The current version of a source record.
     *
     * @throws StewardException when no run has staged it
     */
    public Contact sourceRecord(SourceRecordKey key) {
        return master.sourceRecord(key).orElseThrow(() -> new StewardException("no source record " + key));
    }

    private String masterOf(SourceRecordKey key) {
        return stored.masterId(key).orElseThrow(() -> new StewardException(key + " has no master record yet: the nightly has "
                + "not matched it"));
    }

    private String activeMaster(String masterId) {
        String id = requireNonNull(masterId, "masterId is null").trim().toUpperCase(Locale.ROOT);
        String current = resolve(id);
        if (!current.equals(id)) {
            throw new StewardException(id + " was retired into " + current + ": use " + current);
        }
        return id;
    }

    private List<SourceRecordKey> membersOf(String masterId) {
        return jdbc.query("SELECT source, source_record_id FROM master_xref WHERE master_id = ? ORDER BY source, "
                + "source_record_id", (rs, row) -> new SourceRecordKey(rs.getString(1), rs.getString(2)), masterId);
    }

    private static String actor(String actor) {
        String who = actor == null ? "" : actor.trim();
        if (who.isEmpty()) {
            throw new StewardException("who decides must be named (a user name)");
        }
        if (who.length() > MAX_ACTOR || who.equals(NIGHTLY_ACTOR) || who.chars().anyMatch(Character::isISOControl)) {
            throw new StewardException("not a valid user name: '" + who + "'");
        }
        return who;
    }

    private static String reason(String reason) {
        String why = reason == null ? null : reason.strip();
        if (why == null || why.isEmpty()) {
            return null;
        }
        if (why.length() > MAX_REASON) {
            throw new StewardException("a reason is at most " + MAX_REASON + " characters (" + why.length() + " given)");
        }
        return why;
    }

    private long insertAction(ActionKind kind, String who, String why, String masterId, String relatedMasterId,
                              SourceRecordKey left, SourceRecordKey right, Long undoes) {
        KeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO steward_action (action, actor, reason, created_at, master_id, "
                    + "related_master_id, left_source, left_record_id, right_source, right_record_id, undoes_action_id) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?)", new String[] {"action_id"});
            statement.setString(1, kind.code());
            statement.setString(2, who);
            statement.setString(3, why);
            statement.setTimestamp(4, now);
            statement.setString(5, masterId);
            statement.setString(6, relatedMasterId);
            statement.setString(7, left == null ? null : left.source());
            statement.setString(8, left == null ? null : left.sourceRecordId());
            statement.setString(9, right == null ? null : right.source());
            statement.setString(10, right == null ? null : right.sourceRecordId());
            if (undoes == null) {
                statement.setNull(11, java.sql.Types.BIGINT);
            } else {
                statement.setLong(11, undoes);
            }
            return statement;
        }, keys);
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("the database returned no action_id");
        }
        return id.longValue();
    }

    private void insertDecisions(long actionId, List<RecordPair> pairs, Verdict verdict) {
        List<Object[]> rows = new ArrayList<>(pairs.size());
        for (RecordPair pair : pairs) {
            rows.add(new Object[] {actionId, pair.left().source(), pair.left().sourceRecordId(), pair.right().source(),
                    pair.right().sourceRecordId(), verdict.code()});
        }
        jdbc.batchUpdate("INSERT INTO steward_decision (action_id, left_source, left_record_id, right_source, right_record_id, "
                + "verdict) VALUES (?,?,?,?,?,?)", rows);
    }

    private void audit(ActionKind kind, String masterId, String relatedMasterId, String who, String why, String detail) {
        jdbc.update("INSERT INTO master_audit (run_date, action, master_id, related_master_id, actor, detail, reason, created_at) "
                + "VALUES (?,?,?,?,?,?,?,?)", new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.DATE, null), kind.code(), masterId, relatedMasterId, who, detail, why,
                Timestamp.valueOf(LocalDateTime.now(clock)));
    }
}
