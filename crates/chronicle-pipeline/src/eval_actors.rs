//! `chronicle eval actors`: the share of a case table (see `chronicle_actors::cases`) that the
//! full pipeline resolves to the expected code.

use std::fmt;
use std::path::Path;

use chronicle_actors::cases::parse_cases;
use chronicle_core::Article;

use crate::eval::EvalError;
use crate::Pipeline;

/// Pass counts over a case table, with the failures for inspection.
#[derive(Debug, Default)]
pub struct ActorScores {
    pub cases: usize,
    pub passed: usize,
    /// Cases expecting a code (not `unresolved`) and how many of them passed.
    pub positive: usize,
    pub positive_passed: usize,
    /// `FILE:LINE: "mention" want CODE got …`
    pub failures: Vec<String>,
}

impl ActorScores {
    pub fn accuracy(&self) -> f64 {
        100.0 * self.passed as f64 / self.cases.max(1) as f64
    }
}

impl fmt::Display for ActorScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "actors: {} cases", self.cases)?;
        writeln!(
            f,
            "resolution accuracy        {:>6.2}%  {}/{}",
            self.accuracy(),
            self.passed,
            self.cases
        )?;
        let negative = self.cases - self.positive;
        writeln!(
            f,
            "  expecting a code         {:>6.2}%  {}/{}",
            100.0 * self.positive_passed as f64 / self.positive.max(1) as f64,
            self.positive_passed,
            self.positive
        )?;
        write!(
            f,
            "  expecting 'unresolved'   {:>6.2}%  {}/{}",
            100.0 * (self.passed - self.positive_passed) as f64 / negative.max(1) as f64,
            self.passed - self.positive_passed,
            negative
        )
    }
}

/// Runs `pipeline` over every case context of the table at `path` and checks the mentions.
pub fn evaluate_actor_cases(pipeline: &Pipeline, path: &Path) -> Result<ActorScores, EvalError> {
    let origin = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: origin.clone(),
        source,
    })?;
    let cases = parse_cases(&text, &origin).map_err(|e| EvalError::Format {
        path: origin.clone(),
        line: 0,
        message: e.to_string(),
    })?;
    let mut scores = ActorScores::default();
    for case in &cases {
        let doc = pipeline.run(Article {
            text: case.context.clone(),
            date: case.date,
            ..Default::default()
        });
        let positive = case.expected != "unresolved";
        scores.cases += 1;
        scores.positive += usize::from(positive);
        match case.check(&doc.mentions) {
            None => {
                scores.passed += 1;
                scores.positive_passed += usize::from(positive);
            }
            Some(found) => scores.failures.push(format!(
                "{origin}:{}: {:?} want {} got {found}",
                case.line, case.mention, case.expected
            )),
        }
    }
    Ok(scores)
}
