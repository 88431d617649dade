package com.custmaster.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Picks which rows of a source get a deliberate fault, so each source file carries about 1% bad rows. */
final class Defects {

    private Defects() {
    }

    /**
     * Marks {@code count} rows that satisfy {@code eligible} and have no fault yet with {@code defect}.
     *
     * @throws IllegalStateException if there are not enough eligible rows
     */
    static void assign(Map<Integer, Defect> defects, List<Draft> drafts, Defect defect, int count,
            Predicate<Draft> eligible, Dice dice) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (!defects.containsKey(i) && eligible.test(drafts.get(i))) {
                candidates.add(i);
            }
        }
        if (candidates.size() < count) {
            throw new IllegalStateException("Need " + count + " rows for " + defect + " but only "
                    + candidates.size() + " qualify");
        }
        dice.shuffle(candidates);
        for (int i = 0; i < count; i++) {
            defects.put(candidates.get(i), defect);
        }
    }
}
