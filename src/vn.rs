//! Vietnamese number conventions: a dot between thousands, a comma before decimals (1.045; 60,49).

/// `1045` → "1.045".
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// `60.4912` with 2 places → "60,49"; trailing zeros dropped ("100", "92,3").
pub fn decimal(x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let int = thousands(int.parse().unwrap_or(0));
    match frac {
        Some(f) => format!("{int},{f}"),
        None => int,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn vietnamese_numbers() {
        assert_eq!(super::thousands(1045), "1.045");
        assert_eq!(super::thousands(311), "311");
        assert_eq!(super::thousands(1_234_567), "1.234.567");
        assert_eq!(super::decimal(60.4912, 2), "60,49");
        assert_eq!(super::decimal(100.0, 2), "100");
        assert_eq!(super::decimal(12.0 / 13.0 * 100.0, 2), "92,31");
        assert_eq!(super::decimal(2.0 / 3.0 * 100.0, 2), "66,67");
    }
}
