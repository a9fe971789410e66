package io.switchboard.emulator.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One word or quoted phrase of a SOSL search term. Like the search index, it compares words: the unit's words
 * must appear one after the other among a field's words, letter case aside, {@code *} standing for any run of
 * letters and digits inside a word.
 *
 * @param text the unit's characters, {@link #WILDCARD} marking each unescaped {@code *}
 */
record SearchUnit(String text, List<Pattern> words) {
    static final char WILDCARD = '\uFFFF';

    SearchUnit {
        words = List.copyOf(words);
    }

    static SearchUnit of(String text) {
        List<Pattern> words = new ArrayList<>();
        for (String word : split(text)) {
            StringBuilder regex = new StringBuilder();
            for (char c : word.toCharArray()) {
                regex.append(c == WILDCARD ? "[\\p{L}\\p{N}]*" : Pattern.quote(String.valueOf(c)));
            }
            words.add(Pattern.compile(regex.toString()));
        }
        return new SearchUnit(text, words);
    }

    /** The words of a field value, in lower case, as the index splits them. */
    static List<String> wordsOf(String value) {
        return split(value);
    }

    /** Letters and digits in the unit: Salesforce refuses a search where no unit has two of them. */
    int significantLength() {
        return (int) text.chars().filter(Character::isLetterOrDigit).count();
    }

    String digits() {
        return text.chars().filter(Character::isDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    boolean matches(List<String> fieldWords) {
        if (words.isEmpty()) {
            return false;
        }
        for (int start = 0; start + words.size() <= fieldWords.size(); start++) {
            if (matchesAt(fieldWords, start)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesAt(List<String> fieldWords, int start) {
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).matcher(fieldWords.get(start + i)).matches()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == WILDCARD) {
                word.append(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
