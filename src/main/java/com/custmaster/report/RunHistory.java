package com.custmaster.report;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last runs of the nightly job as Spring Batch's job repository recorded them
 * ({@code BATCH_JOB_EXECUTION} and {@code BATCH_STEP_EXECUTION}, docs/database.md): for
 * {@code jobs/nightly status} and {@code history}, which read the database and never start Spring Batch.
 * Queries take every value as a bind parameter.
 */
public final class RunHistory {

    /** Batch statuses of a run that is (or was left) under way. */
    static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");
    /** Batch statuses of a step that did not finish well. */
    private static final List<String> UNSUCCESSFUL = List.of("FAILED", "STOPPED", "ABANDONED", "UNKNOWN");

    private final JdbcTemplate jdbc;
    private final String jobName;
    private final String runDateParameter;

    /**
     * @param jobName the job's name in the repository ({@code nightly})
     * @param runDateParameter the identifying job parameter holding the run date ({@code run.date})
     */
    public RunHistory(JdbcTemplate jdbc, String jobName, String runDateParameter) {
        this.jdbc = requireNonNull(jdbc, "jdbc is null");
        this.jobName = requireNonNull(jobName, "jobName is null");
        this.runDateParameter = requireNonNull(runDateParameter, "runDateParameter is null");
    }

    /**
     * One launch of the job (a restart is a new launch of the same run date).
     *
     * @param status Spring Batch's status: {@code COMPLETED}, {@code FAILED}, {@code STARTED} ...
     * @param endedAt null while running
     * @param step the step that failed, or for a running launch the step under way; null otherwise
     * @param message the first line of the failed step's (else the job's) exit message; null if none
     */
    public record Run(long executionId, LocalDate runDate, String status, LocalDateTime startedAt, LocalDateTime endedAt,
                      String step, String message) {
        public Run {
            requireNonNull(status, "status is null");
        }

        /** From start to end, or to {@code now} while running; zero when the run never started. */
        public Duration duration(LocalDateTime now) {
            if (startedAt == null) {
                return Duration.ZERO;
            }
            return Duration.between(startedAt, endedAt != null ? endedAt : now);
        }

        /** True while the job repository says the run is under way (or a killed process left it so). */
        public boolean running() {
            return RUNNING.contains(status);
        }

        /**
         * The exit code {@code jobs/nightly} returned (or will return) for this launch, as in
         * docs/operations.md: 0 completed, 1 failed (or stopped), 3 still running.
         */
        public int exitCode() {
            if ("COMPLETED".equals(status)) {
                return 0;
            }
            return running() ? 3 : 1;
        }
    }

    /** The last {@code limit} launches, newest first. */
    public List<Run> last(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return jdbc.query("SELECT e.JOB_EXECUTION_ID, e.STATUS, e.START_TIME, e.END_TIME, e.EXIT_MESSAGE, p.PARAMETER_VALUE "
                        + "FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
                        + "LEFT JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = ? "
                        + "WHERE i.JOB_NAME = ? ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?",
                (row, index) -> run(row), runDateParameter, jobName, limit);
    }

    private Run run(ResultSet row) throws SQLException {
        long id = row.getLong("JOB_EXECUTION_ID");
        String status = row.getString("STATUS");
        String step = null;
        String message = firstLine(row.getString("EXIT_MESSAGE"));
        List<String[]> steps;
        if (RUNNING.contains(status)) {
            steps = jdbc.query("SELECT STEP_NAME, EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
                            + "AND STATUS IN (?, ?, ?) ORDER BY STEP_EXECUTION_ID DESC",
                    (r, i) -> new String[] {r.getString(1), r.getString(2)}, id, "STARTING", "STARTED", "STOPPING");
        } else {
            steps = jdbc.query("SELECT STEP_NAME, EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
                            + "AND STATUS IN (?, ?, ?, ?) ORDER BY STEP_EXECUTION_ID DESC",
                    (r, i) -> new String[] {r.getString(1), r.getString(2)}, id, UNSUCCESSFUL.get(0), UNSUCCESSFUL.get(1),
                    UNSUCCESSFUL.get(2), UNSUCCESSFUL.get(3));
        }
        if (!steps.isEmpty()) {
            step = steps.get(0)[0];
            String stepMessage = firstLine(steps.get(0)[1]);
            message = stepMessage != null ? stepMessage : message;
        }
        return new Run(id, date(row.getString("PARAMETER_VALUE")), status, time(row.getTimestamp("START_TIME")),
                time(row.getTimestamp("END_TIME")), step, message);
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDateTime time(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }

    /**
     * The first line of an exit message without the exception's class name (Spring Batch stores a
     * stack trace there): what a person needs to read in a table.
     */
    public static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
    }
}
