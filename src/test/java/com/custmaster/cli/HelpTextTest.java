package com.custmaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help is printed whole: picocli formats help texts with String.format, so a
 * stray '%' (as in a SQL LIKE pattern) makes it print a warning to the console instead.
 */
class HelpTextTest {

    @Test
    void everyCommandsHelpPrintsWithoutFormattingWarnings() {
        Set<String> commands = new CommandLine(new Main()).getSubcommands().keySet();
        assertThat(commands).contains("nightly", "dedupe", "evaluate", "analytics");
        PrintStream console = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            for (String command : commands) {
                StringWriter out = new StringWriter();
                int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                        command, "--help");
                assertThat(exit).as(command).isZero();
                assertThat(out.toString()).as(command).contains("Usage:");
                if (command.equals("analytics")) {
                    assertThat(out.toString()).contains("InvoiceNo NOT LIKE 'C%'").doesNotContain("%%");
                }
            }
        } finally {
            System.setErr(console);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN")
                .doesNotContain("Could not format");
    }

    @Test
    void theHelpOfTheTopLevelCommandNamesEverySubcommand() {
        StringWriter out = new StringWriter();
        assertThat(Main.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "--help"))
                .isZero();
        for (String command : List.of("nightly", "dedupe", "evaluate", "analytics")) {
            assertThat(out.toString()).contains(command);
        }
    }
}
