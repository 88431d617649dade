-- Why a pair scored as it did: each comparison's field, level and weight in bits, in the order of
-- conf/matching.yml, as "field=level:weight" joined by "; " (for example
-- "family_key=exact:+5.61; given_key=jaro_winkler_0.92:+7.02; phone=missing:+0.00").
-- With the run's prior (var/reports/<date>/match_model.json) the weights add up to match_weight.
ALTER TABLE match_pair ADD COLUMN evidence VARCHAR(4000);
