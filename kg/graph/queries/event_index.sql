-- The cross-article event index (kg.graph.events.EventIndex): each statement
-- follows a "-- name:" line. Empty strings stand for no date, no place.

-- name: schema
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -16000;
-- A report without its article: what several articles can share.
CREATE TABLE claim (
    id INTEGER PRIMARY KEY,
    iri TEXT NOT NULL, kind TEXT NOT NULL, participants TEXT NOT NULL,
    date TEXT NOT NULL, place TEXT NOT NULL,
    UNIQUE (iri, kind, participants, date, place)
);
-- The articles making each claim.
CREATE TABLE holder (
    article TEXT NOT NULL, claim INTEGER NOT NULL,
    PRIMARY KEY (article, claim)
) WITHOUT ROWID;
CREATE INDEX holder_by_claim ON holder (claim, article);
-- The keys a claim is found by.
CREATE TABLE bucket (
    key TEXT NOT NULL, claim INTEGER NOT NULL,
    PRIMARY KEY (key, claim)
) WITHOUT ROWID;
CREATE INDEX bucket_by_claim ON bucket (claim);

-- name: claims_of_article
SELECT claim FROM holder WHERE article = ?

-- name: drop_article
DELETE FROM holder WHERE article = ?

-- name: is_held
SELECT 1 FROM holder WHERE claim = ? LIMIT 1

-- name: drop_claim_keys
DELETE FROM bucket WHERE claim = ?

-- name: drop_claim
DELETE FROM claim WHERE id = ?

-- name: find_claim
SELECT id FROM claim WHERE iri = ? AND kind = ? AND participants = ? AND date = ? AND place = ?

-- name: add_claim
INSERT INTO claim (iri, kind, participants, date, place) VALUES (?, ?, ?, ?, ?)

-- name: file_claim
INSERT OR IGNORE INTO bucket VALUES (?, ?)

-- name: hold_claim
INSERT OR IGNORE INTO holder VALUES (?, ?)

-- name: claims_under
-- The claims filed under some keys (the placeholder list is filled in) that another article makes.
SELECT DISTINCT c.iri, c.kind, c.participants, c.date, c.place
FROM bucket b JOIN claim c ON c.id = b.claim
WHERE b.key IN ({keys})
  AND EXISTS (SELECT 1 FROM holder h WHERE h.claim = c.id AND h.article != ?)

-- name: reported_by_others
SELECT 1 FROM claim c JOIN holder h ON h.claim = c.id WHERE c.iri = ? AND h.article != ? LIMIT 1
