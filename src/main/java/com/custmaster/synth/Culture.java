package com.custmaster.synth;

/**
 * Where a synthetic person lives. It is the first choice made for a person because it decides the
 * script of the name, the telephone plan, the address style and the currency of the orders.
 */
public enum Culture {
    MAINLAND("CN", "86", "CNY", true),
    HONG_KONG("HK", "852", "CNY", true),
    TAIWAN("TW", "886", "CNY", true),
    UK("GB", "44", "GBP", false),
    US("US", "1", "USD", false),
    GERMANY("DE", "49", "EUR", false);

    private final String country;
    private final String callingCode;
    private final String currency;
    private final boolean chinese;

    Culture(String country, String callingCode, String currency, boolean chinese) {
        this.country = country;
        this.callingCode = callingCode;
        this.currency = currency;
        this.chinese = chinese;
    }

    /** ISO 3166-1 alpha-2 code, as the sources write it (the CRM sometimes writes "UK" for GB). */
    String country() {
        return country;
    }

    /** International calling code without "+". */
    String callingCode() {
        return callingCode;
    }

    /** Currency of this person's orders (the brief: CNY for every Chinese person). */
    String currency() {
        return currency;
    }

    /** True for persons whose name is written in Hanzi in at least some sources. */
    public boolean chinese() {
        return chinese;
    }
}
