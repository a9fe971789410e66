package io.switchboard.mapping;

/**
 * A phone number reduced to its digits, remembering whether it was written with its country code ({@code +39 ...}
 * or {@code 0039 ...}). Formatting never matters: {@code +39 333 123 4567} is {@code +393331234567}.
 */
public record PhoneNumber(String digits, boolean international) {
    /** Fewer digits than this is no phone number: too short to search for, or to match by its ending. */
    public static final int MIN_DIGITS = 7;

    /** Searchable: enough digits that a match means the same number, not a coincidence. */
    public boolean searchable() {
        return digits.length() >= MIN_DIGITS;
    }

    /**
     * Same number: equal digits, or, when only one side carries a country code, the international digits end
     * with the national ones (less their trunk zero, as in UK {@code 020 ...} for {@code +44 20 ...}).
     */
    public boolean sameAs(PhoneNumber other) {
        if (!searchable() || !other.searchable()) {
            return false;
        }
        if (digits.equals(other.digits) || international == other.international) {
            return digits.equals(other.digits);
        }
        PhoneNumber national = international ? other : this;
        PhoneNumber full = international ? this : other;
        String significant = national.digits.replaceFirst("^0+", "");
        return significant.length() >= MIN_DIGITS && full.digits.endsWith(significant);
    }

    /** {@code +393331234567} for international numbers, the bare digits otherwise. */
    public String e164() {
        return international ? "+" + digits : digits;
    }
}
