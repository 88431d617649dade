package com.custmaster.domain;

/**
 * What normalising one raw record yields: a staged {@link Contact} or a {@link Rejection}. Sealed,
 * so every record read ends in exactly one of the two stores.
 */
public sealed interface StagingOutcome permits Contact, Rejection {
}
