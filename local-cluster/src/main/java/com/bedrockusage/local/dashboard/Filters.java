package com.bedrockusage.local.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What the user narrowed the view to: a UTC range {@code [from, to)} and optional account, model,
 * app, caller and {@code requestMetadata} tag ({@code tag=KEY:VALUE}). The same names are the
 * page's URL parameters.
 */
public record Filters(
        Instant from,
        Instant to,
        String account,
        String model,
        String app,
        String caller,
        String tagKey,
        String tagValue) {

    static final long MAX_RANGE_DAYS = 3660;

    /**
     * @param defaultFrom used when the query has no {@code from}; {@code defaultTo} likewise
     */
    public static Filters parse(Map<String, String> query, Instant defaultFrom, Instant defaultTo) {
        Instant from = query.containsKey("from") ? time(query.get("from"), "from") : defaultFrom;
        Instant to = query.containsKey("to") ? time(query.get("to"), "to") : defaultTo;
        if (!from.isBefore(to)) {
            throw new BadRequest("'from' must be before 'to' (to is exclusive)");
        }
        if (from.plusSeconds(MAX_RANGE_DAYS * 86400).isBefore(to)) {
            throw new BadRequest("the range is longer than " + MAX_RANGE_DAYS + " days");
        }
        String tagKey = null;
        String tagValue = null;
        String tag = blankToNull(query.get("tag"));
        if (tag != null) {
            int colon = tag.indexOf(':');
            if (colon <= 0) {
                throw new BadRequest("tag must be KEY:VALUE, e.g. team:search");
            }
            tagKey = tag.substring(0, colon);
            tagValue = tag.substring(colon + 1);
        }
        return new Filters(
                from,
                to,
                blankToNull(query.get("account")),
                blankToNull(query.get("model")),
                blankToNull(query.get("app")),
                blankToNull(query.get("caller")),
                tagKey,
                tagValue);
    }

    /** A UTC day ({@code 2026-11-04}) or an instant ({@code 2026-11-04T10:00:00Z}). */
    static Instant time(String value, String name) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest(
                    "'"
                            + name
                            + "' must be YYYY-MM-DD or an ISO instant like 2026-11-04T10:00:00Z, not '"
                            + value
                            + "'");
        }
    }

    public boolean needsTags() {
        return tagKey != null;
    }

    public Filters withRange(Instant newFrom, Instant newTo) {
        return new Filters(newFrom, newTo, account, model, app, caller, tagKey, tagValue);
    }

    /** Whether the fact's window starts in the range and its key matches every filter set. */
    public boolean matches(UsageFact f) {
        return f.windowStart() >= from.toEpochMilli()
                && f.windowStart() < to.toEpochMilli()
                && (account == null || account.equals(f.account()))
                && (model == null || model.equals(f.model()))
                && (app == null || app.equals(f.dimension("app")))
                && (caller == null || caller.equals(f.caller()))
                && (tagKey == null || tagValue.equals(f.dimension(Dimensions.TAG_PREFIX + tagKey)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
