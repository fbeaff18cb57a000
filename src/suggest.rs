//! "Did you mean": the closest known name to a misspelt one.

/// The candidate closest to `word`, if one is close enough to be a likely misspelling.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggests_near_misses_only() {
        let keys = ["ngay_sinh", "ho_ten", "que_quan"];
        assert_eq!(super::closest("ngay_snh", keys), Some("ngay_sinh"));
        assert_eq!(super::closest("hoten", keys), Some("ho_ten"));
        assert_eq!(super::closest("xyz", keys), None);
    }
}
