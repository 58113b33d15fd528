#!/usr/bin/env python3
"""Write eval/events/articles/gold.jsonl from the shorthand below and validate it.

Checks: each article has the three header lines (Title/Source/Date) and 250-550 body words;
every event's sentence is one whole sentence of its article (exact substring, found by a
small sentence splitter, dateline removed) and its trigger occurs inside that sentence;
CAMEO codes exist in ../shared/ontology/cameo.tsv; actor codes are well formed; no self-dyads;
event dates are valid and not after the article date; weekday words agree with dates.
Prints counts (articles, events, key events, CAMEO roots).

Shorthand row: (snippet, trigger, source, target, cameo, date, key[, precision])
  snippet  = a unique piece of the sentence; the script expands it to the whole sentence
  date     = YYYY-MM-DD; precision "month" (date = first of month) or "year" (first of year)
"""
import datetime, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, '..', 'events', 'articles')
OUT = os.path.join(ART, 'gold.jsonl')
CAMEO = os.path.join(HERE, '..', '..', '..', 'shared', 'ontology', 'cameo.tsv')

K, B = True, False   # key / background-or-secondary

EVENTS = {
'a01.txt': [
 ("North Korea test-fired a new solid-fuel", "test-fired", "PRK", None, "150", "2023-07-12", K),
 ("Leader Kim Jong-un warned", "warned", "PRKGOV", "USA", "138", "2023-07-12", K),
 ("Leader Kim Jong-un warned", "warned", "PRKGOV", "KOR", "138", "2023-07-12", K),
 ("The South Korean military has stepped up surveillance", "stepped up surveillance and readiness", "KORMIL", "PRK", "152", "2023-07-12", B),
 ("He condemned the launch", "condemned", "KORGOV", "PRK", "111", "2023-07-12", K),
 ("Yoon and Japanese Prime Minister Fumio Kishida met", "met", "KORGOV", "JPNGOV", "044", "2023-07-12", B),
 ("Yoon and Japanese Prime Minister Fumio Kishida met", "met", "JPNGOV", "KORGOV", "044", "2023-07-12", B),
 ("The two leaders agreed to begin sharing", "agreed to begin sharing", "KORGOV", "JPNGOV", "0314", "2023-07-12", B),
 ("The two leaders agreed to begin sharing", "agreed to begin sharing", "JPNGOV", "KORGOV", "0314", "2023-07-12", B),
 ('"strongly condemns" the launch', "strongly condemns", "USAGOV", "PRK", "111", "2023-07-12", K),
 ("She urged Pyongyang", "urged", "USAGOV", "PRK", "0256", "2023-07-12", B),
 ("China and Russia vetoed", "vetoed", "CHN", "IGOUNO", "129", "2022-05-01", B, "month"),
 ("China and Russia vetoed", "vetoed", "RUS", "IGOUNO", "129", "2022-05-01", B, "month"),
 ("accused the United States of violating", "accused", "PRKGOV", "USA", "1123", "2023-07-11", B),
 ("She warned that American reconnaissance aircraft", "warned", "PRKGOV", "USAMIL", "138", "2023-07-11", B),
 ("The U.S. Defense Department denied the accusation", "denied", "USAGOV", "PRK", "016", "2023-07-11", B),
 ("when it tested the Hwasong-18 for the first time", "tested", "PRK", None, "150", "2023-04-01", B, "month"),
],
'a02.txt': [
 ("Russia fired dozens of cruise missiles", "fired", "RUS", "UKR", "195", "2022-10-10", K),
 ("He accused Ukraine's special services", "accused", "RUSGOV", "UKRSPY", "112", "2022-10-10", K),
 ("He accused Ukraine's special services", "warned", "RUSGOV", "UKR", "138", "2022-10-10", B),
 ("spoke by phone with German Chancellor Olaf Scholz", "spoke by phone", "UKRGOV", "DEUGOV", "041", "2022-10-10", B),
 ("spoke by phone with German Chancellor Olaf Scholz", "spoke by phone", "UKRGOV", "FRAGOV", "041", "2022-10-10", B),
 ("He appealed to both leaders for more air defence", "appealed", "UKRGOV", "DEUGOV", "0232", "2022-10-10", B),
 ("He appealed to both leaders for more air defence", "appealed", "UKRGOV", "FRAGOV", "0232", "2022-10-10", B),
 ("Germany said on Tuesday it would deliver", "would deliver", "DEU", "UKR", "0332", "2022-10-11", K),
 ("Biden also spoke with Zelenskiy on Monday", "spoke", "USAGOV", "UKRGOV", "041", "2022-10-10", B),
 ("Biden also spoke with Zelenskiy on Monday", "pledged to keep providing", "USAGOV", "UKR", "0332", "2022-10-10", K),
 ('was "deeply shocked" by the attacks', "deeply shocked", "IGOUNO", "RUS", "111", "2022-10-10", B),
 ("he had agreed with Putin to deploy", "agreed with Putin to deploy", "BLRGOV", "RUSGOV", "0312", "2022-10-10", B),
 ("he had agreed with Putin to deploy", "agreed with Putin to deploy", "RUSGOV", "BLRGOV", "0312", "2022-10-10", B),
 ("Lukashenko accused Ukraine of planning", "accused", "BLRGOV", "UKR", "1123", "2022-10-10", B),
 ("opened a war crimes investigation", "opened a war crimes investigation", "UKRJUD", "RUS", "094", "2022-10-10", B),
],
'a03.txt': [
 ("accepted a US \"bridging proposal\"", "accepted", "ISRGOV", "USA", "019", "2024-08-19", K),
 ("accepted a US \"bridging proposal\"", "urged Hamas to do the same", "USAGOV", "PSEREB", "027", "2024-08-19", K),
 ("Blinken held nearly three hours of talks", "held nearly three hours of talks", "USAGOV", "ISRGOV", "042", "2024-08-19", K),
 ("Hamas on Sunday rejected the revised terms", "rejected", "PSEREB", "ISR", "127", "2024-08-18", K),
 ("the group accused Netanyahu of obstructing", "accused", "PSEREB", "ISRGOV", "112", "2024-08-18", B),
 ("Blinken travelled to Egypt on Tuesday", "travelled to Egypt", "USAGOV", "EGY", "042", "2024-08-20", B),
 ("He will go on to Doha", "will go on to Doha", "USAGOV", "QAT", "036", "2024-08-20", B),
 ("Israeli air strikes killed at least 22 Palestinians", "air strikes killed", "ISRMIL", "PSECVL", "195", "2024-08-19", B),
 ("when Hamas-led fighters attacked southern Israel", "attacked", "PSEREB", "ISR", "190", "2023-10-07", B),
 ("took around 250 people captive", "took around 250 people captive", "PSEREB", "ISRCVL", "181", "2023-10-07", B),
 ("Hezbollah fired dozens of rockets", "fired dozens of rockets", "LBNREB", "ISR", "195", "2024-08-20", B),
 ("Israeli warplanes struck targets in southern Lebanon", "struck", "ISRMIL", "LBN", "195", "2024-08-20", B),
],
'a04.txt': [
 ("announced his release", "announced his release", "PAKGOV", "INDMIL", "0353", "2019-02-28", K),
 ("New Delhi welcomed the decision on Thursday", "welcomed", "IND", "PAK", "051", "2019-02-28", K),
 ("New Delhi welcomed the decision on Thursday", "their demand", "INDGOV", "PAK", "1042", "2019-02-28", B),
 ("Khan also said he had offered talks", "offered talks", "PAKGOV", "INDGOV", "036", "2019-02-28", K),
 ("a suicide bomber from the Pakistan-based", "killed", "PAKREB", "INDCOP", "1831", "2019-02-14", B),
 ("India blamed Pakistan for the attack", "blamed", "IND", "PAK", "112", "2019-02-01", B, "month"),
 ("India blamed Pakistan for the attack", "denied", "PAK", "IND", "016", "2019-02-01", B, "month"),
 ("Indian warplanes struck what New Delhi described", "struck", "INDMIL", "PAK", "195", "2019-02-26", B),
 ("shot down an Indian MiG-21", "shot down", "PAKMIL", "INDMIL", "195", "2019-02-27", B),
 ("shot down an Indian MiG-21", "captured its pilot", "PAKMIL", "INDMIL", "173", "2019-02-27", B),
 ("Indian and Pakistani troops exchanged mortar", "exchanged mortar and artillery fire", "INDMIL", "PAKMIL", "194", "2019-02-28", B),
 ("Indian and Pakistani troops exchanged mortar", "exchanged mortar and artillery fire", "PAKMIL", "INDMIL", "194", "2019-02-28", B),
 ("urged both countries to avoid any further military action", "urged", "USAGOV", "IND", "0256", "2019-02-28", B),
 ("urged both countries to avoid any further military action", "urged", "USAGOV", "PAK", "0256", "2019-02-28", B),
 ("China and Saudi Arabia also called on India and Pakistan", "called on", "CHN", "IND", "0256", "2019-02-28", B),
 ("China and Saudi Arabia also called on India and Pakistan", "called on", "CHN", "PAK", "0256", "2019-02-28", B),
 ("China and Saudi Arabia also called on India and Pakistan", "called on", "SAU", "IND", "0256", "2019-02-28", B),
 ("China and Saudi Arabia also called on India and Pakistan", "called on", "SAU", "PAK", "0256", "2019-02-28", B),
],
'a05.txt': [
 ("West African leaders have given the military junta", "have given the military junta in Niger one week", "IGOWAFWAS", "NERMIL", "139", "2023-07-30", K),
 ("It also imposed sanctions on Niger", "imposed sanctions", "IGOWAFWAS", "NER", "163", "2023-07-30", K),
 ("On Monday, the junta accused France", "accused", "NERMIL", "FRA", "1123", "2023-07-31", K),
 ("France's foreign ministry denied the claim", "denied", "FRAGOV", "NERMIL", "016", "2023-07-31", B),
 ("thousands of coup supporters attacked the French embassy", "attacked the French embassy", "NERCVL", "FRA", "145", "2023-07-30", K),
 ("Police fired tear gas to disperse the crowd", "fired tear gas", "NERCOP", "NERCVL", "175", "2023-07-30", B),
 ("Macron warned on Sunday", "warned", "FRAGOV", "NER", "138", "2023-07-30", B),
 ("Members of the presidential guard detained Mr Bazoum", "detained", "NERMIL", "NERGOV", "173", "2023-07-26", B),
 ("The junta had warned on Saturday", "warned", "NERMIL", "IGOWAFWAS", "138", "2023-07-29", B),
 ("suspended all budget support and security cooperation", "suspended all budget support", "IGOEUREEC", "NER", "1621", "2023-07-29", B),
 ("suspended all budget support and security cooperation", "security cooperation", "IGOEUREEC", "NER", "1622", "2023-07-29", B),
 ("said it was halting development aid", "halting development aid", "FRA", "NER", "1621", "2023-07-29", B),
 ("Blinken spoke to Mr Bazoum by phone", "spoke to Mr Bazoum by phone", "USAGOV", "NERGOV", "041", "2023-07-29", B),
 ("Blinken spoke to Mr Bazoum by phone", "expressed Washington's \"unwavering support\"", "USAGOV", "NERGOV", "051", "2023-07-29", B),
 ("will travel to Niamey on Monday to hold talks", "will travel to Niamey on Monday to hold talks", "TCDGOV", "NERMIL", "036", "2023-07-31", B),
],
'a06.txt': [
 ("The Biden administration on Wednesday eased sanctions", "eased sanctions", "USAGOV", "VEN", "085", "2023-10-18", K),
 ("The Biden administration on Wednesday eased sanctions", "signed an agreement", "VENGOV", "VENOPP", "057", "2023-10-17", K),
 ("The Biden administration on Wednesday eased sanctions", "signed an agreement", "VENOPP", "VENGOV", "057", "2023-10-17", B),
 ("released five political prisoners", "released", "VENGOV", "VENOPP", "0841", "2023-10-18", K),
 ("released five political prisoners", "released", "VENGOV", "VENMED", "0841", "2023-10-18", B),
 ("Blinken warned that Washington would reverse the relief", "warned", "USAGOV", "VENGOV", "1312", "2023-10-18", B),
 ("He also called for the release of all wrongfully detained", "called for the release", "USAGOV", "VENGOV", "0253", "2023-10-18", B),
 ("on Wednesday refused to reverse the ban", "refused to reverse the ban", "VENGOV", "VENOPP", "1241", "2023-10-18", B),
 ("barred Machado from holding public office", "barred", "VENGOV", "VENOPP", "1722", "2023-06-01", B, "month"),
 ("Rubio criticized the decision", "criticized", "USALEG", "USAGOV", "111", "2023-10-18", B),
 ("imposed sweeping oil sanctions on Venezuela", "imposed sweeping oil sanctions", "USA", "VEN", "163", "2019-01-01", B, "month"),
],
'a07.txt': [
 ("The Philippines summoned China's ambassador", "summoned China's ambassador", "PHL", "CHNGOV", "114", "2023-08-07", K),
 ("The Philippines summoned China's ambassador", "fired water cannon", "CHNMIL", "PHLMIL", "190", "2023-08-05", K),
 ("Chinese coast guard vessels blocked two Philippine supply boats", "blocked", "CHNMIL", "PHLMIL", "191", "2023-08-05", B),
 ("on Saturday accused the Chinese coast guard", "accused", "PHLMIL", "CHNMIL", "1123", "2023-08-05", B),
 ('had "illegally intruded"', "illegally intruded", "CHNGOV", "PHLMIL", "1123", "2023-08-06", B),
 ("It demanded that Manila tow away", "demanded", "CHNGOV", "PHL", "105", "2023-08-06", B),
 ("Ano rejected the demand on Monday", "rejected the demand", "PHLGOV", "CHN", "124", "2023-08-07", K),
 ("The U.S. State Department condemned China's actions", "condemned", "USAGOV", "CHN", "111", "2023-08-05", K),
 ("Washington reaffirmed that an armed attack", "reaffirmed", "USA", "PHL", "0334", "2023-08-05", B),
 ("Japan and Australia also criticised", "criticised", "JPN", "CHN", "111", "2023-08-06", B),
 ("Japan and Australia also criticised", "criticised", "AUS", "CHN", "111", "2023-08-06", B),
 ("on Monday denied that Manila had ever promised China", "denied", "PHLGOV", "CHN", "016", "2023-08-07", B),
],
'a08.txt': [
 ("EU leaders on Thursday granted Ukraine and Moldova", "granted", "IGOEUREEC", "UKR", "050", "2022-06-23", K),
 ("EU leaders on Thursday granted Ukraine and Moldova", "granted", "IGOEUREEC", "MDA", "050", "2022-06-23", K),
 ("EU leaders on Thursday granted Ukraine and Moldova", "hailed by Kyiv", "UKR", "IGOEUREEC", "051", "2022-06-23", K),
 ("EU leaders on Thursday granted Ukraine and Moldova", "invaded", "RUS", "UKR", "190", "2022-02-01", B, "month"),
 ("Maia Sandu thanked the bloc", "thanked", "MDAGOV", "IGOEUREEC", "051", "2022-06-23", B),
 ("EU leaders told Georgia that it must first carry out reforms", "told Georgia that it must first carry out reforms", "IGOEUREEC", "GEO", "104", "2022-06-23", B),
 ("travelled to Kyiv on June 16", "travelled to Kyiv", "FRAGOV", "UKR", "042", "2022-06-16", B),
 ("travelled to Kyiv on June 16", "travelled to Kyiv", "DEUGOV", "UKR", "042", "2022-06-16", B),
 ("travelled to Kyiv on June 16", "travelled to Kyiv", "ITAGOV", "UKR", "042", "2022-06-16", B),
 ("travelled to Kyiv on June 16", "endorsed", "FRAGOV", "UKR", "051", "2022-06-16", B),
 ("travelled to Kyiv on June 16", "endorsed", "DEUGOV", "UKR", "051", "2022-06-16", B),
 ("travelled to Kyiv on June 16", "endorsed", "ITAGOV", "UKR", "051", "2022-06-16", B),
 ("Lavrov said on Thursday that the EU had turned", "had turned into an \"aggressive, militant\" player", "RUSGOV", "IGOEUREEC", "111", "2022-06-23", B),
 ("Edi Rama criticised the bloc's handling", "criticised", "ALBGOV", "IGOEUREEC", "111", "2022-06-23", B),
 ("Bulgaria blocked the start of accession talks", "blocked", "BGR", "MKD", "129", "2020-11-01", B, "month"),
 ("Bulgarian lawmakers voted on Friday to lift the veto", "voted on Friday to lift the veto", "BGRLEG", "MKD", "080", "2022-06-24", B),
],
'a09.txt': [
 ("unanimously imposed new sanctions on North Korea on Friday", "imposed new sanctions", "IGOUNO", "PRK", "163", "2017-12-22", K),
 ("North Korea tested its most advanced missile yet", "tested", "PRK", None, "150", "2017-11-29", B),
 ("told the council that Washington would seek further punishment", "would seek further punishment", "USAGOV", "PRK", "1312", "2017-12-22", K),
 ("urged the United States and North Korea to resume dialogue", "urged", "CHNGOV", "USA", "026", "2017-12-22", B),
 ("urged the United States and North Korea to resume dialogue", "urged", "CHNGOV", "PRK", "026", "2017-12-22", B),
 ("Nebenzia criticized the United States", "criticized", "RUSGOV", "USA", "111", "2017-12-22", B),
 ("welcomed the council's decision on Saturday", "welcomed", "JPNGOV", "IGOUNO", "051", "2017-12-23", B),
 ("on Saturday urged Pyongyang to return to talks", "urged", "KORGOV", "PRK", "026", "2017-12-23", B),
 ("Trump threatened in September", "threatened", "USAGOV", "PRK", "138", "2017-09-01", B, "month"),
],
'a10.txt': [
 ("Iran on Monday accused Israel of sabotaging", "accused", "IRN", "ISR", "112", "2021-04-12", K),
 ("Iran on Monday accused Israel of sabotaging", "vowed to take revenge", "IRN", "ISR", "138", "2021-04-12", K),
 ("met Prime Minister Benjamin Netanyahu in Jerusalem on Monday", "met", "USAGOV", "ISRGOV", "042", "2021-04-12", B),
 ("Netanyahu accused Iran of seeking nuclear weapons", "accused", "ISRGOV", "IRN", "112", "2021-04-12", B),
 ('was "not involved in any manner"', "not involved in any manner", "USAGOV", "IRN", "016", "2021-04-12", K),
 ("Iran's delegation will return to the Austrian capital", "will return to the Austrian capital on Wednesday for indirect talks", "IRNGOV", "USA", "036", "2021-04-12", B),
 ("shuttling between the Iranian and U.S. delegations", "shuttling between", "IGOEUREEC", "IRNGOV", "045", "2021-04-06", B),
 ("shuttling between the Iranian and U.S. delegations", "shuttling between", "IGOEUREEC", "USAGOV", "045", "2021-04-06", B),
 ("Washington withdrew from the deal in May 2018", "reimposed sanctions", "USA", "IRN", "163", "2018-05-01", B, "month"),
],
'a11.txt': [
 ("Russia and Ukraine agreed on Friday to exchange", "agreed on Friday to exchange", "RUS", "UKR", "0353", "2025-05-16", K),
 ("Russia and Ukraine agreed on Friday to exchange", "agreed on Friday to exchange", "UKR", "RUS", "0353", "2025-05-16", K),
 ("Russian and Ukrainian delegations met for less than two hours", "met", "RUSGOV", "UKRGOV", "046", "2025-05-16", K),
 ("Russian and Ukrainian delegations met for less than two hours", "met", "UKRGOV", "RUSGOV", "046", "2025-05-16", K),
 ("The talks, mediated by Turkish Foreign Minister", "mediated by", "TURGOV", "RUSGOV", "045", "2025-05-16", B),
 ("The talks, mediated by Turkish Foreign Minister", "mediated by", "TURGOV", "UKRGOV", "045", "2025-05-16", B),
 ("Zelensky had dared Putin on Sunday", "dared Putin", "UKRGOV", "RUSGOV", "106", "2025-05-11", B),
 ('which Zelensky dismissed as "a theatrical prop"', "dismissed", "UKRGOV", "RUSGOV", "111", "2025-05-16", B),
 ("Russia had demanded that Ukraine withdraw its troops", "demanded", "RUS", "UKR", "1056", "2025-05-16", B),
 ("Ukraine's delegation rejected the demand", "rejected the demand", "UKRGOV", "RUS", "1246", "2025-05-16", B),
 ("was ready to continue contacts with Kyiv", "ready to continue contacts", "RUSGOV", "UKR", "036", "2025-05-16", B),
 ("Ukraine had proposed a meeting between Zelensky and Putin", "proposed a meeting", "UKRGOV", "RUSGOV", "036", "2025-05-16", B),
 ("Europe would impose new sanctions on Moscow", "would impose new sanctions", "FRAGOV", "RUS", "1312", "2025-05-16", B),
 ('"Putin is not serious about peace," Macron told reporters.', "Putin is not serious about peace", "FRAGOV", "RUSGOV", "111", "2025-05-16", B),
 ("said he would meet Putin", "would meet Putin", "USAGOV", "RUSGOV", "036", "2025-05-16", B),
 ("Rubio met the Ukrainian delegation in Istanbul", "met", "USAGOV", "UKRGOV", "044", "2025-05-16", B),
 ("Russia launched its full-scale invasion of Ukraine", "launched its full-scale invasion", "RUS", "UKR", "190", "2022-02-01", B, "month"),
 ("Russian drones attacked the southern city of Odesa", "attacked", "RUSMIL", "UKR", "195", "2025-05-16", B),
],
'a12.txt': [
 ("and allied Arab militias killed more than 800 people", "killed more than 800 people", "SDNREB", "SDNCVL", "202", "2023-11-04", K),
 ("The RSF stormed the army's main base", "stormed", "SDNREB", "SDNMIL", "190", "2023-11-04", B),
 ("The RSF on Thursday denied involvement", "denied involvement", "SDNREB", "SDNCVL", "016", "2023-11-09", B),
 ("The European Union condemned the killings on Thursday", "condemned", "IGOEUREEC", "SDNREB", "111", "2023-11-09", K),
 ("Borrell said the attacks appeared to be", "ethnic cleansing campaign", "IGOEUREEC", "SDNREB", "1124", "2023-11-09", B),
 ("The United States urged RSF commanders on Wednesday", "urged", "USAGOV", "SDNREB", "0256", "2023-11-08", B),
 ("agreed on Tuesday to facilitate humanitarian aid deliveries", "agreed on Tuesday to facilitate humanitarian aid deliveries", "SDNMIL", "SDNREB", "0355", "2023-11-07", K),
 ("agreed on Tuesday to facilitate humanitarian aid deliveries", "agreed on Tuesday to facilitate humanitarian aid deliveries", "SDNREB", "SDNMIL", "0355", "2023-11-07", K),
 ("vowed on Wednesday to fight on", "vowed on Wednesday to fight on", "SDNMIL", "SDNREB", "138", "2023-11-08", B),
 ("The UN World Food Programme delivered food aid", "delivered food aid", "IGOUNO", "SDNCVL", "073", "2023-11-08", B),
 ("The army and the RSF began fighting each other", "began fighting", "SDNMIL", "SDNREB", "190", "2023-04-15", B),
 ("The army and the RSF began fighting each other", "began fighting", "SDNREB", "SDNMIL", "190", "2023-04-15", B),
 ("hours after accusing the RSF of genocide", "accusing the RSF of genocide", "SDNGOV", "SDNREB", "1124", "2023-06-01", B, "month"),
],
'a13.txt': [
 ("Mexico broke off diplomatic relations with Ecuador on Friday", "broke off diplomatic relations", "MEX", "ECU", "161", "2024-04-05", K),
 ("Mexico broke off diplomatic relations with Ecuador on Friday", "forced their way into the Mexican embassy", "ECUCOP", "MEX", "171", "2024-04-05", K),
 ("Mexico broke off diplomatic relations with Ecuador on Friday", "arrested", "ECUCOP", "ECUOPP", "173", "2024-04-05", K),
 ("announced the decision late on Friday, calling the raid", "calling the raid", "MEXGOV", "ECU", "112", "2024-04-05", B),
 ("Mexico granted Glas political asylum on Friday", "granted Glas political asylum", "MEX", "ECUOPP", "075", "2024-04-05", B),
 ("had refused on Friday to grant him safe passage", "refused", "ECUGOV", "MEX", "1243", "2024-04-05", B),
 ("he was thrown to the ground by officers", "thrown to the ground", "ECUCOP", "MEXGOV", "182", "2024-04-05", B),
 ("Mexico had abused the immunities", "had abused the immunities", "ECUGOV", "MEX", "112", "2024-04-06", B),
 ("Ecuador declared Mexico's ambassador", "declared Mexico's ambassador, Raquel Serur, persona non grata", "ECUGOV", "MEXGOV", "174", "2024-04-04", B),
 ("Mexico was considering legal action", "considering legal action", "MEXGOV", "ECU", "014", "2024-04-06", B),
 ("Brazil, Colombia and Chile condemned the raid", "condemned", "BRA", "ECU", "111", "2024-04-06", B),
 ("Brazil, Colombia and Chile condemned the raid", "condemned", "COL", "ECU", "111", "2024-04-06", B),
 ("Brazil, Colombia and Chile condemned the raid", "condemned", "CHL", "ECU", "111", "2024-04-06", B),
 ("Nicaragua said it was breaking off relations", "breaking off relations", "NIC", "ECU", "161", "2024-04-06", B),
],
'a14.txt': [
 ("signed a joint declaration on Friday", "signed a joint declaration", "KORGOV", "PRKGOV", "057", "2018-04-27", K),
 ("signed a joint declaration on Friday", "signed a joint declaration", "PRKGOV", "KORGOV", "057", "2018-04-27", K),
 ("Kim became the first North Korean leader to set foot in the South", "stepped across", "PRKGOV", "KOR", "042", "2018-04-27", K),
 ("Moon greeted him at the border", "greeted", "KORGOV", "PRKGOV", "043", "2018-04-27", B),
 ("Moon and Kim agreed to stop all hostile acts", "agreed to stop all hostile acts", "KORGOV", "PRKGOV", "0356", "2018-04-27", B),
 ("Moon and Kim agreed to stop all hostile acts", "agreed to stop all hostile acts", "PRKGOV", "KORGOV", "0356", "2018-04-27", B),
 ("agreed to seek three-way talks with the United States", "agreed to seek three-way talks", "KOR", "USA", "036", "2018-04-27", B),
 ("agreed to seek three-way talks with the United States", "agreed to seek three-way talks", "PRK", "USA", "036", "2018-04-27", B),
 ("Moon agreed to visit Pyongyang", "agreed to visit Pyongyang", "KORGOV", "PRK", "036", "2018-04-27", B),
 ("Trump praised the two leaders", "praised", "USAGOV", "KORGOV", "051", "2018-04-27", B),
 ("Trump praised the two leaders", "praised", "USAGOV", "PRKGOV", "051", "2018-04-27", B),
 ("China's foreign ministry welcomed the outcome", "praised", "CHNGOV", "KORGOV", "051", "2018-04-27", B),
 ("China's foreign ministry welcomed the outcome", "praised", "CHNGOV", "PRKGOV", "051", "2018-04-27", B),
 ("he urged North Korea to take concrete steps", "urged", "JPNGOV", "PRK", "0256", "2018-04-27", B),
 ("Trump said on Tuesday he would meet Kim", "would meet Kim", "USAGOV", "PRKGOV", "036", "2018-04-24", B),
 ("North Korea conducted three ICBM tests last year", "conducted three ICBM tests", "PRK", None, "150", "2017-01-01", B, "year"),
 ("Trump threatened in August", "threatened", "USAGOV", "PRK", "138", "2017-08-01", B, "month"),
 ("The two leaders planted a pine tree together", "planted a pine tree together", "KORGOV", "PRKGOV", "017", "2018-04-27", B),
 ("The two leaders planted a pine tree together", "planted a pine tree together", "PRKGOV", "KORGOV", "017", "2018-04-27", B),
],
'a15.txt': [
 ("Gotabaya Rajapaksa will resign on Wednesday", "will resign", "LKAGOV", "LKACVL", "0341", "2022-07-09", K),
 ("Gotabaya Rajapaksa will resign on Wednesday", "stormed his official residence", "LKACVL", "LKAGOV", "1451", "2022-07-09", K),
 ("protesters set fire to the private home", "set fire to", "LKACVL", "LKAGOV", "1712", "2022-07-09", B),
 ("said he would also resign once a new government was formed", "would also resign", "LKAGOV", "LKACVL", "0341", "2022-07-09", K),
 ("Police fired tear gas and water cannon at the crowds", "fired tear gas and water cannon", "LKACOP", "LKACVL", "175", "2022-07-09", B),
 ("Officers beat several journalists", "beat", "LKACOP", "LKAMED", "182", "2022-07-09", B),
 ("Police had imposed a curfew", "imposed a curfew", "LKACOP", "LKACVL", "1723", "2022-07-08", B),
 ("Police had imposed a curfew", "lifted it", "LKACOP", "LKACVL", "0813", "2022-07-09", B),
 ("appealed to the public on Sunday", "appealed", "LKAMIL", "LKACVL", "0252", "2022-07-10", B),
 ("The United States on Saturday urged Sri Lanka's parliament", "urged", "USA", "LKALEG", "0241", "2022-07-09", B),
 ("resigned as prime minister after weeks of protests", "resigned as prime minister", "LKAGOV", "LKACVL", "0831", "2022-05-01", B, "month"),
],
'a16.txt': [
 ("U.S. and British warplanes and warships struck", "struck", "USAMIL", "YEMREB", "195", "2024-01-12", K),
 ("U.S. and British warplanes and warships struck", "struck", "GBRMIL", "YEMREB", "195", "2024-01-12", K),
 ('"I will not hesitate to direct further measures', "will not hesitate to direct further measures", "USAGOV", "YEMREB", "138", "2024-01-12", B),
 ("vowed that the group would retaliate against the United States and Britain", "vowed", "YEMREB", "USA", "138", "2024-01-12", K),
 ("vowed that the group would retaliate against the United States and Britain", "vowed", "YEMREB", "GBR", "138", "2024-01-12", K),
 ("provided logistical and intelligence support to U.S. forces", "provided logistical and intelligence support", "AUS", "USAMIL", "062", "2024-01-12", B),
 ("provided logistical and intelligence support to U.S. forces", "provided logistical and intelligence support", "BHR", "USAMIL", "062", "2024-01-12", B),
 ("provided logistical and intelligence support to U.S. forces", "provided logistical and intelligence support", "CAN", "USAMIL", "062", "2024-01-12", B),
 ("provided logistical and intelligence support to U.S. forces", "provided logistical and intelligence support", "NLD", "USAMIL", "062", "2024-01-12", B),
 ("condemned the U.S. and British strikes", "condemned", "IRNGOV", "USA", "111", "2024-01-12", B),
 ("condemned the U.S. and British strikes", "condemned", "IRNGOV", "GBR", "111", "2024-01-12", B),
 ("urged Washington and the Houthis to avoid escalation", "urged", "SAU", "USA", "0256", "2024-01-12", B),
 ("urged Washington and the Houthis to avoid escalation", "urged", "SAU", "YEMREB", "0256", "2024-01-12", B),
 ("Russia requested an emergency meeting", "requested an emergency meeting", "RUS", "IGOUNO", "026", "2024-01-12", B),
 ("Houthi fighters hijacked the Israeli-linked cargo ship", "hijacked", "YEMREB", "ISRBUS", "181", "2023-11-19", B),
 ("the Houthis fired 18 drones and three missiles", "fired", "YEMREB", "USAMIL", "195", "2024-01-09", B),
 ("the Houthis fired 18 drones and three missiles", "fired", "YEMREB", "GBRMIL", "195", "2024-01-09", B),
 ("adopted a resolution demanding that the Houthis immediately stop", "demanding", "IGOUNO", "YEMREB", "1056", "2024-01-10", B),
],
}

ABBREV = {'U.S.', 'U.N.', 'a.m.', 'p.m.', 'Jr.', 'Sen.', 'Gen.', 'Col.', 'Lt.', 'Mr.', 'Mrs.', 'Dr.',
          'St.', 'Nov.', 'Dec.', 'Jan.', 'Feb.', 'Aug.', 'Sept.', 'Oct.', 'N.', 'S.', 'No.'}
DATELINE = re.compile(r'^[^()\n]{0,80}\((?:Yonhap|Reuters|AP|AFP)\)\s*(?:--|-|—)\s*')
SPLIT = re.compile(r'([.!?]["”)]?)\s+(?=["“(]?[A-Z0-9])')

def body(text):
    lines = text.split('\n')
    assert lines[0].startswith('Title: ') and lines[1].startswith('Source: ') \
        and re.fullmatch(r'Date: \d{4}-\d{2}-\d{2}', lines[2]) and lines[3] == '', lines[:4]
    return lines[2][6:], '\n'.join(lines[4:])

def sentences(text):
    """Yield sentences of the body (paragraph-internal splitting, dateline removed)."""
    _, b = body(text)
    for para in b.split('\n\n'):
        para = DATELINE.sub('', para.strip())
        if not para:
            continue
        start = 0
        for m in SPLIT.finditer(para):
            cand = para[start:m.end(1)]
            last = cand.split()[-1] if cand.split() else ''
            if last in ABBREV or last.rstrip('"”') in ABBREV and not last.endswith('"'):
                continue
            yield cand.strip()
            start = m.end()
        yield para[start:].strip()

WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

def main():
    codes = {}
    with open(CAMEO) as f:
        next(f)
        for line in f:
            c = line.split('\t')
            codes[c[0]] = c[1]
    actor = re.compile(r'^(?:IGO(?:UNO|EUREEC|WSTNAT|WAFWAS)|[A-Z]{3}(?:GOV|MIL|REB|OPP|CVL|MED|BUS|JUD|COP|LEG|SPY)?)$')
    errors, rows = [], []
    n_ev = n_key = 0
    roots = {}
    for doc in sorted(EVENTS):
        text = open(os.path.join(ART, doc), encoding='utf-8').read()
        dct, b = body(text)
        words = len(b.split())
        if not 250 <= words <= 550:
            errors.append(f'{doc}: {words} body words')
        sents = list(sentences(text))
        evs, seen = [], set()
        for row in EVENTS[doc]:
            snip, trig, s, t, c, d, key = row[:7]
            prec = row[7] if len(row) > 7 else None
            hits = [x for x in sents if snip in x]
            if len(hits) != 1:
                errors.append(f'{doc}: snippet {snip!r} in {len(hits)} sentences'); continue
            sent = hits[0]
            assert sent in text
            if trig not in sent:
                errors.append(f'{doc}: trigger {trig!r} not in sentence {sent!r}')
            if c not in codes:
                errors.append(f'{doc}: bad CAMEO {c}')
            for a in (s, t):
                if a is not None and not actor.match(a):
                    errors.append(f'{doc}: bad actor {a}')
            if t is not None and s == t:
                errors.append(f'{doc}: self-dyad {s}')
            if t is None and c[:2] not in ('15', '01'):
                errors.append(f'{doc}: null target for {c}')
            dd = datetime.date.fromisoformat(d)
            if dd > datetime.date.fromisoformat(dct):
                errors.append(f'{doc}: event date {d} after article date {dct}')
            if prec == 'month' and dd.day != 1 or prec == 'year' and (dd.month, dd.day) != (1, 1):
                errors.append(f'{doc}: precision {prec} with {d}')
            if (s, t, c, sent) in seen:
                errors.append(f'{doc}: duplicate {s} {t} {c}')
            seen.add((s, t, c, sent))
            e = {"source": s, "target": t, "cameo": c, "date": d, "key": key,
                 "sentence": sent, "trigger": trig}
            if prec:
                e["date_precision"] = prec
            evs.append(e)
            n_ev += 1; n_key += key
            roots[c[:2]] = roots.get(c[:2], 0) + 1
        nk = sum(e['key'] for e in evs)
        if not 2 <= nk <= 5:
            errors.append(f'{doc}: {nk} key events')
        rows.append({"doc": doc, "date": dct, "events": evs})
        print(f'{doc} {dct} words={words:3d} events={len(evs):2d} key={nk}')
    # weekday check: every "on <Weekday>" in an event's sentence resolves (against the DCT, most
    # recent occurrence not after it) to some date; the event date must be one of them, otherwise
    # the sentence carries the date of another clause and the pair is printed for review.
    for r in rows:
        dct = datetime.date.fromisoformat(r['date'])
        for e in r['events']:
            days = re.findall(r'\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b', e['sentence'])
            res = {(dct - datetime.timedelta(days=(dct.weekday() - WEEKDAYS.index(w)) % 7)).isoformat() for w in days}
            if res and e['date'] not in res:
                print(f"  review {r['doc']} {e['source']}->{e['target']} {e['cameo']} {e['date']} vs {sorted(res)}: {e['trigger']}")
    if errors:
        print('\n'.join(errors)); sys.exit(1)
    with open(OUT, 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(f'articles={len(rows)} events={n_ev} key={n_key} roots={len(roots)}/20')
    print('per root:', ' '.join(f'{k}:{v}' for k, v in sorted(roots.items())))

if __name__ == '__main__':
    if len(sys.argv) > 1 and sys.argv[1] == '--sentences':
        for x in sentences(open(os.path.join(ART, sys.argv[2]), encoding='utf-8').read()):
            print('|', x)
    else:
        main()
