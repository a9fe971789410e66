package io.switchboard.behaviours.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting comment text by UTF-8 bytes, as Salesforce measures a CaseComment. */
class SplitByUtf8BytesTest {

    @Test
    void shouldKeepTextWithinTheLimitWhole() {
        assertEquals(List.of("é".repeat(2000)), SplitByUtf8Bytes.split("é".repeat(2000), 4000));
    }

    @Test
    void shouldNeverCutACharacterThatTakesTwoJavaChars() {
        String emoji = "🙂".repeat(1001);
        List<String> pieces = SplitByUtf8Bytes.split(emoji, 4002);
        assertEquals(List.of("🙂".repeat(1000), "🙂"), pieces);
    }

    @Test
    void shouldEndAPieceAfterTheLastSpaceNearTheLimit() {
        String text = "a".repeat(3990) + " " + "b".repeat(20);
        assertEquals(List.of("a".repeat(3990) + " ", "b".repeat(20)), SplitByUtf8Bytes.split(text, 4000));
    }

    @Test
    void shouldCutAtTheLimitWhenNoSpaceIsNear() {
        String text = "c".repeat(3000) + " " + "d".repeat(1500);
        List<String> pieces = SplitByUtf8Bytes.split(text, 4000);
        assertEquals(4000, pieces.get(0).getBytes(StandardCharsets.UTF_8).length);
        assertEquals(text, String.join("", pieces));
    }

    @Test
    void shouldGiveOneEmptyPieceForEmptyText() {
        assertEquals(List.of(""), SplitByUtf8Bytes.split("", 4000));
    }

    @Test
    void shouldKeepEveryPieceOfMixedTextWithinTheLimit() {
        String text = "Grüße für € und 🙂 ".repeat(600);
        List<String> pieces = SplitByUtf8Bytes.split(text, 4000);
        pieces.forEach(piece -> assertTrue(piece.getBytes(StandardCharsets.UTF_8).length <= 4000));
        assertEquals(text, String.join("", pieces));
    }
}
