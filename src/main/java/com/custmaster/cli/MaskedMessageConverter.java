package com.custmaster.cli;

import com.custmaster.domain.Masking;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.pattern.ConverterKeys;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternConverter;

/**
 * {@code %maskedMessage} in log4j2.xml: the log message and its exception, if any, with every email
 * address and phone-like number masked by {@link Masking#scrub}. Our own code logs no personal
 * values, but frameworks and drivers do (a database error quoting the row it could not insert, a
 * stack trace of a parse error), and a log is read by more people than the database: masking at the
 * layout catches every line, whoever wrote it.
 */
@Plugin(name = "MaskedMessageConverter", category = PatternConverter.CATEGORY)
@ConverterKeys({"maskedMessage"})
public final class MaskedMessageConverter extends LogEventPatternConverter {

    private MaskedMessageConverter() {
        super("maskedMessage", "maskedMessage");
    }

    /** Called by log4j for each {@code %maskedMessage} in a pattern. */
    public static MaskedMessageConverter newInstance(String[] options) {
        return new MaskedMessageConverter();
    }

    @Override
    public void format(LogEvent event, StringBuilder toAppendTo) {
        toAppendTo.append(Masking.scrub(event.getMessage().getFormattedMessage()));
        Throwable thrown = event.getThrown();
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            toAppendTo.append(System.lineSeparator()).append(Masking.scrub(trace.toString().stripTrailing()));
        }
    }

    @Override
    public boolean handlesThrowable() {
        return true;
    }
}
