package io.switchboard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void shouldEscapeEveryValueBetweenTagsAndInAttributes() {
        Html page = Html.of("<p title=\"{}\">{}</p>", "\" onmouseover='x'", "<script>alert(1)</script> & more");
        assertEquals("<p title=\"&quot; onmouseover=&#39;x&#39;\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>",
                page.toString());
    }

    @Test
    void shouldKeepMarkupItWasGivenAsMarkupAndEscapeTextOnce() {
        Html inner = Html.of("<b>{}</b>", "a<b");
        assertEquals("<p><b>a&lt;b</b> &amp;amp;</p>", Html.of("<p>{} {}</p>", inner, "&amp;").toString());
        assertEquals("<i>x</i><i>y</i>", Html.join(List.of(Html.markup("<i>x</i>"), Html.markup("<i>y</i>"))).toString());
        assertEquals("&lt;&gt;", Html.text("<>").toString());
        assertEquals("<p></p>", Html.of("<p>{}</p>", (Object) null).toString());
    }

    @Test
    void shouldRefuseATemplateWhoseValuesDoNotMatchItsPlaces() {
        assertThrows(IllegalArgumentException.class, () -> Html.of("<p>{}</p>"));
        assertThrows(IllegalArgumentException.class, () -> Html.of("<p></p>", "x"));
    }
}
