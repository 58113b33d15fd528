//! Splitting CAMEO actor codes into country, agent and the rest.

use chronicle_core::ActorCode;

/// Primary CAMEO role/sector codes that may follow a country code or start a code.
pub const AGENTS: &[&str] = &[
    "GOV", "MIL", "LEG", "JUD", "OPP", "REB", "COP", "SPY", "MED", "BUS", "NGO", "EDU", "CVL",
    "ELI", "IGO", "MNC", "LAB", "REF", "CRM", "HLH", "PTY", "AGR", "INS", "SEP", "UAF", "ENV",
    "HRI", "DEV", "RAD", "REL",
];

/// Codes that name no state but a class of transnational actor (`IGOUNO`, `NGOHRIAMN`).
const TRANSNATIONAL: &[&str] = &["IGO", "NGO", "MNC", "IMG"];

/// CAMEO region codes, which stand where a state's code would ("MEAREB": a Middle Eastern
/// armed group); they are no country.
pub const REGIONS: &[&str] = &[
    "AFR", "ASA", "BLK", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA",
    "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST",
];

/// CAMEO ethnic-group codes that stand where a state's code would: `KURREB`, the Kurdish armed
/// groups that fight in several states (the PKK, the SDF), which CAMEO and the news code
/// apart from any one state's rebels.
pub const ETHNIC_GROUPS: &[&str] = &["KUR"];

/// Parses `code` ("USAGOV", "IGOUNOIAE", "PRK", "CHNMED") into an [`ActorCode`]; a code is a
/// country (three upper-case letters known to `is_country`) and/or an agent, then any rest.
pub fn parse_code(code: &str, is_country: impl Fn(&str) -> bool) -> Option<ActorCode> {
    if code.len() < 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let (head, rest) = code.split_at(3);
    if TRANSNATIONAL.contains(&head) {
        return Some(ActorCode::new(None, Some(head), rest));
    }
    if REGIONS.contains(&head) || ETHNIC_GROUPS.contains(&head) {
        let agent = rest.get(..3).filter(|a| AGENTS.contains(a));
        return (rest.is_empty() || agent.is_some()).then(|| ActorCode {
            code: code.to_owned(),
            country: None,
            agent: agent.map(str::to_owned),
        });
    }
    if is_country(head) {
        if rest.len() >= 3 && AGENTS.contains(&&rest[..3]) {
            return Some(ActorCode::new(Some(head), Some(&rest[..3]), &rest[3..]));
        }
        return rest
            .is_empty()
            .then(|| ActorCode::new(Some(head), None, ""));
    }
    AGENTS
        .contains(&head)
        .then(|| ActorCode::new(None, Some(head), rest))
}

/// `country` + `agent` as an [`ActorCode`] ("RUS" + "GOV" → `RUSGOV`).
pub fn compose(country: Option<&str>, agent: Option<&str>) -> ActorCode {
    ActorCode::new(country, agent, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_country(c: &str) -> bool {
        matches!(c, "USA" | "PRK" | "CHN")
    }

    #[test]
    fn splits_codes() {
        let c = parse_code("USAGOV", is_country).unwrap();
        assert_eq!(
            (c.country.as_deref(), c.agent.as_deref()),
            (Some("USA"), Some("GOV"))
        );
        let c = parse_code("IGOUNOIAE", is_country).unwrap();
        assert_eq!(
            (c.code.as_str(), c.country, c.agent.as_deref()),
            ("IGOUNOIAE", None, Some("IGO"))
        );
        assert_eq!(parse_code("PRK", is_country).unwrap().code, "PRK");
        assert!(parse_code("XYZGOV", is_country).is_none());
        let c = parse_code("MEAREB", is_country).unwrap();
        assert_eq!(
            (c.code.as_str(), c.country, c.agent.as_deref()),
            ("MEAREB", None, Some("REB"))
        );
        assert!(parse_code("MEAXYZ", is_country).is_none());
        assert!(parse_code("usa", is_country).is_none());
    }
}
