package org.rentrecovery.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.rentrecovery.contract.StrictJson.StrictLocalDateDeserializer;

/**
 * A case's dates are read by hand (shape, then LocalDate.of) where they were read by a regex and a strict
 * {@code uuuu-MM-dd} formatter: the same texts have the shape, and the same of them are calendar dates, the same dates.
 */
class StrictJsonDatesTest {
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    @Test
    void everyMonthAndDayFieldOfSeveralYearsReadsAsTheStrictFormatterReadIt() {
        List<String> texts = new ArrayList<>();
        for (String year : List.of("0000", "0001", "1899", "1900", "1999", "2000", "2023", "2024", "2100", "2101", "9999")) {
            for (int month = 0; month <= 99; month++) {
                for (int day = 0; day <= 99; day++) {
                    texts.add(String.format("%s-%02d-%02d", year, month, day));
                }
            }
        }
        int dates = 0;
        for (String text : texts) {
            assertThat(StrictLocalDateDeserializer.hasDateShape(text)).as(text).isTrue();
            LocalDate expected;
            try {
                expected = LocalDate.parse(text, STRICT);
            } catch (DateTimeParseException e) {
                expected = null;
            }
            assertThat(StrictLocalDateDeserializer.calendarDate(text)).as(text).isEqualTo(expected);
            dates += expected == null ? 0 : 1;
        }
        assertThat(dates).isEqualTo(3 * 366 + 8 * 365); // of the eleven years, 0000, 2000 and 2024 are leap years
    }

    @Test
    void theShapeIsThePatternsOnEveryText() {
        List<String> texts = List.of("2026-11-23", "2026-1-23", "2026-11-3", "20261123", "2026/11/23", "2026-11-23 ", " 2026-11-23",
                "+2026-11-23", "-026-11-23", "2026-11-2a", "２０２６-11-23", "2026-١١-23", "", "2026-11-233", "12026-11-23",
                "2026--1-23", "2026-11-+3", "2026-11-23T00:00");
        for (String text : texts) {
            assertThat(StrictLocalDateDeserializer.hasDateShape(text)).as(text).isEqualTo(SHAPE.matcher(text).matches());
        }
    }
}
