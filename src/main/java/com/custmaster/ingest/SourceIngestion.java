package com.custmaster.ingest;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.SourceConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.RawRecord;
import com.custmaster.domain.Rejection;
import com.custmaster.normalize.ContactNormalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The processing and writing half of one source's ingest step: normalise each raw record and
 * write it to the staging or the reject table of the run. At the end of the step it records the
 * source's counts (read, staged, rejected) for the check that nothing was lost.
 */
public final class SourceIngestion implements ItemProcessor<RawRecord, IngestedRecord>, ItemWriter<IngestedRecord>,
        StepExecutionListener {

    /** Identifying job parameter: the run date. */
    public static final String RUN_DATE_PARAMETER = "run.date";

    private static final Logger LOG = LoggerFactory.getLogger(SourceIngestion.class);
    private static final long PROGRESS_EVERY = 50_000;

    private final SourceConfig source;
    private final CountingSourceReader reader;
    private final StagingStore store;
    private LocalDate runDate;
    private ContactNormalizer normalizer;
    private long started;
    private long lastProgress;

    public SourceIngestion(SourceConfig source, CountingSourceReader reader, StagingStore store) {
        this.source = requireNonNull(source, "source is null");
        this.reader = requireNonNull(reader, "reader is null");
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runDate = stepExecution.getJobParameters().getLocalDate(RUN_DATE_PARAMETER);
        requireNonNull(runDate, "job parameter " + RUN_DATE_PARAMETER + " is missing");
        normalizer = new ContactNormalizer(source, runDate);
        started = System.nanoTime();
        lastProgress = 0;
        LOG.info("ingest {}: reading {}", source.name(), source.location() != null ? source.location() : source.jdbc().url());
    }

    @Override
    public IngestedRecord process(RawRecord record) {
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
        long read = reader.recordsRead();
        if (read - lastProgress >= PROGRESS_EVERY) {
            lastProgress = read;
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            LOG.info("ingest {}: {} records read ({} records/s)", source.name(), read, Math.round(read / seconds));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus().isUnsuccessful()) {
            return stepExecution.getExitStatus();
        }
        long read = reader.recordsRead();
        long staged = store.countStaged(runDate, source.name());
        long rejected = store.countRejected(runDate, source.name());
        store.recordCounts(runDate, source.name(), read, staged, rejected);
        stepExecution.getExecutionContext().putLong("records.read", read);
        stepExecution.getExecutionContext().putLong("records.staged", staged);
        stepExecution.getExecutionContext().putLong("records.rejected", rejected);
        LOG.info("ingest {}: {} read, {} staged, {} rejected", source.name(), read, staged, rejected);
        return stepExecution.getExitStatus();
    }
}
