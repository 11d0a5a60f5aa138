package com.luckygas.customer;

import java.util.List;

/** A customer as a search result lists it: enough to recognise the caller; the rest is one GET away. */
public record CustomerSummary(long id, String code, String shortName, String invoiceTitle, List<String> phones,
                              String address, String area, String type, boolean active, boolean incomplete,
                              long version) {
}
