//! Attribution forms added for issue 7 (second development round): speaker phrase
//! boundaries, cue-less quotes, "according to" in all positions, content boundaries.

use chronicle_core::QuoteKind;
use chronicle_quotes::eval::extract_text;
use chronicle_quotes::ExtractedQuote;

/// (speaker phrase, content pieces joined by " | ", kind) of every quote.
fn quotes(text: &str) -> Vec<(String, String, QuoteKind)> {
    let (doc, found) = extract_text("forms", text);
    found
        .iter()
        .map(|q: &ExtractedQuote| {
            let speaker = q.quote.speaker_span.map(|s| doc.slice(s)).unwrap_or("-");
            let content: Vec<&str> = q.quote.fragments.iter().map(|f| doc.slice(*f)).collect();
            (speaker.to_owned(), content.join(" | "), q.quote.kind)
        })
        .collect()
}

fn has(text: &str, speaker: &str, content: &str) {
    let all = quotes(text);
    assert!(
        all.iter().any(|(s, c, _)| s == speaker && c == content),
        "no ({speaker:?}, {content:?}) in {all:#?}"
    );
}

#[test]
fn hearer_of_told_ends_before_the_reported_subject() {
    has(
        "A senior Ukrainian official told Reuters the preconditions were not negotiable.",
        "A senior Ukrainian official",
        "the preconditions were not negotiable",
    );
    has(
        "Army spokesman Nabil Abdallah told AFP the army had repelled an attack on El Obeid.",
        "Army spokesman Nabil Abdallah",
        "the army had repelled an attack on El Obeid",
    );
    // The hearer's own phrase is still skipped whole.
    has(
        "Kanaani told the state news agency IRNA on Monday that Tehran would respond.",
        "Kanaani",
        "Tehran would respond",
    );
    has(
        "Grossi told reporters the plant's last power line had been cut.",
        "Grossi",
        "the plant's last power line had been cut",
    );
}

#[test]
fn restrictive_relative_clause_stays_in_the_speaker_phrase() {
    has(
        "A senior European diplomat who asked not to be named said the summit would be postponed.",
        "A senior European diplomat who asked not to be named",
        "the summit would be postponed",
    );
    // "declined to be identified" does not negate the cue.
    has(
        "An Egyptian security source who declined to be identified said the crossing had reopened.",
        "An Egyptian security source who declined to be identified",
        "the crossing had reopened",
    );
    // A comma-set relative clause is an appositive, not part of the phrase.
    has(
        "Labour MP Emily Thornberry, who chairs the committee, said sanctions should be extended.",
        "Labour MP Emily Thornberry",
        "sanctions should be extended",
    );
}

#[test]
fn refused_cues_are_still_negated() {
    let all = quotes("The ministry declined to say whether the ambassador would be recalled.");
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn quoted_by_an_outlet_as_saying() {
    has(
        "The Kremlin's spokesman Dmitry Peskov was quoted by the TASS news agency as saying that no date had been set.",
        "The Kremlin's spokesman Dmitry Peskov",
        "no date had been set",
    );
}

#[test]
fn media_quoted_someone_as_saying() {
    has(
        "Chinese state media quoted Xi as saying that China would never seek hegemony.",
        "Xi",
        "China would never seek hegemony",
    );
}

#[test]
fn that_after_a_long_adverbial_and_embedded_that() {
    has(
        "The General Staff said in a press release carried by the official KCNA news agency that the measure was defensive.",
        "The General Staff",
        "the measure was defensive",
    );
    // The "that" of the reported clause's own verb is content.
    has(
        "The Kremlin said the debate showed that Berlin was being drawn into the conflict.",
        "The Kremlin",
        "the debate showed that Berlin was being drawn into the conflict",
    );
}

#[test]
fn content_ends_before_a_second_act_or_a_comment() {
    has(
        "Writing on X, Mr Lammy said settler attacks were appalling and called on Israel to act.",
        "Mr Lammy",
        "settler attacks were appalling",
    );
    has(
        "The RSF said it had shot down an army jet over Omdurman, a claim that could not be verified.",
        "The RSF",
        "it had shot down an army jet over Omdurman",
    );
}

#[test]
fn appositive_subject_is_not_read_as_an_inverted_speaker() {
    has(
        "Mykola Bielieskov, a research fellow at the institute, said the pressure on Washington was growing.",
        "Mykola Bielieskov",
        "the pressure on Washington was growing",
    );
}

#[test]
fn according_to_in_every_position() {
    has(
        "\"We will respond at a time of our choosing,\" according to a statement from Iran's foreign ministry.",
        "a statement from Iran's foreign ministry",
        "We will respond at a time of our choosing",
    );
    has(
        "Five soldiers were killed in the attack according to local officials.",
        "local officials",
        "Five soldiers were killed in the attack",
    );
    // Mid-clause: the clause around the phrase, in two pieces.
    has(
        "The plan, according to two officials familiar with the talks, would see troops withdraw.",
        "two officials familiar with the talks",
        "The plan | would see troops withdraw",
    );
    // An appositive after the source is not content.
    has(
        "At least 80 people were killed, according to the Sudan Doctors Network, a medical group.",
        "the Sudan Doctors Network",
        "At least 80 people were killed",
    );
}

#[test]
fn quoted_word_then_inverted_report_is_one_clause() {
    has(
        "The ceasefire deal was \"dead,\" a senior EU diplomat said on Monday.",
        "a senior EU diplomat",
        "The ceasefire deal was \"dead",
    );
}

#[test]
fn quoted_sentences_without_a_cue() {
    let text = "Lavrov: \"The West must stop arming Kyiv\"\n\n\
                The message from Egypt's foreign ministry was blunt: \"There is no military solution to this war.\"\n\n\
                Sudan's army spokesman said the offensive would go on.\n\n\
                \"This war will end only when the militia surrenders.\"";
    has(text, "Lavrov", "The West must stop arming Kyiv");
    has(
        text,
        "Egypt's foreign ministry",
        "There is no military solution to this war.",
    );
    has(
        text,
        "Sudan's army spokesman",
        "This war will end only when the militia surrenders.",
    );
}

#[test]
fn scare_quotes_and_titles_are_not_quotes() {
    let all = quotes(
        "The so-called \"Board of Peace\" met in Cairo.\n\nThe ministry called the report \"biased\".\n\n\
         Delegates watched \"The Long Road Home\" at the festival.",
    );
    assert!(
        all.iter()
            .all(|(_, c, _)| c != "Board of Peace" && c != "The Long Road Home"),
        "{all:#?}"
    );
}

#[test]
fn belief_cues_need_that() {
    has(
        "Western diplomats believe that sanctions have failed to change Moscow's course.",
        "Western diplomats",
        "sanctions have failed to change Moscow's course",
    );
    let all = quotes("Analysts believe the sanctions regime.");
    assert!(all.is_empty(), "{all:#?}");
}
