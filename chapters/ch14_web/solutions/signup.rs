use crate::errors::FieldError;
use crate::extract::Validate;
use serde::Deserialize;

// ANCHOR: solution
/// Exercise `signup`: every broken rule, each named by its field.
#[derive(Debug, Deserialize)]
pub struct Signup {
    pub email: String,
    pub age: u32,
}

impl Validate for Signup {
    fn validate(&self, where_: &str) -> Vec<FieldError> {
        let mut problems = Vec::new();
        let well_formed = match self.email.split_once('@') {
            Some((user, domain)) => !user.is_empty() && !domain.is_empty() && !domain.contains('@'),
            None => false,
        };
        if !well_formed {
            let msg = "value is not a valid email address";
            problems.push(FieldError::new(&[where_, "email"], "value_error", msg));
        }
        let loc = [where_, "age"];
        if self.age < 13 {
            let msg = "Input should be greater than or equal to 13";
            problems.push(FieldError::new(&loc, "greater_than_equal", msg));
        } else if self.age > 130 {
            let msg = "Input should be less than or equal to 130";
            problems.push(FieldError::new(&loc, "less_than_equal", msg));
        }
        problems
    }
}
// ANCHOR_END: solution
