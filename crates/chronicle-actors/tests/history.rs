//! Groups, bodies and parties of 1990-2015 news (the knowledge base's historical entries),
//! on sentences written for this test.

use chronicle_actors::ActorResolver;
use chronicle_core::{Article, Document, Stage};
use chronicle_nlp::Segmenter;

/// (mention text, code) of every actor the resolver finds in `text`.
fn codes(text: &str, date: &str) -> Vec<(String, String)> {
    let mut doc = Document::new(Article {
        text: text.to_owned(),
        date: Some(date.parse().expect("test date")),
        ..Default::default()
    });
    Segmenter::new().process(&mut doc);
    ActorResolver::builtin().process(&mut doc);
    doc.mentions
        .iter()
        .map(|m| (m.text.clone(), m.actor.code.clone()))
        .collect()
}

fn check(date: &str, text: &str, want: &[(&str, &str)]) {
    let found = codes(text, date);
    for (mention, code) in want {
        assert!(
            found.iter().any(|(m, c)| m == mention && c == code),
            "{mention:?} should be {code} in {text:?}; found {found:?}"
        );
    }
}

#[test]
fn armed_groups_of_1990_2015() {
    check(
        "2009-05-18",
        "Sri Lanka's army said it had killed LTTE leader Velupillai Prabhakaran. \
         The Tamil Tigers denied it.",
        &[
            ("LTTE leader Velupillai Prabhakaran", "LKAREB"),
            ("Tamil Tigers", "LKAREB"),
        ],
    );
    check(
        "1999-03-10",
        "The Kosovo Liberation Army attacked Serbian police. GAM signed the Helsinki accord. \
         Chechen rebels seized a school. The Janjaweed and JEM rebels clashed in Darfur.",
        &[
            ("Kosovo Liberation Army", "SRBREB"),
            ("GAM", "IDNREB"),
            ("Chechen rebels", "RUSREB"),
            ("Janjaweed", "SDNREB"),
            ("JEM rebels", "SDNREB"),
        ],
    );
    check(
        "2013-01-15",
        "The CPN (Maoist) declared a truce. Jemaah Islamiyah bombed Bali. Al-Qaeda in Iraq \
         claimed the attack. The Islamic Courts Union fled. France bombed Ansar Dine and MUJAO. \
         The Lord's Resistance Army abducted children. The Polisario Front rejected the plan.",
        &[
            ("CPN (Maoist)", "NPLREB"),
            ("Jemaah Islamiyah", "IMGSEAMUSJMA"),
            ("Al-Qaeda in Iraq", "IMGMUSISI"),
            ("Islamic Courts Union", "SOMREB"),
            ("Ansar Dine", "MLIREB"),
            ("MUJAO", "MLIREB"),
            ("Lord's Resistance Army", "UGAREB"),
            ("Polisario Front", "ESHREB"),
        ],
    );
}

/// CAMEO codes the Kurdish armed groups that fight across borders with the ethnic code KUR,
/// not as one state's rebels: Turkey's strikes on the PKK are `TURMIL → KURREB`.
#[test]
fn kurdish_armed_groups_take_the_ethnic_code() {
    check(
        "2019-10-10",
        "Turkish jets struck PKK positions in northern Iraq. The Syrian Democratic Forces said \
         the YPG would defend Kobani.",
        &[
            ("PKK", "KURREB"),
            ("Syrian Democratic Forces", "KURREB"),
            ("YPG", "KURREB"),
        ],
    );
}

/// A title an organisation opens says whom its holder speaks for, whatever state office the
/// knowledge base has them in at the date: Obasanjo chaired the AU while Nigeria's president.
#[test]
fn an_organisations_title_outranks_a_state_office() {
    check(
        "2004-11-07",
        "African Union chairman Olusegun Obasanjo urged restraint. Obasanjo flew to Abidjan.",
        &[
            ("African Union chairman Olusegun Obasanjo", "IGOAFRAFU"),
            ("Obasanjo", "IGOAFRAFU"),
        ],
    );
    check(
        "2004-11-07",
        "President Olusegun Obasanjo flew to Abidjan.",
        &[("President Olusegun Obasanjo", "NGAGOV")],
    );
    check(
        "2012-05-29",
        "UN-Arab League envoy Kofi Annan met Assad.",
        &[("Arab League envoy Kofi Annan", "IGOUNO")],
    );
}

#[test]
fn intergovernmental_bodies_and_missions() {
    check(
        "2008-06-22",
        "The Commonwealth suspended Fiji on Friday. SADC leaders urged Mugabe to postpone the \
         run-off. The OAS suspended Honduras. The Commonwealth of Independent States met.",
        &[
            ("Commonwealth", "IGOCWN"),
            ("SADC leaders", "IGOSAFSAD"),
            ("OAS", "IGOWSTOAS"),
            ("Commonwealth of Independent States", "IGOCASCIS"),
        ],
    );
    check(
        "1999-09-20",
        "Interfet troops landed in Dili. UNAMID and ISAF were attacked. ECOMOG troops fought back.",
        &[
            ("Interfet troops", "IGOUNOPKO"),
            ("UNAMID", "IGOUNOPKO"),
            ("ISAF", "IGOWSTNAT"),
            ("ECOMOG troops", "IGOWAFWAS"),
        ],
    );
    // Other uses of "Commonwealth", and "Tigers" alone, are no actor.
    let found = codes(
        "The Commonwealth Games opened in Delhi. The Tigers won the World Series.",
        "2010-10-03",
    );
    assert!(
        found.iter().all(|(_, c)| c != "IGOCWN" && c != "LKAREB"),
        "{found:?}"
    );
}

#[test]
fn parties_and_movements() {
    check(
        "2008-03-29",
        "ZANU-PF accused the MDC of rigging. The ODM and PNU traded charges. The Muslim \
         Brotherhood backed the Freedom and Justice Party. Red shirts clashed with the \
         People's Alliance for Democracy. Yugoslavia protested.",
        &[
            ("ZANU-PF", "ZWEPTY"),
            ("MDC", "ZWEPTY"),
            ("ODM", "KENPTY"),
            ("Muslim Brotherhood", "EGYOPP"),
            ("Freedom and Justice Party", "EGYPTY"),
            ("Red shirts", "THAOPP"),
            ("People's Alliance for Democracy", "THAOPP"),
            ("Yugoslavia", "YUG"),
        ],
    );
}

#[test]
fn heads_of_state_and_government_of_1995_2015() {
    check(
        "2009-08-21",
        "President Laszlo Solyom said he would not be stopped at the border.",
        &[("President Laszlo Solyom", "HUNGOV")],
    );
    check(
        "2010-04-07",
        "President Kurmanbek Bakiyev fled Bishkek as protesters stormed the government \
         headquarters.",
        &[("President Kurmanbek Bakiyev", "KGZGOV")],
    );
    check(
        "2011-06-14",
        "Former President Kurmanbek Bakiyev was tried in absentia.",
        &[("Former President Kurmanbek Bakiyev", "KGZELI")],
    );
    check(
        "2006-02-01",
        "King Gyanendra defended his seizure of power a year ago.",
        &[("King Gyanendra", "NPLGOV")],
    );
    check(
        "2008-05-01",
        "President Sidi Ould Cheikh Abdallahi named a new government.",
        &[("President Sidi Ould Cheikh Abdallahi", "MRTGOV")],
    );
    check(
        "2005-03-07",
        "President John Kufuor arrived in Lome for talks on Togo.",
        &[("President John Kufuor", "GHAGOV")],
    );
    check(
        "2004-05-12",
        "President Saparmurat Niyazov dismissed his foreign minister.",
        &[("President Saparmurat Niyazov", "TKMGOV")],
    );
    check(
        "2002-02-10",
        "Prime Minister Goran Persson said Sweden would stay out of the euro.",
        &[("Prime Minister Goran Persson", "SWEGOV")],
    );
    check(
        "2011-03-18",
        "President Nicolas Sarkozy met Prime Minister Jean-Claude Juncker in Paris.",
        &[("Prime Minister Jean-Claude Juncker", "LUXGOV")],
    );
    check(
        "2003-11-20",
        "Prime Minister Abdullah Ahmad Badawi visited Jakarta.",
        &[("Prime Minister Abdullah Ahmad Badawi", "MYSGOV")],
    );
    check(
        "2009-12-10",
        "Moussa Dadis Camara, the junta leader, was flown to Morocco for treatment.",
        &[("Moussa Dadis Camara", "GINMIL")],
    );
    check(
        "2007-02-15",
        "President Mwai Kibaki met President Benjamin Mkapa's successor, President Jakaya \
         Kikwete, while President Yoweri Museveni stayed home. President Levy Mwanawasa \
         flew to Lusaka.",
        &[("President Levy Mwanawasa", "ZMBGOV")],
    );
    check(
        "2004-02-20",
        "President Jean-Bertrand Aristide refused to resign.",
        &[("President Jean-Bertrand Aristide", "HTIGOV")],
    );
    check(
        "2008-09-15",
        "President Traian Basescu and Prime Minister Calin Popescu-Tariceanu clashed again.",
        &[
            ("President Traian Basescu", "ROUGOV"),
            ("Prime Minister Calin Popescu-Tariceanu", "ROUGOV"),
        ],
    );
    check(
        "2000-06-01",
        "President Alberto Fujimori was sworn in for a third term.",
        &[("President Alberto Fujimori", "PERGOV")],
    );
    check(
        "2012-03-25",
        "Mali's junta leader Amadou Sanogo promised to hand over power.",
        &[("Mali's junta leader Amadou Sanogo", "MLIMIL")],
    );
}

#[test]
fn ministers_and_international_officials_of_1995_2015() {
    check(
        "1999-03-15",
        "Belgian Foreign Minister Erik Derycke said NATO had no choice but to act.",
        &[("Belgian Foreign Minister Erik Derycke", "BELGOV")],
    );
    check(
        "2006-02-03",
        "Danish Foreign Minister Per Stig Moller met Arab ambassadors over the cartoons.",
        &[("Danish Foreign Minister Per Stig Moller", "DNKGOV")],
    );
    check(
        "2000-10-12",
        "Foreign Minister Wakil Ahmed Muttawakil said the Taliban would not hand over the Saudi \
         dissident.",
        &[("Foreign Minister Wakil Ahmed Muttawakil", "AFGGOV")],
    );
    check(
        "2003-02-14",
        "Iraqi Defence Minister Sultan Hashim Ahmad said the army was ready to fight.",
        &[("Iraqi Defence Minister Sultan Hashim Ahmad", "IRQMIL")],
    );
    check(
        "1999-04-20",
        "Defence Minister Pavle Bulatovic said the army would defend Kosovo.",
        &[("Defence Minister Pavle Bulatovic", "YUGMIL")],
    );
    check(
        "2010-08-12",
        "Foreign Minister Sven Alkalaj said Bosnia would apply to join NATO.",
        &[("Foreign Minister Sven Alkalaj", "BIHGOV")],
    );
    check(
        "2011-03-01",
        "Foreign Minister Alexis Thambwe Mwamba accused Rwanda of backing the rebels.",
        &[("Foreign Minister Alexis Thambwe Mwamba", "CODGOV")],
    );
    check(
        "2008-11-20",
        "Defence Minister Pieter De Crem said Belgian F-16s would stay in Afghanistan.",
        &[("Defence Minister Pieter De Crem", "BELMIL")],
    );
    check(
        "2011-05-27",
        "Serbian Defence Minister Dragan Sutanovac praised the arrest of Ratko Mladic.",
        &[("Serbian Defence Minister Dragan Sutanovac", "SRBMIL")],
    );
    check(
        "1996-08-01",
        "Foreign Minister Tom Ikimi rejected the Commonwealth's demands.",
        &[("Foreign Minister Tom Ikimi", "NGAGOV")],
    );
    check(
        "1999-06-10",
        "Foreign Minister Abdul Qadir Bajamal met Saudi officials on the border dispute.",
        &[("Foreign Minister Abdul Qadir Bajamal", "YEMGOV")],
    );
    check(
        "2015-10-20",
        "Foreign Minister Riad Yassin said the government would attend the talks in Geneva.",
        &[("Foreign Minister Riad Yassin", "YEMGOV")],
    );
    check(
        "1996-03-05",
        "Foreign Minister Susanna Agnelli flew to Sarajevo.",
        &[("Foreign Minister Susanna Agnelli", "ITAGOV")],
    );
    check(
        "2009-06-03",
        "Jose Miguel Insulza, the OAS secretary general, welcomed the vote on Cuba.",
        &[("Jose Miguel Insulza", "IGOWSTOAS")],
    );
    check(
        "2013-05-01",
        "Martin Kobler, the UN envoy for Iraq, warned of rising sectarian violence.",
        &[("Martin Kobler", "IGOUNO")],
    );
    check(
        "2009-09-01",
        "Kamalesh Sharma said Fiji had been suspended from the Commonwealth.",
        &[("Kamalesh Sharma", "IGOCWN")],
    );
    check(
        "2007-06-20",
        "Ong Keng Yong urged Myanmar to release Aung San Suu Kyi.",
        &[("Ong Keng Yong", "IGOSEAASN")],
    );
    check(
        "2015-06-15",
        "Ismail Ould Cheikh Ahmed opened the talks in Geneva.",
        &[("Ismail Ould Cheikh Ahmed", "IGOUNO")],
    );
    check(
        "2014-09-05",
        "Defence Minister Valeriy Heletey said Russian troops had crossed the border.",
        &[("Defence Minister Valeriy Heletey", "UKRMIL")],
    );
    check(
        "2015-08-10",
        "Foreign Minister Ibrahim Ghandour said Khartoum would not hand over Bashir.",
        &[("Foreign Minister Ibrahim Ghandour", "SDNGOV")],
    );
}

#[test]
fn leaders_of_1970_1992() {
    check(
        "1990-08-03",
        "President Bush froze Iraqi assets. Prime Minister Margaret Thatcher and Soviet \
         President Mikhail Gorbachev condemned the invasion.",
        &[
            ("President Bush", "USAGOV"),
            ("Prime Minister Margaret Thatcher", "GBRGOV"),
            ("Soviet President Mikhail Gorbachev", "RUSGOV"),
        ],
    );
    // The same surname two decades later is the son.
    check(
        "2003-03-20",
        "President Bush spoke.",
        &[("President Bush", "USAGOV")],
    );
    check(
        "1986-10-11",
        "UN Secretary-General Javier Perez de Cuellar met President Francois Mitterrand.",
        &[
            ("UN Secretary-General Javier Perez de Cuellar", "IGOUNO"),
            ("President Francois Mitterrand", "FRAGOV"),
        ],
    );
}

#[test]
fn leaders_of_1970_1999_more_states() {
    check(
        "1976-07-04",
        "President Idi Amin met the hijackers at Entebbe.",
        &[("President Idi Amin", "UGAGOV")],
    );
    check(
        "1985-03-01",
        "President Julius Nyerere received President Kenneth Kaunda in Dar es Salaam.",
        &[
            ("President Julius Nyerere", "TZAGOV"),
            ("President Kenneth Kaunda", "ZMBGOV"),
        ],
    );
    check(
        "1988-02-05",
        "General Manuel Noriega was indicted in Florida.",
        &[("General Manuel Noriega", "PANMIL")],
    );
    check(
        "1983-05-10",
        "President Jaafar Nimeiry met President Nicolae Ceausescu.",
        &[
            ("President Jaafar Nimeiry", "SDNGOV"),
            ("President Nicolae Ceausescu", "ROUGOV"),
        ],
    );
    // The same surname is a later office of the same man: Obote's second presidency.
    check(
        "1983-06-01",
        "President Milton Obote visited Nairobi.",
        &[("President Milton Obote", "UGAGOV")],
    );
}

#[test]
fn leaders_of_1945_1969_by_surname() {
    check(
        "1962-10-23",
        "Kennedy accused Moscow of deception, and Khrushchev replied through Tass.",
        &[("Kennedy", "USAGOV"), ("Khrushchev", "RUSGOV")],
    );
    check(
        "1956-11-02",
        "Eden and Mollet defied Nasser; Dulles opposed them at the Assembly.",
        &[
            ("Eden", "GBRGOV"),
            ("Mollet", "FRAGOV"),
            ("Nasser", "EGYGOV"),
            ("Dulles", "USAGOV"),
        ],
    );
    check(
        "1968-08-21",
        "Soviet troops detained Dubcek in Prague; Ulbricht backed the invasion.",
        &[("Dubcek", "CSKGOV"), ("Ulbricht", "DDRGOV")],
    );
    // Czechoslovakia's later leaders keep its code, and places named after statesmen are no
    // actors.
    check(
        "1987-05-10",
        "Husak received Gorbachev in Prague.",
        &[("Husak", "CSKGOV"), ("Gorbachev", "RUSGOV")],
    );
    let found = codes(
        "Flights from Ho Chi Minh City landed at Charles de Gaulle airport.",
        "2024-05-10",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn yugoslavia_and_its_leaders_are_yug_and_serbia_srb() {
    check(
        "1991-06-28",
        "The Yugoslav People's Army moved tanks into Slovenia. Serbia backed the move.",
        &[("Yugoslav People's Army", "YUGMIL"), ("Serbia", "SRB")],
    );
    // Milosevic led Serbia until July 1997 and then Yugoslavia.
    check(
        "1995-11-21",
        "Slobodan Milosevic initialled the agreement.",
        &[("Slobodan Milosevic", "SRBGOV")],
    );
    check(
        "1999-03-25",
        "Slobodan Milosevic rejected the ultimatum.",
        &[("Slobodan Milosevic", "YUGGOV")],
    );
}
