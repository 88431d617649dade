package com.custmaster.master;

import static org.assertj.core.api.Assertions.assertThat;

import com.custmaster.domain.SourceRecordKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MasterIdAssignerTest {

    private static SourceRecordKey key(String id) {
        return new SourceRecordKey("crm", id);
    }

    @Test
    void newClustersGetNewIdsInClusterOrder() {
        MasterIdAssignment result = MasterIdAssigner.assign(List.of(List.of(key("a"), key("b")), List.of(key("c"))),
                Map.of(), 1);

        assertThat(result.clusterIds()).containsExactly("M000000001", "M000000002");
        assertThat(result.count(MasterEvent.Kind.CREATED)).isEqualTo(2);
        assertThat(result.nextIdNumber()).isEqualTo(3);
    }

    @Test
    void unchangedClustersKeepTheirIdsAndCreateNothing() {
        Map<SourceRecordKey, String> previous = Map.of(key("a"), "M000000007", key("b"), "M000000007",
                key("c"), "M000000003");

        MasterIdAssignment result = MasterIdAssigner.assign(List.of(List.of(key("a"), key("b")), List.of(key("c"))),
                previous, 10);

        assertThat(result.clusterIds()).containsExactly("M000000007", "M000000003");
        assertThat(result.events()).isEmpty();
        assertThat(result.nextIdNumber()).isEqualTo(10);
    }

    @Test
    void aNewRecordJoiningAClusterKeepsTheClusterId() {
        Map<SourceRecordKey, String> previous = Map.of(key("a"), "M000000001");

        MasterIdAssignment result = MasterIdAssigner.assign(List.of(List.of(key("a"), key("new"))), previous, 2);

        assertThat(result.clusterIds()).containsExactly("M000000001");
        assertThat(result.events()).isEmpty();
    }

    @Test
    void aMergeKeepsTheOldestIdAndRetiresTheOtherWithARedirect() {
        Map<SourceRecordKey, String> previous = Map.of(key("a"), "M000000005", key("b"), "M000000002");

        MasterIdAssignment result = MasterIdAssigner.assign(List.of(List.of(key("a"), key("b"))), previous, 6);

        assertThat(result.clusterIds()).containsExactly("M000000002");
        assertThat(result.retired()).containsExactly(Map.entry("M000000005", "M000000002"));
        assertThat(result.events()).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(MasterEvent.Kind.MERGED);
            assertThat(event.relatedMasterId()).isEqualTo("M000000002");
        });
    }

    @Test
    void aSplitKeepsTheIdWithTheLargerPartAndIssuesANewIdForTheRest() {
        Map<SourceRecordKey, String> previous = new HashMap<>();
        previous.put(key("a"), "M000000001");
        previous.put(key("b"), "M000000001");
        previous.put(key("c"), "M000000001");

        MasterIdAssignment result = MasterIdAssigner.assign(List.of(List.of(key("a"), key("b")), List.of(key("c"))),
                previous, 2);

        assertThat(result.clusterIds()).containsExactly("M000000001", "M000000002");
        assertThat(result.events()).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(MasterEvent.Kind.SPLIT);
            assertThat(event.masterId()).isEqualTo("M000000002");
            assertThat(event.relatedMasterId()).isEqualTo("M000000001");
        });
    }

    @Test
    void retiredIdsAreNeverReused() {
        Map<SourceRecordKey, String> previous = Map.of(key("a"), "M000000001", key("b"), "M000000002");
        MasterIdAssignment merged = MasterIdAssigner.assign(List.of(List.of(key("a"), key("b"))), previous, 3);

        // the next night the pair is split again: the retired M000000002 does not come back
        Map<SourceRecordKey, String> afterMerge = MasterIdAssignment.crosswalk(List.of(List.of(key("a"), key("b"))),
                merged.clusterIds());
        MasterIdAssignment split = MasterIdAssigner.assign(List.of(List.of(key("a")), List.of(key("b"))), afterMerge,
                merged.nextIdNumber());

        assertThat(split.clusterIds()).containsExactly("M000000001", "M000000003");
    }
}
