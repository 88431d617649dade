package com.custmaster.testing;

import com.custmaster.config.PipelineConfig;
import com.custmaster.config.SourceConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.RawRecord;
import com.custmaster.ingest.CountingSourceReader;
import com.custmaster.ingest.SourceReaders;
import com.custmaster.normalize.ContactNormalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The contacts of data-samples/ as the nightly ingest stages them (every configured source read by
 * its own reader and normalised), without Spring Batch or a database: a realistic population of
 * about 3,000 records in four sources, large enough for term-frequency weights.
 *
 * @param staged every staged contact in reading order, repeats of an id included
 * @param origins the file or table of each staged contact
 */
public record SampleContacts(List<Contact> staged, List<String> origins) {

    public SampleContacts {
        staged = List.copyOf(staged);
        origins = List.copyOf(origins);
    }

    /** Reads every source of {@code config} as of {@code runDate}. */
    public static SampleContacts read(PipelineConfig config, LocalDate runDate) {
        List<Contact> staged = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        for (SourceConfig source : config.sources()) {
            ContactNormalizer normalizer = new ContactNormalizer(source, runDate);
            CountingSourceReader reader = SourceReaders.create(source);
            reader.open(new ExecutionContext());
            try {
                for (RawRecord record = reader.read(); record != null; record = reader.read()) {
                    if (normalizer.normalize(record) instanceof Contact contact) {
                        staged.add(contact);
                        origins.add(record.origin());
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot read sample source " + source.name() + ": " + e.getMessage(), e);
            } finally {
                reader.close();
            }
        }
        return new SampleContacts(staged, origins);
    }

    /** The current version of every record (the last staged one wins, as in source_record), sorted by key like the matcher. */
    public List<Contact> current() {
        Map<Object, Contact> byKey = new LinkedHashMap<>();
        staged.forEach(contact -> byKey.put(contact.key(), contact));
        List<Contact> current = new ArrayList<>(byKey.values());
        current.sort(Comparator.comparing(Contact::key));
        return current;
    }
}
