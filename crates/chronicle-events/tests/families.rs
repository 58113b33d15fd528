//! One realistic wire sentence per pattern family, with roles checked.

mod common;

use common::{asserted, only, t, triples};

#[test]
fn appeal_to_refrain_from_tests_is_an_appeal_for_de_escalation_not_a_test() {
    let e = only(
        "Japanese Foreign Minister Taro Kono on Tuesday urged Iran to refrain from further ballistic missile tests.",
        &[("Japanese Foreign Minister Taro Kono", "JPNGOV"), ("Iran", "IRN")],
    );
    assert_eq!(common::triple(&e), t("JPNGOV", "IRN", "0256"));
    assert_eq!(
        e.cameo_name,
        "Appeal for de-escalation of military engagement"
    );
    assert_eq!(e.quad_class, 1);
    assert_eq!(e.plover.event.as_deref(), Some("REQUEST"));
    assert!(e.date.is_none());
}

#[test]
fn appeal_sub_codes_follow_the_complement() {
    let eu = [("The European Union", "IGOEU"), ("Belarus", "BLR")];
    assert_eq!(
        triples(
            "The European Union called on Belarus to release all political prisoners.",
            &eu
        ),
        vec![t("IGOEU", "BLR", "0253")]
    );
    assert_eq!(
        triples(
            "The European Union pressed Belarus to lift restrictions on independent media.",
            &eu
        ),
        vec![t("IGOEU", "BLR", "0251")]
    );
    assert_eq!(
        triples(
            "Germany called for talks between Moscow and Kyiv.",
            &[("Germany", "DEU"), ("Moscow", "RUS"), ("Kyiv", "UKR")]
        ),
        vec![t("DEU", "RUS", "026"), t("DEU", "UKR", "026")]
    );
}

#[test]
fn conjoined_targets_give_one_event_each_and_the_complement_is_not_coded() {
    let got = triples(
        "Britain urged France and Germany on Wednesday to tighten sanctions on Moscow.",
        &[
            ("Britain", "GBR"),
            ("France", "FRA"),
            ("Germany", "DEU"),
            ("Moscow", "RUS"),
        ],
    );
    assert_eq!(got, vec![t("GBR", "FRA", "022"), t("GBR", "DEU", "022")]);
}

#[test]
fn intent_to_meet() {
    let e = only(
        "Seoul is ready to resume dialogue with Pyongyang, the unification ministry said on Monday.",
        &[("Seoul", "KOR"), ("Pyongyang", "PRK")],
    );
    assert_eq!(common::triple(&e), t("KOR", "PRK", "036"));
}

#[test]
fn talks_skip_the_place_and_meetings_pair_conjoined_sources() {
    assert_eq!(
        triples(
            "Chinese President Xi Jinping held talks with Russian President Vladimir Putin in Moscow on Monday.",
            &[("Chinese President Xi Jinping", "CHNGOV"), ("Russian President Vladimir Putin", "RUSGOV"), ("Moscow", "RUS")]
        ),
        vec![t("CHNGOV", "RUSGOV", "040")]
    );
    assert_eq!(
        triples(
            "Indian and Pakistani officials met in Geneva on Thursday.",
            &[("Indian", "IND"), ("Pakistani", "PAK"), ("Geneva", "CHE")]
        ),
        vec![t("IND", "PAKGOV", "040"), t("PAKGOV", "IND", "040")]
    );
}

#[test]
fn visits_phone_calls_and_nominal_visits() {
    assert_eq!(
        triples(
            "Turkish Foreign Minister Mevlut Cavusoglu visited Baghdad on Sunday.",
            &[
                ("Turkish Foreign Minister Mevlut Cavusoglu", "TURGOV"),
                ("Baghdad", "IRQ")
            ]
        ),
        vec![t("TURGOV", "IRQ", "042")]
    );
    assert_eq!(
        triples(
            "French President Emmanuel Macron held a phone call with Joe Biden on Tuesday.",
            &[
                ("French President Emmanuel Macron", "FRAGOV"),
                ("Joe Biden", "USAGOV")
            ]
        ),
        vec![t("FRAGOV", "USAGOV", "041")]
    );
    assert_eq!(
        triples(
            "Officials in Hanoi said Lavrov's visit to Vietnam would focus on energy.",
            &[("Hanoi", "VNM"), ("Lavrov", "RUSGOV"), ("Vietnam", "VNM")]
        ),
        vec![t("RUSGOV", "VNM", "042")]
    );
}

#[test]
fn cooperation_praise_and_agreements() {
    assert_eq!(
        triples(
            "Washington praised Hanoi's decision to free the activists.",
            &[("Washington", "USA"), ("Hanoi", "VNM")]
        ),
        vec![t("USA", "VNM", "051")]
    );
    assert_eq!(
        triples(
            "Egypt and Sudan signed a defence cooperation agreement in Khartoum.",
            &[("Egypt", "EGY"), ("Sudan", "SDN"), ("Khartoum", "SDN")]
        ),
        vec![t("EGY", "SDN", "057"), t("SDN", "EGY", "057")]
    );
    assert_eq!(
        triples(
            "Tokyo sent emergency humanitarian aid to Turkey after the earthquake.",
            &[("Tokyo", "JPN"), ("Turkey", "TUR")]
        ),
        vec![t("JPN", "TUR", "073")]
    );
}

#[test]
fn yielding_sanctions_relief_and_releases() {
    assert_eq!(
        triples(
            "Washington eased sanctions on Caracas.",
            &[("Washington", "USA"), ("Caracas", "VEN")]
        ),
        vec![t("USA", "VEN", "085")]
    );
    assert_eq!(
        triples(
            "Iran released two British nationals on Friday.",
            &[("Iran", "IRN"), ("British", "GBR")]
        ),
        vec![t("IRN", "GBR", "0841")]
    );
}

#[test]
fn demands_accusations_criticism_and_rejections() {
    let sea = [("Beijing", "CHN"), ("Manila", "PHL")];
    assert_eq!(
        triples(
            "Beijing demanded that Manila withdraw its vessels from the shoal.",
            &sea
        ),
        vec![t("CHN", "PHL", "1056")]
    );
    assert_eq!(
        triples(
            "Seoul accused Pyongyang of violating the armistice agreement.",
            &[("Seoul", "KOR"), ("Pyongyang", "PRK")]
        ),
        vec![t("KOR", "PRK", "1123")]
    );
    assert_eq!(
        triples("Beijing strongly condemned Manila on Saturday.", &sea),
        vec![t("CHN", "PHL", "111")]
    );
    assert_eq!(
        triples(
            "Ankara rejected the European Union's criticism of its elections.",
            &[("Ankara", "TUR"), ("the European Union", "IGOEU")]
        ),
        // Turning down a criticism is a denial, with no target (as the gold sets code it).
        vec![t("TUR", "-", "016")]
    );
}

#[test]
fn threats_and_warnings() {
    let e = only(
        "Moscow warned Kyiv of a military response if it joined the alliance.",
        &[("Moscow", "RUS"), ("Kyiv", "UKR")],
    );
    assert_eq!(common::triple(&e), t("RUS", "UKR", "138"));
}

#[test]
fn military_posture_sanctions_expulsions_and_arrests() {
    assert_eq!(
        triples(
            "Russian forces massed troops near the Ukrainian border.",
            &[("Russian forces", "RUSMIL"), ("Ukrainian", "UKR")]
        ),
        vec![t("RUSMIL", "-", "154")]
    );
    assert_eq!(
        triples(
            "The United States imposed new sanctions on Russian banks.",
            &[("The United States", "USA"), ("Russian", "RUS")]
        ),
        vec![t("USA", "RUS", "163")]
    );
    assert_eq!(
        triples(
            "Canada froze the assets of several Iranian officials.",
            &[("Canada", "CAN"), ("Iranian", "IRN")]
        ),
        vec![t("CAN", "IRNGOV", "163")]
    );
    assert_eq!(
        triples(
            "Poland expelled three Russian diplomats.",
            &[("Poland", "POL"), ("Russian", "RUS")]
        ),
        // Expelling people is 174, as the gold guidelines code persona non grata.
        vec![t("POL", "RUS", "174")]
    );
    assert_eq!(
        triples(
            "Kenya declared a Somali envoy persona non grata on Friday.",
            &[("Kenya", "KEN"), ("Somali envoy", "SOMGOV")]
        ),
        vec![t("KEN", "SOMGOV", "174")]
    );
    assert_eq!(
        triples(
            "Ecuador suspended Venezuela from the regional bloc after the vote.",
            &[("Ecuador", "ECU"), ("Venezuela", "VEN")]
        ),
        vec![t("ECU", "VEN", "161")]
    );
    assert_eq!(
        triples(
            "Canberra joined Wellington in attributing the cyberattack to hackers working for Beijing.",
            &[("Canberra", "AUSGOV"), ("Wellington", "NZLGOV"), ("Beijing", "CHNGOV")]
        ),
        vec![t("AUSGOV", "CHNGOV", "1121"), t("NZLGOV", "CHNGOV", "1121")]
    );
    assert_eq!(
        triples(
            "Chinese police arrested two Canadian citizens in Beijing.",
            &[
                ("Chinese police", "CHNCOP"),
                ("Canadian", "CAN"),
                ("Beijing", "CHN")
            ]
        ),
        vec![t("CHNCOP", "CAN", "173")]
    );
}

#[test]
fn missile_tests_are_force_posture_but_strikes_are_attacks() {
    let e = only(
        "North Korea test-fired two short-range ballistic missiles into the sea on Thursday.",
        &[("North Korea", "PRK")],
    );
    assert_eq!(common::triple(&e), t("PRK", "-", "150"));
    assert_eq!(e.quad_class, 4);
    assert_eq!(e.plover.event.as_deref(), Some("MOBILIZE"));
    assert_eq!(
        triples(
            "Pyongyang conducted a nuclear test at its Punggye-ri site, Seoul said.",
            &[("Pyongyang", "PRK"), ("Seoul", "KOR")]
        ),
        vec![t("PRK", "-", "150")]
    );
    assert_eq!(
        triples(
            "Iran fired missiles at US bases in Iraq early on Wednesday.",
            &[("Iran", "IRN"), ("US", "USA"), ("Iraq", "IRQ")]
        ),
        vec![t("IRN", "USA", "195")]
    );
    assert_eq!(
        triples(
            "Azerbaijani forces shelled Armenian villages overnight.",
            &[("Azerbaijani forces", "AZEMIL"), ("Armenian", "ARM")]
        ),
        vec![t("AZEMIL", "ARM", "194")]
    );
}

#[test]
fn asserted_events_are_marked_asserted() {
    let e = only(
        "Poland expelled three Russian diplomats.",
        &[("Poland", "POL"), ("Russian", "RUS")],
    );
    assert!(asserted(&e));
}

#[test]
fn turning_down_a_charge_is_a_denial() {
    assert_eq!(
        triples(
            "Beijing rejected the accusations on Tuesday as groundless.",
            &[("Beijing", "CHNGOV")]
        ),
        vec![t("CHNGOV", "-", "016")]
    );
    assert_eq!(
        triples(
            "Caracas called Guyana's referendum \"a sham\" on Sunday.",
            &[("Caracas", "VENGOV"), ("Guyana", "GUY")]
        ),
        vec![t("VENGOV", "GUY", "111")]
    );
}

#[test]
fn import_bans_and_attacks_carried_out() {
    assert_eq!(
        triples(
            "China banned all seafood imports from Japan on Thursday.",
            &[("China", "CHN"), ("Japan", "JPN")]
        ),
        vec![t("CHN", "JPN", "163")]
    );
    assert_eq!(
        triples(
            "Rebels carried out an attack on a Malian army base overnight.",
            &[("Rebels", "MLIREB"), ("Malian army", "MLIMIL")]
        ),
        vec![t("MLIREB", "MLIMIL", "190")]
    );
}

#[test]
fn working_with_someone_is_coded_as_an_intention_only() {
    assert_eq!(
        triples(
            "Seoul will continue to work closely with Washington on the issue.",
            &[("Seoul", "KORGOV"), ("Washington", "USAGOV")]
        ),
        vec![t("KORGOV", "USAGOV", "030")]
    );
    assert!(triples(
        "Seoul worked with Washington on the draft for months.",
        &[("Seoul", "KORGOV"), ("Washington", "USAGOV")]
    )
    .is_empty());
}

#[test]
fn a_pardon_or_a_release_takes_the_side_of_the_one_freed() {
    assert_eq!(
        triples(
            "Germany freed Vadim Krasikov, a Russian security officer, on Thursday.",
            &[("Germany", "DEU"), ("Russian", "RUS")]
        ),
        vec![t("DEU", "RUS", "0841")]
    );
    assert_eq!(
        triples(
            "Minsk pardoned a German citizen sentenced to death.",
            &[("Minsk", "BLRGOV"), ("German citizen", "DEUCVL")]
        ),
        vec![t("BLRGOV", "DEUCVL", "0841")]
    );
}

#[test]
fn calling_an_act_a_threat_or_destructive_is_criticism() {
    assert_eq!(
        triples(
            "South Korea called North Korea's satellite launch a clear threat to regional peace.",
            &[("South Korea", "KOR"), ("North Korea", "PRK")]
        ),
        vec![t("KOR", "PRK", "111")]
    );
    assert_eq!(
        triples(
            "Beijing called Manila's new maritime law \"destructive\" on Friday.",
            &[("Beijing", "CHNGOV"), ("Manila", "PHLGOV")]
        ),
        vec![t("CHNGOV", "PHLGOV", "111")]
    );
}
