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
];
