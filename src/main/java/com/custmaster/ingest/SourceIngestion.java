package com.custmaster.ingest;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.Incremental;
import com.custmaster.config.SourceConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.Masking;
import com.custmaster.domain.Progress;
import com.custmaster.domain.RawRecord;
import com.custmaster.domain.Rejection;
import com.custmaster.normalize.ContactNormalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The processing and writing half of one source's ingest step: normalise each raw record and
 * write it to the staging or the reject table of the run. At the end of the step it records the
 * source's counts (read, staged, rejected) for the check that nothing was lost, and fails the step
 * (keeping nothing of it) when the share of rejected records says the source's format changed.
 * For an incremental source it reads from the committed watermark and keeps the highest value read,
 * restart-safe in the step's execution context.
 */
public final class SourceIngestion implements ItemProcessor<RawRecord, IngestedRecord>, ItemWriter<IngestedRecord>,
        StepExecutionListener, ItemStream {

    /** Identifying job parameter: the run date. */
    public static final String RUN_DATE_PARAMETER = "run.date";

    private static final Logger LOG = LoggerFactory.getLogger(SourceIngestion.class);
    private static final String MAX_WATERMARK_KEY = "watermark.max";

    private final SourceConfig source;
    private final CountingSourceReader reader;
    private final StagingStore store;
    private final Watermarks watermarks;
    private LocalDate runDate;
    private ContactNormalizer normalizer;
    private Comparable<?> maxWatermark;
    private Progress progress;

    public SourceIngestion(SourceConfig source, CountingSourceReader reader, StagingStore store, Watermarks watermarks) {
        this.source = requireNonNull(source, "source is null");
        this.reader = requireNonNull(reader, "reader is null");
        this.store = requireNonNull(store, "store is null");
        this.watermarks = requireNonNull(watermarks, "watermarks is null");
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runDate = stepExecution.getJobParameters().getLocalDate(RUN_DATE_PARAMETER);
        requireNonNull(runDate, "job parameter " + RUN_DATE_PARAMETER + " is missing");
        normalizer = new ContactNormalizer(source, runDate);
        progress = new Progress("ingest " + source.name(), "records", -1, Progress.INTERVAL_DEFAULT, LOG::info);
        Incremental incremental = source.incremental();
        if (incremental != null) {
            Comparable<?> committed = watermarks.committed(source.name(), incremental).orElse(null);
            reader.setLowerBound(committed);
            LOG.info("ingest {}: incremental on {}, reading rows above {}", source.name(), incremental.column(),
                    committed == null ? "nothing (first run: all rows)" : Watermarks.format(committed));
        }
        LOG.info("ingest {}: reading {}", source.name(), source.location() != null ? source.location()
                : Masking.jdbcUrl(source.jdbc().url()));
    }

    @Override
    public void open(ExecutionContext executionContext) {
        maxWatermark = null;
        if (source.incremental() != null && executionContext.containsKey(MAX_WATERMARK_KEY)) {
            maxWatermark = Watermarks.parseStored(executionContext.getString(MAX_WATERMARK_KEY), source.incremental().type());
        }
    }

    @Override
    public void update(ExecutionContext executionContext) {
        if (maxWatermark != null) {
            executionContext.putString(MAX_WATERMARK_KEY, Watermarks.format(maxWatermark));
        }
    }

    @Override
    public IngestedRecord process(RawRecord record) {
        if (source.incremental() != null && !record.isMalformed()) {
            Comparable<?> value = Watermarks.parse(record.values().get(source.incremental().column()), source.incremental());
            if (value != null && (maxWatermark == null || Watermarks.compare(value, maxWatermark) > 0)) {
                maxWatermark = value;
            }
        }
        return new IngestedRecord(record.origin(), normalizer.normalize(record));
    }

    @Override
    public void write(Chunk<? extends IngestedRecord> chunk) {
        List<Contact> contacts = new ArrayList<>(chunk.size());
        List<String> origins = new ArrayList<>(chunk.size());
        List<Rejection> rejections = new ArrayList<>();
        for (IngestedRecord item : chunk) {
            if (item.outcome() instanceof Contact contact) {
                contacts.add(contact);
                origins.add(item.origin());
            } else if (item.outcome() instanceof Rejection rejection) {
                rejections.add(rejection);
            }
        }
        store.insertStaged(runDate, contacts, origins);
        store.insertRejected(runDate, rejections);
        progress.at(reader.recordsRead(), reader.fractionRead());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus().isUnsuccessful()) {
            return stepExecution.getExitStatus();
        }
        long read = reader.recordsRead();
        long staged = store.countStaged(runDate, source.name());
        long rejected = store.countRejected(runDate, source.name());
        double share = read == 0 ? 0 : (double) rejected / read;
        if (read >= SourceConfig.MIN_RECORDS_FOR_REJECT_SHARE && share > source.maxRejectShare()) {
            return failTooManyRejects(stepExecution, read, rejected, share);
        }
        String candidate = maxWatermark == null ? null : Watermarks.format(maxWatermark);
        store.recordCounts(runDate, source.name(), read, staged, rejected, reader.recordsUnchanged(), candidate);
        ExecutionContext context = stepExecution.getExecutionContext();
        context.putLong("records.read", read);
        context.putLong("records.staged", staged);
        context.putLong("records.rejected", rejected);
        context.putLong("records.unchanged", reader.recordsUnchanged());
        LOG.info("ingest {}: {} read, {} staged, {} rejected{}", source.name(), read, staged, rejected,
                source.incremental() == null ? "" : ", " + reader.recordsUnchanged() + " unchanged since the last run");
        return stepExecution.getExitStatus();
    }

    /**
     * Too many bad rows: most likely the source's format changed upstream. Nothing of this source is
     * kept for the run, and the step restarts from the first record once the cause is fixed.
     */
    private ExitStatus failTooManyRejects(StepExecution stepExecution, long read, long rejected, double share) {
        store.discard(runDate, source.name());
        stepExecution.getExecutionContext().remove("source-" + source.name() + ".read.count");
        stepExecution.getExecutionContext().remove(MAX_WATERMARK_KEY);
        String message = String.format(Locale.ROOT, "source '%s': %d of %d records rejected (%.1f%%), above the limit "
                        + "of %.1f%% (max_reject_share in %s): has the format changed? Nothing of this source was kept; "
                        + "see var/reports or table rejected_record of an earlier run for typical reasons",
                source.name(), rejected, read, share * 100, source.maxRejectShare() * 100, source.configFile());
        LOG.error(message);
        stepExecution.setStatus(BatchStatus.FAILED);
        stepExecution.addFailureException(new IllegalStateException(message));
        return ExitStatus.FAILED.addExitDescription(message);
    }
}
