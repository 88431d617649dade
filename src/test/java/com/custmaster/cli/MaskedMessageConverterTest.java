package com.custmaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.junit.jupiter.api.Test;

class MaskedMessageConverterTest {

    /** The pattern of src/main/resources/log4j2.xml; log4j finds the converter as it does there, as a plugin. */
    private static final PatternLayout LAYOUT = PatternLayout.newBuilder()
            .withPattern("%-5level %c{1} - %maskedMessage%n").withAlwaysWriteExceptions(false).build();

    private static final LogEvent EVENT = Log4jLogEvent.newBuilder()
            .setLoggerName("org.springframework.batch.core.step.AbstractStep")
            .setLevel(Level.ERROR)
            .setMessage(new ParameterizedMessage("Encountered an error executing step {} with {}", "ingest-crm",
                    "zhang.wei@example.com"))
            .setThrown(new IllegalStateException("insert failed", new SQLException(
                    "Value too long for column \"PHONE\": \"'+86 130 4476 2133' (17)\"; SQL statement: INSERT ...")))
            .build();

    @Test
    void theLogLayoutMasksPersonalValuesInMessagesAndStackTraces() {
        String line = LAYOUT.toSerializable(EVENT);

        assertThat(line).contains("Encountered an error executing step ingest-crm with z***@example.com")
                .contains("java.lang.IllegalStateException: insert failed")
                .contains("Caused by: java.sql.SQLException: Value too long for column \"PHONE\": \"'***33' (17)\"")
                .doesNotContain("zhang.wei").doesNotContain("4476");
    }

    @Test
    void theShippedConfigurationUsesTheMaskingLayout() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);

        assertThat(context.getConfiguration().getAppenders().values()).isNotEmpty().allSatisfy(appender ->
                assertThat(appender.getLayout().toString()).contains("%maskedMessage"));
    }
}
