package com.custmaster.synth;

/** Chosen before a given name so that names, salutations and twins stay plausible. */
enum Gender {
    MALE,
    FEMALE
}
