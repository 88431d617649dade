package com.custmaster.ingest;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.SourceConfig;
import com.custmaster.domain.RawRecord;
import java.nio.file.Path;
import java.util.List;

/**
 * Base of the file readers: resolves the source's path or glob once, then reads the files one
 * after another in name order. Subclasses read records from one open file at a time. For an
 * incremental source, records at or below the committed watermark are passed over (and counted).
 */
abstract class FileSourceReader extends CountingSourceReader {

    protected final SourceConfig source;
    private List<Path> files;
    private int fileIndex;
    private boolean fileOpen;
    private long totalBytes;
    private long bytesOfFinishedFiles;
    private final java.util.concurrent.atomic.AtomicLong bytesOfOpenFile = new java.util.concurrent.atomic.AtomicLong();

    FileSourceReader(SourceConfig source) {
        this.source = requireNonNull(source, "source is null");
    }

    /** Opens one file for reading. */
    protected abstract void openFile(Path file) throws Exception;

    /** The next record of the open file, or null at its end. */
    protected abstract RawRecord readFromFile() throws Exception;

    /** Closes the open file, if any; safe to call twice. */
    protected abstract void closeFile() throws Exception;

    @Override
    protected void doOpen() throws Exception {
        files = SourceFiles.resolve(source);
        fileIndex = -1;
        fileOpen = false;
        totalBytes = 0;
        for (Path file : files) {
            totalBytes += java.nio.file.Files.size(file);
        }
        bytesOfFinishedFiles = 0;
        bytesOfOpenFile.set(0);
    }

    @Override
    protected final RawRecord readNext() throws Exception {
        while (true) {
            if (!fileOpen) {
                fileIndex++;
                if (fileIndex >= files.size()) {
                    return null;
                }
                bytesOfOpenFile.set(0);
                openFile(files.get(fileIndex));
                fileOpen = true;
            }
            RawRecord record = readFromFile();
            if (record != null && isUnchanged(record)) {
                countUnchanged();
                continue;
            }
            if (record != null) {
                return record;
            }
            closeFile();
            fileOpen = false;
            bytesOfFinishedFiles += java.nio.file.Files.size(files.get(fileIndex));
            bytesOfOpenFile.set(0);
        }
    }

    /** Where a subclass's {@link #openFile} counts the bytes it takes from the file: pass to {@link SourceFiles#open}. */
    protected java.util.concurrent.atomic.AtomicLong bytesCounter() {
        return bytesOfOpenFile;
    }

    /** Share of the source's bytes read so far (files are measured when the step opens them). */
    @Override
    public double fractionRead() {
        return totalBytes <= 0 ? -1 : Math.min(1.0, (double) (bytesOfFinishedFiles + bytesOfOpenFile.get()) / totalBytes);
    }

    /** True for a record whose watermark value is at or below the committed watermark. */
    private boolean isUnchanged(RawRecord record) {
        if (lowerBound() == null || source.incremental() == null || record.isMalformed()) {
            return false;
        }
        Comparable<?> value = Watermarks.parse(record.values().get(source.incremental().column()), source.incremental());
        return value != null && Watermarks.compare(value, lowerBound()) <= 0;
    }

    @Override
    protected void doClose() throws Exception {
        closeFile();
        fileOpen = false;
    }
}
