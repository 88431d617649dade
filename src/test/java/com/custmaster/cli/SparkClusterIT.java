package com.custmaster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.custmaster.testing.ChildJvm;
import com.custmaster.testing.DuckDb;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer-value job on a real Spark standalone cluster on 127.0.0.1: a master and a worker
 * started as their own processes from the project's dependencies (target/lib, no Spark
 * installation), the job submitted with Spark's own {@code SparkSubmit} in client mode, its
 * executors launched by the worker. The tables it writes must equal those of the same command run
 * locally ({@code local[2]}), read back by DuckDB.
 */
class SparkClusterIT {

    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static final String CLASSPATH = ChildJvm.CLASSPATH;

    @TempDir
    static Path temp;

    private static final List<Process> CLUSTER = new ArrayList<>();
    private static String masterUrl;
    private static Path logs;

    private static List<String> jvmFlags() {
        return ChildJvm.sparkFlags();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Process start(String name, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().putAll(env);
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    /** Waits until {@code ready} holds, failing early with the process's output when it dies. */
    private static void await(String name, Process process, java.util.concurrent.Callable<Boolean> ready) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (ready.call()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + Files.readString(logs.resolve(name + ".log")));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready within 120 s: " + Files.readString(logs.resolve(name + ".log")));
    }

    /** The master's status page as JSON (the standalone master serves it at /json/). */
    private static String masterStatus(int uiPort) throws IOException, InterruptedException {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + uiPort + "/json/")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : "";
    }

    @BeforeAll
    static void startAMasterAndAWorker() throws Exception {
        logs = Files.createDirectories(temp.resolve("logs"));
        int port = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        int masterUi = freePort();
        Process master = start("master", Map.of(), "-Xmx256m", "-cp", CLASSPATH, "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(masterUi));
        CLUSTER.add(master);
        await("master", master, () -> masterStatus(masterUi).contains("\"status\" : \"ALIVE\""));

        // The worker launches executors with Spark's launcher, which wants a Spark home: an empty one,
        // with the project's dependencies as the distribution's class path.
        Path sparkHome = Files.createDirectories(temp.resolve("spark-home"));
        Files.createDirectories(sparkHome.resolve("jars"));
        Process worker = start("worker", Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13",
                        "SPARK_DIST_CLASSPATH", CLASSPATH),
                "-Xmx256m", "-cp", CLASSPATH, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                "--cores", "2", "--memory", "1536m", "--webui-port", String.valueOf(freePort()),
                "--work-dir", Files.createDirectories(temp.resolve("work")).toString(), masterUrl);
        CLUSTER.add(worker);
        await("worker", worker, () -> masterStatus(masterUi).replace(" ", "").contains("\"aliveworkers\":1"));
    }

    @AfterAll
    static void stopTheCluster() throws InterruptedException {
        for (int i = CLUSTER.size() - 1; i >= 0; i--) {
            Process process = CLUSTER.get(i);
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Transactions of 1,500 simulated customers: some buy often, some once, some stop. */
    private static Path transactions() throws IOException {
        Random random = new Random(17);
        StringBuilder csv = new StringBuilder("customer,ts,amount\n");
        for (int c = 0; c < 1500; c++) {
            double rate = 0.002 + random.nextDouble() * 0.05;
            int day = random.nextInt(700);
            int last = 730 - random.nextInt(400);
            while (day < last) {
                csv.append(String.format(Locale.ROOT, "K%04d,%s 10:%02d:00,%.2f%n", c, AS_OF.minusDays(730 - day),
                        random.nextInt(60), 5 + random.nextDouble() * 200));
                day += 1 + (int) (-Math.log(1 - random.nextDouble()) / rate);
            }
        }
        Path file = temp.resolve("transactions.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    /** The shipped analytics settings with k tried in 2..3 only: the comparison needs K-means, not a long search. */
    private static Path conf() throws IOException {
        Path conf = Files.createDirectories(temp.resolve("conf"));
        String settings = Files.readString(Path.of("conf/analytics.yml"), StandardCharsets.UTF_8);
        assertThat(settings).contains("k_max: 6");
        Files.writeString(conf.resolve("analytics.yml"), settings.replace("k_max: 6", "k_max: 3"), StandardCharsets.UTF_8);
        return conf;
    }

    private static String submit(String master, Path input, Path out, String name) throws Exception {
        Process driver = start(name, Map.of(), "-Xmx1g", "-cp", CLASSPATH, "org.apache.spark.deploy.SparkSubmit",
                "--master", master, "--deploy-mode", "client", "--class", "com.custmaster.cli.Main",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.executor.memory=1g",
                "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", jvmFlags()),
                "--conf", "spark.sql.shuffle.partitions=8",
                ChildJvm.JAR.toString(), "analytics", "--transactions", input.toString(), "--map", "customer_id=customer",
                "--map", "order_ts=ts", "--map", "amount=amount", "--as-of", AS_OF.toString(), "--out", out.toString(),
                "--conf", conf().toString());
        assertThat(driver.waitFor(5, TimeUnit.MINUTES)).as(name + " finished").isTrue();
        String log = Files.readString(logs.resolve(name + ".log"), StandardCharsets.UTF_8);
        assertThat(driver.exitValue()).as(log).isZero();
        return log;
    }

    private static List<Map<String, Object>> rows(Path out, String table) {
        return DuckDb.query("SELECT * FROM read_parquet('" + out.resolve(table).resolve("snapshot_date=" + AS_OF)
                .resolve("*.parquet") + "') ORDER BY 1");
    }

    @Test
    void theJobOnTheClusterWritesWhatTheLocalRunWrites() throws Exception {
        Path input = transactions();
        Path onCluster = temp.resolve("cluster-out");
        Path local = temp.resolve("local-out");

        String clusterLog = submit(masterUrl, input, onCluster, "driver-cluster");
        submit("local[2]", input, local, "driver-local");

        assertThat(clusterLog).contains("Spark session started on " + masterUrl);
        try (Stream<Path> executors = Files.walk(temp.resolve("work"))) {
            assertThat(executors.filter(path -> path.getFileName().toString().equals("stderr")).count())
                    .as("the worker ran executors").isPositive();
        }
        for (String table : List.of("customer_value", "segment_profile", "value_band_summary", "rfm_segment_summary")) {
            List<Map<String, Object>> expected = rows(local, table);
            List<Map<String, Object>> actual = rows(onCluster, table);
            assertThat(actual).as(table).hasSameSizeAs(expected).isNotEmpty();
            for (int i = 0; i < expected.size(); i++) {
                for (Map.Entry<String, Object> cell : expected.get(i).entrySet()) {
                    Object value = actual.get(i).get(cell.getKey());
                    if (cell.getValue() instanceof Double number) {
                        assertThat((Double) value).as(table + " " + cell.getKey()).isCloseTo(number, within(1e-9 * Math.max(1,
                                Math.abs(number))));
                    } else {
                        assertThat(value).as(table + " row " + i + " " + cell.getKey()).isEqualTo(cell.getValue());
                    }
                }
            }
        }
        assertThat(Files.readString(onCluster.resolve("models").resolve("churn_model.json")))
                .isEqualTo(Files.readString(local.resolve("models").resolve("churn_model.json")));
    }
}
