//! The quotes stage on wire-style text, with hand-built actor mentions.

use std::time::{Duration, Instant};

use chronicle_core::{
    ActorCode, Article, Document, Mention, MentionKind, Quote, QuoteKind, Span, Stage,
};
use chronicle_quotes::marks::MAX_QUOTE_BYTES;
use chronicle_quotes::QuoteExtractor;

fn segmented(text: &str) -> Document {
    let mut doc = Document::new(Article {
        id: "test".into(),
        text: text.into(),
        ..Default::default()
    });
    chronicle_nlp::Segmenter::new().process(&mut doc);
    doc
}

/// Adds a mention of the `nth` occurrence of `phrase` with actor `code` (country + agent).
fn mention(
    doc: &mut Document,
    phrase: &str,
    nth: usize,
    kind: MentionKind,
    country: &str,
    agent: &str,
) {
    let start = doc
        .text()
        .match_indices(phrase)
        .nth(nth)
        .expect("phrase in text")
        .0;
    let span = Span::new(start, start + phrase.len());
    let sentence = doc.sentence_at(start).expect("phrase in a sentence");
    let tokens = &doc.sentences[sentence].tokens;
    let first = tokens
        .iter()
        .position(|t| t.span.start >= span.start)
        .unwrap();
    let last = tokens.iter().rposition(|t| t.span.end <= span.end).unwrap() + 1;
    let (country, agent) = (
        (!country.is_empty()).then_some(country),
        (!agent.is_empty()).then_some(agent),
    );
    doc.mentions.push(Mention {
        sentence,
        tokens: (first, last),
        span,
        text: phrase.into(),
        kind,
        actor: ActorCode::new(country, agent, ""),
        head: last - 1,
    });
    doc.mentions.sort_by_key(|m| m.span.start);
}

fn run(doc: &mut Document) -> Vec<Quote> {
    QuoteExtractor::new().process(doc);
    doc.quotes.clone()
}

fn code(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().map(|s| s.actor.code.as_str())
}

fn find<'a>(quotes: &'a [Quote], content_start: &str) -> &'a Quote {
    quotes
        .iter()
        .find(|q| q.content_text.starts_with(content_start))
        .unwrap_or_else(|| panic!("no quote starting {content_start:?} in {quotes:#?}"))
}

#[test]
fn stage_is_named_quotes() {
    assert_eq!(QuoteExtractor::new().name(), "quotes");
}

#[test]
fn direct_quote_with_trailing_attribution_gets_the_speaker_code() {
    let text = "KYIV (Reuters) - \"We will not trade territory for a ceasefire,\" Ukrainian President Volodymyr Zelenskiy told reporters on Friday.";
    let mut doc = segmented(text);
    mention(
        &mut doc,
        "Ukrainian President Volodymyr Zelenskiy",
        0,
        MentionKind::Person,
        "UKR",
        "GOV",
    );
    let quotes = run(&mut doc);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    let q = &quotes[0];
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(
        q.content_text,
        "We will not trade territory for a ceasefire"
    );
    assert_eq!(code(q), Some("UKRGOV"));
    assert_eq!(q.speaker.as_ref().unwrap().mention, Some(0));
    assert_eq!(doc.slice(q.cue.unwrap()), "told");
    assert_eq!(q.speaker_text, None);
}

#[test]
fn inverted_attribution_prefers_the_person_over_a_country_in_a_modifier() {
    let text = "“The door to dialogue remains open,” said Iran's Foreign Minister Abbas Araqchi.";
    let mut doc = segmented(text);
    mention(&mut doc, "Iran", 0, MentionKind::Country, "IRN", "");
    mention(
        &mut doc,
        "Iran's Foreign Minister Abbas Araqchi",
        0,
        MentionKind::Person,
        "IRN",
        "GOV",
    );
    let quotes = run(&mut doc);
    assert_eq!(code(&quotes[0]), Some("IRNGOV"));
    assert_eq!(
        quotes[0].speaker.as_ref().unwrap().text,
        "Iran's Foreign Minister Abbas Araqchi"
    );
}

#[test]
fn split_quote_gives_two_quotes_with_one_speaker() {
    let text = "\"We have made progress on the grain corridor,\" Turkish Foreign Minister Hakan Fidan said, \"but the guarantees are not yet in place.\"";
    let mut doc = segmented(text);
    mention(
        &mut doc,
        "Turkish Foreign Minister Hakan Fidan",
        0,
        MentionKind::Person,
        "TUR",
        "GOV",
    );
    let quotes = run(&mut doc);
    assert_eq!(quotes.len(), 2, "{quotes:#?}");
    assert!(quotes
        .iter()
        .all(|q| code(q) == Some("TURGOV") && q.kind == QuoteKind::Direct));
    assert_eq!(quotes[0].cue, quotes[1].cue);
    assert_eq!(
        quotes[1].content_text,
        "but the guarantees are not yet in place."
    );
}

#[test]
fn pronoun_speaker_resolves_to_the_last_speaker() {
    let text = "Brazilian President Luiz Inacio Lula da Silva said Brazil would not join sanctions against Russia.\n\n\"Our position is peace, not war,\" he added.";
    let mut doc = segmented(text);
    mention(
        &mut doc,
        "Brazilian President Luiz Inacio Lula da Silva",
        0,
        MentionKind::Person,
        "BRA",
        "GOV",
    );
    mention(&mut doc, "Brazil", 1, MentionKind::Country, "BRA", "");
    mention(&mut doc, "Russia", 0, MentionKind::Country, "RUS", "");
    let quotes = run(&mut doc);
    let indirect = find(&quotes, "Brazil would not join");
    assert_eq!(indirect.kind, QuoteKind::Indirect);
    assert_eq!(code(indirect), Some("BRAGOV"));
    let direct = find(&quotes, "Our position");
    assert_eq!(code(direct), Some("BRAGOV"));
    assert_eq!(direct.speaker.as_ref().unwrap().text, "he");
}

#[test]
fn the_letter_speaks_for_its_authors() {
    let text = "Five Labour MPs wrote a letter to the prime minister on Monday about arms exports to Israel.\n\n\"The government must suspend all licences immediately,\" the letter said.";
    let mut doc = segmented(text);
    mention(
        &mut doc,
        "Labour MPs",
        0,
        MentionKind::Organisation,
        "GBR",
        "LEG",
    );
    let quotes = run(&mut doc);
    let q = find(&quotes, "The government must");
    assert_eq!(
        q.speaker.as_ref().map(|s| s.text.as_str()),
        Some("the letter")
    );
    assert_eq!(code(q), Some("GBRLEG"));
}

#[test]
fn urged_fragment_is_partial_and_whole_complement_is_direct() {
    let text = "Poland's defence minister urged NATO allies to reinforce air defences on the eastern flank \"without further delay,\" saying Russian drones had crossed the border twice. Kallas added \"Europe will not be intimidated\" and left for Kyiv.";
    let mut doc = segmented(text);
    mention(
        &mut doc,
        "Poland's defence minister",
        0,
        MentionKind::Role,
        "POL",
        "MIL",
    );
    mention(&mut doc, "Kallas", 0, MentionKind::Person, "", "IGO");
    let quotes = run(&mut doc);
    let partial = find(&quotes, "without further delay");
    assert_eq!(partial.kind, QuoteKind::Partial);
    assert_eq!(code(partial), Some("POLMIL"));
    assert_eq!(doc.slice(partial.cue.unwrap()), "urged");
    let saying = find(&quotes, "Russian drones had crossed");
    assert_eq!(
        (saying.kind, code(saying)),
        (QuoteKind::Indirect, Some("POLMIL"))
    );
    let whole = find(&quotes, "Europe will not be intimidated");
    assert_eq!((whole.kind, code(whole)), (QuoteKind::Direct, Some("IGO")));
}

#[test]
fn partial_fragment_inside_reported_clause() {
    let text = "Borrell said the European Union was “prepared to mediate at any moment” the two sides would accept it.";
    let mut doc = segmented(text);
    mention(&mut doc, "Borrell", 0, MentionKind::Person, "", "IGO");
    let quotes = run(&mut doc);
    let partial = find(&quotes, "prepared to mediate");
    assert_eq!(partial.kind, QuoteKind::Partial);
    let indirect = find(&quotes, "the European Union was");
    assert_eq!(indirect.kind, QuoteKind::Indirect);
    assert!(indirect.content.contains(partial.content));
    assert_eq!(code(partial), Some("IGO"));
}

#[test]
fn indirect_forms() {
    let text = "Philippine Defense Secretary Gilberto Teodoro told reporters on Tuesday that Manila would keep resupplying its troops at the shoal. \
                China's coast guard used water cannon against two supply boats, according to the Philippine coast guard. \
                The vessels had entered Chinese waters without permission, the Chinese embassy said in a statement.";
    let mut doc = segmented(text);
    mention(
        &mut doc,
        "Philippine Defense Secretary Gilberto Teodoro",
        0,
        MentionKind::Person,
        "PHL",
        "GOV",
    );
    mention(
        &mut doc,
        "the Philippine coast guard",
        0,
        MentionKind::Organisation,
        "PHL",
        "MIL",
    );
    mention(
        &mut doc,
        "Chinese embassy",
        0,
        MentionKind::Organisation,
        "CHN",
        "GOV",
    );
    let quotes = run(&mut doc);
    assert!(
        quotes.iter().all(|q| q.kind == QuoteKind::Indirect),
        "{quotes:#?}"
    );
    let told = find(&quotes, "Manila would keep");
    assert_eq!(code(told), Some("PHLGOV"));
    let according = find(&quotes, "China's coast guard used");
    assert_eq!(
        according.content_text,
        "China's coast guard used water cannon against two supply boats"
    );
    assert_eq!(code(according), Some("PHLMIL"));
    assert_eq!(doc.slice(according.cue.unwrap()), "according to");
    let trailing = find(&quotes, "The vessels had entered");
    assert_eq!(code(trailing), Some("CHNGOV"));
    assert_eq!(
        trailing.content_text,
        "The vessels had entered Chinese waters without permission"
    );
    assert_eq!(quotes.len(), 3);
}

#[test]
fn sound_bite_marker_names_the_speaker_of_following_quotes() {
    let text = "Report:[Sound bite: Indian External Affairs Minister S. Jaishankar (English)]\"We want the border to be peaceful... \"\"We will not accept unilateral changes.\"The talks lasted two hours.Jaishankar later left for Moscow.";
    let mut doc = segmented(text);
    mention(
        &mut doc,
        "S. Jaishankar",
        0,
        MentionKind::Person,
        "IND",
        "GOV",
    );
    let quotes = run(&mut doc);
    let direct: Vec<&Quote> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    assert_eq!(direct.len(), 2, "{quotes:#?}");
    for q in &direct {
        assert_eq!(code(q), Some("INDGOV"));
        assert_eq!(doc.slice(q.cue.unwrap()), "Sound bite");
        assert_eq!(
            q.speaker.as_ref().unwrap().text,
            "Indian External Affairs Minister S. Jaishankar"
        );
    }
    assert_eq!(
        direct[1].content_text,
        "We will not accept unilateral changes."
    );
}

#[test]
fn multi_paragraph_quote_is_one_quote() {
    let text = "NATO Secretary General Mark Rutte said: “Allies must spend more. The threat has not gone away.\n\n“We cannot afford to be complacent about our deterrence.”\n\nThe summit ends on Thursday.";
    let mut doc = segmented(text);
    mention(
        &mut doc,
        "NATO Secretary General Mark Rutte",
        0,
        MentionKind::Person,
        "",
        "IGO",
    );
    let quotes = run(&mut doc);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    let q = &quotes[0];
    assert_eq!(q.kind, QuoteKind::Direct);
    assert!(q.content_text.starts_with("Allies must spend more."));
    assert!(q.content_text.ends_with("complacent about our deterrence."));
    assert!(!q.content_text.contains("summit"));
    assert_eq!(code(q), Some("IGO"));
}

#[test]
fn quote_paragraph_after_reported_speech_keeps_the_speaker() {
    let text = "Canadian Prime Minister Mark Carney said Canada would match any tariff.\n\n''We did not start this dispute, but we will end it on our terms.''\n\nMarkets fell.";
    let mut doc = segmented(text);
    mention(
        &mut doc,
        "Canadian Prime Minister Mark Carney",
        0,
        MentionKind::Person,
        "CAN",
        "GOV",
    );
    let quotes = run(&mut doc);
    let q = find(&quotes, "We did not start");
    assert_eq!((q.kind, code(q)), (QuoteKind::Direct, Some("CANGOV")));
}

#[test]
fn unbalanced_mark_is_confined_to_its_paragraph() {
    let text = "The junta leader said \"elections will be held when security allows.\n\nECOWAS said the sanctions would remain in place.\n\n\"We are not leaving,\" the colonel told state television.";
    let mut doc = segmented(text);
    let quotes = run(&mut doc);
    let unclosed = find(&quotes, "elections will be held");
    assert!(!unclosed.content_text.contains("ECOWAS"));
    let ecowas = find(&quotes, "the sanctions would remain");
    assert_eq!(ecowas.speaker_text.as_deref(), Some("ECOWAS"));
    let last = find(&quotes, "We are not leaving");
    assert_eq!(last.speaker_text.as_deref(), Some("the colonel"));
    assert_eq!(last.kind, QuoteKind::Direct);
}

#[test]
fn nested_single_quotes_do_not_split_the_quote() {
    let text = "“When they say ‘restraint,’ they mean surrender,” the Houthi spokesman said.";
    let mut doc = segmented(text);
    let quotes = run(&mut doc);
    assert_eq!(quotes.len(), 1);
    assert_eq!(
        quotes[0].content_text,
        "When they say ‘restraint,’ they mean surrender"
    );
    assert_eq!(
        quotes[0].speaker_text.as_deref(),
        Some("the Houthi spokesman")
    );
}

#[test]
fn without_mentions_the_speaker_is_kept_as_text() {
    let text = "\"The embargo is illegal,\" said Cuban Foreign Minister Bruno Rodriguez.";
    let mut doc = segmented(text);
    let quotes = run(&mut doc);
    assert_eq!(quotes[0].speaker, None);
    assert_eq!(
        quotes[0].speaker_text.as_deref(),
        Some("Cuban Foreign Minister Bruno Rodriguez")
    );
}

#[test]
fn scare_quotes_without_speech_are_not_quotes() {
    let text = "The so-called \"Maximum Pressure 2.0\" campaign has few backers in the region.";
    let mut doc = segmented(text);
    assert!(run(&mut doc).is_empty());
}

#[test]
fn huge_quote_is_capped_and_does_not_swallow_the_article() {
    let body = "The ceasefire must hold and the hostages must come home. ".repeat(1_800);
    assert!(body.len() > 100_000);
    let text = format!(
        "\"{body}\" the mediator said.\n\nSeparately, Qatar said talks would resume on Sunday.\n\n\"{body}\n\n\"We remain hopeful,\" the envoy said."
    );
    let mut doc = segmented(&text);
    let start = Instant::now();
    let quotes = run(&mut doc);
    assert!(start.elapsed() < Duration::from_secs(5));
    assert!(quotes
        .iter()
        .all(|q| q.content_text.len() <= MAX_QUOTE_BYTES + 16));
    let first = &quotes[0];
    assert_eq!(first.speaker_text.as_deref(), Some("the mediator"));
    let qatar = find(&quotes, "talks would resume");
    assert_eq!(qatar.speaker_text.as_deref(), Some("Qatar"));
    let hopeful = find(&quotes, "We remain hopeful");
    assert_eq!(hopeful.speaker_text.as_deref(), Some("the envoy"));
}

/// One 100 KB "sentence" without a full stop, dense with cues, commas, "and" and "who":
/// every per-cue scan must stay bounded.
#[test]
fn long_unpunctuated_sentence_stays_fast() {
    let piece = "the army and police in Kharkiv who asked not to be named said , speaking \
                 to reporters , Denmark , which holds the presidency , said the talks and \
                 its allies ";
    let text = piece.repeat(100_000 / piece.len() + 1);
    let mut doc = segmented(&text);
    let start = Instant::now();
    let quotes = run(&mut doc);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert!(quotes.iter().all(|q| q.content.end <= text.len()));
}

#[test]
fn odd_inputs_do_not_panic() {
    let long_line = "\"".repeat(5000);
    let inputs = [
        "",
        "   \n\n  ",
        "\"",
        "''",
        "“”",
        "[Sound bite: ]\"\"",
        "[Sound bite: X]",
        "said said said, said.",
        "according to",
        "\u{0}\u{7}\"x\u{1b}\" he said",
        "普京说：“我们准备谈判。” 他补充说。",
        "«Мы готовы к переговорам», — заявил Лавров.",
        "\"a\" \"b\" \"c\n\"d",
        "‘’‘’’’‘",
        long_line.as_str(),
    ];
    for text in inputs {
        let mut doc = segmented(text);
        let quotes = run(&mut doc);
        for q in &quotes {
            assert!(q.content.end <= text.len());
            assert_eq!(doc.slice(q.content).is_empty(), q.content_text.is_empty());
        }
    }
}

#[test]
fn unsegmented_document_yields_nothing() {
    let mut doc = Document::new(Article {
        text: "\"Hello,\" he said.".into(),
        ..Default::default()
    });
    assert!(run(&mut doc).is_empty());
}

#[test]
fn spans_are_char_boundaries_and_slices_match() {
    let text = "“Ça suffit — nous partons,” declared Jean-Noël Barrot. “Not today,” said Ms. Öztürk, Türkiye’s envoy.";
    let mut doc = segmented(text);
    let quotes = run(&mut doc);
    assert_eq!(quotes.len(), 2, "{quotes:#?}");
    for q in &quotes {
        assert_eq!(doc.slice(q.content), q.content_text);
    }
    assert_eq!(quotes[1].speaker_text.as_deref(), Some("Ms. Öztürk"));
}

#[test]
fn question_quote_relative_clause_and_told_outlet() {
    let text = "\"Who will pay for the reconstruction?\" asked Lebanese Prime Minister Najib Mikati.\n\n\
                The loan, which officials said could be approved in June, would cover fuel imports.\n\n\
                Talks will resume in Cairo next week, two Egyptian security sources told Reuters.";
    let mut doc = segmented(text);
    mention(
        &mut doc,
        "Lebanese Prime Minister Najib Mikati",
        0,
        MentionKind::Person,
        "LBN",
        "GOV",
    );
    let quotes = run(&mut doc);
    let question = find(&quotes, "Who will pay");
    assert_eq!(
        (question.kind, code(question)),
        (QuoteKind::Direct, Some("LBNGOV"))
    );
    let relative = find(&quotes, "could be approved");
    assert_eq!(relative.content_text, "could be approved in June");
    assert_eq!(relative.speaker_text.as_deref(), Some("officials"));
    let sources = find(&quotes, "Talks will resume");
    assert_eq!(
        sources.speaker_text.as_deref(),
        Some("two Egyptian security sources")
    );
    assert_eq!(quotes.len(), 3, "{quotes:#?}");
}

#[test]
fn verbs_with_plain_objects_are_not_reports() {
    let text = "The White House announced new sanctions on Iranian oil. Scholz warned against a trade war. \
                The senators wrote to the secretary of state on Monday.";
    let mut doc = segmented(text);
    let quotes = run(&mut doc);
    assert!(quotes.is_empty(), "{quotes:#?}");
}

#[test]
fn uses_the_parse_when_present() {
    // "Officials in Seoul who briefed KBS said talks would resume": without a parse the
    // subject phrase stops at "who"; the parse gives the whole subject.
    let text = "Officials in Seoul who briefed KBS said talks would resume.";
    let mut doc = segmented(text);
    let heads = [6, 2, 0, 4, 0, 4, 6, 9, 9, 6, 6];
    let rels = [
        "nsubj",
        "case",
        "nmod",
        "nsubj",
        "acl:relcl",
        "obj",
        "root",
        "nsubj",
        "aux",
        "ccomp",
        "punct",
    ];
    let tokens = &mut doc.sentences[0].tokens;
    assert_eq!(tokens.len(), heads.len(), "{tokens:?}");
    for (i, t) in tokens.iter_mut().enumerate() {
        t.head = (rels[i] != "root").then_some(heads[i]);
        t.deprel = rels[i].to_owned();
    }
    // Token 6 is "said"; token 0 "Officials" is its subject, spanning "Officials … KBS".
    let quotes = run(&mut doc);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert_eq!(
        quotes[0].speaker_text.as_deref(),
        Some("Officials in Seoul who briefed KBS")
    );
}

#[test]
fn sound_bite_speaker_resolves_through_a_mention_of_the_name_elsewhere() {
    let text = "Russian Foreign Minister Sergey Lavrov met his Chinese counterpart in Beijing.[Sound bite: Russian Foreign Minister Sergey Lavrov (Russian via interpreter)]\"Our positions coincide on all key issues.\"The talks lasted three hours.";
    let mut doc = segmented(text);
    mention(
        &mut doc,
        "Russian Foreign Minister Sergey Lavrov",
        0,
        MentionKind::Person,
        "RUS",
        "GOV",
    );
    let quotes = run(&mut doc);
    let q = find(&quotes, "Our positions coincide");
    assert_eq!(code(q), Some("RUSGOV"));
    assert_eq!(q.speaker.as_ref().unwrap().mention, Some(0));
}

/// Random mixes of quote marks, brackets, cue words and line breaks: no panic, and every
/// span lies inside the text on character boundaries.
#[test]
fn random_mark_soup_never_panics() {
    let pieces = [
        "\"",
        "“",
        "”",
        "''",
        "‘",
        "’",
        "[Sound bite: ",
        "]",
        " said",
        " told reporters",
        ", ",
        ". ",
        "\n\n",
        " the minister",
        " he",
        " according to",
        " that",
        " Ωμέγα",
        " 北京",
        "—",
        " urged",
        "'''",
        "``",
        "«",
        "»",
        "„",
        " said:",
        "\n",
        ", said",
        " adding that",
        " saying",
        "SEOUL (Reuters) -",
        " U.S.",
        "?",
        "!",
        " which officials said",
        " asked",
        " it",
        " Wong",
        " (",
        ")",
        " X",
        "...",
        " wrote a letter",
        " the letter said",
        ":",
        "\u{0}",
        "(SOUNDBITE) (English) ",
        " SAYING:",
        "'",
        " and its allies",
        ", which holds",
        " who asked",
        " R-Texas,",
        " (JCS)",
        ", speaking on condition of anonymity",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..300 {
        let mut text = String::new();
        let n = (seed % 120) as usize + 1;
        for _ in 0..n {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        let mut doc = segmented(&text);
        for q in QuoteExtractor::new().extract(&doc) {
            assert!(
                text.is_char_boundary(q.quote.content.start)
                    && text.is_char_boundary(q.quote.content.end)
            );
            assert!(q.quote.content.end <= text.len());
            if let Some(s) = q.quote.speaker_span {
                assert!(s.end <= text.len() && text.is_char_boundary(s.start));
            }
        }
        QuoteExtractor::new().process(&mut doc);
    }
}

#[test]
fn non_speech_uses_of_cue_words_are_not_reports() {
    let text = "The army added 5,000 troops to the border force last year.\n\n\
                That said, the government has few options left.\n\n\
                He told the story of his escape from Aleppo many times.\n\n\
                Needless to say, the plan failed.";
    let mut doc = segmented(text);
    let quotes = run(&mut doc);
    assert!(quotes.is_empty(), "{quotes:#?}");
}

#[test]
fn relative_who_says_reports_for_the_phrase_before() {
    let text = "Venezuelan opposition leader Maria Corina Machado, who says she won the vote, left the country.";
    let mut doc = segmented(text);
    mention(
        &mut doc,
        "Venezuelan opposition leader Maria Corina Machado",
        0,
        MentionKind::Person,
        "VEN",
        "OPP",
    );
    let quotes = run(&mut doc);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert_eq!(quotes[0].content_text, "she won the vote");
    assert_eq!(code(&quotes[0]), Some("VENOPP"));
}

#[test]
fn quoted_as_saying_and_spoke_that() {
    let text = "Iran's foreign minister was quoted as saying that Tehran would respond to any attack.\n\n\
                Admiral Samuel Paparo spoke to journalists in Honolulu on Monday that the fleet could deploy within days.";
    let mut doc = segmented(text);
    mention(
        &mut doc,
        "Iran's foreign minister",
        0,
        MentionKind::Role,
        "IRN",
        "GOV",
    );
    mention(
        &mut doc,
        "Admiral Samuel Paparo",
        0,
        MentionKind::Person,
        "USA",
        "MIL",
    );
    let quotes = run(&mut doc);
    let quoted = find(&quotes, "Tehran would respond");
    assert_eq!(code(quoted), Some("IRNGOV"));
    let spoke = find(&quotes, "the fleet could deploy");
    assert_eq!(code(spoke), Some("USAMIL"));
    assert_eq!(quotes.len(), 2, "{quotes:#?}");
}
