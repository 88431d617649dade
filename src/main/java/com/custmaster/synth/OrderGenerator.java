package com.custmaster.synth;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The orders feed (orders/orders.csv), made so that customer-value analytics have something to find:
 * most customers buy one to five times, a minority often and much (the top fifth make roughly three
 * quarters of revenue), some never buy, a fifth stopped a year before the as-of date. A person's
 * orders are spread over the ids their sources gave them, and a few go to ids the pipeline rejects.
 */
final class OrderGenerator {

    static final LocalDate FIRST_DAY = LocalDate.of(2025, 3, 1);
    static final LocalDate LAST_DAY = SampleDataGenerator.AS_OF;
    /** Churned customers place their last order before this day (a year before the as-of date). */
    static final LocalDate CHURN_CUTOFF = LAST_DAY.minusYears(1);

    /** Units of each currency per pound: ticket sizes are drawn in GBP and converted. */
    static final Map<String, Double> PER_GBP = Map.of("GBP", 1.0, "USD", 1.27, "EUR", 1.17, "CNY", 9.2);

    /** Kind of buyer a person is; kept for the statistics printed by the generator. */
    enum Tier {
        NONE,
        LIGHT,
        MEDIUM,
        HEAVY
    }

    /**
     * What was decided for one person.
     *
     * @param personId the person
     * @param tier     buying intensity
     * @param churned  true if the person stopped buying before {@link #CHURN_CUTOFF}
     */
    record Profile(String personId, Tier tier, boolean churned) {
    }

    private final Dice dice;
    private final List<Profile> profiles = new ArrayList<>();

    OrderGenerator(Dice dice) {
        this.dice = dice;
    }

    List<Profile> profiles() {
        return List.copyOf(profiles);
    }

    /** Orders of all persons, sorted by time, with ids ORD-0000001… in that order. */
    List<Order> generate(List<Person> persons, Map<String, List<SourceRow>> rowsByPerson) {
        List<Order> orders = new ArrayList<>();
        for (Person person : persons) {
            List<SourceRow> refs = rowsByPerson.getOrDefault(person.personId(), List.of()).stream()
                    .filter(row -> row.defect() != Defect.MALFORMED_ROW).toList();
            if (refs.isEmpty() || !dice.chance(0.92)) {
                profiles.add(new Profile(person.personId(), Tier.NONE, false));
                continue;
            }
            orders.addAll(ordersOf(person, refs));
        }
        orders.sort(Comparator.comparing(Order::orderedAt).thenComparing(Order::customerRef)
                .thenComparing(Order::amount).thenComparing(Order::status));
        List<Order> numbered = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            numbered.add(orders.get(i).withOrderId(String.format(Locale.ROOT, "ORD-%07d", i + 1)));
        }
        return numbered;
    }

    private List<Order> ordersOf(Person person, List<SourceRow> refs) {
        double r = dice.uniform();
        Tier tier = r < 0.60 ? Tier.LIGHT : r < 0.87 ? Tier.MEDIUM : Tier.HEAVY;
        int count = switch (tier) {
            case LIGHT -> dice.weighted(List.of(1, 2, 3, 4, 5), new double[] {35, 25, 18, 12, 10});
            case MEDIUM -> dice.between(6, 20);
            default -> Math.min(150, 21 + (int) dice.logNormal(StrictMath.log(15), 0.6));
        };
        double ticketGbp = switch (tier) {
            case LIGHT -> dice.logNormal(StrictMath.log(40), 0.6);
            case MEDIUM -> dice.logNormal(StrictMath.log(60), 0.6);
            default -> dice.logNormal(StrictMath.log(70), 0.6);
        };
        boolean churned = dice.chance(0.2);
        LocalDate start;
        LocalDate end;
        if (churned) {
            start = dice.date(FIRST_DAY, CHURN_CUTOFF.minusMonths(3));
            end = dice.date(start.plusDays(1), CHURN_CUTOFF.minusDays(1));
        } else if (tier == Tier.LIGHT) {
            start = dice.date(FIRST_DAY, LAST_DAY);
            end = LAST_DAY;
        } else {
            start = dice.date(FIRST_DAY, LocalDate.of(2026, 3, 1));
            end = LAST_DAY;
        }
        profiles.add(new Profile(person.personId(), tier, churned));
        double[] weights = new double[refs.size()];
        int primary = dice.between(0, refs.size() - 1);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = refs.get(i).defect() != Defect.NONE ? 0.5 : i == primary ? 4 : 1;
        }
        double sameDayRate = switch (tier) {
            case HEAVY -> 0.12;
            case MEDIUM -> 0.06;
            default -> 0.03;
        };
        String currency = person.culture().currency();
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate day = dice.date(start, end);
            int onThisDay = dice.chance(sameDayRate) ? dice.between(2, 3) : 1;
            for (int k = 0; k < onThisDay; k++) {
                SourceRow ref = dice.weighted(refs, weights);
                BigDecimal amount = amount(ticketGbp * dice.logNormal(0, 0.5), currency);
                LocalDateTime at = LocalDateTime.of(day, dice.daytime());
                Order order = new Order("?", ref.source(), ref.recordId(), person.personId(), at, amount, currency,
                        "completed");
                orders.add(order);
                if (dice.chance(0.04)) {
                    LocalDate returnDay = day.plusDays(dice.between(1, 30));
                    if (!returnDay.isAfter(LAST_DAY)) {
                        BigDecimal refund = dice.chance(0.7) ? amount
                                : amount.multiply(BigDecimal.valueOf(dice.between(20, 80)))
                                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                        orders.add(new Order("?", ref.source(), ref.recordId(), person.personId(),
                                LocalDateTime.of(returnDay, dice.daytime()), refund.negate(), currency, "returned"));
                    }
                }
            }
        }
        return orders;
    }

    private BigDecimal amount(double gbp, String currency) {
        double value = Math.max(1.0, gbp * PER_GBP.get(currency));
        BigDecimal amount = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        if (currency.equals("CNY") && dice.chance(0.3)) {
            amount = amount.setScale(0, RoundingMode.HALF_UP).setScale(2, RoundingMode.UNNECESSARY);
        }
        return amount;
    }
}
