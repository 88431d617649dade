package com.custmaster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticPeopleTest {

    private static final int ROWS = 20_000;

    @TempDir
    Path folder;

    @Test
    void writesTheRowsAskedForWithAbout20PercentDuplicatesOfPersonsThatHaveAnOriginal() throws IOException {
        // given
        Path file = folder.resolve("people.csv");

        // when
        SyntheticPeople.Written written = new SyntheticPeople(42).write(file, ROWS);

        // then
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8).get(0)).isEqualTo(SyntheticPeople.HEADER);
        List<CSVRecord> records = read(file);
        assertThat(records).hasSize(ROWS);
        assertThat(written.records()).isEqualTo(ROWS);

        Set<String> originals = new HashSet<>();
        Map<String, Integer> recordsPerPerson = new HashMap<>();
        Set<String> ids = new HashSet<>();
        int duplicates = 0;
        for (CSVRecord record : records) {
            String id = record.get("record_id");
            String person = record.get("person_id");
            assertThat(ids.add(id)).as("record id %s is unique", id).isTrue();
            recordsPerPerson.merge(person, 1, Integer::sum);
            if (id.equals("rec-" + person + "-org")) {
                originals.add(person);
            } else {
                assertThat(id).matches("rec-" + person + "-dup-[0-2]");
                duplicates++;
            }
        }
        assertThat((double) duplicates / ROWS).isBetween(0.15, 0.25);
        assertThat(duplicates).isEqualTo(written.duplicates());
        assertThat(recordsPerPerson).hasSize(written.persons());
        assertThat(recordsPerPerson.values()).allSatisfy(count -> assertThat(count).isBetween(1, 4));
        assertThat(recordsPerPerson.values()).contains(2, 3, 4);
        // Every person with a duplicate has its original, except perhaps the last person, cut off by the row count.
        long orphans = recordsPerPerson.keySet().stream().filter(person -> !originals.contains(person)).count();
        assertThat(orphans).isZero();
    }

    @Test
    void neverGivesTwoPersonsOneEmailAddressNotEvenAfterAChangeOfProvider() throws IOException {
        Path file = folder.resolve("people.csv");
        new SyntheticPeople(42).write(file, ROWS);

        Map<String, String> owners = new HashMap<>();
        int changedProvider = 0;
        Map<String, String> originalEmails = new HashMap<>();
        List<CSVRecord> records = read(file);
        records.stream().filter(r -> r.get("record_id").endsWith("-org"))
                .forEach(r -> originalEmails.put(r.get("person_id"), r.get("email")));
        for (CSVRecord record : records) {
            String email = record.get("email");
            if (email.isEmpty()) {
                continue;
            }
            String person = record.get("person_id");
            assertThat(owners.putIfAbsent(email, person)).as("owner of %s", email).isIn(null, person);
            String original = originalEmails.get(person);
            if (!original.isEmpty() && !email.equals(original)) {
                changedProvider++;
            }
        }
        assertThat(changedProvider).as("duplicates with an address at another provider").isGreaterThan(100);
    }

    @Test
    void shufflesSoThatNoTwoRecordsOfAPersonAreNextToEachOther() throws IOException {
        Path file = folder.resolve("people.csv");
        new SyntheticPeople(7).write(file, ROWS);

        List<CSVRecord> records = read(file);
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).get("person_id")).as("record %d", i)
                    .isNotEqualTo(records.get(i - 1).get("person_id"));
        }
    }

    @Test
    void mixesLatinAndChineseNamesAndPutsErrorsInTheDuplicates() throws IOException {
        Path file = folder.resolve("people.csv");
        new SyntheticPeople(42).write(file, ROWS);

        List<CSVRecord> records = read(file);
        assertThat(records).anySatisfy(r -> assertThat(r.get("family_name")).matches("\\p{IsHan}+"));
        assertThat(records).anySatisfy(r -> assertThat(r.get("family_name")).isIn("Smith", "Müller", "Garcia", "Nguyen"));
        assertThat(records).anySatisfy(r -> assertThat(r.get("family_name")).isIn("Wang", "Li", "Zhang"));
        Map<String, CSVRecord> originals = new HashMap<>();
        records.stream().filter(r -> r.get("record_id").endsWith("-org")).forEach(r -> originals.put(r.get("person_id"), r));
        long differing = records.stream().filter(r -> r.get("record_id").contains("-dup-"))
                .filter(r -> !r.values()[1].equals(originals.get(r.get("person_id")).values()[1])
                        || !List.of(r.values()).subList(1, 9).equals(List.of(originals.get(r.get("person_id")).values()).subList(1, 9)))
                .count();
        long duplicates = records.stream().filter(r -> r.get("record_id").contains("-dup-")).count();
        // A few errors change nothing (a homophone-less Hanzi name, a value that was missing already).
        assertThat((double) differing / duplicates).isGreaterThan(0.9);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        Path first = folder.resolve("first.csv");
        Path second = folder.resolve("second.csv");
        Path other = folder.resolve("other.csv");

        new SyntheticPeople(42).write(first, 3_000);
        new SyntheticPeople(42).write(second, 3_000);
        new SyntheticPeople(43).write(other, 3_000);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(Files.readAllBytes(other)).isNotEqualTo(Files.readAllBytes(first));
    }

    @Test
    void runsFromTheBenchCommandLine() throws IOException {
        Path file = folder.resolve("sub/people.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = SyntheticPeople.run(new String[] {"--rows", "1000", "--seed", "5", "--out", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        assertThat(read(file)).hasSize(1000);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote 1,000 records of").contains("seed 5");
        assertThat(Bench.USAGE).contains("  people   write a CSV").contains("  ingest   read and normalise");
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }
}
