package com.luckygas.importer;

/** Why a row was not imported: skipped (not a delivery), duplicate, or rejected (wrong, reported). */
public enum Reason {
    BLANK_ROW(Kind.SKIPPED, "blank row"),
    SUBTOTAL_ROW(Kind.SKIPPED, "subtotal or total row"),
    NO_QUANTITIES(Kind.SKIPPED, "all quantities zero"),
    NOT_COMPLETED(Kind.SKIPPED, "status is not 'completed'"),
    DUPLICATE(Kind.DUPLICATE, "exact copy of an earlier row of the same sheet"),
    MISSING_CODE(Kind.REJECTED, "no customer code"),
    BAD_DATE(Kind.REJECTED, "unreadable date"),
    DATE_BEFORE_2000(Kind.REJECTED, "date before 2000"),
    DATE_IN_FUTURE(Kind.REJECTED, "date in the future"),
    BAD_TIME(Kind.REJECTED, "unreadable time"),
    BAD_QUANTITY(Kind.REJECTED, "unreadable quantity"),
    NEGATIVE_QUANTITY(Kind.REJECTED, "negative quantity"),
    QUANTITY_OVER_200(Kind.REJECTED, "more than 200 cylinders"),
    UNKNOWN_CLIENT(Kind.REJECTED, "client_id not in the clients table"),
    DUPLICATE_CODE(Kind.REJECTED, "customer code already on an earlier row"),
    BAD_VALUE(Kind.REJECTED, "unreadable value");

    public enum Kind { SKIPPED, DUPLICATE, REJECTED }

    public final Kind kind;
    public final String text;

    Reason(Kind kind, String text) {
        this.kind = kind;
        this.text = text;
    }
}
