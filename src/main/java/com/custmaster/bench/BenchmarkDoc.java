package com.custmaster.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * docs/benchmarks.md, where each benchmark keeps its figures in its own section between markers
 * ({@code <!-- bench:ingest:start -->} … {@code <!-- bench:ingest:end -->}). A run replaces its own
 * section and nothing else, so the text around it (notes on what was optimised, other stages'
 * figures) stays, and the file always holds figures some run of the code produced.
 */
final class BenchmarkDoc {

    static final String HEADER = """
            # Benchmarks

            Figures written by `jobs/bench` (`com.custmaster.bench`). Each subcommand rewrites only its own
            section, between its `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` markers; text
            outside the markers is kept. These are measurements, not tests: no build fails on them.
            """;

    private BenchmarkDoc() {
    }

    /**
     * Prints a benchmark's section and, when {@code doc} is given, writes it there (replacing the
     * section of the same name): what every {@code jobs/bench} command does at its end.
     */
    static void publish(java.io.PrintStream out, java.util.Optional<Path> doc, String name, String body, String header)
            throws IOException {
        out.println();
        out.println(body);
        if (doc.isPresent()) {
            writeSection(doc.get(), name, body, header);
            out.println("written to " + doc.get());
        }
    }

    /** Replaces (or appends) the section {@code name} of {@code file}, creating the file with a header if needed. */
    static void writeSection(Path file, String name, String body) throws IOException {
        writeSection(file, name, body, HEADER);
    }

    /** As {@link #writeSection(Path, String, String)}, with {@code header} as the start of a new file. */
    static void writeSection(Path file, String name, String body, String header) throws IOException {
        String start = "<!-- bench:" + name + ":start -->";
        String end = "<!-- bench:" + name + ":end -->";
        String section = start + "\n" + body.strip() + "\n" + end;
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : header;
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        String updated;
        if (from >= 0 && to > from) {
            updated = text.substring(0, from) + section + text.substring(to + end.length());
        } else if (from >= 0 || to >= 0) {
            throw new IOException(file + ": only one of the markers " + start + " and " + end + " is there; fix it by hand");
        } else {
            updated = text.stripTrailing() + "\n\n" + section + "\n";
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    /** One line on where the figures were taken: cores, JVM, heap, OS and date. */
    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.availableProcessors() + " cores (`Runtime.availableProcessors()`), "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version")
                + ", max heap " + runtime.maxMemory() / (1024 * 1024) + " MiB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", " + LocalDate.now() + "; JVM flags: `"
                + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(flag -> !flag.startsWith("--add-opens")).toList()) + "`";
    }

    /** Where the figures were taken, without this JVM's heap and flags: cores, JVM, memory, OS and date. */
    static String host() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return Runtime.getRuntime().availableProcessors() + " cores (`Runtime.availableProcessors()`), "
                + String.format(java.util.Locale.ROOT, "%.1f GiB RAM", os.getTotalMemorySize() / (1024.0 * 1024 * 1024))
                + ", " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", " + LocalDate.now();
    }

    /**
     * The load averages over 1, 5 and 15 minutes from /proc/loadavg ("1.20 2.98 3.46"), or the 1-minute
     * figure of the JVM where there is no /proc; "n/a" if neither is known.
     */
    static String loadAverage() {
        Path file = Path.of("/proc/loadavg");
        try {
            if (Files.isReadable(file)) {
                String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\s+");
                if (parts.length >= 3) {
                    return parts[0] + " " + parts[1] + " " + parts[2];
                }
            }
        } catch (IOException e) {
            // fall through to the JVM's figure
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f", load);
    }
}
