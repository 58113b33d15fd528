//! Cleaning of crawled plain text: realistic noisy pages written for these tests (varied
//! outlets, countries and page layouts).

use chronicle_ingest::{clean_text, Cleaned};
use chrono::NaiveDate;

fn date(c: &Cleaned) -> Option<NaiveDate> {
    c.date.map(|d| d.date)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

const NAIROBI_PAGE: &str = "The Nairobi Sentinel - Kenya's Independent Voice\r
\r
AFRICA\r
\r
Kenya Hosts Talks Between Sudan's Warring Generals\r
\r
By Wanjiru Kamau\r
Published: 12 August 2021\r
Photo: Courtesy/State House\r
\r
Kenyan President Uhuru Kenyatta hosted envoys of Sudan's army and the Rapid Support Forces in Nairobi on Wednesday, urging both sides to agree to a ceasefire before the rainy season.\r
\r
ADVERTISEMENT\r
\r
\"There is no military solution to this conflict,\" Kenyatta told the delegations, according to a statement from State House.\r
\r
Also Read: Sudan's army chief rejects foreign mediation\r
\r
The African Union and the Intergovernmental Authority on Development said they would send observers to monitor any truce agreed in the Kenyan capital.\r
\r
Share on WhatsApp\r
\r
We use cookies to ensure you get the best experience on our website. By continuing to browse you accept our cookie policy.\r
© 2021 The Nairobi Sentinel. All rights reserved.\r
";

#[test]
fn web_page_with_header_ads_and_footer() {
    let c = clean_text(NAIROBI_PAGE, None);
    assert_eq!(
        c.text,
        "Kenyan President Uhuru Kenyatta hosted envoys of Sudan's army and the Rapid Support Forces in Nairobi on Wednesday, urging both sides to agree to a ceasefire before the rainy season.\n\n\
\"There is no military solution to this conflict,\" Kenyatta told the delegations, according to a statement from State House.\n\n\
The African Union and the Intergovernmental Authority on Development said they would send observers to monitor any truce agreed in the Kenyan capital."
    );
    assert_eq!(
        c.title.as_deref(),
        Some("Kenya Hosts Talks Between Sudan's Warring Generals")
    );
    assert_eq!(c.outlet.as_deref(), Some("The Nairobi Sentinel"));
    assert_eq!(date(&c), ymd(2021, 8, 12));
}

const WIRE_STORY: &str = "Loading...

WASHINGTON, Sept 14 (Meridian Wire) - The United States imposed sanctions on Thursday on three Iranian entities it accused of supplying drones to Russia for use in Ukraine, the Treasury Department said.

Iran's foreign ministry spokesman Nasser Kanaani condemned the measures as illegal and said Tehran would respond.

(Reporting by Daniel Ortiz in Washington; Editing by Grace Liu)
";

#[test]
fn wire_dateline_and_reporting_credit() {
    let c = clean_text(WIRE_STORY, None);
    assert_eq!(c.dateline.as_deref(), Some("WASHINGTON"));
    assert_eq!(c.outlet.as_deref(), Some("Meridian Wire"));
    assert!(c
        .text
        .starts_with("The United States imposed sanctions on Thursday"));
    assert!(c.text.ends_with("said Tehran would respond."));
    assert_eq!(c.title, None);
    assert_eq!(date(&c), None, "no header date: unknown, not guessed");
}

const RADIO_TRANSCRIPT: &str = "Host: Colombia and Venezuela reopened their shared border to cargo traffic on Monday after seven years. Our correspondent Maria Lopez reports.Correspondent: Trucks crossed the Simon Bolivar bridge as officials from both countries watched.[Sound bite: Colombian Foreign Minister Alvaro Leyva]\"This is a day of reunion for two brother peoples.\"Venezuela's foreign minister said trade could reach two billion dollars next year.Maria Lopez, Andes Public Radio News.";

#[test]
fn broadcast_labels_and_sign_off() {
    let c = clean_text(RADIO_TRANSCRIPT, None);
    assert_eq!(c.outlet.as_deref(), Some("Andes Public Radio News"));
    let paragraphs: Vec<&str> = c.text.split("\n\n").collect();
    assert_eq!(
        paragraphs[0],
        "Colombia and Venezuela reopened their shared border to cargo traffic on Monday after seven years."
    );
    assert!(paragraphs[1].starts_with("Trucks crossed the Simon Bolivar bridge"));
    // Original characters are kept, including the missing space after a sentence.
    assert!(paragraphs[1].contains("brother peoples.\"Venezuela's foreign minister"));
    assert!(paragraphs[1].ends_with("two billion dollars next year."));
    for label in ["Host:", "Correspondent:", "Maria Lopez"] {
        assert!(!c.text.contains(label), "{label}");
    }
}

#[test]
fn dates_inside_the_story_are_not_publication_dates() {
    let text = "Tensions Rise Over Disputed Islands\n\nOn 5 March 2020, Chinese coast guard vessels entered waters near the islands, Japan's Defence Ministry said, and Tokyo lodged a protest.\n\nThe ministry said on March 7, 2020 that the ships had left.\n\nPublished 9 March 2020";
    let c = clean_text(text, None);
    assert_eq!(date(&c), None);
    assert_eq!(
        c.title.as_deref(),
        Some("Tensions Rise Over Disputed Islands")
    );
    assert!(!c.text.contains("Published"));
}

#[test]
fn header_date_forms_in_context() {
    let story = "Poland's foreign minister summoned Belarus's charge d'affaires on Tuesday over a balloon incursion, the ministry in Warsaw said.";
    for (header, want) in [
        ("Updated Dec. 5, 2019 10:31 AM ET", ymd(2019, 12, 5)),
        ("Friday, 15 December, 2017 - 19:45", ymd(2017, 12, 15)),
        (
            "Posted January 31st, 2012 at 4:20 pm (UTC-5)",
            ymd(2012, 1, 31),
        ),
        ("Published: 3 March 2020", ymd(2020, 3, 3)),
        ("2019/12/11", ymd(2019, 12, 11)),
        ("2021-06-21T08:00:00Z", ymd(2021, 6, 21)),
        (" date 2019-12-11 Loading...", ymd(2019, 12, 11)),
    ] {
        let c = clean_text(
            &format!("Poland Summons Belarus Envoy\n\n{header}\n\n{story}"),
            None,
        );
        assert_eq!(date(&c), want, "{header}");
        assert_eq!(c.text, story, "{header}");
    }
    // A publication date beats an update date.
    let c = clean_text(
        &format!("Updated 4 June 2022\nPublished 3 June 2022\n\n{story}"),
        None,
    );
    assert_eq!(date(&c), ymd(2022, 6, 3));
}

#[test]
fn date_line_under_a_standfirst() {
    let text = "Nigeria Closes Border With Benin\n\nThe closure is meant to stop rice smuggling, officials say, but traders fear losses.\n\nPosted on 21 August 2019 by Staff Writer\n\nNigeria closed its land border with Benin on Tuesday, the customs service said, in a move aimed at curbing the smuggling of rice and fuel.\n\nBenin's government said it regretted the decision and called for talks.";
    let c = clean_text(text, None);
    assert_eq!(date(&c), ymd(2019, 8, 21));
    assert!(!c.text.contains("Posted on"));
    assert!(c
        .text
        .starts_with("The closure is meant to stop rice smuggling"));
}

#[test]
fn repeated_headline_and_caps_subheadings() {
    let text = "Brazil, Argentina Sign Border Trade Pact\n\nBrazil, Argentina Sign Border Trade Pact\n\nBrazil and Argentina signed an agreement on Friday to cut customs checks at their busiest border crossing, the two foreign ministries said.\n\nWHAT COMES NEXT\n\nThe pact must be ratified by both congresses before it takes effect next year.\n\nRelated\nMercosur summit ends without deal\nWhy Uruguay wants its own trade talks";
    let c = clean_text(text, None);
    assert_eq!(
        c.title.as_deref(),
        Some("Brazil, Argentina Sign Border Trade Pact")
    );
    assert_eq!(
        c.text,
        "Brazil and Argentina signed an agreement on Friday to cut customs checks at their busiest border crossing, the two foreign ministries said.\n\nThe pact must be ratified by both congresses before it takes effect next year."
    );
}

#[test]
fn known_title_is_not_repeated_in_the_body() {
    let c = clean_text(
        "Qatar Mediates Prisoner Exchange\n\nQatar said on Sunday it had mediated the release of five prisoners held by each side.",
        Some("Qatar Mediates Prisoner Exchange"),
    );
    assert_eq!(
        c.text,
        "Qatar said on Sunday it had mediated the release of five prisoners held by each side."
    );
    assert_eq!(c.title, None, "the caller already has the title");
}

#[test]
fn non_latin_text_is_kept() {
    let text = "Москва (Синьхуа) — Россия и Китай провели переговоры в понедельник.\n\n中国外交部发言人表示，双方同意加强合作。";
    let c = clean_text(text, None);
    assert!(c.text.contains("Россия и Китай провели переговоры"));
    assert!(c.text.contains("双方同意加强合作"));
}

#[test]
fn navigation_bylines_and_contributor_lines() {
    let page = "Skip to main content\nMenu\nWorld | Africa | Americas | Asia | Europe | Middle East\nEgypt hosts Gaza truce talks as mediators push for deal\n4 hours ago\nShare\nSave\nMohamed Saleh\nCairo correspondent\nEgyptian and Qatari mediators met Hamas officials in Cairo on Saturday in a new push to secure a ceasefire in Gaza, Egyptian state media reported.\n\"We are closer than at any time in the past month,\" the official said.\nMore on this story\nIsrael strikes Rafah as talks stall\nRelated Topics\nIsrael-Gaza war";
    let c = clean_text(page, None);
    assert_eq!(
        c.title.as_deref(),
        Some("Egypt hosts Gaza truce talks as mediators push for deal")
    );
    assert_eq!(c.outlet, None, "a menu names no outlet");
    assert_eq!(
        c.text,
        "Egyptian and Qatari mediators met Hamas officials in Cairo on Saturday in a new push to secure a ceasefire in Gaza, Egyptian state media reported.\n\n\"We are closer than at any time in the past month,\" the official said."
    );

    let wire = "TEHRAN, Iran (AP) — Iran's supreme leader on Wednesday rejected new negotiations with the United States, saying talks would be \"neither wise nor honorable.\"\n___\nAssociated Press writer Jon Gambrell in Dubai, United Arab Emirates, contributed to this report.";
    let c = clean_text(wire, None);
    assert_eq!(
        (c.dateline.as_deref(), c.outlet.as_deref()),
        (Some("TEHRAN"), Some("AP"))
    );
    assert!(c
        .text
        .starts_with("Iran's supreme leader on Wednesday rejected"));
    assert!(c.text.ends_with("\"neither wise nor honorable.\""));
}
