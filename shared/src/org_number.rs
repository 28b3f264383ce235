//! Swedish organisation numbers (organisationsnummer): ten digits, the last a Luhn check
//! digit, the third at least 2 for legal entities; written `NNNNNN-NNNN`.

/// Why a string is not an organisation number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgNumberError {
    /// Not ten digits (with an optional dash after the sixth).
    Format,
    /// The third digit is below 2: a personal identity number, not a legal entity's.
    NotALegalEntity,
    /// The check digit does not match.
    CheckDigit,
}

/// Parses an organisation number and returns it as `NNNNNN-NNNN`.
pub fn parse(input: &str) -> Result<String, OrgNumberError> {
    let trimmed = input.trim();
    if !trimmed.is_ascii() {
        return Err(OrgNumberError::Format);
    }
    let digits: String = match trimmed.len() {
        10 => trimmed.to_owned(),
        11 if trimmed.as_bytes()[6] == b'-' => format!("{}{}", &trimmed[..6], &trimmed[7..]),
        _ => return Err(OrgNumberError::Format),
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(OrgNumberError::Format);
    }
    let values: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    if values[2] < 2 {
        return Err(OrgNumberError::NotALegalEntity);
    }
    if !luhn_sum(&values).is_multiple_of(10) {
        return Err(OrgNumberError::CheckDigit);
    }
    Ok(format!("{}-{}", &digits[..6], &digits[6..]))
}

/// A valid organisation number, `NNNNNN-NNNN`, made of nine digits and their Luhn check
/// digit: for made-up organisations (tests, demo data, the engine's evaluation). The third
/// digit must be 2 or more for a legal entity.
pub fn with_check_digit(nine_digits: &str) -> String {
    let mut values: Vec<u32> = nine_digits.chars().filter_map(|c| c.to_digit(10)).collect();
    values.push(0);
    let check = (10 - luhn_sum(&values) % 10) % 10;
    format!("{}-{}{check}", &nine_digits[..6], &nine_digits[6..])
}

/// The Luhn sum of all ten digits: every other digit from the first doubled.
fn luhn_sum(values: &[u32]) -> u32 {
    values
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            if i % 2 == 0 {
                let doubled = v * 2;
                doubled / 10 + doubled % 10
            } else {
                v
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_made_up_number_gets_the_check_digit_that_makes_it_valid() {
        for body in ["556000001", "559123456", "802000000"] {
            let number = with_check_digit(body);
            assert_eq!(parse(&number), Ok(number.clone()), "{number}");
        }
        assert_eq!(with_check_digit("556036079"), "556036-0793");
    }

    #[test]
    fn real_organisation_numbers_parse_with_or_without_a_dash() {
        // Skatteverket 202100-5448, Volvo Car AB 556074-3089, IKEA 556074-7569.
        assert_eq!(parse("202100-5448"), Ok("202100-5448".to_owned()));
        assert_eq!(parse("5560743089"), Ok("556074-3089".to_owned()));
        assert_eq!(parse(" 556074-7569 "), Ok("556074-7569".to_owned()));
    }

    #[test]
    fn a_wrong_check_digit_is_caught() {
        assert_eq!(parse("556074-3088"), Err(OrgNumberError::CheckDigit));
    }

    #[test]
    fn personal_identity_numbers_are_not_legal_entities() {
        assert_eq!(parse("811218-9876"), Err(OrgNumberError::NotALegalEntity));
    }

    #[test]
    fn anything_but_ten_digits_is_a_format_error() {
        for bad in [
            "",
            "55607430",
            "556074-30899",
            "55607-43089",
            "556074+3089",
            "55607430８9",
            "abcdefghij",
            "12345ö-123",
            "ö5555-1234",
        ] {
            assert_eq!(parse(bad), Err(OrgNumberError::Format), "{bad:?}");
        }
    }
}
