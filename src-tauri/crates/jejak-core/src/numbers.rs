//! Reading figures written by people and spreadsheets in either number style: `1,234.5` or
//! `1.234,5` (Indonesian). A cell like `1,842` means 1842 in one style and 1.842 in the other, so
//! a file's style is decided from its unambiguous cells (or chosen by the user), and a figure that
//! cannot be read for certain is refused, never guessed.

use crate::problem::{NumberIssue, NumberStyle};

/// A style that has been settled: the decimal separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decimal {
    Dot,
    Comma,
}

impl Decimal {
    fn separators(self) -> (char, char) {
        match self {
            Decimal::Dot => ('.', ','),
            Decimal::Comma => (',', '.'),
        }
    }
}

/// What one cell could mean.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell {
    /// The same value in either style (`1842`, `1 842`, `-3`).
    Plain(f64),
    /// Readable in one style only: evidence of the file's style.
    Only(Decimal, f64),
    /// A different value in each style (`1,842`).
    Ambiguous { dot: f64, comma: f64 },
}

/// Spaces people and spreadsheets group digits with (plain, no-break, narrow no-break, thin).
const SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// Reads one cell (already known not to be blank).
pub fn read_cell(raw: &str) -> Result<Cell, NumberIssue> {
    let s = raw.trim();
    let lower = s
        .trim_start_matches(['+', '-', '\u{2212}'])
        .to_ascii_lowercase();
    if ["nan", "inf", "infinity"].contains(&lower.as_str()) {
        return Err(NumberIssue::OutOfRange);
    }
    let dot = parse_in(s, Decimal::Dot);
    let comma = parse_in(s, Decimal::Comma);
    match (dot, comma) {
        (Ok(a), Ok(b)) if a == b => Ok(Cell::Plain(a)),
        (Ok(a), Ok(b)) => Ok(Cell::Ambiguous { dot: a, comma: b }),
        (Ok(a), Err(_)) => Ok(Cell::Only(Decimal::Dot, a)),
        (Err(_), Ok(b)) => Ok(Cell::Only(Decimal::Comma, b)),
        (Err(a), Err(b)) => Err(
            if a == NumberIssue::OutOfRange || b == NumberIssue::OutOfRange {
                NumberIssue::OutOfRange
            } else {
                NumberIssue::NotANumber
            },
        ),
    }
}

/// The value of a cell once the file's style is known (`None`: still unknown).
pub fn resolve(cell: Cell, style: Option<Decimal>) -> Result<f64, NumberIssue> {
    match (cell, style) {
        (Cell::Plain(v), _) => Ok(v),
        (Cell::Only(d, v), Some(s)) if d == s => Ok(v),
        (Cell::Only(_, _), Some(_)) => Err(NumberIssue::OtherStyle),
        // Readable one way only, so certain; a file with such a cell has a decided style anyway.
        (Cell::Only(_, v), None) => Ok(v),
        (Cell::Ambiguous { dot, .. }, Some(Decimal::Dot)) => Ok(dot),
        (Cell::Ambiguous { comma, .. }, Some(Decimal::Comma)) => Ok(comma),
        (Cell::Ambiguous { .. }, None) => Err(NumberIssue::Ambiguous),
    }
}

/// How a file's figures are to be read, decided from its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decided {
    /// Chosen by the user, or shown by the file's unambiguous cells.
    Style(Decimal),
    /// Nothing in the file tells (ambiguous cells, if any, cannot be read).
    Unknown,
    /// The file writes figures in both styles (the first line of each).
    Mixed { dot_line: u32, comma_line: u32 },
}

/// Decides a file's style from `(line, cell)` pairs, unless the user chose one.
pub fn decide<'a>(
    chosen: NumberStyle,
    cells: impl IntoIterator<Item = (u32, &'a Cell)>,
) -> Decided {
    match chosen {
        NumberStyle::DotDecimal => return Decided::Style(Decimal::Dot),
        NumberStyle::CommaDecimal => return Decided::Style(Decimal::Comma),
        NumberStyle::Auto => {}
    }
    let (mut dot_line, mut comma_line) = (None, None);
    for (line, cell) in cells {
        match cell {
            Cell::Only(Decimal::Dot, _) => {
                dot_line.get_or_insert(line);
            }
            Cell::Only(Decimal::Comma, _) => {
                comma_line.get_or_insert(line);
            }
            _ => {}
        }
    }
    match (dot_line, comma_line) {
        (Some(dot_line), Some(comma_line)) => Decided::Mixed {
            dot_line,
            comma_line,
        },
        (Some(_), None) => Decided::Style(Decimal::Dot),
        (None, Some(_)) => Decided::Style(Decimal::Comma),
        (None, None) => Decided::Unknown,
    }
}

/// Parses `s` in one style, strictly: digits grouped by threes with one kind of separator, at
/// most one decimal separator with digits after it, an optional exponent.
fn parse_in(s: &str, style: Decimal) -> Result<f64, NumberIssue> {
    let (decimal, group) = style.separators();
    let (negative, rest) = match s.chars().next() {
        Some('-') | Some('\u{2212}') => (true, &s[s.chars().next().map_or(0, char::len_utf8)..]),
        Some('+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (&rest[..at], Some(&rest[at + 1..])),
        None => (rest, None),
    };
    let (int_part, frac_part) = match mantissa.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let int_digits = grouped_digits(int_part, group).ok_or(NumberIssue::NotANumber)?;
    let frac_digits = match frac_part {
        Some(f) if !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()) => f,
        Some(_) => return Err(NumberIssue::NotANumber),
        None => "",
    };
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Err(NumberIssue::NotANumber);
    }
    let exp = match exponent {
        None => String::new(),
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return Err(NumberIssue::NotANumber);
            }
            format!("e{e}")
        }
    };
    let text = format!(
        "{}{}.{}{exp}",
        if negative { "-" } else { "" },
        if int_digits.is_empty() {
            "0"
        } else {
            &int_digits
        },
        if frac_digits.is_empty() {
            "0"
        } else {
            frac_digits
        },
    );
    let value: f64 = text.parse().map_err(|_| NumberIssue::NotANumber)?;
    let nonzero_digits = int_digits
        .chars()
        .chain(frac_digits.chars())
        .any(|c| c != '0');
    // Infinite, or so small that it became zero or subnormal: not what was written.
    if !value.is_finite() || (nonzero_digits && (value == 0.0 || !value.is_normal())) {
        return Err(NumberIssue::OutOfRange);
    }
    Ok(value)
}

/// The digits of an integer part that is either plain (`1842`) or grouped by threes with one
/// separator (`1,842,000`, `1 842`); `None` when it is neither.
fn grouped_digits(int: &str, group: char) -> Option<String> {
    if int.chars().all(|c| c.is_ascii_digit()) {
        return Some(int.to_string());
    }
    let sep = int.chars().find(|c| !c.is_ascii_digit())?;
    if sep != group && !SPACES.contains(&sep) {
        return None;
    }
    let mut groups = int.split(sep);
    let first = groups.next()?;
    let first_ok = (1..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_digit())
        && !first.starts_with('0');
    let mut digits = first.to_string();
    for g in groups {
        if g.len() != 3 || !g.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        digits.push_str(g);
    }
    first_ok.then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_style(raw: &str, style: Decimal) -> Result<f64, NumberIssue> {
        read_cell(raw).and_then(|c| resolve(c, Some(style)))
    }

    #[test]
    fn english_style_figures() {
        let en = Decimal::Dot;
        assert_eq!(in_style("1,842", en), Ok(1842.0));
        assert_eq!(in_style("1,234,567.8", en), Ok(1_234_567.8));
        assert_eq!(in_style("12.5", en), Ok(12.5));
        assert_eq!(in_style("1.842", en), Ok(1.842));
        assert_eq!(in_style("1 842", en), Ok(1842.0));
        assert_eq!(in_style("1\u{a0}842.25", en), Ok(1842.25));
        assert_eq!(in_style("-3.5", en), Ok(-3.5));
        assert_eq!(in_style("\u{2212}3", en), Ok(-3.0));
        assert_eq!(in_style("+7", en), Ok(7.0));
        assert_eq!(in_style(".5", en), Ok(0.5));
        assert_eq!(in_style("1.5e3", en), Ok(1500.0));
        // Indonesian-only figures are refused in an English-style file, never misread.
        assert_eq!(in_style("1.842,50", en), Err(NumberIssue::OtherStyle));
        assert_eq!(in_style("12,5", en), Err(NumberIssue::OtherStyle));
        assert_eq!(in_style("1.842.000", en), Err(NumberIssue::OtherStyle));
    }

    #[test]
    fn indonesian_style_figures() {
        let id = Decimal::Comma;
        assert_eq!(in_style("1.842", id), Ok(1842.0));
        assert_eq!(in_style("1.842,50", id), Ok(1842.5));
        assert_eq!(in_style("1.842.000", id), Ok(1_842_000.0));
        assert_eq!(in_style("12,5", id), Ok(12.5));
        assert_eq!(in_style("1,842", id), Ok(1.842));
        assert_eq!(in_style("1 842", id), Ok(1842.0));
        assert_eq!(in_style("1 842,5", id), Ok(1842.5));
        assert_eq!(in_style("0,842", id), Ok(0.842));
        assert_eq!(in_style("-1,5", id), Ok(-1.5));
        assert_eq!(in_style("12.5", id), Err(NumberIssue::OtherStyle));
        assert_eq!(in_style("1,234,567.8", id), Err(NumberIssue::OtherStyle));
    }

    #[test]
    fn cells_that_no_style_reads() {
        for bad in [
            "12.5,3",
            "abc",
            "12.",
            "1,,842",
            "Rp 1.000",
            "85%",
            "1e",
            "--3",
            "0,842,000",
            "1 842.000,5,2",
            "+",
        ] {
            assert_eq!(read_cell(bad), Err(NumberIssue::NotANumber), "{bad}");
        }
        for out in ["1e-400", "1e400", "NaN", "inf", "-Infinity", "4e-320"] {
            assert_eq!(read_cell(out), Err(NumberIssue::OutOfRange), "{out}");
        }
    }

    #[test]
    fn what_each_cell_tells_about_the_style() {
        assert_eq!(read_cell("1842"), Ok(Cell::Plain(1842.0)));
        assert_eq!(read_cell("1 842"), Ok(Cell::Plain(1842.0)));
        assert_eq!(read_cell("0"), Ok(Cell::Plain(0.0)));
        assert_eq!(read_cell("1e5"), Ok(Cell::Plain(100_000.0)));
        assert_eq!(
            read_cell("1,842"),
            Ok(Cell::Ambiguous {
                dot: 1842.0,
                comma: 1.842
            })
        );
        assert_eq!(
            read_cell("1.842"),
            Ok(Cell::Ambiguous {
                dot: 1.842,
                comma: 1842.0
            })
        );
        assert_eq!(read_cell("12,5"), Ok(Cell::Only(Decimal::Comma, 12.5)));
        assert_eq!(read_cell("12.5"), Ok(Cell::Only(Decimal::Dot, 12.5)));
        assert_eq!(read_cell("1,84"), Ok(Cell::Only(Decimal::Comma, 1.84)));
        assert_eq!(read_cell("1.8422"), Ok(Cell::Only(Decimal::Dot, 1.8422)));
        assert_eq!(
            read_cell("1.842,50"),
            Ok(Cell::Only(Decimal::Comma, 1842.5))
        );
        // Without a known style, an ambiguous cell is refused and the others are read.
        let Ok(amb) = read_cell("1,842") else {
            panic!("ambiguous cell not read")
        };
        assert_eq!(resolve(amb, None), Err(NumberIssue::Ambiguous));
        assert_eq!(resolve(Cell::Only(Decimal::Comma, 12.5), None), Ok(12.5));
    }

    #[test]
    fn a_file_style_comes_from_its_unambiguous_cells() {
        let cells = |raws: &[&str]| -> Vec<(u32, Cell)> {
            raws.iter()
                .enumerate()
                .filter_map(|(i, r)| read_cell(r).ok().map(|c| (i as u32 + 2, c)))
                .collect()
        };
        let id_file = cells(&["1.842", "2.000", "12,5"]);
        assert_eq!(
            decide(NumberStyle::Auto, id_file.iter().map(|(l, c)| (*l, c))),
            Decided::Style(Decimal::Comma)
        );
        let en_file = cells(&["1,842", "2,000", "12.5"]);
        assert_eq!(
            decide(NumberStyle::Auto, en_file.iter().map(|(l, c)| (*l, c))),
            Decided::Style(Decimal::Dot)
        );
        let unknown = cells(&["1,842", "2,000", "7"]);
        assert_eq!(
            decide(NumberStyle::Auto, unknown.iter().map(|(l, c)| (*l, c))),
            Decided::Unknown
        );
        assert_eq!(
            decide(
                NumberStyle::CommaDecimal,
                unknown.iter().map(|(l, c)| (*l, c))
            ),
            Decided::Style(Decimal::Comma)
        );
        let mixed = cells(&["12.5", "7", "3,25"]);
        assert_eq!(
            decide(NumberStyle::Auto, mixed.iter().map(|(l, c)| (*l, c))),
            Decided::Mixed {
                dot_line: 2,
                comma_line: 4
            }
        );
    }
}
