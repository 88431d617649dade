package com.custmaster.normalize;

/**
 * A normalised phone number.
 *
 * @param e164 the number in E.164 ("+8613800138000"), or null when it cannot be a phone number
 * @param extension the extension, or null
 * @param raw the value as the source wrote it
 * @param valid true when the number is in a range libphonenumber knows to be assigned; a possible
 *              but unassigned number keeps its E.164 form and is flagged by the caller
 */
public record PhoneNumber(String e164, String extension, String raw, boolean valid) {
}
