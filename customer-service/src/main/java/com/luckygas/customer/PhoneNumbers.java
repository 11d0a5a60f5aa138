package com.luckygas.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Taiwan phone numbers in one form. {@code 0912-345-678}, {@code 0912 345 678},
 * {@code +886 912 345 678} and {@code 0912345678} are one number, stored and searched as the
 * national digits {@code 0912345678}; landlines keep their area code ({@code 0223456789}).
 * Validation is libphonenumber's, so a number that cannot exist in Taiwan is refused.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The national digits of a valid Taiwan number, or empty when it is not one. */
    public static Optional<String> normalise(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 30) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(raw, "TW");
            if (!UTIL.isValidNumberForRegion(number, "TW")) {
                return Optional.empty();
            }
            String national = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL).replaceAll("\\D", "");
            return Optional.of(national);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The end of a number as a caller gives it ({@code 876543}, {@code 87-65-43}, full-width
     * {@code ８７６５４３}): its 6 to 10 digits, or empty when the text is anything else.
     */
    public static Optional<String> ending(String raw) {
        if (raw == null || raw.length() > 30) {
            return Optional.empty();
        }
        String digits = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC).replaceAll("[\\s()\\-.]", "");
        return digits.matches("[0-9]{6,10}") ? Optional.of(digits) : Optional.empty();
    }
}
