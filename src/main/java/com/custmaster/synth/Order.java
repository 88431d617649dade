package com.custmaster.synth;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One line of orders.csv. A return is its own line with a negative amount, as the orders feed
 * delivers refunds.
 *
 * @param orderId     "ORD-0000001"
 * @param source      the system the customer reference belongs to
 * @param customerRef that source's record id
 * @param personId    who really placed it (kept for statistics, not written to orders.csv)
 * @param orderedAt   order time
 * @param amount      two decimals, negative for a return
 * @param currency    CNY, GBP, USD or EUR
 * @param status      "completed" or "returned"
 */
record Order(String orderId, Source source, String customerRef, String personId, LocalDateTime orderedAt,
        BigDecimal amount, String currency, String status) {

    Order {
        requireNonNull(orderId, "orderId is null");
        requireNonNull(source, "source is null");
        requireNonNull(customerRef, "customerRef is null");
        requireNonNull(personId, "personId is null");
        requireNonNull(orderedAt, "orderedAt is null");
        requireNonNull(amount, "amount is null");
        requireNonNull(currency, "currency is null");
        requireNonNull(status, "status is null");
    }

    Order withOrderId(String id) {
        return new Order(id, source, customerRef, personId, orderedAt, amount, currency, status);
    }
}
