package com.custmaster.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.custmaster.batch.NightlyJobConfiguration;
import com.custmaster.batch.NightlyRunner;
import com.custmaster.config.ConfigLoader;
import com.custmaster.config.PipelineConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The environment failing under a run: the operational database out of reach, a source file
 * missing, the output folder not writable, the disk full. Each ends the run with one line that
 * says what and where, a non-zero exit, nothing published; the same command run again once the
 * cause is gone completes. A small hand-made source; the real job, database and Spark.
 *
 * <p>The output folder cases need a file system that refuses writes even to root: a read-only and a
 * 256 KB tmpfs mounted on the lake. Where mounting is not allowed (not root, no CAP_SYS_ADMIN) that
 * test is skipped with the reason.
 */
class NightlyFailureModesIT {

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 22);

    @TempDir
    Path home;

    private Path mounted;

    @BeforeEach
    void writeASmallWorkspace() throws IOException {
        Path conf = SmallConf.write(home);
        Files.writeString(conf.resolve("sources/shop.yml"), """
                name: shop
                type: csv
                path: shop.csv
                id: id
                phone_region: CN
                fields: { full_name: name, email: email, phone: phone }
                """, StandardCharsets.UTF_8);
        Files.writeString(home.resolve("shop.csv"), """
                id,name,email,phone
                S1,Ann Lee,ann.lee@example.com,+86 138 0013 8001
                S2,Bo Wang,bo.wang@example.com,+86 138 0013 8002
                S3,Cai Lin,cai.lin@example.com,+86 138 0013 8003
                S4,Ann Lee,ann.lee@example.com,+86 138 0013 8001
                """, StandardCharsets.UTF_8);
        Files.writeString(home.resolve("orders.csv"), """
                order_id,source,customer_ref,order_ts,amount
                O1,shop,S1,2026-01-05 10:00:00,120.00
                O2,shop,S2,2026-03-05 10:00:00,80.00
                O3,shop,S3,2026-06-05 10:00:00,15.50
                O4,shop,S4,2026-09-05 10:00:00,42.00
                """, StandardCharsets.UTF_8);
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            shell("umount", mounted.toString());
        }
    }

    @Test
    void anUnreachableDatabaseFailsTheRunWithOneLineNamingItBeforeAnythingIsRead() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/custmaster";
        PipelineConfig config = new ConfigLoader(Map.of("CUSTMASTER_DB_URL", url, "CUSTMASTER_DB_USER", "nightly",
                "CUSTMASTER_DB_PASSWORD", "secret-password")::get).load(home.resolve("conf"), home.resolve("var"));

        NightlyRunner.Outcome outcome = new NightlyRunner(config).run(RUN_DATE);

        assertThat(outcome.result()).isEqualTo(NightlyRunner.Result.FAILED);
        assertThat(outcome.result().exitCode()).isEqualTo(1);
        assertThat(outcome.message()).startsWith("run 2026-11-22 failed: database " + url + " cannot be reached: ")
                .contains("refused").doesNotContain("\n").doesNotContain("secret-password");
        assertThat(home.resolve("var/lake")).doesNotExist();
    }

    @Test
    void aMissingSourceFailsTheRunWithOneLineNamingTheFileAndPublishesNothing() throws Exception {
        Files.delete(home.resolve("shop.csv"));

        NightlyRunner.Outcome outcome = run();

        assertThat(outcome.result()).isEqualTo(NightlyRunner.Result.FAILED);
        assertThat(outcome.message()).isEqualTo("run 2026-11-22 failed: source 'shop': file not found: "
                + home.resolve("shop.csv") + " (declared in " + home.resolve("conf/sources/shop.yml") + ")");
        assertThat(home.resolve("var/lake")).doesNotExist();
    }

    @Test
    void anUnwritableOrFullOutputFolderFailsWithOneLinePublishesNothingAndTheSameCommandThenCompletes()
            throws Exception {
        Path lake = home.resolve("var/lake");
        Files.createDirectories(lake);
        assumeTrue(shell("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", lake.toString()) == 0,
                "mounting a tmpfs needs root with CAP_SYS_ADMIN; the output folder cases are not run here");
        mounted = lake;

        NightlyRunner.Outcome readOnly = run();

        assertThat(readOnly.result()).isEqualTo(NightlyRunner.Result.FAILED);
        assertThat(readOnly.message()).startsWith("run 2026-11-22 failed: cannot write table customer_master to ")
                .contains(lake.toString()).contains("Read-only file system").doesNotContain("\n");
        assertThat(filesUnder(lake)).isEmpty();

        assertThat(shell("umount", lake.toString())).isZero();
        assertThat(shell("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", lake.toString())).isZero();
        fill(lake.resolve("ballast"));
        NightlyRunner.Outcome full = run();

        assertThat(full.result()).isEqualTo(NightlyRunner.Result.FAILED);
        assertThat(full.message()).startsWith("run 2026-11-22 failed: cannot write table ")
                .contains("No space left on device").doesNotContain("\n");
        assertThat(publishedTables(lake)).isEmpty();

        Files.delete(lake.resolve("ballast"));
        assertThat(shell("mount", "-o", "remount,size=64m", lake.toString())).isZero();
        NightlyRunner.Outcome recovered = run();

        assertThat(recovered.result()).as(recovered.message()).isEqualTo(NightlyRunner.Result.COMPLETED);
        assertThat(publishedTables(lake)).containsExactlyInAnyOrderElementsOf(NightlyJobConfiguration.PUBLISHED_TABLES);
        assertThat(lake.resolve("_staging").resolve(RUN_DATE.toString())).doesNotExist();
        assertThat(recovered.summary().sources()).singleElement()
                .satisfies(counts -> assertThat(counts.read()).isEqualTo(4).isEqualTo(counts.staged()));
    }

    private NightlyRunner.Outcome run() throws IOException {
        return new NightlyRunner(new ConfigLoader(name -> null).load(home.resolve("conf"), home.resolve("var")))
                .run(RUN_DATE);
    }

    /** Tables with a complete snapshot of the run date under the lake. */
    private static List<String> publishedTables(Path lake) throws IOException {
        try (Stream<Path> tables = Files.list(lake)) {
            return tables.filter(table -> Files.exists(table.resolve("snapshot_date=" + RUN_DATE).resolve("_SUCCESS")))
                    .map(table -> table.getFileName().toString()).toList();
        }
    }

    /** Writes the file until the file system is full. */
    private static void fill(Path file) throws IOException {
        byte[] block = new byte[4096];
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertThat(full).hasMessageContaining("No space left on device");
        }
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static int shell(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
