-- Pre-aggregated event counts for Actors, kept exact by every put in the
-- same transaction as the events (see sqlstore's put). Only events
-- (canon = 1) count, never mentions. Each count is stored at four grains:
-- 'D' per day (period YYYY-MM-DD), 'M' per month (YYYY-MM), 'Y' per year
-- (YYYY) and 'T' all time (period ''), so a date range is a few index
-- ranges: the days of its partial edge months, the months of its partial
-- edge years and the whole years between. Rows whose count falls to zero
-- are deleted.

-- Directed dyads of actor codes, for the dyad ranking; both codes present.
CREATE TABLE dyad_counts (
	grain     TEXT COLLATE "C" NOT NULL,
	period    TEXT COLLATE "C" NOT NULL,
	a_code    TEXT COLLATE "C" NOT NULL,
	a_country TEXT COLLATE "C" NOT NULL,
	r_code    TEXT COLLATE "C" NOT NULL,
	r_country TEXT COLLATE "C" NOT NULL,
	n         INTEGER NOT NULL,
	PRIMARY KEY (grain, period, a_code, a_country, r_code, r_country)
);
-- ActorsQuery.Country: dyads of that country on either side (covering,
-- index-only after VACUUM).
CREATE INDEX dyad_counts_a_country ON dyad_counts (a_country, grain, period) INCLUDE (a_code, r_code, r_country, n);
CREATE INDEX dyad_counts_r_country ON dyad_counts (r_country, grain, period) INCLUDE (a_code, a_country, r_code, n);

-- Actor codes, events as actor and as recipient (a code may have several
-- countries: one row each).
CREATE TABLE actor_counts (
	grain        TEXT COLLATE "C" NOT NULL,
	period       TEXT COLLATE "C" NOT NULL,
	code         TEXT COLLATE "C" NOT NULL,
	country      TEXT COLLATE "C" NOT NULL,
	as_actor     INTEGER NOT NULL,
	as_recipient INTEGER NOT NULL,
	PRIMARY KEY (grain, period, code, country)
);
CREATE INDEX actor_counts_country ON actor_counts (country, grain, period) INCLUDE (code, as_actor, as_recipient);

-- Backfill from the stored events: days first, the coarser grains from them.
INSERT INTO dyad_counts (grain, period, a_code, a_country, r_code, r_country, n)
	SELECT 'D', date, a_code, a_country, r_code, r_country, count(*) FROM events
	WHERE canon = 1 AND a_code <> '' AND r_code <> ''
	GROUP BY date, a_code, a_country, r_code, r_country;
INSERT INTO dyad_counts (grain, period, a_code, a_country, r_code, r_country, n)
	SELECT 'M', substr(period, 1, 7), a_code, a_country, r_code, r_country, sum(n) FROM dyad_counts
	WHERE grain = 'D' GROUP BY substr(period, 1, 7), a_code, a_country, r_code, r_country;
INSERT INTO dyad_counts (grain, period, a_code, a_country, r_code, r_country, n)
	SELECT 'Y', substr(period, 1, 4), a_code, a_country, r_code, r_country, sum(n) FROM dyad_counts
	WHERE grain = 'M' GROUP BY substr(period, 1, 4), a_code, a_country, r_code, r_country;
INSERT INTO dyad_counts (grain, period, a_code, a_country, r_code, r_country, n)
	SELECT 'T', '', a_code, a_country, r_code, r_country, sum(n) FROM dyad_counts
	WHERE grain = 'Y' GROUP BY a_code, a_country, r_code, r_country;

INSERT INTO actor_counts (grain, period, code, country, as_actor, as_recipient)
	SELECT 'D', date, code, country, sum(aa), sum(ar) FROM (
		SELECT date, a_code AS code, a_country AS country, 1 AS aa, 0 AS ar FROM events WHERE canon = 1 AND a_code <> ''
		UNION ALL
		SELECT date, r_code, r_country, 0, 1 FROM events WHERE canon = 1 AND r_code <> ''
	) AS sides GROUP BY date, code, country;
INSERT INTO actor_counts (grain, period, code, country, as_actor, as_recipient)
	SELECT 'M', substr(period, 1, 7), code, country, sum(as_actor), sum(as_recipient) FROM actor_counts
	WHERE grain = 'D' GROUP BY substr(period, 1, 7), code, country;
INSERT INTO actor_counts (grain, period, code, country, as_actor, as_recipient)
	SELECT 'Y', substr(period, 1, 4), code, country, sum(as_actor), sum(as_recipient) FROM actor_counts
	WHERE grain = 'M' GROUP BY substr(period, 1, 4), code, country;
INSERT INTO actor_counts (grain, period, code, country, as_actor, as_recipient)
	SELECT 'T', '', code, country, sum(as_actor), sum(as_recipient) FROM actor_counts
	WHERE grain = 'Y' GROUP BY code, country;
ANALYZE dyad_counts;
ANALYZE actor_counts;
