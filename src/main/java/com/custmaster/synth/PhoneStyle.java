package com.custmaster.synth;

/**
 * The ways the sources write one and the same telephone number. A phone is stored once as digits
 * (see {@link Phone}); each source writes it in its own mix of these styles, which is what the
 * pipeline's phone normaliser has to undo.
 */
enum PhoneStyle {
    /** {@code +86 138 0013 8000}, {@code +44 7700 900123}, {@code +1 212-555-0123}. */
    INTERNATIONAL,
    /** {@code +8613800138000}. */
    INTERNATIONAL_COMPACT,
    /** {@code 0086 13800138000}. */
    INTERNATIONAL_00,
    /** {@code 0086-138-0013-8000}. */
    INTERNATIONAL_00_DASHED,
    /** {@code 138 0013 8000}, {@code 07700 900123}, {@code 010-62345678}, {@code (212) 555-0123}. */
    NATIONAL,
    /** {@code 13800138000}, {@code 07700900123}. */
    NATIONAL_COMPACT,
    /** {@code 138-0013-8000}, {@code 212-555-0123}. */
    NATIONAL_DASHED,
    /** {@code +44 (0)7700 900123}; falls back to {@link #INTERNATIONAL} where there is no trunk 0. */
    TRUNK_IN_BRACKETS,
    /** {@code (0)7700 900123}; falls back to {@link #NATIONAL} where there is no trunk 0. */
    BARE_TRUNK_IN_BRACKETS,
    /** {@code 86-13800138000}, as an old ERP stored it. */
    CODE_DASH
}
