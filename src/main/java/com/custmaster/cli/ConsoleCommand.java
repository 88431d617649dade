package com.custmaster.cli;

import com.custmaster.config.ConfigException;
import com.custmaster.config.ConsoleSettings;
import com.custmaster.config.ConsoleSettingsReader;
import com.custmaster.config.PipelineConfig;
import com.custmaster.console.ConsoleServer;
import com.custmaster.console.PasswordHashes;
import com.custmaster.console.PerRequestSteward;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code custmaster console}: serves the steward web console until stopped (Ctrl-C or SIGTERM), and
 * {@code custmaster console hash-password} to make the password hash a user needs. The console
 * opens the nightly's database as it is; it never creates one.
 */
@Command(name = "console", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve the steward web console (docs/console.md): the review queue, pairs side by side with "
                + "Same/Different/Skip, master records with their sources, lineage and history, and search. Listens on "
                + "conf/console.yml's bind_address (default 127.0.0.1) and port (default 8089) until Ctrl-C or SIGTERM. "
                + "Sign-in is required; users and password hashes come from conf/console.yml or the environment variable "
                + "CUSTMASTER_CONSOLE_USERS (NAME=HASH,...). Decisions take effect at the next nightly run.", ""},
        subcommands = ConsoleCommand.HashPassword.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:failed (an unexpected error)",
                "2:usage or configuration error, no users configured, no database or the port is taken"})
final class ConsoleCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    PipelineOptions pipeline;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on instead of console.yml's (0: any free port).")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ConsoleServer server;
        try {
            PipelineConfig config = pipeline.load();
            ConsoleSettings settings = ConsoleSettingsReader.read(config.confDir(), System::getenv);
            if (port != null) {
                settings = settings.withPort(port);
            }
            if (settings.users().isEmpty()) {
                throw new IllegalArgumentException("no console users are configured, so nobody could sign in: add users "
                        + "with password hashes to " + config.confDir().resolve("console.yml") + " or the environment "
                        + "variable " + ConsoleSettingsReader.USERS_ENV + " (make a hash with 'custmaster console "
                        + "hash-password')");
            }
            DataSource dataSource = OperationalDatabase.open(config.database());
            server = ConsoleServer.start(settings, new PerRequestSteward(dataSource, config.matching(),
                    Clock.systemDefaultZone()), Clock.systemDefaultZone());
        } catch (ConfigException e) {
            err.println("configuration error: " + e.getMessage());
            err.flush();
            return Main.EXIT_USAGE;
        } catch (OperationalDatabase.Unavailable | IllegalArgumentException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Main.EXIT_USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("console: stopping");
            server.close();
            stopped.countDown();
        }, "console-shutdown"));
        LOG.info("console: serving {} (Ctrl-C to stop)", server.uri());
        stopped.await();
        return 0;
    }

    /** {@code custmaster console hash-password}: a password from standard input as a hash for the configuration. */
    @Command(name = "hash-password", mixinStandardHelpOptions = true,
            description = {"Read a password from standard input (never from the command line, where other users and the "
                    + "shell history would see it) and print its hash (" + PasswordHashes.PREFIX + ", "
                    + PasswordHashes.MIN_ITERATIONS + " iterations) for a user's password_hash in conf/console.yml or "
                    + "CUSTMASTER_CONSOLE_USERS. At a terminal it asks twice without echo; otherwise it reads the first line. "
                    + "At least " + PasswordHashes.MIN_PASSWORD_LENGTH + " characters."},
            footerHeading = "%nExamples:%n",
            footer = {"  jobs/console hash-password", "  printf '%s\\n' \"$PASSWORD\" | jobs/console hash-password"},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:printed", "2:no password, too short, or the two entries differ"})
    static final class HashPassword implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            char[] password = null;
            try {
                password = read(err);
                out.println(PasswordHashes.hash(password));
                out.flush();
                return 0;
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                err.flush();
                return Main.EXIT_USAGE;
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }

        private static char[] read(PrintWriter err) {
            java.io.Console terminal = System.console();
            if (terminal != null) {
                char[] first = terminal.readPassword("Password: ");
                char[] second = terminal.readPassword("Again: ");
                if (first == null || second == null || !Arrays.equals(first, second)) {
                    throw new IllegalArgumentException("the two passwords differ");
                }
                Arrays.fill(second, '\0');
                return first;
            }
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new IllegalArgumentException("no password on standard input");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read standard input: " + e.getMessage());
            }
        }
    }
}
