package io.switchboard.mapping;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Phone numbers as events and Salesforce records write them: normalising to digits, comparing two numbers
 * whatever their formatting, and the exact forms a SOQL comparison should try when the search index has not
 * caught up with a record yet.
 */
public final class PhoneNumbers {
    private PhoneNumbers() {
    }

    /** {@code +39 333 123 4567}, {@code 0039 333 1234567} and {@code +393331234567} all give {@code 393331234567}. */
    public static PhoneNumber parse(String raw) {
        if (raw == null) {
            return new PhoneNumber("", false);
        }
        String text = raw.strip();
        String digits = text.replaceAll("\\D", "");
        if (text.startsWith("+")) {
            return new PhoneNumber(digits, true);
        }
        if (digits.startsWith("00") && text.startsWith("00")) {
            return new PhoneNumber(digits.substring(2), true);
        }
        return new PhoneNumber(digits, false);
    }

    public static boolean sameNumber(String left, String right) {
        return parse(left).sameAs(parse(right));
    }

    /**
     * The stored forms worth an exact SOQL comparison: the number as the event wrote it, its {@code +} form and its
     * bare digits. SOQL compares phone fields character by character, so other formattings are left to SOSL.
     */
    public static List<String> storedForms(String raw) {
        PhoneNumber number = parse(raw);
        Set<String> forms = new LinkedHashSet<>();
        if (raw != null && !raw.isBlank()) {
            forms.add(raw.strip());
        }
        if (number.searchable()) {
            forms.add(number.e164());
            forms.add(number.digits());
        }
        return List.copyOf(forms);
    }
}
