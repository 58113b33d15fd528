//! Schema migrations, applied in order; `PRAGMA user_version` records how many ran.

/// Each entry is one migration. Never edit a released entry: append a new one.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: the initial schema.
    r#"
    CREATE TABLE articles (
        id            INTEGER PRIMARY KEY,
        doc           TEXT NOT NULL,
        origin        TEXT NOT NULL,
        title         TEXT,
        outlet        TEXT,
        dateline      TEXT,
        url           TEXT,
        date          TEXT,
        date_source   TEXT,
        content_hash  TEXT NOT NULL UNIQUE,
        text          TEXT NOT NULL,
        -- The analysed document (without tokens) as JSON, for `show`.
        document      TEXT NOT NULL,
        ingested_at   TEXT NOT NULL
    );
    CREATE INDEX articles_doc ON articles(doc);
    CREATE INDEX articles_date ON articles(date);

    CREATE TABLE sentences (
        id          INTEGER PRIMARY KEY,
        article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx         INTEGER NOT NULL,
        paragraph   INTEGER NOT NULL,
        start       INTEGER NOT NULL,
        end         INTEGER NOT NULL,
        text        TEXT NOT NULL
    );
    CREATE INDEX sentences_article ON sentences(article_id, idx);
    CREATE VIRTUAL TABLE sentences_fts USING fts5(
        text, content='sentences', content_rowid='id', tokenize='porter unicode61'
    );

    CREATE TABLE mentions (
        id          INTEGER PRIMARY KEY,
        article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        sentence    INTEGER NOT NULL,
        start       INTEGER NOT NULL,
        end         INTEGER NOT NULL,
        text        TEXT NOT NULL,
        kind        TEXT NOT NULL,
        code        TEXT NOT NULL,
        country     TEXT,
        agent       TEXT
    );
    CREATE INDEX mentions_code ON mentions(code);
    CREATE INDEX mentions_article ON mentions(article_id);

    CREATE TABLE timexes (
        id          INTEGER PRIMARY KEY,
        article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        sentence    INTEGER NOT NULL,
        start       INTEGER NOT NULL,
        end         INTEGER NOT NULL,
        text        TEXT NOT NULL,
        type        TEXT NOT NULL,
        value       TEXT NOT NULL,
        date        TEXT
    );
    CREATE INDEX timexes_article ON timexes(article_id);

    CREATE TABLE events (
        id              INTEGER PRIMARY KEY,
        article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        sentence        INTEGER NOT NULL,
        date            TEXT,
        source_code     TEXT,
        source_country  TEXT,
        target_code     TEXT,
        target_country  TEXT,
        cameo           TEXT NOT NULL,
        root            TEXT NOT NULL,
        goldstein       REAL NOT NULL,
        quad_class      INTEGER NOT NULL,
        plover          TEXT,
        negated         INTEGER NOT NULL,
        modality        TEXT NOT NULL,
        -- The full output record (chronicle_core::record::EventRecord) as JSON.
        record          TEXT NOT NULL
    );
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_source ON events(source_code, date);
    CREATE INDEX events_target ON events(target_code, date);
    CREATE INDEX events_cameo ON events(cameo);
    CREATE INDEX events_article ON events(article_id);

    CREATE TABLE quotes (
        id            INTEGER PRIMARY KEY,
        article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        sentence      INTEGER NOT NULL,
        kind          TEXT NOT NULL,
        speaker_code  TEXT,
        speaker_text  TEXT,
        content       TEXT NOT NULL,
        record        TEXT NOT NULL
    );
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE INDEX quotes_speaker ON quotes(speaker_code);
    "#,
    // 2: full-text search over quotes, and near-duplicate articles.
    r#"
    -- Quotes get their own FTS5 index, kept in sync by triggers; existing rows are backfilled.
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        content, content='quotes', content_rowid='id', tokenize='porter unicode61'
    );
    INSERT INTO quotes_fts (rowid, content) SELECT id, content FROM quotes;
    CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts (rowid, content) VALUES (new.id, new.content);
    END;
    CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, content) VALUES ('delete', old.id, old.content);
    END;
    CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
        INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;

    -- A near-duplicate (syndicated copy, re-crawl with other boilerplate) points at the
    -- earliest stored article it copies; statistics count it once.
    ALTER TABLE articles ADD COLUMN duplicate_of INTEGER REFERENCES articles(id);
    ALTER TABLE articles ADD COLUMN duplicate_similarity REAL;
    CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
    -- MinHash signature (chronicle-dedup) of each article's cleaned text.
    CREATE TABLE article_signatures (
        article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        minhash     BLOB NOT NULL
    );
    -- LSH index: one row per band of each signature; sharing a key makes two articles
    -- candidates, so a new article is compared with a handful of others, not all.
    CREATE TABLE article_bands (
        key         INTEGER NOT NULL,
        article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (key, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_bands_article ON article_bands(article_id);
    "#,
    // 3: analytics (dyad series, timelines). `reports` (mentions of the event in its
    // article) lives in the JSON record; a stored copy, kept by a trigger, lets covering
    // indexes hold it. Each index lists what its query reads, so those queries never touch
    // the table (whose rows carry the large JSON record).
    r#"
    ALTER TABLE events ADD COLUMN reports INTEGER NOT NULL DEFAULT 1;
    UPDATE events SET reports = coalesce(json_extract(record, '$.reports'), 1);
    CREATE TRIGGER events_reports AFTER INSERT ON events
        WHEN coalesce(json_extract(new.record, '$.reports'), 1) <> 1 BEGIN
        UPDATE events SET reports = json_extract(new.record, '$.reports') WHERE id = new.id;
    END;
    CREATE INDEX events_dyad_series
        ON events(source_code, target_code, date, quad_class, goldstein, cameo, reports);
    CREATE INDEX events_source_day ON events(source_code, date, article_id, goldstein);
    CREATE INDEX events_target_day
        ON events(target_code, date, article_id, goldstein, source_code);
    "#,
    // 4: stories. Every stored mention of the same event — same date, source, target,
    // CAMEO code and negation, within or across articles — belongs to one story, which
    // keeps GDELT-style counts of its mentions, distinct sources (outlets) and articles.
    // Undated events have no story: their date is unknown, so nothing can match them.
    r#"
    CREATE TABLE stories (
        id           INTEGER PRIMARY KEY,
        date         TEXT NOT NULL,
        source_code  TEXT NOT NULL,
        target_code  TEXT NOT NULL,
        cameo        TEXT NOT NULL,
        negated      INTEGER NOT NULL,
        mentions     INTEGER NOT NULL DEFAULT 0,
        sources      INTEGER NOT NULL DEFAULT 0,
        articles     INTEGER NOT NULL DEFAULT 0,
        UNIQUE (date, source_code, target_code, cameo, negated)
    );
    ALTER TABLE events ADD COLUMN story_id INTEGER REFERENCES stories(id);
    INSERT INTO stories (date, source_code, target_code, cameo, negated)
        SELECT DISTINCT date, coalesce(source_code, ''), coalesce(target_code, ''), cameo, negated
        FROM events WHERE date IS NOT NULL;
    UPDATE events SET story_id = (
        SELECT s.id FROM stories s
        WHERE s.date = events.date AND s.source_code = coalesce(events.source_code, '')
          AND s.target_code = coalesce(events.target_code, '') AND s.cameo = events.cameo
          AND s.negated = events.negated)
    WHERE date IS NOT NULL;
    CREATE INDEX events_story ON events(story_id);
    UPDATE stories SET
        mentions = (SELECT sum(reports) FROM events WHERE story_id = stories.id),
        articles = (SELECT count(DISTINCT article_id) FROM events WHERE story_id = stories.id),
        sources = (SELECT count(DISTINCT coalesce(a.outlet, 'article ' || a.id))
                   FROM events e JOIN articles a ON a.id = e.article_id
                   WHERE e.story_id = stories.id);
    "#,
];
