//! Validated codes of Sweden's regional division.

/// A two-digit county code (länskod), such as `05` for Östergötlands län.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountyCode(String);

impl CountyCode {
    /// Accepts exactly two ASCII digits.
    pub fn parse(value: &str) -> Result<Self, String> {
        if value.len() == 2 && value.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(value.to_owned()))
        } else {
            Err(crate::t!("parameter-county"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A four-digit municipality code (kommunkod), such as `0581` for Norrköping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MunicipalityCode(String);

impl MunicipalityCode {
    /// Accepts exactly four ASCII digits (whether the municipality exists is the database's
    /// to say).
    pub fn parse(value: &str) -> Result<Self, String> {
        if value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(value.to_owned()))
        } else {
            Err(crate::t!("parameter-municipality"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_digits_are_a_county_code() {
        assert_eq!(
            CountyCode::parse("05").map(|c| c.as_str().to_owned()),
            Ok("05".to_owned())
        );
    }

    #[test]
    fn municipality_codes_are_four_digits() {
        assert!(MunicipalityCode::parse("0581").is_ok());
        for bad in ["", "581", "05810", "058a", " 0581"] {
            assert!(
                MunicipalityCode::parse(bad).is_err(),
                "{bad:?} was accepted"
            );
        }
    }

    #[test]
    fn anything_else_is_not() {
        for bad in ["", "5", "005", "0a", "٠٥", " 05", "05 "] {
            assert!(CountyCode::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
