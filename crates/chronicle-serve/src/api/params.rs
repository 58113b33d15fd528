//! Query-string parameters, validated into the store's filter types with 400s that name the
//! parameter. Empty values count as absent (HTML forms send `actor=`); unknown names are
//! rejected so a typo never silently widens a query.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::error::{ApiError, ApiResult};

pub(crate) struct Params {
    values: HashMap<String, String>,
}

impl Params {
    /// Collects `pairs`, refusing names outside `allowed` and repeated names.
    pub fn new(pairs: Vec<(String, String)>, allowed: &[&str]) -> ApiResult<Params> {
        let mut values = HashMap::new();
        for (name, value) in pairs {
            if !allowed.contains(&name.as_str()) {
                return Err(ApiError::bad_request(if allowed.is_empty() {
                    format!("unknown parameter {name:?}: this endpoint takes no parameters")
                } else {
                    format!(
                        "unknown parameter {name:?}: expected one of {}",
                        allowed.join(", ")
                    )
                }));
            }
            if values.insert(name.clone(), value).is_some() {
                return Err(ApiError::bad_request(format!(
                    "parameter {name:?} is given more than once"
                )));
            }
        }
        Ok(Params { values })
    }

    /// The trimmed value, `None` when absent or empty.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.values
            .get(name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }

    pub fn date(&self, name: &str) -> ApiResult<Option<NaiveDate>> {
        self.text(name)
            .map(|v| {
                NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
                    ApiError::bad_request(format!(
                        "{name}: {v:?} is not a date: expected YYYY-MM-DD, e.g. 2019-12-15"
                    ))
                })
            })
            .transpose()
    }

    /// `from` and `to`, checked to be in order.
    pub fn date_range(&self) -> ApiResult<(Option<NaiveDate>, Option<NaiveDate>)> {
        let (from, to) = (self.date("from")?, self.date("to")?);
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(ApiError::bad_request(format!("from {f} is after to {t}")));
            }
        }
        Ok((from, to))
    }

    /// An actor code prefix as stored: upper case, letters and digits only ("USA", "usagov").
    pub fn code(&self, name: &str) -> ApiResult<Option<String>> {
        self.text(name)
            .map(|v| {
                if v.len() <= 30 && v.chars().all(|c| c.is_ascii_alphanumeric()) {
                    Ok(v.to_ascii_uppercase())
                } else {
                    Err(ApiError::bad_request(format!(
                        "{name}: {v:?} is not an actor code (letters and digits, e.g. USA, USAGOV, IGOUNO)"
                    )))
                }
            })
            .transpose()
    }

    /// A CAMEO code prefix: one to four digits ("02", "112").
    pub fn cameo(&self) -> ApiResult<Option<String>> {
        self.text("cameo")
            .map(|v| {
                if (1..=4).contains(&v.len()) && v.chars().all(|c| c.is_ascii_digit()) {
                    Ok(v.to_owned())
                } else {
                    Err(ApiError::bad_request(format!(
                        "cameo: {v:?} is not a CAMEO code prefix (1 to 4 digits, e.g. 02 or 112)"
                    )))
                }
            })
            .transpose()
    }

    /// A PLOVER event type, upper-cased ("request" → "REQUEST").
    pub fn plover(&self) -> ApiResult<Option<String>> {
        self.text("plover")
            .map(|v| {
                if v.len() <= 40 && v.chars().all(|c| c.is_ascii_alphabetic() || c == '_') {
                    Ok(v.to_ascii_uppercase())
                } else {
                    Err(ApiError::bad_request(format!(
                        "plover: {v:?} is not a PLOVER event type (e.g. REQUEST, ACCUSE)"
                    )))
                }
            })
            .transpose()
    }

    /// A whole number in `min..=max`, `default` when absent.
    pub fn number(&self, name: &str, default: usize, min: usize, max: usize) -> ApiResult<usize> {
        let Some(v) = self.text(name) else {
            return Ok(default);
        };
        match v.parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::bad_request(format!(
                "{name}: {v:?} must be a whole number from {min} to {max}"
            ))),
        }
    }

    /// `true`/`false` (also `1`/`0`), `false` when absent.
    pub fn flag(&self, name: &str) -> ApiResult<bool> {
        match self.text(name) {
            None => Ok(false),
            Some("true" | "1") => Ok(true),
            Some("false" | "0") => Ok(false),
            Some(v) => Err(ApiError::bad_request(format!(
                "{name}: {v:?} must be true or false"
            ))),
        }
    }

    /// `source` and `target` given together, or neither.
    pub fn dyad(&self) -> ApiResult<Option<(String, String)>> {
        match (self.code("source")?, self.code("target")?) {
            (Some(s), Some(t)) => Ok(Some((s, t))),
            (None, None) => Ok(None),
            (Some(_), None) => Err(ApiError::bad_request(
                "source needs target: a dyad is given as source=CODE&target=CODE",
            )),
            (None, Some(_)) => Err(ApiError::bad_request(
                "target needs source: a dyad is given as source=CODE&target=CODE",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(query: &[(&str, &str)], allowed: &[&str]) -> ApiResult<Params> {
        Params::new(
            query
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            allowed,
        )
    }

    #[test]
    fn empty_values_are_absent_and_codes_are_upper_cased() {
        let p = params(&[("actor", " usagov "), ("from", "")], &["actor", "from"]).unwrap();
        assert_eq!(p.code("actor").unwrap().as_deref(), Some("USAGOV"));
        assert_eq!(p.date("from").unwrap(), None);
    }

    #[test]
    fn errors_name_the_parameter() {
        let p = params(
            &[("from", "15/12/2019"), ("limit", "0"), ("actor", "U S")],
            &["from", "limit", "actor"],
        )
        .unwrap();
        assert!(p.date("from").unwrap_err().message.starts_with("from:"));
        assert!(p
            .number("limit", 100, 1, 1000)
            .unwrap_err()
            .message
            .starts_with("limit:"));
        assert!(p.code("actor").unwrap_err().message.starts_with("actor:"));
        let unknown = params(&[("actr", "USA")], &["actor"]).err().unwrap();
        assert!(unknown.message.contains("\"actr\""));
        let twice = params(&[("q", "a"), ("q", "b")], &["q"]).err().unwrap();
        assert!(twice.message.contains("more than once"));
    }

    #[test]
    fn dates_out_of_order_and_half_dyads_are_refused() {
        let p = params(
            &[("from", "2020-01-02"), ("to", "2020-01-01")],
            &["from", "to"],
        )
        .unwrap();
        assert!(p.date_range().is_err());
        let p = params(&[("source", "USA")], &["source", "target"]).unwrap();
        assert!(p.dyad().unwrap_err().message.contains("target"));
    }
}
