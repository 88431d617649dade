package com.custmaster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BenchTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void aStageFollowedByHelpPrintsThatStagesOptionsAndExitsZero() {
        int exit = Bench.run("quality", "--help");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(printed).startsWith("usage: jobs/bench quality [options]").contains(QualityBenchmark.HELP)
                .doesNotContain(ValueBenchmark.HELP);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void everyStageHasItsOwnHelp() {
        for (String stage : new String[] {"ingest", "people", "dedupe", "quality", "value"}) {
            out.reset();
            assertThat(Bench.run(stage, "-h")).as(stage).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(stage).startsWith("usage: jobs/bench " + stage + " ");
        }
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitCodeTwo() {
        int exit = Bench.run("quality", "--bogus", "1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--bogus'").contains("usage: jobs/bench");
    }

    @Test
    void noStageIsAUsageErrorAndHelpAloneIsNot() {
        assertThat(Bench.run()).isEqualTo(2);
        assertThat(Bench.run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("stages:");
    }
}
