//! Analytics on a small hand-built store of wire-style events: dyad series numbers, the
//! chart, timelines and the GDELT, PLOVER and Parquet exports.

use chronicle_analytics::dyad::dyad_series;
use chronicle_analytics::export::{
    gdelt_row, plover_record, GdeltWriter, ParquetEventWriter, GDELT_COLUMNS,
};
use chronicle_analytics::plot::render_svg;
use chronicle_analytics::timeline::{timeline, TimelineOptions};
use chronicle_analytics::{DyadQuery, Period, TimelineQuery};
use chronicle_core::record::{ActorRecord, EventRecord, Evidence, SentenceRecord};
use chronicle_core::{DatePrecision, EventDateSource, Modality, Plover};
use chronicle_store::{BulkArticle, EventFilter, Store, StoredEvent};
use chrono::NaiveDate;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn actor(code: &str, text: &str) -> ActorRecord {
    let country = code.get(..3).filter(|c| *c != "IGO").map(str::to_owned);
    let agent = code.get(3..6).map(str::to_owned);
    ActorRecord {
        text: text.into(),
        code: code.into(),
        country,
        agent,
    }
}

struct Ev<'a> {
    date: Option<&'a str>,
    source: (&'a str, &'a str),
    target: Option<(&'a str, &'a str)>,
    cameo: &'a str,
    name: &'a str,
    goldstein: f32,
    plover: Option<&'a str>,
    sentence: usize,
    text: &'a str,
    reports: u32,
}

fn quad(cameo: &str) -> u8 {
    match cameo[..2].parse::<u8>().unwrap() {
        1..=5 => 1,
        6..=8 => 2,
        9..=13 => 3,
        _ => 4,
    }
}

fn record(doc: &str, e: &Ev) -> EventRecord {
    let start = e.sentence * 150;
    EventRecord {
        doc: doc.into(),
        article_date: e.date.map(day),
        date: e.date.map(day),
        date_precision: DatePrecision::Day,
        date_source: EventDateSource::Article,
        source: Some(actor(e.source.0, e.source.1)),
        target: e.target.map(|(c, t)| actor(c, t)),
        cameo: e.cameo.into(),
        cameo_name: e.name.into(),
        goldstein: e.goldstein,
        quad_class: quad(e.cameo),
        plover: Plover {
            event: e.plover.map(str::to_owned),
            mode: None,
            context: Some("diplomatic".into()),
        },
        negated: false,
        modality: Modality::Asserted,
        trigger: e.name.split_whitespace().next().unwrap_or("").into(),
        timex: None,
        sentence: SentenceRecord {
            index: e.sentence,
            text: e.text.into(),
        },
        evidence: Evidence {
            sentence: [start, start + e.text.chars().count()],
            trigger: [start, start + 4],
            source: None,
            target: None,
            timex: None,
        },
        pattern: "test".into(),
        reports: e.reports,
        id: None,
        story: None,
    }
}

fn article(doc: &str, outlet: &str, date: Option<&str>, events: &[Ev]) -> BulkArticle {
    BulkArticle {
        doc: doc.into(),
        title: Some(format!("{outlet} report {doc}")),
        outlet: Some(outlet.into()),
        url: Some(format!("https://{}.example/{doc}", outlet.to_lowercase())),
        date: date.map(day),
        content_hash: doc.into(),
        events: events.iter().map(|e| record(doc, e)).collect(),
    }
}

/// USA–PRK events around December 2019 (ISO weeks 2019-W49 and W50, then February 2020),
/// plus other dyads and an undated event that a USA→PRK series must not count.
fn dyad_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let ev = |date, source, target, cameo, name, goldstein, sentence, text, reports| Ev {
        date,
        source,
        target: Some(target),
        cameo,
        name,
        goldstein,
        plover: Some("CONSULT"),
        sentence,
        text,
        reports,
    };
    store
        .bulk_insert([
            article("yonhap-1", "Yonhap", Some("2019-12-02"), &[
                ev(Some("2019-12-02"), ("USAGOV", "the State Department"), ("PRK", "North Korea"), "036", "Express intent to meet or negotiate", 4.0, 0,
                   "The State Department said on Monday Washington was ready to meet North Korean negotiators without preconditions.", 1),
                ev(Some("2019-12-05"), ("USA", "the United States"), ("CHN", "China"), "042", "Make a visit", 1.9, 3,
                   "A U.S. trade delegation arrived in Beijing on Thursday for two days of talks.", 1),
            ]),
            article("reuters-7", "Reuters", Some("2019-12-08"), &[
                ev(Some("2019-12-08"), ("USA", "Washington"), ("PRKGOV", "Pyongyang"), "112", "Accuse, not specified below", -2.0, 2,
                   "Washington accused Pyongyang on Sunday of stalling the talks and walking away from its pledges.", 3),
                ev(Some("2019-12-09"), ("USA", "the United States"), ("PRK", "North Korea"), "163", "Impose embargo, boycott, or sanctions", -8.0, 5,
                   "The United States imposed new sanctions on two North Korean shipping firms on Monday.", 1),
                ev(Some("2019-12-10"), ("PRK", "North Korea"), ("USA", "the United States"), "111", "Criticize or denounce", -2.0, 6,
                   "North Korea denounced the sanctions as a hostile act on Tuesday.", 1),
                ev(None, ("USA", "U.S. officials"), ("PRK", "North Korea"), "010", "Make statement, not specified below", 0.0, 8,
                   "U.S. officials have long said the door to diplomacy remains open.", 1),
            ]),
            article("kyodo-3", "Kyodo", Some("2020-02-14"), &[
                ev(Some("2020-02-14"), ("USAMIL", "U.S. Forces Korea"), ("KOR", "South Korea"), "0331", "Express intent to provide military aid", 5.2, 1,
                   "U.S. Forces Korea said it would keep supporting South Korean troops during the drills.", 1),
                ev(Some("2020-02-14"), ("USA", "the U.S. envoy"), ("PRK", "North Korea"), "042", "Make a visit", 1.9, 4,
                   "The U.S. envoy visited the border village of Panmunjom on Friday.", 2),
            ]),
        ])
        .unwrap();
    store
}

fn query(source: &str, target: &str, undirected: bool) -> DyadQuery {
    DyadQuery {
        source: source.into(),
        target: target.into(),
        undirected,
        from: None,
        to: None,
    }
}

#[test]
fn monthly_series_counts_quads_and_fills_empty_months() {
    let store = dyad_store();
    let s = dyad_series(&store, &query("USA", "PRK", false), Period::Month).unwrap();
    let labels: Vec<_> = s.periods.iter().map(|p| p.span.label.as_str()).collect();
    assert_eq!(labels, ["2019-12", "2020-01", "2020-02"]);
    let dec = &s.periods[0];
    assert_eq!(dec.events, 3);
    assert_eq!(
        [
            dec.verbal_cooperation,
            dec.material_cooperation,
            dec.verbal_conflict,
            dec.material_conflict
        ],
        [1, 0, 1, 1]
    );
    assert!((dec.goldstein_sum - -6.0).abs() < 1e-6);
    assert!((dec.goldstein_mean.unwrap() - -2.0).abs() < 1e-6);
    // Ties in count: lower code first.
    let codes: Vec<_> = dec.top_codes.iter().map(|c| c.cameo.as_str()).collect();
    assert_eq!(codes, ["036", "112", "163"]);
    assert_eq!(
        dec.top_codes[2].name,
        "Impose embargo, boycott, or sanctions"
    );
    // Most reports wins over a larger |Goldstein|.
    let ev = dec.evidence.as_ref().unwrap();
    assert_eq!(
        (ev.doc.as_str(), ev.sentence_index, ev.cameo.as_str()),
        ("reuters-7", 2, "112")
    );
    assert!(ev.sentence.starts_with("Washington accused Pyongyang"));

    let jan = &s.periods[1];
    assert_eq!(
        (jan.events, jan.goldstein_mean, jan.top_codes.len()),
        (0, None, 0)
    );
    assert!(jan.evidence.is_none());
    assert_eq!(s.periods[2].events, 1);
    assert_eq!(s.title(), "USA → PRK, by month");
}

#[test]
fn weekly_series_uses_iso_weeks() {
    let store = dyad_store();
    let s = dyad_series(&store, &query("USA", "PRK", false), Period::Week).unwrap();
    // Sunday 8 December belongs with Monday 2 December (2019-W49); Monday 9 starts W50.
    assert_eq!(s.periods[0].span.label, "2019-W49");
    assert_eq!(s.periods[0].span.start, day("2019-12-02"));
    assert_eq!(s.periods[0].events, 2);
    assert_eq!(s.periods[1].span.label, "2019-W50");
    assert_eq!(s.periods[1].events, 1);
    // W49..W52 of 2019 and W01..W07 of 2020, the empty ones with zeros.
    assert_eq!(s.periods.len(), 11);
    assert_eq!(s.periods.last().unwrap().span.label, "2020-W07");
    assert_eq!(s.periods.iter().filter(|p| p.events == 0).count(), 8);
}

#[test]
fn undirected_and_date_bounds() {
    let store = dyad_store();
    let both = dyad_series(&store, &query("USA", "PRK", true), Period::Month).unwrap();
    assert_eq!(both.periods[0].events, 4);
    assert_eq!(both.title(), "USA ↔ PRK, by month");
    let mut q = query("USA", "PRK", false);
    q.from = Some(day("2019-12-09"));
    q.to = Some(day("2019-12-31"));
    let s = dyad_series(&store, &q, Period::Day).unwrap();
    assert_eq!(s.periods.len(), 1);
    assert_eq!(s.periods[0].span.label, "2019-12-09");
    // A prefix that matches no code gives an empty series, not an error.
    let none = dyad_series(&store, &query("FRA", "PRK", false), Period::Year).unwrap();
    assert!(none.periods.is_empty());
}

#[test]
fn chart_is_svg_with_title_bars_and_legend() {
    let store = dyad_store();
    let s = dyad_series(&store, &query("USA", "PRK", false), Period::Month).unwrap();
    let svg = render_svg(&s).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("USA → PRK, by month"));
    assert!(svg.contains("Goldstein mean"));
    assert!(svg.contains("material conflict"));
    // December has three coloured layers, February one; plus legend swatches and frame.
    assert!(svg.matches("<rect").count() >= 4 + 4);
    assert!(svg.contains("2019-12") && svg.contains("2020-02"));
}

/// Three outlets report a missile launch on 1 March (two in nearly the same words); one
/// article reports weightier events on 5 March.
fn story_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let ev = |date, cameo, name, goldstein, sentence, text, reports| Ev {
        date: Some(date),
        source: ("PRK", "North Korea"),
        target: Some(("JPN", "Japan")),
        cameo,
        name,
        goldstein,
        plover: Some("MOBILIZE"),
        sentence,
        text,
        reports,
    };
    store
        .bulk_insert([
            article("ap-launch", "AP", Some("2021-03-01"), &[ev(
                "2021-03-01", "150", "Demonstrate military or police power", -7.2, 0,
                "North Korea fired two short-range ballistic missiles into the sea off its east coast on Monday, South Korea's military said.", 1)]),
            article("afp-launch", "AFP", Some("2021-03-01"), &[ev(
                "2021-03-01", "150", "Demonstrate military or police power", -7.2, 0,
                "North Korea fired two short-range ballistic missiles into the sea off its east coast on Monday, the South Korean military said.", 1)]),
            article("nhk-launch", "NHK", Some("2021-03-01"), &[ev(
                "2021-03-01", "150", "Demonstrate military or police power", -7.2, 2,
                "Japan's defence ministry said the missiles landed outside its exclusive economic zone and lodged a protest through diplomatic channels.", 1)]),
            article("kcna-5", "KCNA", Some("2021-03-05"), &[
                ev("2021-03-05", "190", "Use conventional military force", -10.0, 1,
                   "The North's state media said artillery units staged live-fire strikes near the maritime border.", 2),
                ev("2021-03-05", "138", "Threaten with military force", -7.0, 3,
                   "Pyongyang threatened further action if the joint drills went ahead.", 1),
            ]),
        ])
        .unwrap();
    store
}

#[test]
fn timeline_picks_the_widest_reported_date_and_skips_near_duplicates() {
    let store = story_store();
    let q = TimelineQuery {
        actor: Some("PRK".into()),
        ..Default::default()
    };
    let one = TimelineOptions {
        max_dates: 1,
        ..TimelineOptions::default()
    };
    let t = timeline(&store, &q, &one).unwrap();
    assert_eq!(t.entries.len(), 1);
    let e = &t.entries[0];
    assert_eq!(e.date, day("2021-03-01"));
    assert_eq!((e.articles, e.outlets), (3, 3));
    // The AP and AFP sentences are near-duplicates: only one of them is kept.
    assert_eq!(e.sentences.len(), 2, "{:#?}", e.sentences);
    let docs: Vec<_> = e.sentences.iter().map(|s| s.doc.as_str()).collect();
    assert!(docs.contains(&"nhk-launch"));
    assert!(!(docs.contains(&"ap-launch") && docs.contains(&"afp-launch")));
    let nhk = e.sentences.iter().find(|s| s.doc == "nhk-launch").unwrap();
    assert_eq!(nhk.sentence_index, 2);
    assert_eq!(nhk.chars, [300, 300 + nhk.text.chars().count()]);

    let both = timeline(&store, &q, &TimelineOptions::default()).unwrap();
    let dates: Vec<_> = both.entries.iter().map(|e| e.date).collect();
    assert_eq!(dates, [day("2021-03-01"), day("2021-03-05")]);
    assert!(both.entries[0].score > both.entries[1].score);
}

#[test]
fn timeline_renders_self_contained_html_and_markdown() {
    let store = story_store();
    let q = TimelineQuery {
        dyad: Some(("PRK".into(), "JPN".into())),
        ..Default::default()
    };
    let t = timeline(&store, &q, &TimelineOptions::default()).unwrap();
    let mut html = Vec::new();
    chronicle_analytics::timeline::write_html(&t, &mut html).unwrap();
    let html = String::from_utf8(html).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<style>"));
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("src="));
    assert!(html.contains("Japan&#39;s defence ministry"));
    assert!(html.contains("data-doc=\"nhk-launch\" data-sentence=\"2\""));
    let mut md = Vec::new();
    chronicle_analytics::timeline::write_markdown(&t, &mut md).unwrap();
    let md = String::from_utf8(md).unwrap();
    assert!(md.contains("## 2021-03-01 — 3 articles, 3 outlets"));
    assert!(md.contains("[NHK, nhk-launch#2, chars 300–"));
}

fn stored(store: &Store, filter: &EventFilter) -> Vec<StoredEvent> {
    let mut out = Vec::new();
    store
        .for_each_event(filter, |e| -> Result<(), chronicle_store::StoreError> {
            out.push(e);
            Ok(())
        })
        .unwrap();
    out
}

#[test]
fn gdelt_rows_have_61_columns_in_codebook_order() {
    assert_eq!(GDELT_COLUMNS.len(), 61);
    assert_eq!(GDELT_COLUMNS[25], "IsRootEvent");
    assert_eq!(GDELT_COLUMNS[39], "Actor1Geo_ADM2Code");
    assert_eq!(GDELT_COLUMNS[59], "DATEADDED");
    let store = dyad_store();
    let filter = EventFilter {
        dyad: Some(("USA".into(), "PRK".into())),
        cameo: Some("16".into()),
        ..EventFilter::default()
    };
    let events = stored(&store, &filter);
    assert_eq!(events.len(), 1);
    let mut out = Vec::new();
    let mut w = GdeltWriter::new(&mut out, false).unwrap();
    w.write(&events[0]).unwrap();
    w.finish().unwrap();
    let line = String::from_utf8(out).unwrap();
    let row: Vec<&str> = line.trim_end_matches('\n').split('\t').collect();
    assert_eq!(row.len(), 61);
    let col = |name: &str| row[GDELT_COLUMNS.iter().position(|c| *c == name).unwrap()];
    assert_eq!(col("GLOBALEVENTID"), events[0].id.to_string());
    assert_eq!(col("SQLDATE"), "20191209");
    assert_eq!(col("MonthYear"), "201912");
    assert_eq!(col("Year"), "2019");
    assert_eq!(col("Actor1Code"), "USA");
    assert_eq!(col("Actor1Name"), "THE UNITED STATES");
    assert_eq!(col("Actor2CountryCode"), "PRK");
    assert_eq!(col("IsRootEvent"), "0");
    assert_eq!(
        (col("EventCode"), col("EventBaseCode"), col("EventRootCode")),
        ("163", "163", "16")
    );
    assert_eq!((col("QuadClass"), col("GoldsteinScale")), ("4", "-8.0"));
    assert_eq!(col("NumMentions"), "1");
    assert_eq!(col("AvgTone"), "");
    assert_eq!(col("ActionGeo_FullName"), "");
    assert_eq!(col("DATEADDED").len(), 14);
    assert_eq!(col("SOURCEURL"), "https://reuters.example/reuters-7");
    let fraction: f64 = col("FractionDate").parse().unwrap();
    assert!((2019.9..2020.0).contains(&fraction), "{fraction}");
}

#[test]
fn gdelt_actor_types_and_groups() {
    let store = dyad_store();
    let events = stored(&store, &EventFilter::default());
    let gov = events
        .iter()
        .find(|e| e.record.source.as_ref().unwrap().code == "USAGOV")
        .unwrap();
    let row = gdelt_row(gov);
    assert_eq!(
        (row[5].as_str(), row[7].as_str(), row[12].as_str()),
        ("USAGOV", "USA", "GOV")
    );
    // Tabs and newlines in text never split a row.
    let mut odd = gov.clone();
    odd.record.source.as_mut().unwrap().text = "the\tState\nDepartment".into();
    assert!(gdelt_row(&odd)
        .iter()
        .all(|f| !f.contains('\t') && !f.contains('\n')));
}

const PLOVER_EVENTS: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

#[test]
fn plover_records_have_the_manuals_required_fields() {
    let store = dyad_store();
    let events = stored(&store, &EventFilter::default());
    let records: Vec<_> = events.iter().filter_map(plover_record).collect();
    // The undated event cannot be a PLOVER record (date is required).
    assert_eq!(records.len(), events.len() - 1);
    for r in &records {
        assert!(r["id"].as_str().unwrap().starts_with("chronicle-"));
        let date = r["date"].as_str().unwrap();
        assert!(NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok());
        let actors = r["actor"].as_array().unwrap();
        assert_eq!(actors.len(), 1);
        assert_eq!(actors[0]["code"].as_str().unwrap().len(), 3);
        for e in r["event"].as_array().unwrap() {
            assert!(PLOVER_EVENTS.contains(&e.as_str().unwrap()));
        }
        assert!((1..=4).contains(&r["quad_code"].as_u64().unwrap()));
        let info = &r["text_info"];
        assert!(info["start"].as_u64() < info["end"].as_u64());
        assert!(r["cite_info"]["url"]
            .as_str()
            .unwrap()
            .starts_with("https://"));
    }
    let gov = records
        .iter()
        .find(|r| r["actor"][0]["actor_code"] == "USAGOV")
        .unwrap();
    assert_eq!(gov["actor"][0]["sector"], "GOV");
    assert_eq!(gov["recipient"][0]["code"], "PRK");
    assert_eq!(gov["context"][0], "diplomatic");
}

#[test]
fn parquet_round_trip_keeps_types_and_nulls() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::{Field, RowAccessor};

    let store = dyad_store();
    let events = stored(&store, &EventFilter::default());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    let mut w = ParquetEventWriter::new(std::fs::File::create(&path).unwrap()).unwrap();
    for e in &events {
        w.write(e).unwrap();
    }
    assert_eq!(w.finish().unwrap(), events.len() as u64);

    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    assert_eq!(
        reader.metadata().file_metadata().num_rows(),
        events.len() as i64
    );
    let schema = reader.metadata().file_metadata().schema_descr();
    let index = |name: &str| {
        (0..schema.num_columns())
            .find(|&i| schema.column(i).name() == name)
            .unwrap()
    };
    let rows: Vec<_> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(rows.len(), events.len());
    for (row, e) in rows.iter().zip(&events) {
        assert_eq!(row.get_long(index("id")).unwrap(), e.id);
        assert_eq!(row.get_string(index("cameo")).unwrap(), &e.record.cameo);
        assert_eq!(
            row.get_float(index("goldstein")).unwrap(),
            e.record.goldstein
        );
        assert_eq!(
            row.get_int(index("quad_class")).unwrap(),
            i32::from(e.record.quad_class)
        );
        let date = row
            .get_column_iter()
            .find(|(name, _)| name.as_str() == "date")
            .map(|(_, field)| field.clone())
            .unwrap();
        match e.record.date {
            Some(d) => {
                let days = (d - day("1970-01-01")).num_days() as i32;
                assert_eq!(date, Field::Date(days));
            }
            None => assert_eq!(date, Field::Null),
        }
        assert_eq!(
            row.get_string(index("sentence_text")).unwrap(),
            &e.record.sentence.text
        );
    }
}

#[test]
fn export_streams_in_date_order_with_filters() {
    let store = dyad_store();
    let all = stored(&store, &EventFilter::default());
    assert_eq!(all.len(), 8);
    // Undated first, then by date.
    assert!(all[0].record.date.is_none());
    assert!(all[1..]
        .windows(2)
        .all(|w| w[0].record.date <= w[1].record.date));
    let actor = EventFilter {
        actor: Some("USAMIL".into()),
        ..EventFilter::default()
    };
    assert_eq!(stored(&store, &actor).len(), 1);
    let limited = EventFilter {
        limit: Some(3),
        ..EventFilter::default()
    };
    assert_eq!(stored(&store, &limited).len(), 3);
    assert_eq!(store.count_events(&EventFilter::default()).unwrap(), 8);
}

#[test]
fn chart_renders_as_png_with_built_in_fonts() {
    let store = dyad_store();
    let s = dyad_series(&store, &query("USA", "PRK", true), Period::Month).unwrap();
    let png = chronicle_analytics::plot::render_png(&s).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // Width and height from the IHDR chunk.
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!(
        (width, height),
        (
            chronicle_analytics::plot::WIDTH,
            chronicle_analytics::plot::HEIGHT
        )
    );
}
