package com.custmaster.normalize;

/**
 * A person's name after normalisation.
 *
 * @param fullName display form ("张伟", "John Smith")
 * @param givenName given name(s), or null
 * @param familyName family name, or null
 * @param key romanised, lower-case tokens in sorted order, so that "张伟", "張偉", "Zhang Wei" and
 *            "WEI, Zhang" share one key ("wei zhang"); null when there is no name
 */
public record PersonName(String fullName, String givenName, String familyName, String key) {

    public static final PersonName EMPTY = new PersonName(null, null, null, null);

    public boolean isEmpty() {
        return key == null;
    }
}
