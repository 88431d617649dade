package com.custmaster.analytics;

/**
 * How one candidate k scored when the job chose the number of K-means segments.
 *
 * <p>Why it is kept: the run summary lists every candidate, so a reader can see why k was chosen
 * (or why no k qualified) without rerunning the job.
 *
 * @param k number of clusters asked for
 * @param silhouette silhouette on the selection sample, in [-1, 1]; NaN when fewer than two
 *     clusters came out
 * @param smallestClusterShare share of the sample in the smallest of the k clusters (0 when K-means
 *     returned fewer than k clusters)
 * @param eligible whether the smallest cluster reached {@code minClusterShare} and the silhouette
 *     is defined
 */
public record KCandidate(int k, double silhouette, double smallestClusterShare, boolean eligible) {

    public KCandidate {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (!Double.isNaN(silhouette) && (silhouette < -1.0 - 1e-9 || silhouette > 1.0 + 1e-9)) {
            throw new IllegalArgumentException("silhouette must be in [-1, 1] or NaN, got " + silhouette);
        }
        if (!(smallestClusterShare >= 0.0 && smallestClusterShare <= 1.0)) {
            throw new IllegalArgumentException("smallestClusterShare must be in [0, 1], got " + smallestClusterShare);
        }
        if (eligible && Double.isNaN(silhouette)) {
            throw new IllegalArgumentException("k=" + k + " cannot be eligible without a silhouette");
        }
    }
}
