package com.custmaster.report;

import static com.custmaster.html.Html.of;
import static java.util.Objects.requireNonNull;

import com.custmaster.html.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Charts as inline SVG, drawn on the server: the report opens from a file, offline, with no script
 * and no chart library. Every chart is an {@code <svg class="chart">} with an id, a {@code <title>}
 * and, per bar or point, a {@code <title>} tooltip with its exact value. Text goes through
 * {@link Html}, so a source or segment name cannot inject markup.
 */
final class Charts {

    /** Colours of series and bands, in order (readable on white, distinguishable in grey). */
    static final List<String> PALETTE = List.of("#2f6db5", "#e07b28", "#3a9a5b", "#b8433b", "#7a5ba6", "#8c6d46",
            "#c35f9c", "#6f7780", "#a8a23a", "#2aa3b5");

    private static final int WIDTH = 680;
    /** Margins of the plot area of charts with axes: room for the y ticks, the title line, the x ticks and label. */
    private static final int PLOT_LEFT = 56;
    private static final int PLOT_TOP = 28;
    private static final int PLOT_BOTTOM = 46;
    /** A column never gets wider than this (a trend of one or two runs stays a column, not a block). */
    private static final double MAX_COLUMN_WIDTH = 48;

    private Charts() {
    }

    /** A labelled value. */
    record Bar(String label, double value) {
        Bar {
            requireNonNull(label, "label is null");
        }
    }

    /** A named series of points. */
    record Series(String name, List<double[]> points) {
        Series {
            requireNonNull(name, "name is null");
            points = List.copyOf(points);
        }
    }

    /** Horizontal bars, one per label, longest value filling the width. */
    static Html.Safe horizontalBars(String id, String title, List<Bar> bars, DoubleFunction<String> format) {
        int labelWidth = 190;
        int valueWidth = 90;
        int row = 22;
        int height = 30 + row * Math.max(1, bars.size());
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        List<Html.Safe> parts = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double length = max <= 0 ? 0 : Math.max(0, bar.value()) / max * (WIDTH - labelWidth - valueWidth);
            double y = 24 + i * row;
            parts.add(of("<text x=\"%s\" y=\"%s\" text-anchor=\"end\" class=\"label\">%s</text>"
                            + "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"><title>%s: %s</title></rect>"
                            + "<text x=\"%s\" y=\"%s\" class=\"value\">%s</text>",
                    number(labelWidth - 6), number(y + 13), bar.label(), number(labelWidth), number(y), number(length),
                    number(row - 6), PALETTE.get(0), bar.label(), format.apply(bar.value()),
                    number(labelWidth + length + 4), number(y + 13), format.apply(bar.value())));
        }
        if (bars.isEmpty()) {
            parts.add(of("<text x=\"%s\" y=\"40\" class=\"label\">nothing to show</text>", number(labelWidth)));
        }
        return svg(id, title, height, Html.join(parts));
    }

    /** Vertical columns over an ordered axis (a histogram); {@code xLabel} under the axis. */
    static Html.Safe columns(String id, String title, List<Bar> bars, String xLabel, String yLabel) {
        int left = PLOT_LEFT;
        int top = PLOT_TOP;
        int height = 250;
        double plotWidth = WIDTH - left - 12;
        double plotHeight = height - top - PLOT_BOTTOM;
        double max = niceCeiling(bars.stream().mapToDouble(Bar::value).max().orElse(0));
        List<Html.Safe> parts = new ArrayList<>();
        parts.add(axes(left, top, plotWidth, plotHeight, max, yLabel));
        double slot = Math.min(MAX_COLUMN_WIDTH, plotWidth / Math.max(1, bars.size()));
        int labelEvery = Math.max(1, (int) Math.ceil(bars.size() / 16.0));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double barHeight = max <= 0 ? 0 : Math.max(0, bar.value()) / max * plotHeight;
            double x = left + i * slot;
            parts.add(of("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"><title>%s: %s</title></rect>",
                    number(x + 1), number(top + plotHeight - barHeight), number(Math.max(1, slot - 2)), number(barHeight),
                    PALETTE.get(0), bar.label(), whole(bar.value())));
            if (i % labelEvery == 0) {
                parts.add(of("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" class=\"tick\">%s</text>",
                        number(x + slot / 2), number(top + plotHeight + 14), bar.label()));
            }
        }
        parts.add(xAxisLabel(left, plotWidth, height, xLabel));
        return svg(id, title, height, Html.join(parts));
    }

    /**
     * Lines through points; x and y from 0 to {@code xMax}, {@code yMax}. With {@code diagonal}, a
     * dashed line from (0, 0) to the top right (the Pareto curve's line of equality).
     */
    static Html.Safe lines(String id, String title, List<Series> series, double xMax, double yMax, String xLabel,
                           String yLabel, boolean diagonal, DoubleFunction<String> format) {
        int left = PLOT_LEFT;
        int top = PLOT_TOP;
        int height = 300;
        double plotWidth = WIDTH - left - 150;
        double plotHeight = height - top - PLOT_BOTTOM;
        List<Html.Safe> parts = new ArrayList<>();
        parts.add(axes(left, top, plotWidth, plotHeight, yMax, yLabel, format));
        for (int t = 0; t <= 4; t++) {
            double x = left + plotWidth * t / 4;
            parts.add(of("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" class=\"tick\">%s</text>", number(x),
                    number(top + plotHeight + 14), format.apply(xMax * t / 4)));
        }
        if (diagonal) {
            parts.add(of("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" class=\"reference\"/>", number(left),
                    number(top + plotHeight), number(left + plotWidth), number(top)));
        }
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            String colour = PALETTE.get(s % PALETTE.size());
            StringBuilder path = new StringBuilder();
            List<Html.Safe> dots = new ArrayList<>();
            for (double[] point : line.points()) {
                double x = left + (xMax <= 0 ? 0 : point[0] / xMax) * plotWidth;
                double y = top + plotHeight - (yMax <= 0 ? 0 : point[1] / yMax) * plotHeight;
                path.append(path.length() == 0 ? "M" : " L").append(number(x)).append(' ').append(number(y));
                dots.add(of("<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"><title>%s: %s, %s</title></circle>", number(x),
                        number(y), colour, line.name(), format.apply(point[0]), format.apply(point[1])));
            }
            parts.add(of("<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", path.toString(), colour));
            parts.addAll(dots);
            parts.add(of("<rect x=\"%s\" y=\"%s\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%s\" y=\"%s\" class=\"label\">%s</text>",
                    number(left + plotWidth + 14), number(top + 4 + s * 18), colour, number(left + plotWidth + 28),
                    number(top + 13 + s * 18), line.name()));
        }
        parts.add(xAxisLabel(left, plotWidth, height, xLabel));
        return svg(id, title, height, Html.join(parts));
    }

    /**
     * One 100% bar per row, split into the categories' shares (in [0, 1]), with a legend: for
     * example the value bands' share of customers and of revenue, side by side.
     */
    static Html.Safe stackedShares(String id, String title, List<String> categories, List<String> rows,
                                   List<List<Double>> shares) {
        int labelWidth = 150;
        int row = 34;
        int legendRows = 1;
        double legendWidth = labelWidth;
        for (String category : categories) {
            double item = 28 + 7 * category.length();
            if (legendWidth + item > WIDTH && legendWidth > labelWidth) {
                legendRows++;
                legendWidth = labelWidth;
            }
            legendWidth += item;
        }
        int height = 30 + row * rows.size() + 18 * legendRows;
        double plotWidth = WIDTH - labelWidth - 20;
        List<Html.Safe> parts = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            double y = 20 + r * row;
            parts.add(of("<text x=\"%s\" y=\"%s\" text-anchor=\"end\" class=\"label\">%s</text>", number(labelWidth - 6),
                    number(y + 17), rows.get(r)));
            double x = labelWidth;
            for (int c = 0; c < categories.size(); c++) {
                Double share = shares.get(r).get(c);
                double width = share == null ? 0 : Math.max(0, share) * plotWidth;
                parts.add(of("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"><title>%s, %s: %s</title></rect>",
                        number(x), number(y), number(width), number(row - 8), PALETTE.get(c % PALETTE.size()), rows.get(r),
                        categories.get(c), share == null ? "n/a" : percent(share)));
                x += width;
            }
        }
        double legendY = 30 + rows.size() * row;
        double legendX = labelWidth;
        for (int c = 0; c < categories.size(); c++) {
            double item = 28 + 7 * categories.get(c).length();
            if (legendX + item > WIDTH && legendX > labelWidth) {
                legendX = labelWidth;
                legendY += 18;
            }
            parts.add(of("<rect x=\"%s\" y=\"%s\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%s\" y=\"%s\" class=\"label\">%s</text>",
                    number(legendX), number(legendY), PALETTE.get(c % PALETTE.size()), number(legendX + 14),
                    number(legendY + 9), categories.get(c)));
            legendX += item;
        }
        return svg(id, title, height, Html.join(parts));
    }

    private static Html.Safe xAxisLabel(int left, double plotWidth, int height, String label) {
        return of("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" class=\"axis-label\">%s</text>",
                number(left + plotWidth / 2), number(height - 8), label);
    }

    private static Html.Safe axes(int left, int top, double plotWidth, double plotHeight, double max, String yLabel) {
        return axes(left, top, plotWidth, plotHeight, max, yLabel, Charts::whole);
    }

    private static Html.Safe axes(int left, int top, double plotWidth, double plotHeight, double max, String yLabel,
                                  DoubleFunction<String> format) {
        List<Html.Safe> parts = new ArrayList<>();
        for (int t = 0; t <= 4; t++) {
            double y = top + plotHeight - plotHeight * t / 4;
            parts.add(of("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" class=\"grid\"/>"
                            + "<text x=\"%s\" y=\"%s\" text-anchor=\"end\" class=\"tick\">%s</text>",
                    number(left), number(y), number(left + plotWidth), number(y), number(left - 4), number(y + 4),
                    format.apply(max * t / 4)));
        }
        parts.add(of("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" class=\"axis\"/>", number(left), number(top + plotHeight),
                number(left + plotWidth), number(top + plotHeight)));
        parts.add(of("<text x=\"%s\" y=\"%s\" class=\"axis-label\">%s</text>", number(left - 40), number(top - 10), yLabel));
        return Html.join(parts);
    }

    private static Html.Safe svg(String id, String title, int height, Html.Safe body) {
        return of("<figure><figcaption>%s</figcaption><svg id=\"%s\" class=\"chart\" role=\"img\" aria-label=\"%s\" "
                        + "width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\"><title>%s</title>%s</svg></figure>", title, id,
                title, number(WIDTH), number(height), number(WIDTH), number(height), title, body);
    }

    /** The smallest 1, 2, 2.5 or 5 times a power of ten at or above {@code value} (a readable axis end); 0 stays 0. */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 0;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value * (1 - 1e-12)) {
                return step * power;
            }
        }
        return 10 * power;
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String whole(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
