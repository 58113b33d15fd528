#!/usr/bin/env python3
"""Write eval/events/gold.jsonl from the list below and sanity-check it
(CAMEO codes exist in ../shared/ontology/cameo.tsv, actor codes are well formed,
weekday mentions agree with event dates)."""
import json, os, re, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'events', 'gold.jsonl')
CAMEO = os.path.join(HERE, '..', '..', '..', 'shared', 'ontology', 'cameo.tsv')

def ev(s, t, c, d):
    return {"source": s, "target": t, "cameo": c, "date": d}

ITEMS = [
 # --- 01 make public statement
 ("ev01", "2023-03-17", "Japanese Prime Minister Fumio Kishida said on Thursday he was confident that relations with South Korea had entered a new era after years of friction.",
  [ev("JPNGOV", "KOR", "013", "2023-03-16")]),
 ("ev02", "2022-12-20", "Rwanda on Monday denied backing the M23 rebel group in eastern Democratic Republic of Congo.",
  [ev("RWA", "COD", "016", "2022-12-19")]),
 ("ev03", "2023-02-07", "Indian Prime Minister Narendra Modi offered condolences to Turkey and Syria on Monday after a powerful earthquake killed thousands of people in both countries.",
  [ev("INDGOV", "TUR", "018", "2023-02-06"), ev("INDGOV", "SYR", "018", "2023-02-06")]),
 # --- 02 appeal
 ("ev04", "2019-12-11", "U.S. Secretary of State Mike Pompeo on Tuesday urged North Korea to refrain from nuclear and long-range missile tests.",
  [ev("USAGOV", "PRK", "0256", "2019-12-10")]),
 ("ev05", "2017-09-05", "British Foreign Secretary Boris Johnson on Monday urged China and Russia to use their influence to press North Korea to abandon its weapons programmes.",
  [ev("GBRGOV", "CHN", "022", "2017-09-04"), ev("GBRGOV", "RUS", "022", "2017-09-04")]),
 ("ev06", "2022-08-30", "Pakistan appealed to the United Nations on Tuesday for emergency humanitarian aid for more than 30 million people affected by catastrophic floods.",
  [ev("PAK", "IGOUNO", "0233", "2022-08-30")]),
 ("ev07", "2023-03-04", "The European Union called on Belarus on Wednesday to free all political prisoners, including Nobel Peace Prize laureate Ales Bialiatski.",
  [ev("IGOEUREEC", "BLR", "0253", "2023-03-01")]),
 # --- 03 express intent to cooperate
 ("ev08", "2023-01-26", "Germany said on Wednesday it would send Leopard 2 battle tanks to Ukraine, ending weeks of hesitation.",
  [ev("DEU", "UKR", "0332", "2023-01-25")]),
 ("ev09", "2023-03-08", "South Korean President Yoon Suk Yeol will visit Washington next month for a state visit, his office said on Tuesday.",
  [ev("KORGOV", "USA", "036", "2023-03-07")]),
 # --- 04 consult
 ("ev10", "2022-05-31", "Turkish President Recep Tayyip Erdogan spoke by telephone with Russian President Vladimir Putin on Monday about reopening Ukraine's Black Sea ports.",
  [ev("TURGOV", "RUSGOV", "041", "2022-05-30")]),
 ("ev11", "2023-03-21", "Chinese President Xi Jinping arrived in Moscow on Monday for a three-day state visit, his first trip to Russia since the invasion of Ukraine.",
  [ev("CHNGOV", "RUS", "042", "2023-03-20")]),
 ("ev12", "2023-05-19", "Syrian President Bashar al-Assad was welcomed by Saudi Crown Prince Mohammed bin Salman in Jeddah on Thursday, ahead of an Arab League summit that marks Syria's return to the fold.",
  [ev("SAUGOV", "SYRGOV", "043", "2023-05-18")]),
 ("ev13", "2018-06-12", "U.S. President Donald Trump and North Korean leader Kim Jong Un met in Singapore on Tuesday, the first summit between leaders of the two countries.",
  [ev("USAGOV", "PRKGOV", "044", "2018-06-12"), ev("PRKGOV", "USAGOV", "044", "2018-06-12")]),
 # --- 05 diplomatic cooperation
 ("ev14", "2022-04-04", "The White House on Saturday praised Saudi Arabia for its \"courageous leadership\" in agreeing to a two-month truce in Yemen.",
  [ev("USAGOV", "SAU", "051", "2022-04-02")]),
 ("ev15", "2024-05-29", "Spain, Ireland and Norway formally recognised a Palestinian state on Tuesday.",
  [ev("ESP", "PSE", "054", "2024-05-28"), ev("IRL", "PSE", "054", "2024-05-28"), ev("NOR", "PSE", "054", "2024-05-28")]),
 ("ev16", "2022-01-06", "Australia and Japan signed a defence pact on Thursday that will allow their troops to train in each other's territory.",
  [ev("AUS", "JPN", "057", "2022-01-06"), ev("JPN", "AUS", "057", "2022-01-06")]),
 # --- 06 material cooperation
 ("ev17", "2023-04-11", "U.S. and Philippine forces began their largest-ever joint military exercises on Tuesday, days after China staged drills around Taiwan.",
  [ev("USAMIL", "PHLMIL", "062", "2023-04-11"), ev("PHLMIL", "USAMIL", "062", "2023-04-11")]),
 # --- 07 provide aid
 ("ev18", "2023-03-28", "Germany delivered 18 Leopard 2 tanks to Ukraine on Monday, the defence ministry in Berlin said.",
  [ev("DEU", "UKR", "072", "2023-03-27")]),
 ("ev19", "2024-03-04", "U.S. military cargo planes airdropped more than 38,000 meals into Gaza on Saturday.",
  [ev("USAMIL", "PSE", "073", "2024-03-02")]),
 # --- 08 yield
 ("ev20", "2024-08-02", "Russia freed Wall Street Journal reporter Evan Gershkovich and other jailed Americans on Thursday in the biggest East-West prisoner exchange since the Cold War.",
  [ev("RUS", "USA", "0841", "2024-08-01")]),
 ("ev21", "2023-10-19", "The United States on Wednesday eased sanctions on Venezuela's oil sector, a day after the government and the opposition signed an agreement on election conditions in Barbados.",
  [ev("USA", "VEN", "085", "2023-10-18"), ev("VENGOV", "VENOPP", "057", "2023-10-17"), ev("VENOPP", "VENGOV", "057", "2023-10-17")]),
 ("ev22", "2025-05-11", "India and Pakistan agreed on Saturday to a full and immediate ceasefire after four days of cross-border strikes.",
  [ev("IND", "PAK", "0871", "2025-05-10"), ev("PAK", "IND", "0871", "2025-05-10")]),
 ("ev23", "2022-11-10", "Russian Defence Minister Sergei Shoigu on Wednesday ordered troops to withdraw from the southern Ukrainian city of Kherson.",
  [ev("RUSGOV", "UKR", "0874", "2022-11-09")]),
 # --- 09 investigate
 ("ev24", "2024-03-19", "Peru's attorney general on Monday opened a preliminary investigation into President Dina Boluarte over undeclared luxury watches.",
  [ev("PERJUD", "PERGOV", "091", "2024-03-18")]),
 ("ev25", "2022-11-25", "The U.N. Human Rights Council voted on Thursday to set up an independent investigation into Iran's deadly crackdown on protesters.",
  [ev("IGOUNO", "IRN", "092", "2022-11-24")]),
 # --- 10 demand
 ("ev26", "2018-12-11", "China on Monday demanded that Canada release Huawei's chief financial officer Meng Wanzhou, warning of \"grave consequences\" if it did not.",
  [ev("CHN", "CAN", "1053", "2018-12-10"), ev("CHN", "CAN", "130", "2018-12-10")]),
 ("ev27", "2022-02-20", "NATO Secretary-General Jens Stoltenberg on Saturday demanded that Russia pull its troops back from Ukraine's borders.",
  [ev("IGOWSTNAT", "RUS", "1056", "2022-02-19")]),
 ("ev28", "2022-08-07", "Chinese Foreign Minister Wang Yi told U.S. Secretary of State Antony Blinken by telephone on Saturday that Washington must stop interfering in Taiwan, the foreign ministry in Beijing said.",
  [ev("CHNGOV", "USAGOV", "1042", "2022-08-06")]),
 # --- 11 disapprove
 ("ev29", "2023-06-20", "Israel's decision to approve thousands of new settler homes in the occupied West Bank was criticised on Monday by the European Union and the United States.",
  [ev("IGOEUREEC", "ISR", "111", "2023-06-19"), ev("USA", "ISR", "111", "2023-06-19")]),
 ("ev30", "2024-07-20", "A Russian court on Friday convicted Wall Street Journal reporter Evan Gershkovich of espionage and sentenced him to 16 years in a maximum-security prison.",
  [ev("RUSJUD", "USAMED", "116", "2024-07-19")]),
 # --- 12 reject
 ("ev31", "2021-06-23", "North Korea on Tuesday dismissed a U.S. offer of talks \"anywhere, anytime\", saying Washington's expectations would only plunge it into greater disappointment.",
  [ev("PRK", "USA", "125", "2021-06-22")]),
 ("ev32", "2019-06-14", "Iran's Supreme Leader Ayatollah Ali Khamenei refused on Thursday to hold any negotiations with the United States.",
  [ev("IRNGOV", "USA", "125", "2019-06-13")]),
 ("ev33", "2022-05-27", "China and Russia on Thursday vetoed a U.S.-drafted U.N. Security Council resolution that would have imposed new sanctions on North Korea over its ballistic missile launches.",
  [ev("CHN", "IGOUNO", "129", "2022-05-26"), ev("RUS", "IGOUNO", "129", "2022-05-26")]),
 ("ev34", "2019-07-23", "Iran refused on Monday to release the British-flagged tanker Stena Impero, saying an investigation into the vessel was still under way.",
  [ev("IRN", "GBR", "1243", "2019-07-22")]),
 # --- 13 threaten
 ("ev35", "2017-08-09", "North Korea said on Wednesday it was \"carefully examining\" a plan to strike the U.S. Pacific territory of Guam with missiles. A day earlier, President Donald Trump had warned that Pyongyang would be met with \"fire and fury\" if it threatened the United States.",
  [ev("PRK", "USA", "1384", "2017-08-09"), ev("USAGOV", "PRK", "138", "2017-08-08")]),
 ("ev36", "2024-05-15", "The European Union warned Georgia on Tuesday that it could face sanctions if parliament adopts a contested \"foreign agents\" law.",
  [ev("IGOEUREEC", "GEO", "1312", "2024-05-14")]),
 ("ev37", "2023-07-31", "The Economic Community of West African States (ECOWAS) on Sunday gave Niger's coup leaders one week to reinstate President Mohamed Bazoum or face the possible use of force.",
  [ev("IGOWAFWAS", "NERMIL", "139", "2023-07-30")]),
 # --- 14 protest
 ("ev38", "2024-05-13", "Tens of thousands of opposition supporters rallied in Tbilisi on Sunday to demand that the government withdraw the \"foreign agents\" bill.",
  [ev("GEOOPP", "GEOGOV", "1412", "2024-05-12")]),
 # --- 15 exhibit force posture
 ("ev39", "2023-07-13", "North Korea test-fired its new solid-fuel Hwasong-18 intercontinental ballistic missile on Wednesday in what it called a warning to the United States, state media said.",
  [ev("PRK", "USA", "150", "2023-07-12")]),
 ("ev40", "2022-08-05", "Taiwan put its armed forces on heightened alert on Thursday as Chinese warships and aircraft encircled the island in unprecedented live-fire drills.",
  [ev("TWN", "CHN", "152", "2022-08-04"), ev("CHNMIL", "TWN", "150", "2022-08-04")]),
 ("ev41", "2022-09-22", "Russian President Vladimir Putin on Wednesday ordered the mobilisation of 300,000 reservists to fight in Ukraine.",
  [ev("RUSGOV", "UKR", "154", "2022-09-21")]),
 # --- 16 reduce relations
 ("ev42", "2024-05-03", "Colombia formally broke off diplomatic relations with Israel on Thursday.",
  [ev("COL", "ISR", "161", "2024-05-02")]),
 ("ev43", "2023-02-25", "The United States on Friday imposed sanctions on Russian banks and on Chinese companies accused of helping Moscow evade export controls.",
  [ev("USA", "RUSBUS", "163", "2023-02-24"), ev("USA", "CHNBUS", "163", "2023-02-24")]),
 ("ev44", "2021-10-17", "Venezuela's government suspended talks with the opposition in Mexico on Saturday in protest at the extradition of businessman Alex Saab to the United States.",
  [ev("VENGOV", "VENOPP", "164", "2021-10-16")]),
 ("ev45", "2023-07-01", "The U.N. Security Council voted on Friday to end its decade-long peacekeeping mission in Mali at the request of the country's military government.",
  [ev("IGOUNO", "MLI", "1661", "2023-06-30")]),
 # --- 17 coerce
 ("ev46", "2018-12-31", "Russia said on Monday it had detained a U.S. citizen in Moscow on Friday on suspicion of spying.",
  [ev("RUS", "USACVL", "173", "2018-12-28")]),
 ("ev47", "2019-07-20", "Iran's Revolutionary Guards seized a British-flagged oil tanker in the Strait of Hormuz on Friday. British Foreign Secretary Jeremy Hunt warned the same day of \"serious consequences\" if the ship was not released.",
  [ev("IRNMIL", "GBR", "1711", "2019-07-19"), ev("GBRGOV", "IRN", "130", "2019-07-19")]),
 # --- 18 assault
 ("ev48", "2023-01-31", "A suicide bomber from the Pakistani Taliban blew himself up inside a mosque at a police compound in Peshawar on Monday, killing dozens of officers.",
  [ev("PAKREB", "PAKCOP", "1831", "2023-01-30")]),
 # --- 19 fight
 ("ev49", "2023-02-20", "Israeli warplanes struck targets near Damascus on Sunday, Syrian state media reported.",
  [ev("ISRMIL", "SYR", "195", "2023-02-19")]),
 ("ev50", "2022-09-14", "Azerbaijani forces pounded Armenian border towns with artillery early on Tuesday, Armenia's defence ministry said. Baku accused Armenian troops of \"large-scale provocations\".",
  [ev("AZEMIL", "ARM", "194", "2022-09-13"), ev("AZE", "ARMMIL", "1123", "2022-09-13")]),
 ("ev51", "2023-09-07", "Pakistani and Afghan border forces exchanged gunfire at the Torkham crossing on Wednesday, officials on both sides said.",
  [ev("PAKMIL", "AFGMIL", "193", "2023-09-06"), ev("AFGMIL", "PAKMIL", "193", "2023-09-06")]),
 ("ev52", "2020-01-08", "Iran fired more than a dozen ballistic missiles early on Wednesday at two Iraqi air bases housing U.S. troops.",
  [ev("IRN", "USAMIL", "195", "2020-01-08")]),
 # --- 20 unconventional mass violence
 ("ev53", "2023-01-28", "Syria's air force dropped chlorine gas on the town of Douma on April 7, 2018, killing 43 civilians, international chemical weapons inspectors concluded on Friday.",
  [ev("SYRMIL", "SYRCVL", "2041", "2018-04-07")]),
 # --- no event: background, opinion, negation, speculation
 ("ev54", "2021-06-23", "South Korea and the United States remain technically at war with North Korea because the 1950-53 conflict ended in an armistice rather than a peace treaty.", []),
 ("ev55", "2024-12-03", "Analysts say years of sanctions have done little to change Pyongyang's behaviour.", []),
 ("ev56", "2023-08-28", "France has about 1,500 troops in Niger, a key partner in the fight against jihadist groups in the Sahel.", []),
 ("ev57", "2019-03-01", "Trump and Kim did not sign any agreement in Hanoi on Thursday.", []),
 ("ev58", "2023-09-14", "Kim Jong Un did not meet any Chinese officials during his trip to Russia, a South Korean lawmaker said.", []),
 ("ev59", "2024-06-12", "Ukrainian President Volodymyr Zelensky may attend the summit, but his participation has not been confirmed.", []),
 ("ev60", "2022-10-04", "North Korea fired a ballistic missile over Japan on Tuesday for the first time in five years.",
  [ev("PRK", "JPN", "150", "2022-10-04")]),
]

def main():
    codes = {l.split('\t')[0] for l in open(CAMEO) if not l.startswith('code')}
    days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
    actor = re.compile(r'^([A-Z]{3}(GOV|MIL|LEG|JUD|COP|REB|OPP|MED|CVL|BUS|NGO)?|IGO[A-Z]{3,9})$')
    ids = set(); n_ev = 0; roots = set()
    with open(OUT, 'w') as f:
        for iid, date, text, events in ITEMS:
            assert iid not in ids; ids.add(iid)
            dd = datetime.date.fromisoformat(date)
            mentioned = {i for i, d in enumerate(days) if re.search(r'\b' + d + r'\b', text)}
            for e in events:
                assert e['cameo'] in codes, (iid, e)
                assert actor.match(e['source']) and actor.match(e['target']), (iid, e)
                ed = datetime.date.fromisoformat(e['date'])
                assert ed <= dd, (iid, e)
                if ed.year == dd.year and (dd - ed).days < 7 and mentioned and not re.search(r"day (after|earlier)", text):
                    assert ed.weekday() in mentioned, (iid, e, days[ed.weekday()])
                roots.add(e['cameo'][:2]); n_ev += 1
            f.write(json.dumps({"id": iid, "date": date, "text": text, "events": events}, ensure_ascii=False) + '\n')
    print(len(ITEMS), 'items', n_ev, 'events', sum(1 for i in ITEMS if not i[3]), 'empty', 'roots', sorted(roots))

if __name__ == '__main__':
    main()
