-- event_timeline: one row per event, in date order, with how it was reported.
-- `event_date` is the first day of the event's day, month or year and `event_end` the last, so that
-- "the latest" sorts on `event_end` and a year-precision event never passes for 1 January.
-- One row per real-world event (`canonical_events`), however many articles report it.
CREATE OR REPLACE VIEW event_timeline AS
WITH reported AS (
    SELECT
        canonical_event_id AS event_key,
        event_type, event_date, date_precision, participants, place,
        coalesce(status, 'happened') AS status,
        reports, outlets, first_reported, last_reported
    FROM canonical_events
)
SELECT
    event_key,
    event_date,
    CASE date_precision
        WHEN 'year' THEN make_date(year(event_date), 12, 31)
        WHEN 'month' THEN last_day(event_date)
        ELSE event_date
    END AS event_end,
    date_precision,
    CASE date_precision
        WHEN 'year' THEN strftime(event_date, '%Y')
        WHEN 'month' THEN strftime(event_date, '%Y-%m')
        ELSE strftime(event_date, '%Y-%m-%d')
    END AS "when",
    event_type,
    status,
    participants,
    array_to_string(participants, ', ') AS who,
    place,
    reports,
    outlets,
    first_reported,
    last_reported
FROM reported;
