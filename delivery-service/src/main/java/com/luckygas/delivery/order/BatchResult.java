package com.luckygas.delivery.order;

/** How many orders a batch changed. */
public record BatchResult(int updated) {
}
