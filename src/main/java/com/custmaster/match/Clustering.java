package com.custmaster.match;

import java.util.Arrays;

/**
 * Clusters from scored pairs: the accepted pairs are joined strongest first, as connected
 * components would, with two guards.
 * <ul>
 *   <li>Cannot-link: two groups never join if any pair between them is declared different (a
 *       steward's decision).</li>
 *   <li>Chaining: two groups join only if the mean match weight over every scored pair between
 *       them is at least the configured minimum. A chain A~B~C where A and C were compared and
 *       clearly differ is thus cut at its weakest link, while a group whose members all fit
 *       together joins in one piece.</li>
 * </ul>
 * Must-link pairs (a steward's "same") join first and unconditionally. Deterministic: ties in
 * weight are broken by pair order.
 */
final class Clustering {

    private final int[] parent;
    private final int[] size;
    private final int[] nextMember;
    private final int[] neighbourStart;
    private final int[] neighbours;
    private final double[] neighbourWeights;
    private final int[] cannotStart;
    private final int[] cannot;

    private Clustering(int records, long[] pairs, double[] weights, long[] cannotLink) {
        parent = new int[records];
        size = new int[records];
        nextMember = new int[records];
        for (int i = 0; i < records; i++) {
            parent[i] = i;
            size[i] = 1;
            nextMember[i] = i;
        }
        neighbourStart = new int[records + 1];
        neighbours = new int[pairs.length * 2];
        neighbourWeights = new double[pairs.length * 2];
        fillAdjacency(pairs, weights, neighbourStart, neighbours, neighbourWeights);
        cannotStart = new int[records + 1];
        cannot = new int[cannotLink.length * 2];
        fillAdjacency(cannotLink, null, cannotStart, cannot, null);
    }

    private static void fillAdjacency(long[] pairs, double[] weights, int[] start, int[] targets, double[] targetWeights) {
        for (long pair : pairs) {
            start[Blocking.left(pair) + 1]++;
            start[Blocking.right(pair) + 1]++;
        }
        for (int i = 1; i < start.length; i++) {
            start[i] += start[i - 1];
        }
        int[] fill = Arrays.copyOf(start, start.length - 1);
        for (int p = 0; p < pairs.length; p++) {
            int a = Blocking.left(pairs[p]);
            int b = Blocking.right(pairs[p]);
            if (targetWeights != null) {
                targetWeights[fill[a]] = weights[p];
                targetWeights[fill[b]] = weights[p];
            }
            targets[fill[a]++] = b;
            targets[fill[b]++] = a;
        }
    }

    /**
     * Clusters the records.
     *
     * @param pairs every scored pair (left, right packed as in {@link Blocking})
     * @param weights their match weights
     * @param accepted which pairs are at or above the merge threshold
     * @param minMeanWeight the chain guard's minimum mean weight between two groups
     * @param mustLink pairs joined first regardless of score
     * @param cannotLink pairs whose records must end in different clusters
     * @return the outcome: a cluster id per record (its smallest member) and which accepted pairs the guard refused
     */
    static Outcome cluster(int records, long[] pairs, double[] weights, boolean[] accepted, double minMeanWeight,
                           long[] mustLink, long[] cannotLink) {
        Clustering clustering = new Clustering(records, pairs, weights, cannotLink);
        for (long pair : mustLink) {
            clustering.join(Blocking.left(pair), Blocking.right(pair), Double.NEGATIVE_INFINITY);
        }
        Integer[] order = new Integer[pairs.length];
        int count = 0;
        for (int p = 0; p < pairs.length; p++) {
            if (accepted[p]) {
                order[count++] = p;
            }
        }
        Integer[] acceptedPairs = Arrays.copyOf(order, count);
        Arrays.sort(acceptedPairs, (x, y) -> {
            int byWeight = Double.compare(weights[y], weights[x]);
            return byWeight != 0 ? byWeight : Long.compare(pairs[x], pairs[y]);
        });
        boolean[] refused = new boolean[pairs.length];
        for (int p : acceptedPairs) {
            if (!clustering.join(Blocking.left(pairs[p]), Blocking.right(pairs[p]), minMeanWeight)) {
                refused[p] = true;
            }
        }
        int[] clusterOf = new int[records];
        int[] smallest = new int[records];
        Arrays.fill(smallest, Integer.MAX_VALUE);
        for (int i = 0; i < records; i++) {
            int root = clustering.find(i);
            smallest[root] = Math.min(smallest[root], i);
        }
        for (int i = 0; i < records; i++) {
            clusterOf[i] = smallest[clustering.find(i)];
        }
        return new Outcome(clusterOf, refused);
    }

    /** A cluster id per record (the smallest record index of its cluster), and the accepted pairs refused by a guard. */
    record Outcome(int[] clusterOf, boolean[] refused) {
    }

    private int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** Joins the groups of a and b if no guard objects; true when they are (now) one group. */
    private boolean join(int a, int b, double minMeanWeight) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return true;
        }
        int small = size[ra] <= size[rb] ? ra : rb;
        int large = small == ra ? rb : ra;
        double total = 0;
        int scored = 0;
        int member = small;
        do {
            for (int i = cannotStart[member]; i < cannotStart[member + 1]; i++) {
                if (find(cannot[i]) == large) {
                    return false;
                }
            }
            for (int i = neighbourStart[member]; i < neighbourStart[member + 1]; i++) {
                if (find(neighbours[i]) == large) {
                    total += neighbourWeights[i];
                    scored++;
                }
            }
            member = nextMember[member];
        } while (member != small);
        if (scored > 0 && total / scored < minMeanWeight) {
            return false;
        }
        parent[small] = large;
        size[large] += size[small];
        int swap = nextMember[small];
        nextMember[small] = nextMember[large];
        nextMember[large] = swap;
        return true;
    }
}
