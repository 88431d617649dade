package com.custmaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutOfMemoryMessageTest {

    @Test
    void namesTheHeapLimitItHadAndSuggestsTwiceThatAsTheOptionToSet() {
        String message = Main.outOfMemory(4L << 30);

        assertThat(message).startsWith("error: out of memory: the Java heap is limited to 4.0 GiB.")
                .contains("CUSTMASTER_JAVA_OPTS='-Xmx8g -XX:+UseParallelGC'")
                .contains("per million records");
    }

    @Test
    void aSmallHeapIsRoundedUpToWholeGibibytes() {
        assertThat(Main.outOfMemory(700L << 20)).contains("limited to 0.7 GiB").contains("-Xmx2g");
    }
}
