package com.custmaster.master;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.config.ConfigLoader;
import com.custmaster.config.MatchingConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.SourceRecordKey;
import com.custmaster.match.MatchResult;
import com.custmaster.match.Matcher;
import com.custmaster.normalize.Emails;
import com.custmaster.normalize.Names;
import com.custmaster.normalize.PersonName;
import com.custmaster.normalize.Phones;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Master IDs over three nights of the real matcher with the shipped configuration: new records, a
 * changed record, a merge and a split. A master ID means the same person every morning.
 */
class ThreeNightsTest {

    private static final MatchingConfig CONFIG = ConfigLoader.loadMatching(Path.of("conf"));

    private final Map<SourceRecordKey, String> crosswalk = new HashMap<>();
    private long nextId = 1;
    private final List<MasterEvent> audit = new ArrayList<>();

    private static Contact person(String source, String id, String name, String email, String phone, String birth) {
        PersonName parsed = Names.normalize(name, null, null);
        String cleanEmail = Emails.clean(email);
        var number = Phones.normalize(phone, "GB");
        return new Contact(new SourceRecordKey(source, id), 1, parsed.fullName(), parsed.givenName(), parsed.familyName(),
                parsed.key(), cleanEmail, Emails.key(cleanEmail), number == null ? null : number.e164(), phone,
                birth == null ? null : LocalDate.parse(birth), null, null, null, null, "GB", null, null, null, null, Set.of());
    }

    private Map<SourceRecordKey, String> night(List<Contact> contacts) {
        MatchResult result = new Matcher(CONFIG).match(contacts);
        MasterIdAssignment assignment = MasterIdAssigner.assign(result.clusters(), crosswalk, nextId);
        nextId = assignment.nextIdNumber();
        audit.addAll(assignment.events());
        crosswalk.clear();
        crosswalk.putAll(MasterIdAssignment.crosswalk(result.clusters(), assignment.clusterIds()));
        return Map.copyOf(crosswalk);
    }

    private static SourceRecordKey key(String source, String id) {
        return new SourceRecordKey(source, id);
    }

    @Test
    void masterIdsSurviveNewRecordsAChangeAMergeAndASplit() {
        Contact ann = person("crm", "1", "Ann Lee", "ann.lee@example.com", "07700 900001", "1980-01-02");
        Contact annShop = person("shop", "A", "Ann Lee", "ann.lee@example.com", null, "1980-01-02");
        Contact bob = person("crm", "2", "Bob Ray", "bob.ray@example.com", "07700 900002", "1975-05-06");
        Contact carl = person("crm", "3", "Carl Dunn", "carl@example.com", "07700 900003", "1990-03-04");
        Contact carlOld = person("legacy", "X", "C Dunn", null, "07700 900099", null);

        // night 1: Ann twice, Bob, Carl, and Carl's old record with only an initial and no shared identifier
        Map<SourceRecordKey, String> first = night(List.of(ann, annShop, bob, carl, carlOld));
        String annId = first.get(key("crm", "1"));
        assertThat(first.get(key("shop", "A"))).isEqualTo(annId);
        assertThat(Set.copyOf(first.values())).hasSize(4);

        // night 2: a new record for Bob arrives, and Ann changes her phone: nobody's ID moves
        Contact bobShop = person("shop", "B", "Bob Ray", "bob.ray@example.com", null, null);
        Contact annMoved = person("crm", "1", "Ann Lee", "ann.lee@example.com", "07700 900111", "1980-01-02");
        Map<SourceRecordKey, String> second = night(List.of(annMoved, annShop, bob, bobShop, carl, carlOld));
        assertThat(second.get(key("crm", "1"))).isEqualTo(annId);
        assertThat(second.get(key("shop", "B"))).isEqualTo(first.get(key("crm", "2")));
        assertThat(second.get(key("crm", "3"))).isEqualTo(first.get(key("crm", "3")));

        // night 3: Carl's old record gets his e-mail (the two Carls merge: the older ID survives), and
        // the shop record "A" turns out to be someone else (it splits off Ann with a new ID)
        Contact carlOldFixed = person("legacy", "X", "C Dunn", "carl@example.com", "07700 900099", null);
        Contact notAnn = person("shop", "A", "Zoe Park", "zoe.park@example.com", null, "2001-09-09");
        Map<SourceRecordKey, String> third = night(List.of(annMoved, notAnn, bob, bobShop, carl, carlOldFixed));
        String carlSurvivor = min(first.get(key("crm", "3")), first.get(key("legacy", "X")));
        assertThat(third.get(key("crm", "3"))).isEqualTo(carlSurvivor);
        assertThat(third.get(key("legacy", "X"))).isEqualTo(carlSurvivor);
        assertThat(third.get(key("crm", "1"))).isEqualTo(annId);
        assertThat(third.get(key("shop", "A"))).isNotEqualTo(annId).isNotIn(first.values());
        assertThat(audit).extracting(MasterEvent::kind)
                .contains(MasterEvent.Kind.CREATED, MasterEvent.Kind.MERGED, MasterEvent.Kind.SPLIT);
    }

    private static String min(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
