//! The CAMEO ontology: names, Goldstein values, quad classes and PLOVER mapping.

use std::collections::HashMap;
use std::sync::OnceLock;

use chronicle_core::Plover;

use crate::error::DataError;

const BUILTIN: &str = include_str!("../data/cameo.txt");
const TABLE: &str = "cameo.txt";

/// One CAMEO event code and what we know about it.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    /// Two to four digits: `"02"` (root), `"025"`, `"0256"`.
    pub code: String,
    pub name: String,
    pub goldstein: f32,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub plover: Plover,
}

impl CameoCode {
    /// The two-digit root (`"0256"` → `"02"`).
    pub fn root(&self) -> &str {
        &self.code[..2]
    }
}

/// The quad class CAMEO assigns to every code under a root (`"01"`..`"20"`).
pub fn quad_class_of_root(root: &str) -> Option<u8> {
    match root.parse::<u8>().ok()? {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

/// All CAMEO codes, looked up by code string.
#[derive(Debug, Clone, Default)]
pub struct Ontology {
    codes: HashMap<String, CameoCode>,
}

impl Ontology {
    /// The embedded table (`data/cameo.txt`), parsed once per process.
    pub fn builtin() -> &'static Ontology {
        static BUILT: OnceLock<Ontology> = OnceLock::new();
        BUILT.get_or_init(|| Ontology::parse(BUILTIN).expect("embedded cameo.txt is valid"))
    }

    /// Parses a table in the `code | goldstein | quad | event/mode/context | name` layout.
    pub fn parse(text: &str) -> Result<Ontology, DataError> {
        let mut codes = HashMap::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let code = parse_line(line, i + 1)?;
            if codes.contains_key(&code.code) {
                return Err(DataError::at(
                    TABLE,
                    i + 1,
                    format!("duplicate code {}", code.code),
                ));
            }
            codes.insert(code.code.clone(), code);
        }
        Ok(Ontology { codes })
    }

    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// All codes in code order.
    pub fn codes(&self) -> Vec<&CameoCode> {
        let mut all: Vec<&CameoCode> = self.codes.values().collect();
        all.sort_by(|a, b| a.code.cmp(&b.code));
        all
    }
}

fn parse_line(line: &str, number: usize) -> Result<CameoCode, DataError> {
    let err = |m: String| DataError::at(TABLE, number, m);
    let fields: Vec<&str> = line.split('|').map(str::trim).collect();
    let [code, goldstein, quad, plover, name] = fields[..] else {
        return Err(err(format!("expected 5 fields, found {}", fields.len())));
    };
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err(format!("bad CAMEO code {code:?}")));
    }
    let goldstein: f32 = goldstein
        .parse()
        .map_err(|_| err(format!("bad Goldstein value {goldstein:?}")))?;
    if !(-10.0..=10.0).contains(&goldstein) {
        return Err(err(format!("Goldstein value {goldstein} outside -10..10")));
    }
    let quad_class: u8 = quad
        .parse()
        .map_err(|_| err(format!("bad quad class {quad:?}")))?;
    if quad_class_of_root(&code[..2]) != Some(quad_class) {
        return Err(err(format!(
            "quad class {quad_class} does not fit root {}",
            &code[..2]
        )));
    }
    let parts: Vec<&str> = plover.split('/').map(str::trim).collect();
    let [event, mode, context] = parts[..] else {
        return Err(err(format!(
            "PLOVER column {plover:?} is not event/mode/context"
        )));
    };
    if name.is_empty() {
        return Err(err("empty name".to_owned()));
    }
    let part = |s: &str| (s != "-" && !s.is_empty()).then(|| s.to_owned());
    Ok(CameoCode {
        code: code.to_owned(),
        name: name.to_owned(),
        goldstein,
        quad_class,
        plover: Plover {
            event: part(event),
            mode: part(mode),
            context: part(context),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_has_every_root_and_follows_the_quad_rule() {
        let onto = Ontology::builtin();
        assert_eq!(onto.len(), 311);
        for root in 1..=20 {
            let root = format!("{root:02}");
            assert!(onto.get(&root).is_some(), "root {root} missing");
        }
        for code in onto.codes() {
            assert_eq!(
                Some(code.quad_class),
                quad_class_of_root(code.root()),
                "{}",
                code.code
            );
        }
    }

    #[test]
    fn sub_codes_carry_names_goldstein_and_plover() {
        let onto = Ontology::builtin();
        let appeal = onto.get("0256").unwrap();
        assert_eq!(
            appeal.name,
            "Appeal for de-escalation of military engagement"
        );
        assert_eq!(appeal.plover.event.as_deref(), Some("REQUEST"));
        assert_eq!(appeal.plover.mode.as_deref(), Some("yield"));
        let sanctions = onto.get("163").unwrap();
        assert_eq!(sanctions.goldstein, -8.0);
        assert_eq!(sanctions.quad_class, 4);
        assert_eq!(onto.get("010").unwrap().plover, Plover::default());
        assert!(onto.get("0999").is_none());
    }

    #[test]
    fn malformed_lines_are_rejected_with_their_line_number() {
        let cases = [
            "# header\n\n010 | 0.0 | 1 | -/-/-\n",
            "# header\n\n01x | 0.0 | 1 | -/-/- | Bad\n",
            "# header\n\n010 | zero | 1 | -/-/- | Bad\n",
            "# header\n\n190 | -10.0 | 2 | ASSAULT/-/- | Wrong quad\n",
            "# header\n\n040 | 1.0 | 1 | CONSULT | Missing parts\n",
            "# header\n\n040 | 11.0 | 1 | CONSULT/-/- | Out of scale\n",
        ];
        for text in cases {
            let err = Ontology::parse(text).unwrap_err();
            assert!(err.to_string().contains("line 3"), "{err} for {text:?}");
        }
        let dup = "040 | 1.0 | 1 | -/-/- | A\n040 | 1.0 | 1 | -/-/- | B\n";
        assert!(Ontology::parse(dup)
            .unwrap_err()
            .to_string()
            .contains("line 2"));
    }
}
