//! Places and unnamed groups the actor stage leaves without a mention: struck places take
//! their state, groups the state the sentence puts them in; aerial attackers, own forces,
//! and speculation by commentators.

mod common;

use chronicle_core::Modality;
use common::{doc_with_actors, events, t, triples};

#[test]
fn a_struck_place_is_its_state() {
    assert_eq!(
        triples(
            "Russian forces shelled Kharkiv overnight, the regional governor said.",
            &[("Russian forces", "RUSMIL")]
        ),
        vec![t("RUSMIL", "UKR", "194")]
    );
    assert_eq!(
        triples(
            "Government forces bombed Idlib province on Sunday.",
            &[("Government forces", "SYRMIL")]
        ),
        vec![t("SYRMIL", "SYR", "195")]
    );
}

#[test]
fn an_attack_on_something_unnamed_is_on_the_state_it_is_in() {
    assert_eq!(
        triples(
            "Ukrainian forces hit an oil depot in Russia's Bryansk region overnight.",
            &[("Ukrainian forces", "UKRMIL"), ("Russia", "RUS")]
        ),
        vec![t("UKRMIL", "RUS", "190")]
    );
}

#[test]
fn groups_take_the_state_of_their_place() {
    assert_eq!(
        triples(
            "Police in Dhaka arrested dozens of opposition supporters on Saturday.",
            &[("Dhaka", "BGDGOV")]
        ),
        vec![t("BGDCOP", "BGDOPP", "173")]
    );
    assert_eq!(
        triples(
            "Israeli troops killed 12 civilians in Khan Younis, medics said.",
            &[("Israeli troops", "ISRMIL")]
        ),
        vec![t("ISRMIL", "PSECVL", "190")]
    );
    assert_eq!(
        triples("Gunmen killed at least 30 villagers in Zamfara state.", &[]),
        // Armed groups killing civilians: mass violence (180), as in dev2's gold.
        vec![t("NGAREB", "NGACVL", "180")]
    );
}

#[test]
fn a_group_without_a_place_is_on_the_other_side_of_a_domestic_act() {
    assert_eq!(
        triples(
            "Peruvian police killed three protesters on Tuesday.",
            &[("Peruvian police", "PERCOP")]
        ),
        vec![t("PERCOP", "PEROPP", "190")]
    );
    // Not for talk: an unplaced group is no actor.
    assert!(triples("Activists urged the government to act.", &[]).is_empty());
}

#[test]
fn a_group_takes_the_one_state_the_sentence_names() {
    assert_eq!(
        triples(
            "Army troops attacked al-Shabaab bases near the coast on Sunday.",
            &[("al-Shabaab", "SOMREB")]
        ),
        vec![t("SOMMIL", "SOMREB", "190")]
    );
    // Two states named: the group stays unplaced and is no actor.
    assert!(triples(
        "Troops attacked al-Shabaab bases as Kenya and Ethiopia watched.",
        &[
            ("al-Shabaab", "SOMREB"),
            ("Kenya", "KEN"),
            ("Ethiopia", "ETH")
        ]
    )
    .iter()
    .all(|e| e.0 != "SOMMIL"));
}

#[test]
fn a_nationality_before_a_group_makes_the_group_its_actor() {
    assert_eq!(
        triples(
            "Israeli jets struck Rafah on Tuesday.",
            &[("Israeli", "ISR")]
        ),
        vec![t("ISRMIL", "PSE", "195")]
    );
    assert_eq!(
        triples(
            "Russian drones attacked Odesa overnight.",
            &[("Russian", "RUS")]
        ),
        vec![t("RUSMIL", "UKR", "195")]
    );
}

#[test]
fn own_forces_and_mobilised_troops_are_no_target() {
    assert_eq!(
        triples(
            "Moscow accused Tbilisi of firing on its troops.",
            &[("Moscow", "RUS"), ("Tbilisi", "GEOGOV")]
        ),
        vec![t("RUS", "GEOGOV", "112")]
    );
    assert_eq!(
        triples(
            "Belarus massed troops near the Lithuanian border.",
            &[("Belarus", "BLR"), ("Lithuanian", "LTU")]
        ),
        vec![t("BLR", "-", "154")]
    );
}

#[test]
fn the_toll_of_an_attack_is_no_second_event() {
    assert_eq!(
        triples(
            "Militants ambushed an army convoy in Borno state, killing 20 soldiers.",
            &[]
        ),
        vec![t("NGAREB", "NGA", "190")]
    );
}

#[test]
fn commentators_speculation_is_no_threat() {
    let mut doc = doc_with_actors(
        "Analysts said China could invade Taiwan within a decade.",
        &[("China", "CHN"), ("Taiwan", "TWN")],
    );
    let evs = events(&mut doc);
    assert!(!evs.is_empty());
    assert!(evs.iter().all(|e| e.modality == Modality::Hypothetical));
    assert_eq!(
        triples(
            "Beijing said it could strike Taiwan if it declared independence.",
            &[("Beijing", "CHNGOV"), ("Taiwan", "TWN")]
        )[0],
        t("CHNGOV", "TWN", "1384")
    );
}

#[test]
fn protesters_clashing_is_a_violent_protest() {
    assert_eq!(
        triples(
            "Protesters clashed with police in Nairobi on Tuesday.",
            &[("Nairobi", "KENGOV")]
        ),
        vec![t("KENOPP", "KENCOP", "145")]
    );
}

#[test]
fn a_failed_deal_is_no_rejection() {
    let mut doc = doc_with_actors(
        "Egypt failed to reach an agreement with Sudan on the dam.",
        &[("Egypt", "EGY"), ("Sudan", "SDN")],
    );
    let evs = events(&mut doc);
    assert!(
        evs.iter().all(|e| !e.cameo.starts_with("12")),
        "{:?}",
        evs.iter().map(common::triple).collect::<Vec<_>>()
    );
}
