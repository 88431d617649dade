package com.custmaster.bench;

import static java.util.Objects.requireNonNull;

import com.custmaster.synth.Culture;
import com.custmaster.synth.PersonParts;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Persons with a known truth for deduplication benchmarks ({@code jobs/bench people}): one UTF-8 CSV
 * with the header {@link #HEADER}, of which about 20% of the records are duplicates of a person that
 * also has a clean original record (a person has 1 to 4 records).
 *
 * <p>Duplicates carry the errors found in real contact data, one to three each: a typo in a name (one
 * letter inserted, deleted, substituted or two transposed) or a homophone in a Hanzi given name; a
 * nickname or an initial for the given name; a Chinese name switched between Hanzi and pinyin; a
 * value missing; day and month swapped or a digit mistyped in the birth date; a digit mistyped in
 * the phone or the phone written in another style; another e-mail domain; a new address after a move.
 * Names mix Latin ones (UK, US, German: Smith, Garcia, Nguyen, Müller…) and Chinese ones in Hanzi
 * (simplified, or traditional for Hong Kong and Taiwan) or pinyin, by the frequencies of
 * {@code com.custmaster.synth}, whose pieces are reused through {@link PersonParts}.
 *
 * <p>The truth is in two places, as in Febrl's data sets: {@code person_id}, and the record id
 * ({@code rec-223-org}, {@code rec-223-dup-0}), so {@code jobs/evaluate} works with {@code --truth person_id}
 * or {@code --truth-from-id 'rec-(\d+)-'}. A matcher must of course not look at either.
 *
 * <p>Records are shuffled (no two records of one person are next to each other) and written as they
 * are made: a person is made again from its own seed for each of its records, so memory is a few
 * bytes per record and a million records take seconds. The same seed and row count give the same bytes.
 */
public final class SyntheticPeople {

    public static final String HEADER = "record_id,given_name,family_name,birth_date,email,phone,address_line,city,"
            + "postcode,person_id";
    static final int ROWS_DEFAULT = 100_000;
    static final long SEED_DEFAULT = 20261122L;
    /** Four records per person at most, so a slot is {@code person * 4 + copy} in an int. */
    static final int MAX_ROWS = Integer.MAX_VALUE / 4 - 1;

    /** The {@code people} part of {@code jobs/bench --help}. */
    static final String HELP = """
              people   write a CSV of synthetic persons with known truth for deduplication benchmarks: about
                       20% of the records are duplicates (1-4 records a person) with typos, nicknames,
                       initials, Hanzi/pinyin switches, missing values, swapped or mistyped dates, mistyped
                       phones, other e-mail domains and moves; Latin and Chinese names; shuffled. Header:
                       record_id,given_name,family_name,birth_date,email,phone,address_line,city,postcode,person_id
                       (record ids like rec-223-org, rec-223-dup-0; the person_id is the truth)
                       --out FILE    the CSV to write (required)
                       --rows N      records (default 100000)
                       --seed N      seed; the same seed and rows give the same bytes (default 20261122)
            """;
    private static final Set<String> OPTIONS = Set.of("rows", "seed", "out");

    /** Who the persons are, in percent. */
    private static final List<Culture> MIX = mix();

    private static final List<String> OTHER_DOMAINS = List.of("gmail.com", "outlook.com", "yahoo.com", "hotmail.com",
            "icloud.com", "163.com", "qq.com", "web.de");

    /** How many records a person has: 1 for 82%, 2 for 12%, 3 for 4%, 4 for 2% (about 20.6% duplicates). */
    private static final double[] COPIES = {0.82, 0.94, 0.98, 1.0};

    /** The errors a duplicate can carry. */
    private enum Mistake { NAME_TYPO, NICKNAME_OR_INITIAL, SCRIPT, MISSING, DATE_SWAP, DATE_DIGIT, PHONE_DIGIT,
        PHONE_STYLE, EMAIL_DOMAIN, MOVED }

    private static final Mistake[] MISTAKES = Mistake.values();
    /** Relative frequency of each error, in the order of {@link Mistake}. */
    private static final double[] MISTAKE_WEIGHTS = {0.22, 0.12, 0.05, 0.18, 0.05, 0.05, 0.08, 0.05, 0.08, 0.12};

    /** What was written. */
    record Written(int records, int persons, int duplicates) {

        double duplicateShare() {
            return records == 0 ? 0 : (double) duplicates / records;
        }
    }

    private final long seed;
    /** Who got each e-mail address first (see {@link #ownEmail}); filled while writing. */
    private final java.util.Map<String, Integer> emailOwners = new java.util.HashMap<>();

    public SyntheticPeople(long seed) {
        this.seed = seed;
    }

    /** {@code jobs/bench people --rows N --seed S --out FILE}; returns the exit code. */
    static int run(String[] args, PrintStream out) throws IOException {
        BenchOptions options = BenchOptions.parse(args, OPTIONS);
        Path file = options.optionalPath("out")
                .orElseThrow(() -> new IllegalArgumentException("people: --out FILE is required"));
        int rows = options.positive("rows", ROWS_DEFAULT);
        if (rows > MAX_ROWS) {
            throw new IllegalArgumentException("--rows must be at most " + MAX_ROWS + ", got " + rows);
        }
        long seed = options.number("seed", SEED_DEFAULT);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        Written written = new SyntheticPeople(seed).write(file, rows);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        out.printf(Locale.ROOT, "wrote %,d records of %,d persons to %s in %.1f s (%.1f s CPU): %,d duplicates (%.1f%%), "
                        + "seed %d%n", written.records(), written.persons(), file, seconds, cpuSeconds,
                written.duplicates(), 100 * written.duplicateShare(), seed);
        return 0;
    }

    /** Writes {@code rows} records to {@code file} (its folder is created). */
    Written write(Path file, int rows) throws IOException {
        requireNonNull(file, "file is null");
        if (rows < 0 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("rows must be in 0.." + MAX_ROWS + ", got " + rows);
        }
        PersonParts planner = new PersonParts(mix(seed, -1, 0));
        int[] slots = new int[rows];
        int filled = 0;
        int persons = 0;
        while (filled < rows) {
            double r = planner.between(0, 999_999) / 1e6;
            int copies = 1;
            while (r >= COPIES[copies - 1]) {
                copies++;
            }
            for (int copy = 0; copy < copies && filled < rows; copy++) {
                slots[filled++] = persons * 4 + copy;
            }
            persons++;
        }
        shuffle(slots, planner);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        int duplicates = 0;
        emailOwners.clear();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            StringBuilder line = new StringBuilder(256);
            for (int slot : slots) {
                int person = slot >>> 2;
                int copy = slot & 3;
                Row row = original(person);
                if (copy > 0) {
                    row = duplicate(row, person, copy);
                    duplicates++;
                }
                line.setLength(0);
                row.appendTo(line);
                out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return new Written(rows, persons, duplicates);
    }

    /** One row as written; {@code latin} is the script of the name (false: Hanzi). */
    private static final class Row {
        String recordId;
        String personId;
        Culture culture;
        boolean latin;
        boolean traditional;
        String given;
        String family;
        String givenHan;
        String familyHan;
        String givenLatin;
        String familyLatin;
        String birthDate;
        String email;
        String phone;
        String phoneDigits;
        boolean phoneInternational;
        String addressLine;
        String city;
        String postcode;

        /** The row as a CSV line (RFC 4180 quoting) with its line end. */
        void appendTo(StringBuilder line) {
            for (String value : new String[] {recordId, given, family, birthDate, email, phone, addressLine, city,
                    postcode}) {
                appendField(line, value).append(',');
            }
            appendField(line, personId).append('\n');
        }
    }

    /** A CSV field, quoted only when it holds a comma, a quote or a line break (RFC 4180). */
    private static StringBuilder appendField(StringBuilder line, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return line.append('"').append(value.replace("\"", "\"\"")).append('"');
            }
        }
        return line.append(value);
    }

    /** The person's clean record; the same every time for the same person and seed. */
    private Row original(int person) {
        PersonParts parts = new PersonParts(mix(seed, person, 0));
        Row r = new Row();
        String number = Integer.toString(person + 1);
        r.personId = number;
        r.recordId = "rec-" + number + "-org";
        r.culture = MIX.get(parts.between(0, MIX.size() - 1));
        boolean male = parts.chance(0.5);
        if (r.culture.chinese()) {
            r.familyHan = parts.chineseSurname();
            r.givenHan = parts.chineseGivenName(male);
            r.familyLatin = PersonParts.pinyinFamily(r.familyHan);
            r.givenLatin = PersonParts.pinyinGiven(r.givenHan);
            r.traditional = r.culture != Culture.MAINLAND && parts.chance(0.8);
            r.latin = parts.chance(r.culture == Culture.MAINLAND ? 0.4 : 0.6);
        } else {
            r.givenLatin = parts.westernGivenName(r.culture, male);
            r.familyLatin = parts.westernSurname(r.culture);
            r.latin = true;
        }
        setName(r);
        LocalDate birthDate = parts.chance(0.92) ? LocalDate.ofEpochDay(-10_957 + parts.between(0, 65 * 365)) : null;
        r.birthDate = birthDate == null ? "" : birthDate.toString();
        r.phoneDigits = parts.mobileDigits(r.culture);
        r.phoneInternational = parts.chance(0.5);
        r.phone = parts.chance(0.9) ? PersonParts.formatMobile(r.culture, r.phoneDigits, r.phoneInternational) : "";
        r.email = parts.chance(0.85)
                ? ownEmail(parts.email(r.culture, r.familyLatin, r.givenLatin, birthDate, r.phoneDigits), person) : "";
        setHome(r, parts.home(r.culture), parts.chance(0.95));
        return r;
    }

    /**
     * The address if no other person has it yet, else the address with digits added, as mail
     * providers make people do: two Mary Smiths never share one mailbox. Without this, common
     * names would give hundreds of different people one address, which real data does not do and
     * which would teach a matcher that a shared address says little. A duplicate's address at another
     * provider goes through here too: {@code john.smith@yahoo.com} is one John Smith's, whether it is
     * his first address or his second.
     */
    private String ownEmail(String email, int person) {
        int at = email.indexOf('@');
        String candidate = email;
        for (int attempt = 1; ; attempt++) {
            Integer owner = emailOwners.putIfAbsent(candidate, person);
            if (owner == null || owner == person) {
                return candidate;
            }
            candidate = email.substring(0, at) + Math.floorMod(person * 31 + attempt, 10_000) + email.substring(at);
        }
    }

    /** A duplicate of {@code original} with one to three errors. */
    private Row duplicate(Row original, int person, int copy) {
        PersonParts parts = new PersonParts(mix(seed, person, copy));
        Row r = original;
        r.recordId = "rec-" + r.personId + "-dup-" + (copy - 1);
        int errors = 1 + (parts.chance(0.5) ? 1 : 0) + (parts.chance(0.2) ? 1 : 0);
        String email = r.email;
        for (int i = 0; i < errors; i++) {
            apply(r, pickMistake(parts), parts);
        }
        if (!r.email.isEmpty() && !r.email.equals(email)) {
            r.email = ownEmail(r.email, person); // the person's mailbox at another provider is theirs alone too
        }
        return r;
    }

    private static void apply(Row r, Mistake mistake, PersonParts parts) {
        switch (mistake) {
            case NAME_TYPO -> {
                boolean given = parts.chance(0.5);
                if (!r.latin) {
                    r.given = parts.homophone(r.given);
                } else if (given) {
                    r.given = parts.typo(r.given);
                } else {
                    r.family = parts.typo(r.family);
                }
            }
            case NICKNAME_OR_INITIAL -> {
                if (!r.latin) {
                    r.given = parts.homophone(r.given);
                    return;
                }
                String nickname = parts.chance(0.7) ? parts.nickname(r.given) : null;
                r.given = nickname != null ? nickname
                        : r.given.isEmpty() ? r.given : r.given.charAt(0) + (parts.chance(0.5) ? "." : "");
            }
            case SCRIPT -> {
                if (r.culture.chinese()) {
                    r.latin = !r.latin;
                    setName(r);
                } else {
                    r.family = parts.typo(r.family);
                }
            }
            case MISSING -> {
                switch (parts.between(0, 5)) {
                    case 0 -> r.birthDate = "";
                    case 1 -> r.email = "";
                    case 2 -> r.phone = "";
                    case 3 -> r.addressLine = "";
                    case 4 -> r.postcode = "";
                    default -> r.given = "";
                }
            }
            case DATE_SWAP -> r.birthDate = swapDayAndMonth(r.birthDate, parts);
            case DATE_DIGIT -> r.birthDate = dateDigitTypo(r.birthDate, parts);
            case PHONE_DIGIT -> r.phone = digitTypo(r.phone, parts);
            case PHONE_STYLE -> r.phone = r.phone.isEmpty() ? r.phone
                    : PersonParts.formatMobile(r.culture, r.phoneDigits, !r.phoneInternational);
            case EMAIL_DOMAIN -> {
                int at = r.email.indexOf('@');
                if (at > 0) {
                    String domain = r.email.substring(at + 1);
                    String other = parts.pick(OTHER_DOMAINS);
                    r.email = r.email.substring(0, at + 1) + (other.equals(domain) ? "hotmail.co.uk" : other);
                }
            }
            case MOVED -> setHome(r, parts.home(r.culture), parts.chance(0.9));
        }
    }

    private static Mistake pickMistake(PersonParts parts) {
        double target = parts.between(0, 999_999) / 1e6;
        for (int i = 0; i < MISTAKES.length; i++) {
            target -= MISTAKE_WEIGHTS[i];
            if (target < 0) {
                return MISTAKES[i];
            }
        }
        return MISTAKES[MISTAKES.length - 1];
    }

    private static void setName(Row r) {
        if (r.latin) {
            r.given = r.givenLatin;
            r.family = r.familyLatin;
        } else {
            r.given = r.traditional ? PersonParts.traditional(r.givenHan) : r.givenHan;
            r.family = r.traditional ? PersonParts.traditional(r.familyHan) : r.familyHan;
        }
    }

    /** Hanzi records give the address in Hanzi, the others in Latin script. */
    private static void setHome(Row r, PersonParts.Home home, boolean withPostcode) {
        r.addressLine = r.latin ? home.lineLatin() : home.lineNative();
        r.city = r.latin ? home.cityLatin() : home.cityNative();
        r.postcode = withPostcode ? home.postcode() : "";
    }

    /**
     * "1984-03-07" → "1984-07-03" where the day could be a month and differs from it; otherwise a
     * digit typo.
     */
    private static String swapDayAndMonth(String date, PersonParts parts) {
        if (date.isEmpty()) {
            return date;
        }
        String month = date.substring(5, 7);
        String day = date.substring(8, 10);
        if (day.compareTo("12") > 0 || day.equals(month)) {
            return dateDigitTypo(date, parts);
        }
        return date.substring(0, 5) + day + "-" + month;
    }

    /**
     * One digit of an ISO date mistyped in the year's last two digits, the month or the day, such that
     * it is still a date: an impossible date would be rejected by normalisation, and then the record
     * would have no cluster to evaluate.
     */
    private static String dateDigitTypo(String date, PersonParts parts) {
        if (date.isEmpty()) {
            return date;
        }
        int[] positions = {2, 3, 6, 9};
        for (int attempt = 0; attempt < 10; attempt++) {
            int i = positions[parts.between(0, positions.length - 1)];
            char c = date.charAt(i);
            String typed = date.substring(0, i) + (char) ('0' + (c - '0' + parts.between(1, 9)) % 10) + date.substring(i + 1);
            if (isDate(typed)) {
                return typed;
            }
        }
        return date;
    }

    private static boolean isDate(String iso) {
        int year = Integer.parseInt(iso, 0, 4, 10);
        int month = Integer.parseInt(iso, 5, 7, 10);
        int day = Integer.parseInt(iso, 8, 10, 10);
        return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
    }

    /** One digit of the text replaced by another; text without digits is returned as it is. */
    private static String digitTypo(String text, PersonParts parts) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            digits += text.charAt(i) >= '0' && text.charAt(i) <= '9' ? 1 : 0;
        }
        if (digits == 0) {
            return text;
        }
        int which = parts.between(0, digits - 1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && which-- == 0) {
                char replacement = (char) ('0' + (c - '0' + parts.between(1, 9)) % 10);
                return text.substring(0, i) + replacement + text.substring(i + 1);
            }
        }
        return text;
    }

    /**
     * Fisher-Yates, then each record that has a record of the same person right before it is swapped
     * with one elsewhere whose new neighbours are other persons.
     */
    private static void shuffle(int[] slots, PersonParts random) {
        for (int i = slots.length - 1; i > 0; i--) {
            swap(slots, i, random.between(0, i));
        }
        for (int i = 1; i < slots.length; i++) {
            for (int attempt = 0; attempt < 100 && samePerson(slots, i - 1, i); attempt++) {
                int j = random.between(0, slots.length - 1);
                swap(slots, i, j);
                if (clashes(slots, i) || clashes(slots, j)) {
                    swap(slots, i, j);
                }
            }
        }
    }

    private static boolean clashes(int[] slots, int i) {
        return (i > 0 && samePerson(slots, i - 1, i)) || (i + 1 < slots.length && samePerson(slots, i, i + 1));
    }

    private static boolean samePerson(int[] slots, int i, int j) {
        return slots[i] >>> 2 == slots[j] >>> 2;
    }

    private static void swap(int[] slots, int i, int j) {
        int kept = slots[i];
        slots[i] = slots[j];
        slots[j] = kept;
    }

    /** A well-mixed seed per (seed, person, copy): SplitMix64's finaliser, so neighbouring persons do not correlate. */
    private static long mix(long seed, long person, long copy) {
        long z = seed * 0x9E3779B97F4A7C15L + person * 0xBF58476D1CE4E5B9L + copy * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static List<Culture> mix() {
        List<Culture> mix = new ArrayList<>();
        mix.addAll(Collections.nCopies(34, Culture.MAINLAND));
        mix.addAll(Collections.nCopies(4, Culture.HONG_KONG));
        mix.addAll(Collections.nCopies(3, Culture.TAIWAN));
        mix.addAll(Collections.nCopies(24, Culture.UK));
        mix.addAll(Collections.nCopies(26, Culture.US));
        mix.addAll(Collections.nCopies(9, Culture.GERMANY));
        return List.copyOf(mix);
    }
}
