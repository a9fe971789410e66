package io.switchboard.console;

import static io.switchboard.console.Html.of;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The 24-hour API usage of a connection as an SVG line, drawn on the server: no script, nothing to load. */
final class UsageChart {
    private static final int WIDTH = 600;
    private static final int HEIGHT = 120;

    private UsageChart() {
    }

    static Html render(List<ApiUsageHistory.Sample> samples, Instant now) {
        if (samples.isEmpty()) {
            return Html.markup("<p class=\"chart-empty\">No usage reported yet: Salesforce reports it on each call.</p>");
        }
        long max = samples.stream().mapToLong(ApiUsageHistory.Sample::max).max().orElse(1);
        Instant start = now.minus(ApiUsageHistory.KEPT);
        StringBuilder points = new StringBuilder();
        for (ApiUsageHistory.Sample sample : samples) {
            double x = WIDTH * (double) Duration.between(start, sample.at()).toMillis() / ApiUsageHistory.KEPT.toMillis();
            double y = HEIGHT - HEIGHT * (double) sample.used() / Math.max(1, max);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", Math.max(0, x), Math.max(0, y)));
        }
        return of("""
                <svg class="usage" viewBox="0 0 {} {}" width="{}" height="{}" role="img" aria-label="API requests used \
                over the last 24 hours, of {} a day">
                <rect x="0" y="0" width="{}" height="{}" class="frame"/>
                <polyline points="{}" class="line"/></svg>
                <p class="chart-axis">last 24 hours (UTC, left {} · right now); top of the chart: {} requests a day</p>
                """, WIDTH, HEIGHT, WIDTH, HEIGHT, max, WIDTH, HEIGHT, points.toString().strip(), start, max);
    }
}
