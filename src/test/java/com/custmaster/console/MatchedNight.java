package com.custmaster.console;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.ConfigLoader;
import com.custmaster.config.PipelineConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.SourceRecordKey;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A nightly database after one matched night of the sample sources ({@link
 * com.custmaster.testing.MatchedNight}): review pairs in {@code match_pair}, master records with lineage and audit. One staged record
 * carries markup in its name, to show the console escapes what it prints.
 *
 * @param hostile the record whose full name is {@link #HOSTILE_NAME}
 */
record MatchedNight(PipelineConfig config, DataSource dataSource, SourceRecordKey hostile) implements AutoCloseable {

    static final LocalDate RUN = LocalDate.of(2026, 11, 22);
    static final String HOSTILE_NAME = "<script>alert('x')</script> Mallory & Co";

    MatchedNight {
        requireNonNull(config, "config is null");
        requireNonNull(dataSource, "dataSource is null");
        requireNonNull(hostile, "hostile is null");
    }

    static MatchedNight build(Path var) throws Exception {
        PipelineConfig config = new ConfigLoader(name -> null).load(Path.of("conf"), var);
        SourceRecordKey[] hostile = new SourceRecordKey[1];
        com.custmaster.testing.MatchedNight night = com.custmaster.testing.MatchedNight.run(config, RUN, staged -> {
            Contact first = staged.get(0);
            hostile[0] = first.key();
            Contact renamed = new Contact(first.key(), first.position(), HOSTILE_NAME, first.givenName(), first.familyName(),
                    first.nameKey(), first.email(), first.emailKey(), first.phone(), first.phoneRaw(), first.birthDate(),
                    first.addressLine(), first.city(), first.postcode(), first.region(), first.country(), first.company(),
                    first.companyKey(), first.idNumber(), first.updatedAt(), first.qualityFlags());
            List<Contact> changed = new ArrayList<>(staged);
            changed.replaceAll(contact -> contact.key().equals(first.key()) ? renamed : contact);
            return changed;
        });
        return new MatchedNight(config, night.dataSource(), hostile[0]);
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    @Override
    public void close() {
        if (dataSource instanceof JdbcConnectionPool pool) {
            pool.dispose();
        }
    }
}
