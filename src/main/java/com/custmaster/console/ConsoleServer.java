package com.custmaster.console;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.ConsoleSettings;
import com.custmaster.domain.SourceRecordKey;
import com.custmaster.html.Html;
import com.custmaster.match.RecordPair;
import com.custmaster.steward.MasterView;
import com.custmaster.steward.PairView;
import com.custmaster.steward.QueuedPair;
import com.custmaster.steward.StewardAction;
import com.custmaster.steward.StewardException;
import com.custmaster.steward.StewardService;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steward web console: the review queue, pairs side by side, master records and search, served
 * by the JDK's own HTTP server (no server dependency) as plain HTML forms.
 *
 * <p>Security lives here, in one pass every request goes through: only the sign-in page and the
 * stylesheet are open; any other GET without a live session is sent to sign in (303), any other
 * POST is refused (403). Every POST must carry the session's CSRF token (and, when the browser sends
 * one, our own Origin), or it is refused before anything is read or written. Every response says
 * no caching, no framing, no sniffing and only our own resources. The signed-in user is the actor of
 * each action, so the audit says who. Refusals of the workflow ({@link StewardException}) are shown
 * as messages; unexpected errors are logged and shown without detail.
 */
public final class ConsoleServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    static final String SESSION_COOKIE = "cm_session";
    static final String LOGIN_COOKIE = "cm_login";
    static final int PAGE_SIZE = 20;
    static final int SEARCH_LIMIT = 50;
    private static final int MAX_BODY = 64 * 1024;
    private static final int THREADS = 4;
    private static final String HTML = "text/html; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final PerRequestSteward steward;
    private final ConsoleUsers users;
    private final Sessions sessions;
    private final SignInThrottle throttle;
    private final byte[] stylesheet;

    private ConsoleServer(HttpServer server, ExecutorService executor, PerRequestSteward steward, ConsoleUsers users,
                          Sessions sessions, SignInThrottle throttle) {
        this.server = server;
        this.executor = executor;
        this.steward = steward;
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.stylesheet = resource("console.css");
    }

    /**
     * Starts serving on the settings' address and port.
     *
     * @throws IllegalArgumentException when the settings name no user (nobody could sign in) or a bad password hash
     * @throws UncheckedIOException when the address cannot be bound (the port is taken)
     */
    public static ConsoleServer start(ConsoleSettings settings, PerRequestSteward steward, Clock clock) {
        requireNonNull(settings, "settings is null");
        requireNonNull(steward, "steward is null");
        requireNonNull(clock, "clock is null");
        ConsoleUsers users = new ConsoleUsers(settings.users());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.bindAddress() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "console-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ConsoleServer console = new ConsoleServer(server, executor, steward, users,
                new Sessions(settings.sessionIdle(), clock), new SignInThrottle(clock));
        server.createContext("/", console::handle);
        server.setExecutor(executor);
        server.start();
        return console;
    }

    /** Where the console is served, such as {@code http://127.0.0.1:8089/}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    /** Stops accepting requests, lets running ones finish for up to a second, and stops the threads. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
    }

    // ---------------------------------------------------------------- request handling

    /** A page, a redirect or a file to send. */
    private record Response(int status, String contentType, byte[] body, List<String[]> headers) {

        static Response page(int status, Html.Safe html) {
            return new Response(status, HTML, html.html().getBytes(StandardCharsets.UTF_8), new ArrayList<>());
        }

        static Response redirect(String location) {
            List<String[]> headers = new ArrayList<>();
            headers.add(new String[] {"Location", location});
            return new Response(303, null, new byte[0], headers);
        }

        Response with(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }
    }

    /** A request refused with a status and a message for the person. */
    private static final class Refusal extends RuntimeException {
        final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** What a handler needs of a request. */
    private record Request(String method, String path, Map<String, String> query, Map<String, String> form,
                           Map<String, String> cookies, Sessions.Session session, Pages.Viewer viewer) {

        String param(String name) {
            String value = form.containsKey(name) ? form.get(name) : query.get(name);
            return value == null ? "" : value;
        }
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Response response;
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            try {
                response = respond(exchange, method, path);
            } catch (Refusal refusal) {
                response = Response.page(refusal.status, Pages.message(title(refusal.status), null, refusal.getMessage(),
                        "/queue", "Back to the queue"));
            } catch (PerRequestSteward.Unavailable e) {
                LOG.warn("console: {} {}: {}", method, path, e.getMessage());
                response = Response.page(503, Pages.message("Database busy", null, "The database cannot be opened just now "
                        + "(is the nightly running?). Nothing was changed: try again in a while.", "/queue", "Back to the queue"))
                        .with("Retry-After", "60");
            } catch (RuntimeException e) {
                LOG.error("console: {} {} failed", method, path, e);
                response = Response.page(500, Pages.message("Something went wrong", null, "The console could not do this; "
                        + "the error is in its log. Nothing was changed unless the page you come back to says so.",
                        "/queue", "Back to the queue"));
            }
            send(exchange, response);
        } catch (IOException e) {
            LOG.debug("console: could not answer a request: {}", e.getMessage());
        }
    }

    private Response respond(HttpExchange exchange, String method, String path) throws IOException {
        Map<String, String> cookies = cookies(exchange.getRequestHeaders());
        Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
        boolean post = method.equals("POST");
        Map<String, String> form = post ? parameters(body(exchange)) : Map.of();

        if (path.equals("/static/console.css") && method.equals("GET")) {
            return new Response(200, "text/css; charset=utf-8", stylesheet, new ArrayList<>());
        }
        Optional<Sessions.Session> session = sessions.find(cookies.get(SESSION_COOKIE));
        if (path.equals("/login")) {
            if (method.equals("GET")) {
                return session.isPresent() ? Response.redirect("/queue") : loginPage(200, null, cookies);
            }
            if (post) {
                return signIn(form, cookies, session);
            }
            throw new Refusal(405, "Not allowed.");
        }
        if (session.isEmpty()) {
            if (method.equals("GET") || method.equals("HEAD")) {
                return Response.redirect("/login");
            }
            throw new Refusal(403, "Sign in first.");
        }
        Sessions.Session signedIn = session.get();
        if (post) {
            checkOrigin(exchange.getRequestHeaders());
            if (!PasswordHashes.sameText(form.get(Pages.CSRF_FIELD), signedIn.csrfToken)) {
                throw new Refusal(403, "This form has expired or did not come from the console: nothing was changed. "
                        + "Go back, reload the page and try again.");
            }
        } else if (!method.equals("GET")) {
            throw new Refusal(405, "Not allowed.");
        }
        Request request = new Request(method, path, query, form, cookies, signedIn,
                new Pages.Viewer(signedIn.user, signedIn.csrfToken, post ? null : signedIn.takeFlash()));
        try {
            return route(request);
        } catch (Refusal refusal) {
            // a signed-in user keeps the header (queue, search, sign-out) on a refusal
            Pages.Viewer viewer = new Pages.Viewer(signedIn.user, signedIn.csrfToken, null);
            return Response.page(refusal.status, Pages.message(title(refusal.status), viewer, refusal.getMessage(), "/queue",
                    "Back to the queue"));
        }
    }

    private Response route(Request request) {
        String path = request.path();
        boolean get = request.method().equals("GET");
        if (get && (path.equals("/") || path.equals("/queue"))) {
            return queue(request);
        }
        if (get && path.equals("/pair")) {
            return pair(request);
        }
        if (get && path.equals("/search")) {
            return search(request);
        }
        if (!get && path.equals("/pair/decide")) {
            return decide(request);
        }
        if (!get && path.equals("/logout")) {
            sessions.end(request.session().id);
            return Response.redirect("/login").with("Set-Cookie", SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; "
                    + "Max-Age=0");
        }
        if (path.startsWith("/master/")) {
            String[] parts = path.substring("/master/".length()).split("/", -1);
            String id = URLDecoder.decode(parts[0], StandardCharsets.UTF_8).trim();
            if (!id.isEmpty() && get && parts.length == 1) {
                return master(request, id);
            }
            if (!id.isEmpty() && !get && parts.length == 2) {
                return masterAction(request, id, parts[1]);
            }
        }
        throw new Refusal(404, "There is no such page.");
    }

    // ---------------------------------------------------------------- sign-in

    /**
     * The sign-in form with the token of its cookie. A browser that has the cookie keeps it: it loads
     * this page more than once (a favicon request is sent here too), and each form must stay valid.
     */
    private Response loginPage(int status, String problem, Map<String, String> cookies) {
        String existing = cookies.get(LOGIN_COOKIE);
        String token = existing != null && existing.matches("[A-Za-z0-9_-]{43}") ? existing : Sessions.randomToken();
        return Response.page(status, Pages.login(token, problem))
                .with("Set-Cookie", LOGIN_COOKIE + "=" + token + "; Path=/login; HttpOnly; SameSite=Strict");
    }

    private Response signIn(Map<String, String> form, Map<String, String> cookies, Optional<Sessions.Session> current) {
        // the sign-in form carries the token of its own cookie: another site cannot sign a browser in
        if (!PasswordHashes.sameText(form.get(Pages.CSRF_FIELD), cookies.get(LOGIN_COOKIE))) {
            return loginPage(403, "The sign-in form expired: please sign in again.", Map.of());
        }
        String user = form.getOrDefault("user", "").trim();
        char[] password = form.getOrDefault("password", "").toCharArray();
        try {
            Duration wait = throttle.wait(user);
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                return loginPage(429, "Too many failed sign-ins for this name: try again in " + seconds + " s.", cookies)
                        .with("Retry-After", Long.toString(seconds));
            }
            if (!users.check(user, password)) {
                throttle.failed(user);
                LOG.warn("console: failed sign-in for user name '{}'", user.replaceAll("[^A-Za-z0-9._@-]", "?"));
                return loginPage(401, "Wrong user name or password.", cookies);
            }
        } finally {
            PasswordHashes.wipe(password);
        }
        throttle.succeeded(user);
        current.ifPresent(old -> sessions.end(old.id));
        Sessions.Session session = sessions.create(user);
        LOG.info("console: {} signed in", user);
        return Response.redirect("/queue")
                .with("Set-Cookie", SESSION_COOKIE + "=" + session.id + "; Path=/; HttpOnly; SameSite=Strict")
                .with("Set-Cookie", LOGIN_COOKIE + "=; Path=/login; HttpOnly; SameSite=Strict; Max-Age=0");
    }

    /** A browser that says where a form came from must say it came from here. */
    private static void checkOrigin(Headers headers) {
        String origin = headers.getFirst("Origin");
        String host = headers.getFirst("Host");
        if (origin != null && !origin.equals("null") && (host == null || !origin.equals("http://" + host))) {
            throw new Refusal(403, "This form did not come from the console: nothing was changed.");
        }
    }

    // ---------------------------------------------------------------- pages

    private Response queue(Request request) {
        int page = positive(request.param("page"), 1);
        return steward.with(service -> {
            int total = service.queueSize();
            int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
            int shown = Math.min(page, pages);
            List<QueuedPair> upTo = service.queue(shown * PAGE_SIZE);
            List<Pages.QueueRow> rows = new ArrayList<>();
            for (QueuedPair queued : upTo.subList(Math.min(upTo.size(), (shown - 1) * PAGE_SIZE), upTo.size())) {
                PairView view = service.pair(queued.pair());
                rows.add(new Pages.QueueRow(queued, view.left(), view.right()));
            }
            return Response.page(200, Pages.queue(request.viewer(), rows, shown, PAGE_SIZE, total));
        });
    }

    private Response pair(Request request) {
        RecordPair pair = pairOf(request);
        return steward.with(service -> {
            try {
                return Response.page(200, Pages.pair(request.viewer(), service.pair(pair)));
            } catch (StewardException e) {
                throw new Refusal(404, e.getMessage());
            }
        });
    }

    private Response master(Request request, String id) {
        return steward.with(service -> {
            MasterView view;
            try {
                view = service.master(id);
            } catch (StewardException e) {
                throw new Refusal(404, e.getMessage());
            }
            return Response.page(200, Pages.master(request.viewer(), view));
        });
    }

    private Response search(Request request) {
        String query = request.param("q").strip();
        if (query.length() > 200) {
            throw new Refusal(400, "Search for at most 200 characters.");
        }
        return steward.with(service -> Response.page(200, Pages.search(request.viewer(), query,
                service.search(query, SEARCH_LIMIT), SEARCH_LIMIT)));
    }

    // ---------------------------------------------------------------- actions

    private Response decide(Request request) {
        RecordPair pair = pairOf(request);
        String verdict = request.param("verdict");
        String actor = request.session().user;
        String reason = request.param("reason");
        return steward.with(service -> {
            StewardAction action = refusingAsConflict(() -> switch (verdict) {
                case "accept" -> service.accept(pair, actor, reason);
                case "reject" -> service.reject(pair, actor, reason);
                case "skip" -> service.skip(pair, actor, reason);
                default -> throw new Refusal(400, "Choose Same customer, Different customers or Skip.");
            });
            request.session().flash(recorded(action));
            List<QueuedPair> next = service.queue(1);
            return Response.redirect(next.isEmpty() ? "/queue" : Pages.pairHref(next.get(0).pair()));
        });
    }

    private Response masterAction(Request request, String id, String action) {
        String actor = request.session().user;
        String reason = request.param("reason");
        return steward.with(service -> {
            StewardAction done = refusingAsConflict(() -> switch (action) {
                case "merge" -> {
                    String other = request.param("other").trim();
                    if (other.isEmpty()) {
                        throw new Refusal(400, "Name the master ID to merge with.");
                    }
                    yield service.merge(id, other, actor, reason);
                }
                case "split" -> service.split(key(request.param("record")), actor, reason);
                case "undo" -> service.undo(id, actor, reason);
                default -> throw new Refusal(404, "There is no such action.");
            });
            request.session().flash(recorded(done));
            return Response.redirect(Pages.masterHref(id));
        });
    }

    private static StewardAction refusingAsConflict(java.util.function.Supplier<StewardAction> action) {
        try {
            return action.get();
        } catch (StewardException e) {
            throw new Refusal(409, e.getMessage());
        }
    }

    private static String recorded(StewardAction action) {
        return "Recorded " + action.describe() + ". It takes effect at the next nightly run.";
    }

    // ---------------------------------------------------------------- parsing

    private static RecordPair pairOf(Request request) {
        SourceRecordKey left = key(request.param("left"));
        SourceRecordKey right = key(request.param("right"));
        if (left.equals(right)) {
            throw new Refusal(400, "A pair needs two different records, not " + left + " twice.");
        }
        return RecordPair.of(left, right);
    }

    private static SourceRecordKey key(String text) {
        try {
            return SourceRecordKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, e.getMessage());
        }
    }

    private static int positive(String text, int defaultValue) {
        try {
            return text.isEmpty() ? defaultValue : Math.max(1, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new Refusal(400, "Not a page number: " + text);
        }
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                if (out.size() > MAX_BODY) {
                    throw new Refusal(413, "That form is too large.");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** {@code a=1&b=2}, URL-decoded; the first value of a name wins. */
    private static Map<String, String> parameters(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                values.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new Refusal(400, "The request is not well formed.");
            }
        }
        return values;
    }

    private static Map<String, String> cookies(Headers headers) {
        Map<String, String> cookies = new HashMap<>();
        for (String header : headers.getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                int equals = part.indexOf('=');
                if (equals > 0) {
                    cookies.putIfAbsent(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
                }
            }
        }
        return cookies;
    }

    // ---------------------------------------------------------------- sending

    private static void send(HttpExchange exchange, Response response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cache-Control", "no-store");
        headers.set("Referrer-Policy", "same-origin");
        if (response.contentType() != null) {
            headers.set("Content-Type", response.contentType());
        }
        for (String[] header : response.headers()) {
            headers.add(header[0], header[1]);
        }
        boolean head = exchange.getRequestMethod().equals("HEAD");
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Not understood";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Refused";
            case 429 -> "Too many attempts";
            default -> "Cannot do that";
        };
    }

    private static byte[] resource(String name) {
        try (InputStream in = ConsoleServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
