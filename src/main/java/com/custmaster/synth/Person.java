package com.custmaster.synth;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * The truth about one synthetic human being, from which every source record about them is derived.
 * The sources never see this record directly; they see it through their own conventions and errors.
 *
 * @param personId        "P00001"
 * @param culture         where the person lives
 * @param gender          chosen first, so names and salutations agree
 * @param familyName      family name in the person's own script (simplified Hanzi for Chinese persons)
 * @param givenName       given name in the person's own script
 * @param familyLatin     romanised family name: toneless pinyin ("Ouyang") or the Latin name
 * @param givenLatin      romanised given name ("Xiaoming", "Jia'en") or the Latin name
 * @param englishName     an English given name a Chinese person also uses ("David"), or null
 * @param traditional     true if the person writes the name in traditional script (Hong Kong, Taiwan)
 * @param maidenName      family name (Latin) before marriage, or null; records older than
 *                        {@code marriedOn} carry it
 * @param marriedOn       date of the name change, or null
 * @param birthDate       date of birth, or null when no source knows it
 * @param email           personal (or work) e-mail address, or null
 * @param mobile          mobile number (always present; sources may omit it)
 * @param landline        home landline, shared by a household, or null
 * @param address         current address
 * @param previousAddress address before moving, or null; records older than {@code movedOn} carry it
 * @param movedOn         moving date, or null
 * @param company         employer, or null
 * @param hardCase        label of the hard case the person belongs to ("namesake:张伟",
 *                        "household:H07", "twins:T02", "colleagues:NORTHWIND", ...), or "" for none
 */
record Person(String personId, Culture culture, Gender gender, String familyName, String givenName,
        String familyLatin, String givenLatin, String englishName, boolean traditional, String maidenName,
        LocalDate marriedOn, LocalDate birthDate, String email, Phone mobile, Phone landline, Address address,
        Address previousAddress, LocalDate movedOn, Company company, String hardCase) {

    Person {
        requireNonNull(personId, "personId is null");
        requireNonNull(culture, "culture is null");
        requireNonNull(gender, "gender is null");
        requireNonNull(familyName, "familyName is null");
        requireNonNull(givenName, "givenName is null");
        requireNonNull(familyLatin, "familyLatin is null");
        requireNonNull(givenLatin, "givenLatin is null");
        requireNonNull(mobile, "mobile is null");
        requireNonNull(address, "address is null");
        requireNonNull(hardCase, "hardCase is null");
        if ((maidenName == null) != (marriedOn == null)) {
            throw new IllegalArgumentException("maidenName and marriedOn go together for " + personId);
        }
        if ((previousAddress == null) != (movedOn == null)) {
            throw new IllegalArgumentException("previousAddress and movedOn go together for " + personId);
        }
    }

    /** Romanised family name as it was on the given day (before a marriage: the maiden name). */
    String familyLatinAt(LocalDate day) {
        return maidenName != null && day.isBefore(marriedOn) ? maidenName : familyLatin;
    }

    /** Address as it was on the given day. */
    Address addressAt(LocalDate day) {
        return previousAddress != null && day.isBefore(movedOn) ? previousAddress : address;
    }
}
