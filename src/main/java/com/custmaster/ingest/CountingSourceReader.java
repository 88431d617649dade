package com.custmaster.ingest;

import com.custmaster.domain.RawRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Base of all source readers: Spring Batch's restartable item counting, plus an exact count of the
 * records read over all attempts of the step (the item count of the base class runs one past the
 * end once the source is exhausted). The count is what the read = staged + rejected check uses.
 */
public abstract class CountingSourceReader extends AbstractItemCountingItemStreamItemReader<RawRecord> {

    private long recordsRead;

    /** The next record, or null at the end of the source. */
    protected abstract RawRecord readNext() throws Exception;

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
     * Records read so far, including those read by earlier attempts of a restarted step. Still
     * valid after the reader is closed.
     */
    public long recordsRead() {
        return recordsRead;
    }
}
