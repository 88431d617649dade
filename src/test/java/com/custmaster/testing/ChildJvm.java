package com.custmaster.testing;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a separate JVM running the packaged application (target/custmaster.jar and
 * its dependencies in target/lib, both built by {@code package} before the integration tests), with
 * the JVM flags Spark needs on Java 17 taken from this test JVM: what jobs/lib.sh runs, minus the
 * build check. For tests that must kill or watch a real process.
 */
public final class ChildJvm {

    /** The application jar. */
    public static final Path JAR = Path.of("target/custmaster.jar").toAbsolutePath();

    /** The application jar and its dependencies, as one class path. */
    public static final String CLASSPATH = JAR + File.pathSeparator
            + Path.of("target/lib").toAbsolutePath() + File.separator + "*";

    private ChildJvm() {
    }

    /** The JVM flags Spark needs on Java 17, as this test JVM got them from the build. */
    public static List<String> sparkFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("--add-opens") || arg.startsWith("--add-modules")
                        || arg.equals("-XX:+IgnoreUnrecognizedVMOptions") || arg.startsWith("-Djdk.reflect")
                        || arg.startsWith("-Dio.netty"))
                .toList();
    }

    /** {@code java <spark flags> <jvmOptions> -cp CLASSPATH com.custmaster.cli.Main <arguments>}. */
    public static List<String> application(List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(sparkFlags());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(CLASSPATH);
        command.add("com.custmaster.cli.Main");
        command.addAll(arguments);
        return command;
    }
}
