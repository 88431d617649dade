package com.custmaster.synth;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which sources know each person (one to three of them) and adds the few persons a source
 * holds twice. Hard cases get the sources that make them hard: colleagues are in the CRM with the
 * switchboard as work phone, each partner of a couple is where the shared landline shows.
 */
final class SourcePlan {

    private static final List<Source> CHINESE_SOURCES = List.of(Source.CRM, Source.CALL_CENTRE, Source.DISTRIBUTOR,
            Source.LEGACY_ERP);
    private static final double[] CHINESE_WEIGHTS = {0.40, 0.19, 0.33, 0.08};
    private static final List<Source> WESTERN_SOURCES = List.of(Source.CRM, Source.CALL_CENTRE, Source.LEGACY_ERP);
    private static final double[] WESTERN_WEIGHTS = {0.66, 0.24, 0.10};

    /** Persons held twice in the same source, with different ids. */
    static final Map<Source, Integer> WITHIN_SOURCE_DUPLICATES = Map.of(Source.CRM, 25, Source.CALL_CENTRE, 6,
            Source.DISTRIBUTOR, 6, Source.LEGACY_ERP, 3);

    private SourcePlan() {
    }

    /** The drafts of each source, in random order (the order the source writes them). */
    static Map<Source, List<Draft>> build(List<Person> persons, Dice dice) {
        Map<Source, List<Draft>> drafts = new EnumMap<>(Source.class);
        Map<Source, List<Person>> members = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            drafts.put(source, new ArrayList<>());
            members.put(source, new ArrayList<>());
        }
        for (Person person : persons) {
            for (Source source : sourcesOf(person, dice)) {
                members.get(source).add(person);
                drafts.get(source).add(draft(person, source, false, dice));
            }
        }
        for (Source source : Source.values()) {
            List<Person> candidates = new ArrayList<>(members.get(source));
            dice.shuffle(candidates);
            for (Person person : candidates.subList(0, WITHIN_SOURCE_DUPLICATES.get(source))) {
                drafts.get(source).add(draft(person, source, true, dice));
            }
            dice.shuffle(drafts.get(source));
        }
        return drafts;
    }

    private static Draft draft(Person person, Source source, boolean duplicate, Dice dice) {
        return new Draft(person, source, dice.dateTime(source.firstUpdate(), source.lastUpdate()), duplicate);
    }

    private static Set<Source> sourcesOf(Person person, Dice dice) {
        Set<Source> chosen = new LinkedHashSet<>();
        String hardCase = person.hardCase();
        if (hardCase.startsWith("colleagues:")) {
            chosen.add(Source.CRM);
            if (dice.chance(0.4)) {
                chosen.add(Source.CALL_CENTRE);
            }
        } else if (hardCase.startsWith("household:")) {
            chosen.add(dice.chance(0.5) ? Source.CALL_CENTRE : Source.LEGACY_ERP);
        } else if (hardCase.startsWith("twins:")) {
            chosen.add(Source.CRM);
        }
        double r = dice.uniform();
        int wanted = r < 0.62 ? 1 : r < 0.87 ? 2 : 3;
        if (hardCase.startsWith("namesake:") && wanted == 1 && dice.chance(0.6)) {
            wanted = 2;
        }
        List<Source> options = new ArrayList<>(person.culture().chinese() ? CHINESE_SOURCES : WESTERN_SOURCES);
        double[] allWeights = person.culture().chinese() ? CHINESE_WEIGHTS : WESTERN_WEIGHTS;
        List<Double> weights = new ArrayList<>();
        for (double weight : allWeights) {
            weights.add(weight);
        }
        for (Source source : chosen) {
            int index = options.indexOf(source);
            options.remove(index);
            weights.remove(index);
        }
        while (chosen.size() < wanted && !options.isEmpty()) {
            double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
            Source source = dice.weighted(options, w);
            int index = options.indexOf(source);
            options.remove(index);
            weights.remove(index);
            chosen.add(source);
        }
        return chosen;
    }
}
