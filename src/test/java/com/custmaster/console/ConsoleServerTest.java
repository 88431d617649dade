package com.custmaster.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.config.ConsoleSettings;
import com.custmaster.html.Html;
import com.custmaster.match.RecordPair;
import com.custmaster.steward.QueuedPair;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console served for real on an ephemeral port over a matched night in H2, driven with the
 * JDK's HTTP client (no redirects followed, cookies kept by hand): who gets in, what a change needs,
 * what it writes, and what the pages print.
 */
class ConsoleServerTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path temp;

    private static MatchedNight night;
    private static ConsoleServer server;
    private static HttpClient http;
    /** The first pair of the queue when the tests start. */
    private static RecordPair queued;
    private static String masterId;

    @BeforeAll
    static void serveAMatchedNight() throws Exception {
        night = MatchedNight.build(temp.resolve("var"));
        String hash = PasswordHashes.hash(PASSWORD.toCharArray());
        ConsoleSettings settings = new ConsoleSettings("127.0.0.1", 0, Duration.ofMinutes(5), List.of(
                new ConsoleSettings.User("alice", hash), new ConsoleSettings.User("bob", hash),
                new ConsoleSettings.User("carol", hash)));
        PerRequestSteward steward = new PerRequestSteward(night.dataSource(), night.config().matching(),
                Clock.systemDefaultZone());
        server = ConsoleServer.start(settings, steward, Clock.systemDefaultZone());
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<QueuedPair> queue = steward.with(service -> service.queue(1));
        assertThat(queue).as("the sample night queues pairs for review").isNotEmpty();
        queued = queue.get(0).pair();
        masterId = queue.get(0).leftMasterId();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (night != null) {
            night.close();
        }
    }

    // ---------------------------------------------------------------- who gets in

    @Test
    void everyPageWithoutASessionSendsToSignInAndEveryActionIsRefused() throws Exception {
        int before = actions();
        for (String path : List.of("/", "/queue", "/queue?page=2", pairPath(queued), "/master/" + masterId, "/search?q=li",
                "/no/such/page", "/static/other.css")) {
            HttpResponse<String> response = get(path, Map.of());
            assertThat(response.statusCode()).as(path).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).as(path).hasValue("/login");
        }
        Map<String, String> decision = Map.of("left", queued.left().toString(), "right", queued.right().toString(),
                "verdict", "accept", "csrf", "guess");
        for (String path : List.of("/pair/decide", "/master/" + masterId + "/merge", "/master/" + masterId + "/split",
                "/master/" + masterId + "/undo", "/logout", "/queue")) {
            HttpResponse<String> response = post(path, decision, Map.of());
            assertThat(response.statusCode()).as(path).isEqualTo(403);
        }
        // a made-up session cookie is no session
        assertThat(get("/queue", Map.of(ConsoleServer.SESSION_COOKIE, "made-up")).statusCode()).isEqualTo(303);
        assertThat(post("/pair/decide", decision, Map.of(ConsoleServer.SESSION_COOKIE, "made-up")).statusCode())
                .isEqualTo(403);
        assertThat(actions()).isEqualTo(before);

        // only the sign-in page and the stylesheet are open
        assertThat(get("/login", Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> css = get("/static/console.css", Map.of());
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    }

    @Test
    void aWrongPasswordOrAnUnknownUserGetsNoSession() throws Exception {
        for (String[] attempt : new String[][] {{"alice", "wrong password!"}, {"nobody", PASSWORD}, {"alice", ""}}) {
            LoginForm form = loginForm();
            HttpResponse<String> response = post("/login", Map.of("csrf", form.token(), "user", attempt[0], "password",
                    attempt[1]), Map.of(ConsoleServer.LOGIN_COOKIE, form.token()));

            assertThat(response.statusCode()).as(attempt[0]).isEqualTo(401);
            assertThat(response.body()).contains("Wrong user name or password.");
            assertThat(cookies(response)).doesNotContainKey(ConsoleServer.SESSION_COOKIE);
        }
    }

    @Test
    void signInNeedsTheTokenOfItsOwnForm() throws Exception {
        HttpResponse<String> response = post("/login", Map.of("csrf", "forged", "user", "alice", "password", PASSWORD),
                Map.of(ConsoleServer.LOGIN_COOKIE, "other"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(cookies(response)).doesNotContainKey(ConsoleServer.SESSION_COOKIE);
    }

    @Test
    void repeatedFailedSignInsAreRefusedForAWhileEvenWithTheRightPassword() throws Exception {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES + 1; i++) {
            LoginForm form = loginForm();
            HttpResponse<String> response = post("/login", Map.of("csrf", form.token(), "user", "bob", "password", "guess " + i),
                    Map.of(ConsoleServer.LOGIN_COOKIE, form.token()));
            assertThat(response.statusCode()).isEqualTo(401);
        }

        LoginForm form = loginForm();
        HttpResponse<String> response = post("/login", Map.of("csrf", form.token(), "user", "bob", "password", PASSWORD),
                Map.of(ConsoleServer.LOGIN_COOKIE, form.token()));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(cookies(response)).doesNotContainKey(ConsoleServer.SESSION_COOKIE);
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndNewAtEverySignIn() throws Exception {
        Session first = signIn("carol");
        Session second = signIn("carol");

        assertThat(first.setCookie()).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        assertThat(first.id()).isNotEqualTo(second.id()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(get("/queue", first.cookies()).statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        Session session = signIn("carol");

        HttpResponse<String> out = post("/logout", Map.of("csrf", session.csrf()), session.cookies());

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(get("/queue", session.cookies()).statusCode()).isEqualTo(303);
    }

    // ---------------------------------------------------------------- changes

    @Test
    void aChangeWithoutOrWithAWrongCsrfTokenIsRefusedAndWritesNothing() throws Exception {
        Session session = signIn("alice");
        int before = actions();
        Map<String, String> decision = new LinkedHashMap<>(Map.of("left", queued.left().toString(), "right",
                queued.right().toString(), "verdict", "reject"));

        HttpResponse<String> without = post("/pair/decide", decision, session.cookies());
        decision.put("csrf", session.csrf() + "x");
        HttpResponse<String> wrong = post("/pair/decide", decision, session.cookies());
        decision.put("csrf", signIn("carol").csrf());
        HttpResponse<String> someoneElses = post("/pair/decide", decision, session.cookies());
        decision.put("csrf", session.csrf());
        HttpResponse<String> otherSite = send(HttpRequest.newBuilder(server.uri().resolve("/pair/decide"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://evil.example")
                .header("Cookie", cookieHeader(session.cookies())).POST(HttpRequest.BodyPublishers.ofString(form(decision))));

        assertThat(List.of(without, wrong, someoneElses, otherSite)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("nothing was changed");
        });
        assertThat(actions()).isEqualTo(before);
    }

    @Test
    void aSignedInAcceptIsWrittenWithTheUserAsActorAndAudited() throws Exception {
        Session session = signIn("alice");
        RecordPair pair = firstQueued();
        int auditBefore = night.jdbc().queryForObject("SELECT COUNT(*) FROM master_audit WHERE actor = 'alice'", Integer.class);

        HttpResponse<String> response = post("/pair/decide", Map.of("csrf", session.csrf(), "left", pair.left().toString(),
                "right", pair.right().toString(), "verdict", "accept", "reason", "same passport"), session.cookies());

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith("/pair?left=").isNotEqualTo(pairPath(pair)));
        Map<String, Object> action = night.jdbc().queryForMap("SELECT * FROM steward_action WHERE left_source = ? AND "
                + "left_record_id = ? AND right_source = ? AND right_record_id = ?", pair.left().source(),
                pair.left().sourceRecordId(), pair.right().source(), pair.right().sourceRecordId());
        assertThat(action).containsEntry("ACTION", "accept").containsEntry("ACTOR", "alice")
                .containsEntry("REASON", "same passport");
        assertThat(night.jdbc().queryForObject("SELECT verdict FROM steward_decision WHERE action_id = ?", String.class,
                action.get("ACTION_ID"))).isEqualTo("same");
        assertThat(night.jdbc().queryForObject("SELECT COUNT(*) FROM master_audit WHERE actor = 'alice' AND action = 'accept' "
                + "AND reason = 'same passport'", Integer.class)).isEqualTo(1);
        assertThat(night.jdbc().queryForObject("SELECT COUNT(*) FROM master_audit WHERE actor = 'alice'", Integer.class))
                .isEqualTo(auditBefore + 1);

        // the next page says what was recorded, once
        HttpResponse<String> next = get(response.headers().firstValue("Location").orElseThrow(), session.cookies());
        assertThat(next.body()).contains("Recorded #" + action.get("ACTION_ID") + " accept " + pair + " by alice")
                .contains("next nightly run");
        assertThat(get("/queue", session.cookies()).body()).doesNotContain("Recorded #");
    }

    @Test
    void aRefusedActionIsAMessageAndWritesNothing() throws Exception {
        Session session = signIn("alice");
        int before = actions();

        HttpResponse<String> merge = post("/master/" + masterId + "/merge", Map.of("csrf", session.csrf(), "other",
                "M99999999"), session.cookies());
        HttpResponse<String> badRecord = post("/master/" + masterId + "/split", Map.of("csrf", session.csrf(), "record",
                "no-colon"), session.cookies());

        assertThat(merge.statusCode()).isEqualTo(409);
        assertThat(merge.body()).contains("no master record M99999999").doesNotContain("Exception");
        assertThat(badRecord.statusCode()).isEqualTo(400);
        assertThat(badRecord.body()).contains("a record is named SOURCE:ID");
        assertThat(actions()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- pages

    @Test
    void pagesShowTheQueueThePairSideBySideAndTheMaster() throws Exception {
        Session session = signIn("carol");

        String queue = get("/queue", session.cookies()).body();
        String pair = get(pairPath(queued), session.cookies()).body();
        String master = get("/master/" + masterId, session.cookies()).body();

        assertThat(queue).contains("Review queue").contains("class=\"open-pair\"").contains("Page 1 of ");
        assertThat(pair).contains(queued.left().toString()).contains(queued.right().toString())
                .contains("id=\"evidence\"").contains("Weight (bits)").contains("id=\"different\"").contains("id=\"same\"")
                .contains("id=\"skip\"").containsPattern("<td>[a-z_]+</td><td>[a-z_]+</td><td class=\"number\">[+-][0-9.]+</td>");
        assertThat(master).contains("id=\"golden\"").contains("id=\"members\"").contains("class=\"split\"")
                .contains("id=\"history\"").contains("nightly-match");
    }

    @Test
    void unknownRecordsAndMastersAreNotFound() throws Exception {
        Session session = signIn("carol");

        assertThat(get("/pair?left=crm:NOPE-1&right=crm:NOPE-2", session.cookies()).statusCode()).isEqualTo(404);
        assertThat(get("/master/M99999999", session.cookies()).statusCode()).isEqualTo(404);
        assertThat(get("/no/such/page", session.cookies()).statusCode()).isEqualTo(404);
        assertThat(get("/pair?left=crm&right=x", session.cookies()).statusCode()).isEqualTo(400);
    }

    @Test
    void markupInARecordIsPrintedAsText() throws Exception {
        Session session = signIn("carol");
        String hostileMaster = night.jdbc().queryForObject("SELECT master_id FROM master_xref WHERE source = ? AND "
                + "source_record_id = ?", String.class, night.hostile().source(), night.hostile().sourceRecordId());

        String master = get("/master/" + hostileMaster, session.cookies()).body();
        String search = get("/search?q=" + URLEncoder.encode("<script>", StandardCharsets.UTF_8), session.cookies()).body();

        assertThat(master).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Mallory &amp; Co")
                .doesNotContain("<script>");
        assertThat(search).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(Html.escape("\"><img src=x onerror=alert(1)>")).isEqualTo("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void everyResponseSaysNoCachingNoFramingAndOnlyOurOwnResources() throws Exception {
        Session session = signIn("carol");

        for (HttpResponse<String> response : List.of(get("/login", Map.of()), get("/queue", Map.of()),
                get("/queue", session.cookies()), get("/static/console.css", Map.of()), post("/queue", Map.of(), Map.of()))) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("default-src 'self'"));
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        }
    }

    @Test
    void theServerRefusesToStartWithoutUsers() {
        ConsoleSettings nobody = new ConsoleSettings("127.0.0.1", 0, Duration.ofMinutes(5), List.of());
        PerRequestSteward steward = new PerRequestSteward(night.dataSource(), night.config().matching(),
                Clock.systemDefaultZone());

        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ConsoleServer.start(nobody, steward, Clock.systemDefaultZone()))
                .withMessageContaining("no console users");
    }

    // ---------------------------------------------------------------- helpers

    private record LoginForm(String token) {
    }

    private record Session(String id, String csrf, String setCookie) {
        Map<String, String> cookies() {
            return Map.of(ConsoleServer.SESSION_COOKIE, id);
        }
    }

    private static RecordPair firstQueued() {
        return new PerRequestSteward(night.dataSource(), night.config().matching(), Clock.systemDefaultZone())
                .with(service -> service.queue(1)).get(0).pair();
    }

    private static LoginForm loginForm() throws Exception {
        HttpResponse<String> page = get("/login", Map.of());
        String token = csrfOf(page.body());
        assertThat(cookies(page)).containsEntry(ConsoleServer.LOGIN_COOKIE, token);
        return new LoginForm(token);
    }

    private static Session signIn(String user) throws Exception {
        LoginForm form = loginForm();
        HttpResponse<String> response = post("/login", Map.of("csrf", form.token(), "user", user, "password", PASSWORD),
                Map.of(ConsoleServer.LOGIN_COOKIE, form.token()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        String id = cookies(response).get(ConsoleServer.SESSION_COOKIE);
        String setCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(ConsoleServer.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        HttpResponse<String> queue = get("/queue", Map.of(ConsoleServer.SESSION_COOKIE, id));
        assertThat(queue.statusCode()).isEqualTo(200);
        return new Session(id, csrfOf(queue.body()), setCookie);
    }

    private static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> cookies(HttpResponse<?> response) {
        Map<String, String> cookies = new HashMap<>();
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0 && equals < pair.length() - 1) {
                cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return cookies;
    }

    private static String pairPath(RecordPair pair) {
        return "/pair?left=" + URLEncoder.encode(pair.left().toString(), StandardCharsets.UTF_8) + "&right="
                + URLEncoder.encode(pair.right().toString(), StandardCharsets.UTF_8);
    }

    private static int actions() {
        return night.jdbc().queryForObject("SELECT COUNT(*) FROM steward_action", Integer.class);
    }

    private static HttpResponse<String> get(String path, Map<String, String> cookies) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader(cookies));
        }
        return send(request);
    }

    private static HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> cookies)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader(cookies));
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String cookieHeader(Map<String, String> cookies) {
        return cookies.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("; "));
    }
}
