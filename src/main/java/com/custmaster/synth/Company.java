package com.custmaster.synth;

import static java.util.Objects.requireNonNull;

/**
 * An employer. Its switchboard number is shared by every contact who works there, which is the
 * trap the sample data sets: the same phone number does not make the same person.
 *
 * @param key         short stable name used in the truth ("NORTHWIND")
 * @param culture     the country the company is in
 * @param nativeName  name in the local script ("上海华信贸易有限公司"); equals latinName for Western firms
 * @param latinName   name in Latin script; some contain commas ("Northwind Logistics, Ltd.")
 * @param cityLatin   city of the head office, decides the switchboard's area code
 * @param emailDomain domain of work e-mail addresses
 * @param switchboard the company's main number
 */
record Company(String key, Culture culture, String nativeName, String latinName, String cityLatin,
        String emailDomain, Phone switchboard) {

    Company {
        requireNonNull(key, "key is null");
        requireNonNull(culture, "culture is null");
        requireNonNull(nativeName, "nativeName is null");
        requireNonNull(latinName, "latinName is null");
        requireNonNull(cityLatin, "cityLatin is null");
        requireNonNull(emailDomain, "emailDomain is null");
        requireNonNull(switchboard, "switchboard is null");
    }
}
