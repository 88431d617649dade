package com.custmaster.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link SparkSession} parameters to one local session for the whole test run.
 *
 * <p>Why: starting Spark is the slow part of a Spark test (seconds), so all test classes share one
 * session, created on first use and stopped when the JUnit run ends (it lives in the root store,
 * which closes {@link AutoCloseable} values). Settings keep it small and deterministic:
 * {@code local[2]}, no UI, 4 shuffle partitions, session time zone UTC.
 */
public final class SharedSparkSessionExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SharedSparkSessionExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return extensionContext.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(SessionResource.class, key -> new SessionResource(start()), SessionResource.class)
                .session();
    }

    private static SparkSession start() {
        SparkSession spark = SparkSession.builder()
                .appName("custmaster-tests")
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /** The session as a store value, so JUnit stops it at the end of the run. */
    private record SessionResource(SparkSession session) implements AutoCloseable {

        @Override
        public void close() {
            session.stop();
        }
    }
}
