package com.custmaster.synth;

import static java.util.Objects.requireNonNull;

/**
 * A postal address held in both scripts, so that one source can write "朝阳区建国路88号" and
 * another "No. 88 Jianguo Road, Chaoyang District" for the same flat. For Western addresses both
 * forms are the same text.
 *
 * @param lineNative street line in the local script (Hanzi for Chinese addresses)
 * @param lineLatin  street line in Latin script
 * @param cityNative city in the local script ("北京市")
 * @param cityLatin  city in Latin script ("Beijing")
 * @param region     province ("广东省"), "香港", "台湾", a US state code, or "" when not used
 * @param postcode   postcode, "" where the territory has none (Hong Kong)
 * @param culture    the country the address is in
 */
record Address(String lineNative, String lineLatin, String cityNative, String cityLatin, String region,
        String postcode, Culture culture) {

    Address {
        requireNonNull(lineNative, "lineNative is null");
        requireNonNull(lineLatin, "lineLatin is null");
        requireNonNull(cityNative, "cityNative is null");
        requireNonNull(cityLatin, "cityLatin is null");
        requireNonNull(region, "region is null");
        requireNonNull(postcode, "postcode is null");
        requireNonNull(culture, "culture is null");
    }

    /** ISO-2 country code. */
    String country() {
        return culture.country();
    }
}
