package com.custmaster.ingest;

import com.custmaster.config.ConfigException;
import com.custmaster.config.PipelineConfig;
import com.custmaster.config.SourceConfig;
import com.custmaster.config.SourceType;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Checks, before the job starts, that every CSV file present has the columns its source maps, so a
 * mapping error stops the run before any record of any source is read (exit code 2). Missing files
 * are left to the ingest step: that is an operational failure the run can resume from, not a
 * configuration error. JDBC columns are checked when the source is opened.
 */
public final class SourcePreflight {

    private SourcePreflight() {
    }

    public static void check(PipelineConfig config) {
        for (SourceConfig source : config.sources()) {
            if (source.type() != SourceType.CSV) {
                continue;
            }
            List<Path> files;
            try {
                files = SourceFiles.resolve(source);
            } catch (SourceUnavailableException | java.io.IOException e) {
                continue;
            }
            for (Path file : files) {
                CsvSourceReader reader = new CsvSourceReader(source.withLocation(file.toString()));
                reader.setName("preflight-" + source.name());
                try {
                    reader.open(new ExecutionContext());
                    reader.read();
                } catch (ConfigException e) {
                    throw e;
                } catch (Exception e) {
                    // an unreadable row is the ingest step's business: it is rejected there with its line
                    continue;
                } finally {
                    reader.close();
                }
            }
        }
    }
}
