-- dyad store schema, PostgreSQL. Dates are YYYY-MM-DD text (they sort as dates);
-- week is the Monday starting the event's week, precomputed so that
-- Relations can group by it from an index.

CREATE TABLE articles (
	seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,         -- first-stored order; decides which report is the event
	id            TEXT COLLATE "C" NOT NULL UNIQUE,         -- HasArticle, Article, upsert
	url           TEXT NOT NULL DEFAULT '',
	title         TEXT NOT NULL DEFAULT '',
	published     TEXT NOT NULL DEFAULT '',
	site          TEXT NOT NULL DEFAULT '',
	source        TEXT COLLATE "C" NOT NULL,                -- outlet counted by NumSources
	story_id      TEXT COLLATE "C" NOT NULL,                -- near-duplicate group
	minhash       BYTEA,                         -- dedup signature, NULL for short texts
	added_unix_us BIGINT NOT NULL,
	doc           TEXT NOT NULL                 -- the Article as JSON
);
-- Filter.StoryID.
CREATE INDEX articles_story ON articles (story_id);

-- MinHash LSH bands: equality lookups find near-duplicate candidates.
CREATE TABLE article_bands (
	band        BIGINT NOT NULL,
	article_seq BIGINT NOT NULL REFERENCES articles (seq),
	PRIMARY KEY (band, article_seq)
);
-- Deleting an article's bands when it is replaced.
CREATE INDEX article_bands_article ON article_bands (article_seq);

CREATE TABLE events (
	seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id           TEXT COLLATE "C" NOT NULL UNIQUE,          -- Event(id)
	article_seq  BIGINT NOT NULL REFERENCES articles (seq),
	ord          INTEGER NOT NULL,              -- position in the article's event list
	date         TEXT COLLATE "C" NOT NULL,
	week         TEXT COLLATE "C" NOT NULL,
	type         TEXT COLLATE "C" NOT NULL,
	mode         TEXT NOT NULL,
	cameo        TEXT NOT NULL,
	goldstein    DOUBLE PRECISION NOT NULL,
	quad_class   INTEGER NOT NULL,
	a_code       TEXT COLLATE "C" NOT NULL,
	a_country    TEXT COLLATE "C" NOT NULL,
	a_sector     TEXT COLLATE "C" NOT NULL,
	r_code       TEXT COLLATE "C" NOT NULL,
	r_country    TEXT COLLATE "C" NOT NULL,
	r_sector     TEXT COLLATE "C" NOT NULL,
	sentence     TEXT NOT NULL,
	story_key    TEXT COLLATE "C" NOT NULL,                 -- hash of story, date, type, actor code, recipient code
	canon        INTEGER NOT NULL,              -- 1: the event, 0: a mention of dup_of
	dup_of       TEXT,
	num_mentions INTEGER NOT NULL,
	num_articles INTEGER NOT NULL,
	num_sources  INTEGER NOT NULL,
	doc          TEXT NOT NULL                  -- the Event as JSON
);
-- Relations between two countries: both directions are equality lookups on
-- (a_country, r_country) plus a date range, and every column the grouped
-- scan reads is INCLUDEd, so PostgreSQL answers with an index-only scan
-- (after VACUUM has set the visibility map) without touching the wide rows. Also serves
-- Filter.Actor/Country on the actor's country and Actors by country.
CREATE INDEX events_dyad_country ON events (a_country, r_country, date) INCLUDE (week, canon, quad_class, type, goldstein);
-- The same for two actor codes (TURGOV -> AZEGOV); its (a_code, r_code)
-- prefix also serves Actors' dyad ranking as an index-only scan.
CREATE INDEX events_dyad_code ON events (a_code, r_code, date) INCLUDE (week, canon, quad_class, type, goldstein);
-- Recipient-side filters (Filter.Recipient, Filter.Country's second half)
-- and the recipient half of Actors.
CREATE INDEX events_r_country ON events (r_country, date);
CREATE INDEX events_r_code ON events (r_code, date);
-- Events without a selective filter: newest first, keyset pagination on
-- (date, seq) with events (canon = 1) only.
CREATE INDEX events_listing ON events (canon, date, seq);
-- Mention matching: the reports of one event within a story.
CREATE INDEX events_story_key ON events (story_key);
-- Article(id) with its events in order; replacing an article's events.
CREATE INDEX events_article ON events (article_seq, ord);
