package com.custmaster.ingest;

import com.custmaster.config.ConfigException;
import com.custmaster.config.FieldMapping;
import com.custmaster.config.SourceConfig;
import com.custmaster.domain.RawRecord;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Base of all source readers: Spring Batch's restartable item counting, plus an exact count of the
 * records read over all attempts of the step (the item count of the base class runs one past the
 * end once the source is exhausted). The count is what the read = staged + rejected check uses.
 */
public abstract class CountingSourceReader extends AbstractItemCountingItemStreamItemReader<RawRecord> {

    private long recordsRead;
    private long recordsUnchanged;
    private Comparable<?> lowerBound;

    /** The next record, or null at the end of the source. */
    protected abstract RawRecord readNext() throws Exception;

    /**
     * For incremental sources: only records whose watermark column is above {@code watermark} are
     * read (null: all). Set before the reader is opened.
     */
    public void setLowerBound(Comparable<?> watermark) {
        this.lowerBound = watermark;
    }

    protected Comparable<?> lowerBound() {
        return lowerBound;
    }

    /** Counts a record left out because it has not changed since the last run. */
    protected void countUnchanged() {
        recordsUnchanged++;
    }

    /** Records left out by the incremental watermark in this attempt (files only; a query never returns them). */
    public long recordsUnchanged() {
        return recordsUnchanged;
    }

    @Override
    protected final RawRecord doRead() throws Exception {
        RawRecord record = readNext();
        if (record != null) {
            recordsRead++;
        }
        return record;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        super.open(executionContext);
        // After a restart the base class has skipped the committed records: start counting from there.
        recordsRead = getCurrentItemCount();
    }

    /**
     * Fails with a configuration error when a column the source maps (or its id column) is not
     * among the columns the file or table has, before any row is used.
     *
     * @param where "the header of FILE" or "table T", for the message
     */
    protected static void checkMappedColumns(SourceConfig source, List<String> available, String where) {
        List<String> mapped = new ArrayList<>();
        mapped.add(source.idColumn());
        for (FieldMapping mapping : source.fields().values()) {
            mapped.addAll(mapping.columns());
        }
        if (source.incremental() != null) {
            mapped.add(source.incremental().column());
        }
        for (String column : mapped) {
            if (!available.contains(column)) {
                throw new ConfigException(source.configFile() + ": source '" + source.name() + "': column '" + column
                        + "' is not in " + where + " (columns: " + String.join(", ", available) + ")");
            }
        }
    }

    /**
     * Share of the source read so far in [0, 1], for the progress log; negative when not known
     * (a query's rows are not counted ahead).
     */
    public double fractionRead() {
        return -1;
    }

    /**
     * Records read so far, including those read by earlier attempts of a restarted step. Still
     * valid after the reader is closed.
     */
    public long recordsRead() {
        return recordsRead;
    }
}
