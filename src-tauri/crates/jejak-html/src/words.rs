//! The words only the HTML page and the copied table use, in the export's language. The rest
//! (attribute names, legend, dates, figures) come from `jejak_core::labels`, as the PDF's do.

use jejak_core::templates::Locale;

pub struct Words {
    pub board: &'static str,
    pub overview: &'static str,
    pub pain_points: &'static str,
    pub opportunities: &'static str,
    pub none_yet: &'static str,
    pub search: &'static str,
    pub search_hint: &'static str,
    pub clear: &'static str,
    pub made_with: &'static str,
    /// `{n}` is the count; the page picks the form with `Intl.PluralRules`.
    pub matches_one: &'static str,
    pub matches_other: &'static str,
    pub no_matches: &'static str,
    pub card_one: &'static str,
    pub card_other: &'static str,
    pub stage_one: &'static str,
    pub stage_other: &'static str,
    pub lane_one: &'static str,
    pub lane_other: &'static str,
    pub persona_one: &'static str,
    pub persona_other: &'static str,
    pub emotion_curve: &'static str,
}

const EN: Words = Words {
    board: "Journey map",
    overview: "Pain points and opportunities",
    pain_points: "Pain points",
    opportunities: "Opportunities",
    none_yet: "None on this map.",
    search: "Search the map",
    search_hint: "Cards whose words match stay bright; Enter goes to the next one.",
    clear: "Clear",
    made_with: "Made with Jejak, a journey map editor. This page works offline and asks nothing of the network.",
    matches_one: "{n} card matches",
    matches_other: "{n} cards match",
    no_matches: "No card matches",
    card_one: "{n} card",
    card_other: "{n} cards",
    stage_one: "{n} stage",
    stage_other: "{n} stages",
    lane_one: "{n} lane",
    lane_other: "{n} lanes",
    persona_one: "{n} persona",
    persona_other: "{n} personas",
    emotion_curve: "Emotion curve",
};

const ID: Words = Words {
    board: "Peta perjalanan",
    overview: "Titik masalah dan peluang",
    pain_points: "Titik masalah",
    opportunities: "Peluang",
    none_yet: "Tidak ada di peta ini.",
    search: "Cari di peta",
    search_hint: "Kartu yang cocok tetap terang; Enter menuju kartu berikutnya.",
    clear: "Hapus",
    made_with: "Dibuat dengan Jejak, editor peta perjalanan. Halaman ini berfungsi luring dan tidak meminta apa pun dari jaringan.",
    matches_one: "{n} kartu cocok",
    matches_other: "{n} kartu cocok",
    no_matches: "Tidak ada kartu yang cocok",
    card_one: "{n} kartu",
    card_other: "{n} kartu",
    stage_one: "{n} tahap",
    stage_other: "{n} tahap",
    lane_one: "{n} lajur",
    lane_other: "{n} lajur",
    persona_one: "{n} persona",
    persona_other: "{n} persona",
    emotion_curve: "Kurva emosi",
};

impl Words {
    pub fn for_locale(locale: Locale) -> &'static Words {
        match locale {
            Locale::En => &EN,
            Locale::Id => &ID,
        }
    }
}

/// `{n}` filled with the figure as the language writes it, in the form its plural rules pick
/// (English: one for 1; Indonesian has a single form).
pub fn count(locale: Locale, n: usize, one: &str, other: &str) -> String {
    let figure = jejak_core::labels::Labels::for_locale(locale).number(n as f64);
    let form = if n == 1 { one } else { other };
    form.replace("{n}", &figure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_plural_form_and_the_language_figures() {
        let en = Words::for_locale(Locale::En);
        assert_eq!(count(Locale::En, 1, en.card_one, en.card_other), "1 card");
        assert_eq!(
            count(Locale::En, 2000, en.card_one, en.card_other),
            "2,000 cards"
        );
        let id = Words::for_locale(Locale::Id);
        assert_eq!(
            count(Locale::Id, 2000, id.card_one, id.card_other),
            "2.000 kartu"
        );
    }
}
