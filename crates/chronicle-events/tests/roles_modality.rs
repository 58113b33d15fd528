//! Role assignment (passive, conjunctions, reported speech, parse) and modality.

mod common;

use chronicle_core::{Modality, Stage};
use chronicle_events::EventCoder;
use common::{add_quote, doc_with_actors, events, only, t, triple, triples};

#[test]
fn passive_agent_is_the_source_and_the_subject_the_target() {
    let e = only(
        "Japan was sharply criticised by China on Monday for its new defence budget.",
        &[("Japan", "JPN"), ("China", "CHN")],
    );
    assert_eq!(triple(&e), t("CHN", "JPN", "111"));
    let e = only(
        "Belgrade was urged by Brussels to release the detained journalists.",
        &[("Belgrade", "SRB"), ("Brussels", "IGOEU")],
    );
    assert_eq!(triple(&e), t("IGOEU", "SRB", "0253"));
}

#[test]
fn conjoined_sources_each_get_an_event() {
    assert_eq!(
        triples(
            "China and Russia condemned the new sanctions against Iran.",
            &[("China", "CHN"), ("Russia", "RUS"), ("Iran", "IRN")]
        ),
        vec![t("CHN", "IRN", "111"), t("RUS", "IRN", "111")]
    );
}

#[test]
fn subject_skips_modifiers_in_prepositional_phrases() {
    assert_eq!(
        triples(
            "The ambassador of Sweden to the United Nations met with Indonesia's envoy.",
            &[
                ("Sweden", "SWE"),
                ("the United Nations", "IGOUNO"),
                ("Indonesia", "IDN")
            ]
        ),
        vec![],
        "no subject actor: Sweden and the UN are modifiers"
    );
    assert_eq!(
        triples(
            "Seoul's envoy to the United Nations met with Japanese diplomats in New York.",
            &[
                ("Seoul", "KOR"),
                ("the United Nations", "IGOUNO"),
                ("Japanese", "JPN"),
                ("New York", "USA")
            ]
        ),
        vec![t("KOR", "JPN", "040")]
    );
}

#[test]
fn coordinated_and_participial_clauses_share_the_subject() {
    assert_eq!(
        triples(
            "Tillerson met Lavrov in Moscow on Friday and criticised Syria over the chemical attack.",
            &[("Tillerson", "USAGOV"), ("Lavrov", "RUSGOV"), ("Moscow", "RUS"), ("Syria", "SYR")]
        ),
        vec![t("USAGOV", "RUSGOV", "040"), t("USAGOV", "SYR", "111")]
    );
    assert_eq!(
        triples(
            "The Australian foreign minister praised Fiji's elections, urging Samoa to follow suit.",
            &[("The Australian foreign minister", "AUSGOV"), ("Fiji", "FJI"), ("Samoa", "WSM")]
        ),
        vec![t("AUSGOV", "FJI", "051"), t("AUSGOV", "WSM", "020")]
    );
}

#[test]
fn reported_speech_takes_the_clause_subject_else_the_speaker() {
    assert_eq!(
        triples(
            "Tokyo said Seoul had agreed to resume talks with Pyongyang.",
            &[("Tokyo", "JPN"), ("Seoul", "KOR"), ("Pyongyang", "PRK")]
        ),
        vec![t("KOR", "PRK", "036")]
    );
    let text = "\u{201c}We are ready to sign a peace treaty with Azerbaijan,\u{201d} the Armenian prime minister said.";
    let mut doc = doc_with_actors(
        text,
        &[
            ("Azerbaijan", "AZE"),
            ("the Armenian prime minister", "ARMGOV"),
        ],
    );
    add_quote(
        &mut doc,
        "We are ready to sign a peace treaty with Azerbaijan,",
        "ARMGOV",
    );
    let evs = events(&mut doc);
    assert_eq!(
        evs.iter().map(triple).collect::<Vec<_>>(),
        vec![t("ARMGOV", "AZE", "037")]
    );
    assert_eq!(evs[0].quote, Some(0));
}

#[test]
fn talking_about_or_to_someone_is_no_event() {
    // Talking *about* a country is no dyadic event (no gold writer codes it) …
    assert_eq!(
        triples(
            "The Kremlin said on Tuesday that its position on Ukraine had not changed.",
            &[("The Kremlin", "RUSGOV"), ("Ukraine", "UKR")]
        ),
        vec![]
    );
    // … nor is telling a government something (none of the 24 development sets codes it) …
    assert_eq!(
        triples(
            "The Kremlin told Kyiv on Tuesday that its position had not changed.",
            &[("The Kremlin", "RUSGOV"), ("Kyiv", "UKRGOV")]
        ),
        vec![]
    );
    // … nor answering reporters' questions.
    assert_eq!(
        triples(
            "The spokesman told reporters in Moscow that talks would continue.",
            &[("The spokesman", "RUSGOV"), ("reporters", "RUSMED")]
        ),
        vec![]
    );
    assert_eq!(
        triples(
            "The Kremlin said Moscow would host Chinese President Xi Jinping next month.",
            &[
                ("The Kremlin", "RUSGOV"),
                ("Moscow", "RUS"),
                ("Chinese President Xi Jinping", "CHNGOV")
            ]
        ),
        vec![t("RUS", "CHNGOV", "036")]
    );
}

#[test]
fn negation_flags_or_turns_into_rejection() {
    let e = only(
        "The Iranian delegation did not meet with US negotiators in Vienna.",
        &[
            ("The Iranian delegation", "IRNGOV"),
            ("US", "USA"),
            ("Vienna", "AUT"),
        ],
    );
    assert_eq!(triple(&e), t("IRNGOV", "USA", "040"));
    assert!(e.negated);
    assert_eq!(e.modality, Modality::Negated);

    let e = only(
        "Tehran said it would not accept any preconditions for talks with Washington.",
        &[("Tehran", "IRN"), ("Washington", "USA")],
    );
    assert_eq!(triple(&e), t("IRN", "USA", "120"));
    assert!(!e.negated);

    let e = only(
        "Pyongyang refused to hold talks with Seoul.",
        &[("Pyongyang", "PRK"), ("Seoul", "KOR")],
    );
    assert_eq!(triple(&e), t("PRK", "KOR", "125"));
}

#[test]
fn future_becomes_intent_or_is_flagged() {
    let e = only(
        "Japan's prime minister will visit Canberra next month.",
        &[("Japan", "JPN"), ("Canberra", "AUS")],
    );
    assert_eq!(triple(&e), t("JPN", "AUS", "036"));
    let e = only(
        "Brazil will recognize Palestine as a state.",
        &[("Brazil", "BRA"), ("Palestine", "PSE")],
    );
    assert_eq!(triple(&e), t("BRA", "PSE", "054"));
    assert_eq!(e.modality, Modality::Future);
}

#[test]
fn hypotheticals_become_threats_or_are_flagged() {
    let e = only(
        "Washington could use military force against Pyongyang if diplomacy fails.",
        &[("Washington", "USA"), ("Pyongyang", "PRK")],
    );
    assert_eq!(triple(&e), t("USA", "PRK", "138"));
    assert_eq!(e.modality, Modality::Asserted);
    let e = only(
        "Ankara might recognize Kosovo next year.",
        &[("Ankara", "TUR"), ("Kosovo", "XKX")],
    );
    assert_eq!(e.modality, Modality::Hypothetical);
}

#[test]
fn no_self_dyads_and_no_events_without_actors() {
    assert!(triples(
        "Officials held talks on Monday and condemned the attack.",
        &[]
    )
    .is_empty());
    assert!(triples(
        "Delegates criticized the proposal at the summit in Geneva.",
        &[("Geneva", "CHE")]
    )
    .is_empty());
    assert!(triples(
        "Moscow criticized Russia's central bank.",
        &[("Moscow", "RUS"), ("Russia", "RUS")]
    )
    .is_empty());
}

#[test]
fn a_dependency_parse_overrides_the_word_order_heuristics() {
    // "Canberra criticized Beijing", parsed (deliberately) with Beijing as the subject.
    let mut doc = doc_with_actors(
        "Canberra criticized Beijing.",
        &[("Canberra", "AUS"), ("Beijing", "CHN")],
    );
    let tokens = &mut doc.sentences[0].tokens;
    for (tok, (head, rel)) in tokens.iter_mut().zip([
        (Some(1), "obj"),
        (None, "root"),
        (Some(1), "nsubj"),
        (Some(1), "punct"),
    ]) {
        tok.head = head;
        tok.deprel = rel.to_owned();
    }
    EventCoder::new().process(&mut doc);
    assert_eq!(
        doc.events.iter().map(triple).collect::<Vec<_>>(),
        vec![t("CHN", "AUS", "111")]
    );
}

#[test]
fn participles_describing_a_noun_are_not_new_events() {
    assert_eq!(
        triples(
            "Venezuelan authorities arrested two U.S. citizens accused of plotting against President Nicolas Maduro.",
            &[("Venezuelan authorities", "VENGOV"), ("U.S.", "USA"), ("President Nicolas Maduro", "VENGOV")]
        ),
        vec![t("VENGOV", "USA", "173")]
    );
}

#[test]
fn events_in_conditions_are_hypothetical() {
    let e = only(
        "Ankara will keep blocking the bid until Stockholm cracks down on Kurdish militants.",
        &[
            ("Ankara", "TUR"),
            ("Stockholm", "SWE"),
            ("Kurdish militants", "TURREB"),
        ],
    );
    assert_eq!(triple(&e), t("SWE", "TURREB", "175"));
    assert_eq!(e.modality, Modality::Hypothetical);
}

#[test]
fn capitalised_name_parts_are_not_verbs() {
    // "Secretary of State", "United States" must not trigger "state" statements.
    assert!(triples(
        "U.S. Secretary of State Antony Blinken and the United States ambassador arrived.",
        &[("U.S.", "USA"), ("Antony Blinken", "USAGOV")]
    )
    .is_empty());
}

#[test]
fn possessors_own_nominal_triggers_and_mentioned_acts_are_not_coded() {
    assert_eq!(
        triples(
            "Pyongyang ignored Tokyo's call for talks on the abduction issue.",
            &[("Pyongyang", "PRK"), ("Tokyo", "JPN")]
        ),
        vec![t("JPN", "-", "026")]
    );
    assert!(triples(
        "The Cuban envoy made no reference to the demand for the prisoners' release.",
        &[("The Cuban envoy", "CUBGOV")]
    )
    .is_empty());
}

#[test]
fn the_head_before_an_appositive_is_the_subject() {
    assert_eq!(
        triples(
            "Ri Son Gwon, North Korea's foreign minister, criticised Seoul on Tuesday.",
            &[
                ("Ri Son Gwon", "PRKGOV"),
                ("North Korea", "PRK"),
                ("Seoul", "KOR")
            ]
        ),
        vec![t("PRKGOV", "KOR", "111")]
    );
}

#[test]
fn a_that_clause_without_its_own_subject_takes_the_speaker() {
    assert_eq!(
        triples(
            "Tokyo said that it would impose fresh sanctions on Pyongyang.",
            &[("Tokyo", "JPN"), ("Pyongyang", "PRK")]
        ),
        vec![t("JPN", "PRK", "1312")]
    );
}

#[test]
fn negated_intent_is_a_refusal_but_past_negation_only_a_flag() {
    let e = only(
        "Islamabad said it would not hold talks with New Delhi until the curfew ends.",
        &[("Islamabad", "PAKGOV"), ("New Delhi", "INDGOV")],
    );
    assert_eq!(triple(&e), t("PAKGOV", "INDGOV", "125"));
    assert!(!e.negated);
    let e = only(
        "The Turkish foreign minister did not meet his Greek counterpart in Brussels.",
        &[
            ("The Turkish foreign minister", "TURGOV"),
            ("Greek counterpart", "GRCGOV"),
            ("Brussels", "BEL"),
        ],
    );
    assert_eq!(triple(&e), t("TURGOV", "GRCGOV", "040"));
    assert!(e.negated);
}

#[test]
fn an_opening_condition_is_no_threat_and_no_sanction() {
    let mut doc = doc_with_actors(
        "If Washington imposes new tariffs, Beijing will retaliate, the ministry warned.",
        &[("Washington", "USAGOV"), ("Beijing", "CHNGOV")],
    );
    let evs = events(&mut doc);
    let tariffs: Vec<_> = evs.iter().filter(|e| e.cameo.starts_with("16")).collect();
    assert_eq!(
        tariffs.len(),
        1,
        "{:?}",
        evs.iter().map(triple).collect::<Vec<_>>()
    );
    assert_eq!(tariffs[0].modality, Modality::Hypothetical);
    assert!(evs.iter().all(|e| e.cameo != "1312"));
}

#[test]
fn reported_clause_subjects_are_not_statement_targets() {
    assert_eq!(
        triples(
            "Seoul's defence ministry said North Korea had moved rocket launchers closer.",
            &[
                ("Seoul's defence ministry", "KORMIL"),
                ("North Korea", "PRK")
            ]
        ),
        vec![]
    );
}

#[test]
fn a_state_and_its_own_organs_are_one_side() {
    assert_eq!(
        triples(
            "The Iranian army chief warned Iran against complacency.",
            &[("The Iranian army chief", "IRNMIL"), ("Iran", "IRN")]
        ),
        vec![]
    );
    assert_eq!(
        triples(
            "Kenyan police arrested Kenyan opposition leaders in Nairobi.",
            &[
                ("Kenyan police", "KENCOP"),
                ("Kenyan opposition leaders", "KENOPP"),
                ("Nairobi", "KEN")
            ]
        ),
        vec![t("KENCOP", "KENOPP", "173")]
    );
}

#[test]
fn a_nominal_visit_that_is_expected_is_an_intent() {
    assert_eq!(
        triples(
            "The Kenyan president's visit to Uganda is expected to focus on trade.",
            &[("The Kenyan president", "KENGOV"), ("Uganda", "UGA")]
        ),
        vec![t("KENGOV", "UGA", "036")]
    );
}

#[test]
fn scare_quotes_do_not_break_the_clause() {
    // A short quoted phrase belongs to its clause: the verb after it keeps the subject.
    assert_eq!(
        triples(
            "Lammy called the decision \"a disgrace\" and accused Moscow of lying.",
            &[("Lammy", "GBRGOV"), ("Moscow", "RUSGOV")]
        ),
        // The criticism names no one and no earlier event says whose decision it was: a
        // criticism of no one is not coded.
        vec![t("GBRGOV", "RUSGOV", "112")]
    );
}

#[test]
fn a_threat_against_the_subject_comes_from_the_speaker() {
    assert_eq!(
        triples(
            "Iraq and Jordan will pay a heavy price for hosting the attackers, Iran's foreign minister said.",
            &[
                ("Iraq", "IRQ"),
                ("Jordan", "JOR"),
                ("Iran's foreign minister", "IRNGOV")
            ]
        ),
        vec![t("IRNGOV", "IRQ", "138"), t("IRNGOV", "JOR", "138")]
    );
}

#[test]
fn a_stated_intention_to_retaliate_is_a_threat_and_the_act_is_not() {
    // The threat is aimed at whoever acted before in the article …
    let threat = triples(
        "Seoul imposed new sanctions on North Korean banks on Monday. Pyongyang will respond to the sanctions with overwhelming force.",
        &[("Seoul", "KORGOV"), ("North Korean", "PRK"), ("Pyongyang", "PRKGOV")],
    );
    assert!(threat.contains(&t("PRKGOV", "KORGOV", "138")), "{threat:?}");
    // … and a threat at no one the article names is not coded.
    assert_eq!(
        triples(
            "Pyongyang will respond to the drills with overwhelming force.",
            &[("Pyongyang", "PRKGOV")]
        ),
        vec![]
    );
    let past = triples(
        "Pyongyang responded to the drills on Friday with a statement.",
        &[("Pyongyang", "PRKGOV")],
    );
    assert!(past.iter().all(|e| !e.2.starts_with("13")), "{past:?}");
}

#[test]
fn criticism_drawn_from_others_targets_the_subject() {
    assert_eq!(
        triples(
            "Hungary blocked the aid package on Thursday, drawing sharp criticism from Poland and Lithuania.",
            &[("Hungary", "HUN"), ("Poland", "POL"), ("Lithuania", "LTU")]
        ),
        vec![t("POL", "HUN", "111"), t("LTU", "HUN", "111")]
    );
}

#[test]
fn an_intent_needs_someone_to_do_it_with() {
    assert_eq!(
        triples(
            "Tehran said it was ready to resume talks with Washington.",
            &[("Tehran", "IRNGOV"), ("Washington", "USAGOV")]
        ),
        vec![t("IRNGOV", "USAGOV", "036")]
    );
    assert!(triples(
        "Tehran said it was ready to return to talks immediately.",
        &[("Tehran", "IRNGOV")]
    )
    .is_empty());
}

#[test]
fn an_object_pronoun_is_the_target_just_named() {
    assert_eq!(
        triples(
            "Kenyan police arrested two Somali diplomats on Monday and accused them of spying.",
            &[("Kenyan police", "KENCOP"), ("Somali diplomats", "SOMGOV")]
        ),
        // "accused them of spying" now binds the pronoun, so the spying sub-code applies.
        vec![t("KENCOP", "SOMGOV", "173"), t("KENCOP", "SOMGOV", "1125")]
    );
}

#[test]
fn a_clause_coordinated_with_a_condition_is_a_condition_too() {
    let mut doc = doc_with_actors(
        "The ministers said they would delay the sanctions if Iran restored access for inspectors and resumed talks with the United States.",
        &[("Iran", "IRN"), ("the United States", "USA")],
    );
    let evs = events(&mut doc);
    assert!(
        evs.iter()
            .filter(|e| e.cameo.starts_with("04"))
            .all(|e| e.modality == Modality::Hypothetical),
        "{:?}",
        evs.iter().map(triple).collect::<Vec<_>>()
    );
    // Without the condition the talks are asserted.
    let mut doc = doc_with_actors(
        "Iran restored access for inspectors and resumed talks with the United States.",
        &[("Iran", "IRN"), ("the United States", "USA")],
    );
    let evs = events(&mut doc);
    assert!(evs
        .iter()
        .any(|e| e.cameo.starts_with("04") && e.modality == Modality::Asserted));
}

#[test]
fn an_adverb_before_a_coordinated_verb_keeps_the_first_subject() {
    // "and temporarily recalled": the possessor "Iran's" in the first verb's object is not
    // the subject of the second.
    assert_eq!(
        triples(
            "The UK has sanctioned Iran's prosecutor-general and temporarily recalled its ambassador from Tehran.",
            &[("UK", "GBR"), ("Iran", "IRN"), ("Tehran", "IRNGOV")]
        ),
        vec![t("GBR", "IRN", "163"), t("GBR", "IRNGOV", "161")]
    );
}
