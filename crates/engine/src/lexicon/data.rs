//! The lexicon's data files as one asset. The CLI and the tests embed the files (feature
//! `embedded`, on by default); the web app does not: it fetches the same files packed into one
//! (`qarin assets` writes it, `cargo xtask dist` puts it beside the wasm) and installs them
//! ([`super::install`]), so that the page's code stays small and the word lists can grow. Both
//! read the same bytes, so the app and the CLI find the same names.
//!
//! The packed format: the line `qarin-lexicon 1`, then per file a line `NAME LENGTH` and the
//! file's LENGTH bytes (UTF-8), then a newline.

/// The data files, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tables {
    pub countries_ar: String,
    pub countries_en: String,
    pub first_male: String,
    pub first_female: String,
    pub last_names: String,
    pub anercorp_names: String,
    pub anercorp_common: String,
    pub wordfreq: String,
    pub places: String,
    /// Each country's capital by ISO code (GeoNames).
    pub capitals: String,
    /// The hand-written lists of general news language (`data/words/lists.txt`, see [`super::words`]).
    pub words: String,
    /// Given names of the egy-names book (`data/gazetteers/egy-names/`, MIT).
    pub given_names: String,
}

const MAGIC: &str = "qarin-lexicon 1\n";

/// Why packed data cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError(pub String);

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the word lists cannot be read: {}", self.0)
    }
}

impl Tables {
    fn fields(&self) -> [(&'static str, &String); 12] {
        [
            ("countries_ar", &self.countries_ar),
            ("countries_en", &self.countries_en),
            ("first_male", &self.first_male),
            ("first_female", &self.first_female),
            ("last_names", &self.last_names),
            ("anercorp_names", &self.anercorp_names),
            ("anercorp_common", &self.anercorp_common),
            ("wordfreq", &self.wordfreq),
            ("places", &self.places),
            ("capitals", &self.capitals),
            ("words", &self.words),
            ("given_names", &self.given_names),
        ]
    }

    /// The files as built into this program.
    #[cfg(feature = "embedded")]
    pub fn embedded() -> Tables {
        Tables {
            countries_ar: include_str!("../../data/gazetteers/country-names/ar.json").into(),
            countries_en: include_str!("../../data/gazetteers/country-names/en.json").into(),
            first_male: include_str!("../../data/gazetteers/arabic-names/male-first-names.txt").into(),
            first_female: include_str!("../../data/gazetteers/arabic-names/female-first-names.txt").into(),
            last_names: include_str!("../../data/gazetteers/arabic-names/last-names.txt").into(),
            anercorp_names: include_str!("../../data/anercorp/names.tsv").into(),
            anercorp_common: include_str!("../../data/anercorp/common.tsv").into(),
            wordfreq: include_str!("../../data/wordfreq/ar.tsv").into(),
            places: include_str!("../../data/geonames/places.tsv").into(),
            capitals: include_str!("../../data/geonames/capitals.tsv").into(),
            words: include_str!("../../data/words/lists.txt").into(),
            given_names: include_str!("../../data/gazetteers/egy-names/given-names.txt").into(),
        }
    }

    /// The packed asset (see the module documentation).
    pub fn pack(&self) -> Vec<u8> {
        let mut out = MAGIC.as_bytes().to_vec();
        for (name, text) in self.fields() {
            out.extend_from_slice(format!("{name} {}\n", text.len()).as_bytes());
            out.extend_from_slice(text.as_bytes());
            out.push(b'\n');
        }
        out
    }

    /// Read a packed asset; anything malformed is an error, never a panic.
    pub fn unpack(bytes: &[u8]) -> Result<Tables, DataError> {
        let rest = bytes.strip_prefix(MAGIC.as_bytes()).ok_or_else(|| DataError("not a Qarin word-list file".into()))?;
        let mut t = Tables::default();
        let mut rest = rest;
        let mut seen = 0;
        while !rest.is_empty() {
            let nl = rest.iter().position(|&b| b == b'\n').ok_or_else(|| DataError("a header line is cut short".into()))?;
            let header = std::str::from_utf8(&rest[..nl]).map_err(|_| DataError("a header is not text".into()))?;
            let (name, len) = header.split_once(' ').ok_or_else(|| DataError(format!("bad header {header:?}")))?;
            let len: usize = len.parse().map_err(|_| DataError(format!("bad length in {header:?}")))?;
            let body = rest.get(nl + 1..nl + 1 + len).ok_or_else(|| DataError(format!("{name} is cut short")))?;
            let text = std::str::from_utf8(body).map_err(|_| DataError(format!("{name} is not UTF-8")))?.to_string();
            let slot = match name {
                "countries_ar" => &mut t.countries_ar,
                "countries_en" => &mut t.countries_en,
                "first_male" => &mut t.first_male,
                "first_female" => &mut t.first_female,
                "last_names" => &mut t.last_names,
                "anercorp_names" => &mut t.anercorp_names,
                "anercorp_common" => &mut t.anercorp_common,
                "wordfreq" => &mut t.wordfreq,
                "places" => &mut t.places,
                "capitals" => &mut t.capitals,
                "words" => &mut t.words,
                "given_names" => &mut t.given_names,
                other => return Err(DataError(format!("unknown part {other:?}"))),
            };
            *slot = text;
            seen += 1;
            rest = rest.get(nl + 1 + len + 1..).unwrap_or(&[]);
        }
        if seen != 12 {
            return Err(DataError(format!("{seen} of 12 parts")));
        }
        Ok(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_round_trip_and_bad_input() {
        let t = Tables { countries_ar: "{}".into(), wordfreq: "ا\t1\n".into(), places: "ن\nx".into(), ..Default::default() };
        let packed = t.pack();
        assert_eq!(Tables::unpack(&packed).unwrap(), t);
        assert!(Tables::unpack(b"").is_err());
        assert!(Tables::unpack(&packed[..packed.len() / 2]).is_err());
        let mut bad = packed.clone();
        bad[20] = b'x';
        let _ = Tables::unpack(&bad); // an error or other tables, never a panic
    }
}
