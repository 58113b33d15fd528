//! One wire-style sentence per further root or sub-code family: (sentence, actors, expected).

mod common;

use common::{t, triples};

type Case = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static [(&'static str, &'static str, &'static str)],
);

const CASES: &[Case] = &[
    (
        "Hanoi expressed optimism about the trade talks with Canberra.",
        &[("Hanoi", "VNM"), ("Canberra", "AUS")],
        &[("VNM", "AUS", "013")],
    ),
    (
        "Seoul voiced concern over Beijing's military drills near the island.",
        &[("Seoul", "KOR"), ("Beijing", "CHN")],
        &[("KOR", "CHN", "012")],
    ),
    (
        "The Kenyan president hosted Ethiopian Prime Minister Abiy Ahmed in Nairobi on Friday.",
        &[
            ("The Kenyan president", "KENGOV"),
            ("Ethiopian Prime Minister Abiy Ahmed", "ETHGOV"),
            ("Nairobi", "KEN"),
        ],
        &[("KENGOV", "ETHGOV", "043")],
    ),
    (
        "Talks between Ethiopia and Egypt over the Nile dam collapsed on Tuesday.",
        &[("Ethiopia", "ETH"), ("Egypt", "EGY")],
        &[("ETH", "EGY", "040")],
    ),
    (
        "Norway offered to mediate between the Colombian government and the rebels.",
        &[("Norway", "NOR"), ("the Colombian government", "COLGOV")],
        &[("NOR", "COLGOV", "039")],
    ),
    (
        "Indonesia and Malaysia agreed to cooperate on maritime security.",
        &[("Indonesia", "IDN"), ("Malaysia", "MYS")],
        &[("IDN", "MYS", "030"), ("MYS", "IDN", "030")],
    ),
    (
        "Greek and Turkish warships conducted joint exercises in the Aegean.",
        &[("Greek", "GRC"), ("Turkish", "TUR")],
        // "Turkish warships": the nationality before a group word makes the group its actor.
        &[("GRC", "TURMIL", "062"), ("TURMIL", "GRC", "062")],
    ),
    (
        "Ecuador granted asylum to the Swedish activist.",
        &[("Ecuador", "ECU"), ("Swedish", "SWE")],
        &[("ECU", "SWECVL", "075")],
    ),
    (
        "Armenian and Azerbaijani forces declared a ceasefire on Saturday.",
        &[("Armenian", "ARM"), ("Azerbaijani", "AZE")],
        &[("ARM", "AZEMIL", "0871"), ("AZEMIL", "ARM", "0871")],
    ),
    (
        "Dutch prosecutors launched an investigation into the Russian shipping company.",
        &[("Dutch prosecutors", "NLDJUD"), ("Russian", "RUS")],
        &[("NLDJUD", "RUS", "090")],
    ),
    (
        "Moscow accused Estonia of espionage on Wednesday.",
        &[("Moscow", "RUS"), ("Estonia", "EST")],
        &[("RUS", "EST", "1125")],
    ),
    (
        "Manila lodged a diplomatic protest with Beijing over the water cannon incident.",
        &[("Manila", "PHL"), ("Beijing", "CHN")],
        &[("PHL", "CHN", "114")],
    ),
    (
        "Russia vetoed a United Nations resolution on Syria.",
        &[
            ("Russia", "RUS"),
            ("United Nations", "IGOUNO"),
            ("Syria", "SYR"),
        ],
        &[("RUS", "IGOUNO", "129")],
    ),
    (
        "Tehran threatened to cut diplomatic ties with Baku.",
        &[("Tehran", "IRN"), ("Baku", "AZE")],
        &[("IRN", "AZE", "1313")],
    ),
    (
        "Thousands of Georgian protesters staged a rally against the government in Tbilisi.",
        &[
            ("Georgian protesters", "GEOOPP"),
            ("the government", "GEOGOV"),
            ("Tbilisi", "GEO"),
        ],
        &[("GEOOPP", "GEOGOV", "141")],
    ),
    (
        "Riyadh severed diplomatic relations with Doha.",
        &[("Riyadh", "SAU"), ("Doha", "QAT")],
        &[("SAU", "QAT", "161")],
    ),
    (
        "Pyongyang suspended talks with Seoul after the drills.",
        &[("Pyongyang", "PRK"), ("Seoul", "KOR")],
        &[("PRK", "KOR", "164")],
    ),
    (
        "Gunmen kidnapped two Chinese engineers in northern Nigeria.",
        &[("Gunmen", "NGAREB"), ("Chinese", "CHN"), ("Nigeria", "NGA")],
        &[("NGAREB", "CHN", "181")],
    ),
    (
        "Syrian government forces used chemical weapons against rebels in Douma, inspectors said.",
        &[
            ("Syrian government forces", "SYRMIL"),
            ("rebels", "SYRREB"),
            ("Douma", "SYR"),
        ],
        &[("SYRMIL", "SYRREB", "2041")],
    ),
    (
        "Iranian forces seized a British oil tanker in the Strait of Hormuz.",
        &[("Iranian forces", "IRNMIL"), ("British", "GBR")],
        &[("IRNMIL", "GBR", "1711")],
    ),
    (
        // A denial has no target: what the denied act struck is not the accuser.
        "Moscow denied that its troops had attacked Georgian villages.",
        &[("Moscow", "RUS"), ("Georgian", "GEO")],
        &[("RUS", "-", "016")],
    ),
    (
        "Canada has refused to extradite the suspects to India.",
        &[("Canada", "CAN"), ("India", "IND")],
        &[("CAN", "IND", "121")],
    ),
    (
        "The talks between Caracas and Bogota, which Havana hosted, ended without agreement.",
        &[("Caracas", "VEN"), ("Bogota", "COL"), ("Havana", "CUB")],
        &[("VEN", "COL", "040")],
    ),
    (
        "Ukraine's military said Russian forces shelled Kharkiv overnight, killing three civilians.",
        &[("Ukraine", "UKR"), ("Russian forces", "RUSMIL"), ("Kharkiv", "UKR")],
        &[("RUSMIL", "UKR", "194")],
    ),
    (
        "Brussels welcomed Belgrade's decision to recognise the court's ruling.",
        &[("Brussels", "IGOEU"), ("Belgrade", "SRB")],
        &[("IGOEU", "SRB", "051")],
    ),
    (
        "Putin welcomed Chinese President Xi Jinping to the Kremlin on Monday.",
        &[("Putin", "RUSGOV"), ("Chinese President Xi Jinping", "CHNGOV"), ("the Kremlin", "RUSGOV")],
        &[("RUSGOV", "CHNGOV", "043")],
    ),
    (
        "Nigerian troops killed 20 Boko Haram fighters in Borno state.",
        &[("Nigerian troops", "NGAMIL"), ("Boko Haram", "NGAREB")],
        &[("NGAMIL", "NGAREB", "190")],
    ),
    (
        "Iran said it had shot down a US drone over the Gulf.",
        &[("Iran", "IRN"), ("US", "USA")],
        &[("IRN", "USA", "190")],
    ),
    (
        "Washington is weighing new sanctions against Caracas.",
        &[("Washington", "USA"), ("Caracas", "VEN")],
        &[("USA", "VEN", "014")],
    ),
    (
        "The Brazilian striker scored twice as Argentina beat Chile in Santiago.",
        &[("Brazilian", "BRA"), ("Argentina", "ARG"), ("Chile", "CHL"), ("Santiago", "CHL")],
        &[],
    ),
    (
        "Turkey and Russia agreed on Thursday to set up joint patrols in northern Syria.",
        &[("Turkey", "TUR"), ("Russia", "RUS"), ("Syria", "SYR")],
        &[("TUR", "RUS", "0312"), ("RUS", "TUR", "0312")],
    ),
    (
        "Kremlin spokesman Dmitry Peskov declined to say whether Russian troops would intervene in Armenia.",
        &[("Kremlin spokesman Dmitry Peskov", "RUSGOV"), ("Russian troops", "RUSMIL"), ("Armenia", "ARM")],
        &[("RUSGOV", "-", "011")],
    ),
    (
        "Bogota suspended the next round of peace talks with the ELN on Tuesday.",
        &[("Bogota", "COLGOV"), ("ELN", "COLREB")],
        &[("COLGOV", "COLREB", "164")],
    ),
    (
        "Pakistan closed its main border crossings with Afghanistan after the clashes.",
        &[("Pakistan", "PAK"), ("Afghanistan", "AFG")],
        &[("PAK", "AFG", "191")],
    ),
    (
        "Paris will withdraw its ambassador from Niamey within days, the Elysee said.",
        &[("Paris", "FRAGOV"), ("Niamey", "NERGOV"), ("Elysee", "FRAGOV")],
        &[("FRAGOV", "NERGOV", "161")],
    ),
    (
        "Ankara hosted a second round of talks between Ethiopia and Somalia on Tuesday.",
        &[("Ankara", "TURGOV"), ("Ethiopia", "ETH"), ("Somalia", "SOM")],
        &[("TURGOV", "ETH", "045"), ("TURGOV", "SOM", "045"), ("ETH", "SOM", "040")],
    ),
    (
        "Moscow is suspending its participation in the grain deal with Kyiv.",
        &[("Moscow", "RUSGOV"), ("Kyiv", "UKRGOV")],
        &[("RUSGOV", "UKRGOV", "160")],
    ),
];

#[test]
fn every_case_codes_as_an_expert_would() {
    let mut failures = Vec::new();
    for (text, actors, expected) in CASES {
        let got = triples(text, actors);
        let want: Vec<_> = expected.iter().map(|(s, g, c)| t(s, g, c)).collect();
        if got != want {
            failures.push(format!("{text}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
