package com.custmaster.console;

import static com.custmaster.html.Html.of;

import com.custmaster.domain.Contact;
import com.custmaster.html.Html;
import com.custmaster.master.GoldenRecord;
import com.custmaster.master.StoredPairs;
import com.custmaster.match.RecordPair;
import com.custmaster.steward.AuditEntry;
import com.custmaster.steward.MasterView;
import com.custmaster.steward.PairView;
import com.custmaster.steward.QueuedPair;
import com.custmaster.steward.StewardAction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The console's pages as server-rendered HTML: no script, one stylesheet from {@code /static}.
 * Every value goes through {@link Html}; every form that changes something carries the session's
 * CSRF token.
 */
final class Pages {

    static final String CSRF_FIELD = "csrf";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** Who is signed in, for the header and the forms. */
    record Viewer(String user, String csrfToken, String flash) {
    }

    /** A queued pair with both records, for a queue row. */
    record QueueRow(QueuedPair queued, Contact left, Contact right) {
    }

    private Pages() {
    }

    // ---------------------------------------------------------------- frame

    static Html.Safe page(String title, Viewer viewer, Html.Safe body) {
        Html.Safe header = viewer == null ? Html.EMPTY : of("""
                <header><nav>
                <a href="/queue">Queue</a>
                <form class="search" method="get" action="/search"><input type="search" name="q" placeholder="Name, phone or e-mail" aria-label="Search"><button type="submit">Search</button></form>
                <span class="who">Signed in as <strong id="signed-in-user">%s</strong></span>
                <form method="post" action="/logout">%s<button type="submit" id="sign-out">Sign out</button></form>
                </nav></header>
                """, viewer.user(), csrf(viewer));
        Html.Safe flash = viewer == null || viewer.flash() == null ? Html.EMPTY
                : of("<p class=\"flash\" id=\"flash\">%s</p>\n", viewer.flash());
        return of("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s – custmaster console</title>
                <link rel="stylesheet" href="/static/console.css"></head>
                <body>
                %s<main>
                %s%s</main></body></html>
                """, title, header, flash, body);
    }

    static Html.Safe csrf(Viewer viewer) {
        return of("<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"%s\">", viewer.csrfToken());
    }

    static Html.Safe message(String title, Viewer viewer, String text, String backHref, String backLabel) {
        return page(title, viewer, of("<h1>%s</h1>\n<p class=\"refusal\" id=\"message\">%s</p>\n<p><a href=\"%s\">%s</a></p>\n",
                title, text, backHref, backLabel));
    }

    // ---------------------------------------------------------------- sign-in

    static Html.Safe login(String loginToken, String problem) {
        Html.Safe error = problem == null ? Html.EMPTY : of("<p class=\"refusal\" id=\"message\">%s</p>\n", problem);
        return page("Sign in", null, of("""
                <h1>custmaster steward console</h1>
                %s<form method="post" action="/login" class="signin">
                <input type="hidden" name="%s" value="%s">
                <label>User name <input type="text" name="user" id="user" autocomplete="username" required autofocus></label>
                <label>Password <input type="password" name="password" id="password" autocomplete="current-password" required></label>
                <button type="submit" id="sign-in">Sign in</button>
                </form>
                """, error, CSRF_FIELD, loginToken));
    }

    // ---------------------------------------------------------------- queue

    static Html.Safe queue(Viewer viewer, List<QueueRow> rows, int page, int pageSize, int total) {
        List<Html.Safe> lines = new ArrayList<>();
        int number = (page - 1) * pageSize;
        for (QueueRow row : rows) {
            QueuedPair queued = row.queued();
            number++;
            lines.add(of("""
                    <tr%s><td>%s</td><td class="number">%s</td><td>%s<br><span class="key">%s</span></td><td>%s<br><span class="key">%s</span></td>
                    <td>%s → %s%s</td><td><a class="open-pair" href="%s">Review</a></td></tr>
                    """, queued.skipped() ? new Html.Safe(" class=\"skipped\"") : Html.EMPTY, number,
                    String.format(Locale.ROOT, "%.3f", queued.matchProbability()), name(row.left()), queued.pair().left(),
                    name(row.right()), queued.pair().right(), masterLink(queued.leftMasterId()),
                    masterLink(queued.rightMasterId()), queued.sameMaster() ? of(" <em>(one master already)</em>") : Html.EMPTY,
                    pairHref(queued.pair())));
        }
        int pages = Math.max(1, (total + pageSize - 1) / pageSize);
        Html.Safe previous = page > 1 ? of("<a href=\"/queue?page=%s\" rel=\"prev\">← Previous</a> ", page - 1) : Html.EMPTY;
        Html.Safe next = page < pages ? of(" <a href=\"/queue?page=%s\" rel=\"next\">Next →</a>", page + 1) : Html.EMPTY;
        Html.Safe table = rows.isEmpty()
                ? of("<p id=\"queue-empty\">Nothing to review: every pair the latest run queued has a decision.</p>\n")
                : of("""
                        <table id="queue"><thead><tr><th>#</th><th>Probability</th><th>Left record</th><th>Right record</th>
                        <th>Masters</th><th></th></tr></thead>
                        <tbody>
                        %s</tbody></table>
                        """, Html.join(lines));
        return page("Review queue", viewer, of("""
                <h1>Review queue</h1>
                <p>%s pairs wait for a decision, the most useful first (those nearest the middle of the review band; skipped pairs last). Decisions take effect at the next nightly run.</p>
                %s<p class="pages">%sPage %s of %s%s</p>
                """, total, table, previous, page, pages, next));
    }

    // ---------------------------------------------------------------- pair

    static Html.Safe pair(Viewer viewer, PairView view) {
        Contact left = view.left();
        Contact right = view.right();
        List<Html.Safe> rows = new ArrayList<>();
        rows.add(compare("Full name", left, right, Contact::fullName));
        rows.add(compare("Given name", left, right, Contact::givenName));
        rows.add(compare("Family name", left, right, Contact::familyName));
        rows.add(compare("E-mail", left, right, Contact::email));
        rows.add(compare("Phone", left, right, Contact::phone));
        rows.add(compare("Phone as written", left, right, Contact::phoneRaw));
        rows.add(compare("Birth date", left, right, Contact::birthDate));
        rows.add(compare("Address", left, right, Contact::addressLine));
        rows.add(compare("City", left, right, Contact::city));
        rows.add(compare("Postcode", left, right, Contact::postcode));
        rows.add(compare("Region", left, right, Contact::region));
        rows.add(compare("Country", left, right, Contact::country));
        rows.add(compare("Company", left, right, Contact::company));
        rows.add(compare("ID number", left, right, Contact::idNumber));
        rows.add(compare("Updated", left, right, Contact::updatedAt));
        rows.add(compare("Quality flags", left, right, contact -> String.join(", ", contact.qualityFlags())));
        rows.add(of("<tr><th>Master record</th><td>%s</td><td>%s</td></tr>\n", masterLink(view.leftMasterId()),
                masterLink(view.rightMasterId())));

        StoredPairs.StoredPair score = view.latestScore();
        Html.Safe summary;
        Html.Safe evidenceTable;
        if (score == null) {
            summary = of("<p id=\"score\">No run kept this pair: it scored below the review threshold.</p>\n");
            evidenceTable = Html.EMPTY;
        } else {
            summary = of("<p id=\"score\">Run of %s: probability <strong id=\"probability\">%s</strong>, match weight %s bits, "
                    + "decision <strong>%s</strong>, found by blocking rule %s.</p>\n", score.runDate(),
                    String.format(Locale.ROOT, "%.3f", score.matchProbability()),
                    String.format(Locale.ROOT, "%+.2f", score.matchWeight()), score.decision(), score.blockingRule());
            List<Html.Safe> evidence = new ArrayList<>();
            for (Evidence entry : Evidence.parse(score.evidence())) {
                evidence.add(of("<tr><td>%s</td><td>%s</td><td class=\"number\">%s</td></tr>\n", entry.field(), entry.level(),
                        entry.weight()));
            }
            evidenceTable = of("""
                    <h2>Field comparison</h2>
                    <table id="evidence"><thead><tr><th>Comparison</th><th>Level reached</th><th>Weight (bits)</th></tr></thead>
                    <tbody>
                    %s</tbody></table>
                    """, Html.join(evidence));
        }
        Html.Safe decided = view.decidedBy() == null ? Html.EMPTY
                : of("<p class=\"decided\" id=\"decided\">Decided <strong>%s</strong>: %s on %s%s.</p>\n",
                        view.verdict() == null ? "" : view.verdict().code(), view.decidedBy().describe(),
                        WHEN.format(view.decidedBy().createdAt()), reasonSuffix(view.decidedBy().reason()));
        return page("Pair " + view.pair(), viewer, of("""
                <h1>Are these one customer?</h1>
                <p class="key">%s ~ %s</p>
                %s%s<table id="records" class="side-by-side"><thead><tr><th>Field</th><th>%s</th><th>%s</th></tr></thead>
                <tbody>
                %s</tbody></table>
                <form method="post" action="/pair/decide" class="decide">
                %s<input type="hidden" name="left" value="%s"><input type="hidden" name="right" value="%s">
                <label>Reason (optional) <input type="text" name="reason" id="reason" maxlength="1000"></label>
                <button type="submit" name="verdict" value="accept" id="same">Same customer</button>
                <button type="submit" name="verdict" value="reject" id="different">Different customers</button>
                <button type="submit" name="verdict" value="skip" id="skip">Skip</button>
                </form>
                <p class="note">A decision takes effect at the next nightly run; until then the pair leaves the queue.</p>
                %s<p><a href="/queue">Back to the queue</a></p>
                """, view.pair().left(), view.pair().right(), decided, summary, view.pair().left(), view.pair().right(),
                Html.join(rows), csrf(viewer), view.pair().left(), view.pair().right(), evidenceTable));
    }

    private static Html.Safe compare(String label, Contact left, Contact right, Function<Contact, Object> field) {
        String a = text(field.apply(left));
        String b = text(field.apply(right));
        String kind = a.isEmpty() || b.isEmpty() ? "missing" : a.equalsIgnoreCase(b) ? "agrees" : "differs";
        return of("<tr class=\"%s\"><th>%s</th><td>%s</td><td>%s</td></tr>\n", kind, label, a, b);
    }

    // ---------------------------------------------------------------- master

    static Html.Safe master(Viewer viewer, MasterView view) {
        GoldenRecord golden = view.golden();
        String id = golden.masterId();
        List<Html.Safe> fields = new ArrayList<>();
        golden.fields().forEach((key, value) -> field(fields, golden, GOLDEN_LABELS.get(key), key, value));

        List<Html.Safe> members = new ArrayList<>();
        for (Contact member : view.members()) {
            members.add(of("""
                    <tr><td class="key">%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>
                    <td><form method="post" action="%s/split">%s<input type="hidden" name="record" value="%s"><input type="text" name="reason" placeholder="Reason" aria-label="Reason"><button type="submit" class="split">Split out</button></form></td></tr>
                    """, member.key(), name(member), text(member.email()), text(member.phone()), text(member.city()),
                    text(member.updatedAt()), masterHref(id), csrf(viewer), member.key()));
        }
        List<Html.Safe> decisions = new ArrayList<>();
        for (StewardAction action : view.decisions()) {
            decisions.add(of("<li>%s on %s%s</li>\n", action.describe(), WHEN.format(action.createdAt()),
                    reasonSuffix(action.reason())));
        }
        List<Html.Safe> history = new ArrayList<>();
        for (AuditEntry entry : view.history()) {
            history.add(of("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
                    WHEN.format(entry.createdAt()), text(entry.runDate()), entry.action(), entry.actor(), text(entry.detail()),
                    text(entry.reason())));
        }
        Html.Safe redirected = view.redirected()
                ? of("<p class=\"flash\">%s was retired into %s: this is %s.</p>\n", view.requestedId(), id, id)
                : Html.EMPTY;
        return page("Master " + id, viewer, of("""
                <h1>Master record <span class="key" id="master-id">%s</span></h1>
                %s<p>Status %s, %s source record(s).</p>
                <h2>Golden record</h2>
                <table id="golden"><thead><tr><th>Field</th><th>Value</th><th>From</th><th>Rule</th></tr></thead>
                <tbody>
                %s</tbody></table>
                <h2>Source records</h2>
                <table id="members"><thead><tr><th>Record</th><th>Name</th><th>E-mail</th><th>Phone</th><th>City</th><th>Updated</th><th>Split</th></tr></thead>
                <tbody>
                %s</tbody></table>
                <h2>Change</h2>
                <form method="post" action="%s/merge" class="inline">%s<label>Merge with master ID <input type="text" name="other" id="merge-other" required pattern="[A-Za-z0-9]+"></label>
                <input type="text" name="reason" placeholder="Reason" aria-label="Reason"><button type="submit" id="merge">Merge</button></form>
                <form method="post" action="%s/undo" class="inline">%s<input type="text" name="reason" placeholder="Reason" aria-label="Reason"><button type="submit" id="undo">Undo the last action</button></form>
                <p class="note">Changes take effect at the next nightly run.</p>
                <h2>Steward decisions that hold</h2>
                %s
                <h2>History</h2>
                <table id="history"><thead><tr><th>When</th><th>Run</th><th>Action</th><th>By</th><th>What</th><th>Reason</th></tr></thead>
                <tbody>
                %s</tbody></table>
                """, id, redirected, view.status(), golden.sourceCount(), Html.join(fields), Html.join(members), masterHref(id),
                csrf(viewer), masterHref(id), csrf(viewer),
                decisions.isEmpty() ? of("<p id=\"decisions\">None.</p>") : of("<ul id=\"decisions\">\n%s</ul>",
                        Html.join(decisions)), Html.join(history)));
    }

    /** How the master page names each golden field ({@link GoldenRecord#fields()}). */
    private static final java.util.Map<String, String> GOLDEN_LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("full_name", "Full name"), java.util.Map.entry("given_name", "Given name"),
            java.util.Map.entry("family_name", "Family name"), java.util.Map.entry("email", "E-mail"),
            java.util.Map.entry("phone", "Phone"), java.util.Map.entry("birth_date", "Birth date"),
            java.util.Map.entry("address_line", "Address"), java.util.Map.entry("city", "City"),
            java.util.Map.entry("postcode", "Postcode"), java.util.Map.entry("region", "Region"),
            java.util.Map.entry("country", "Country"), java.util.Map.entry("company", "Company"),
            java.util.Map.entry("id_number", "ID number"));

    private static void field(List<Html.Safe> rows, GoldenRecord golden, String label, String key, Object value) {
        GoldenRecord.Lineage lineage = golden.lineage().get(key);
        rows.add(of("<tr><th>%s</th><td>%s</td><td class=\"key\">%s</td><td>%s</td></tr>\n", label, text(value),
                lineage == null ? "" : lineage.from(), lineage == null ? "" : lineage.rule()));
    }

    // ---------------------------------------------------------------- search

    static Html.Safe search(Viewer viewer, String query, List<GoldenRecord> found, int limit) {
        List<Html.Safe> rows = new ArrayList<>();
        for (GoldenRecord golden : found) {
            rows.add(of("<tr><td><a href=\"%s\">%s</a></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class=\"number\">%s</td></tr>\n",
                    masterHref(golden.masterId()), golden.masterId(), text(golden.fullName()), text(golden.email()),
                    text(golden.phone()), text(golden.city()), golden.sourceCount()));
        }
        Html.Safe results;
        if (query.isBlank()) {
            results = of("<p>Search the active master records by name, e-mail or phone (at least 4 digits).</p>\n");
        } else if (found.isEmpty()) {
            results = of("<p id=\"no-results\">No master record matches “%s”.</p>\n", query);
        } else {
            results = of("""
                    <p>%s%s record(s) match “%s”.</p>
                    <table id="results"><thead><tr><th>Master</th><th>Name</th><th>E-mail</th><th>Phone</th><th>City</th><th>Records</th></tr></thead>
                    <tbody>
                    %s</tbody></table>
                    """, found.size() >= limit ? "The first " : "", found.size(), query, Html.join(rows));
        }
        return page("Search", viewer, of("""
                <h1>Search</h1>
                <form method="get" action="/search"><input type="search" name="q" id="q" value="%s" aria-label="Name, phone or e-mail"><button type="submit" id="search">Search</button></form>
                %s""", query, results));
    }

    // ---------------------------------------------------------------- helpers

    static String pairHref(RecordPair pair) {
        return "/pair?left=" + url(pair.left().toString()) + "&right=" + url(pair.right().toString());
    }

    static String masterHref(String masterId) {
        return "/master/" + url(masterId);
    }

    private static Html.Safe masterLink(String masterId) {
        return masterId == null ? of("<em>none yet</em>") : of("<a href=\"%s\">%s</a>", masterHref(masterId), masterId);
    }

    private static String name(Contact contact) {
        if (contact == null) {
            return "";
        }
        String full = text(contact.fullName());
        return full.isEmpty() ? (text(contact.givenName()) + " " + text(contact.familyName())).trim() : full;
    }

    private static String reasonSuffix(String reason) {
        return reason == null || reason.isBlank() ? "" : " (“" + reason + "”)";
    }

    private static String text(Object value) {
        return value == null ? "" : Objects.toString(value);
    }

    private static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
