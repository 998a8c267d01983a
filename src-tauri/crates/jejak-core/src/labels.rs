//! The words exports add (the PDF's legend and headings, the CSV inventory's header), in the
//! export's language.

use crate::attrs::{Evidence, Phase, Priority, TouchpointKind};
use crate::templates::Locale;
use crate::Horizon;

pub struct Labels {
    pub locale: Locale,
    pub personas: &'static str,
    pub facilitator: &'static str,
    pub organisation: &'static str,
    pub exported: &'static str,
    pub legend: &'static str,
    pub moment_of_truth: &'static str,
    pub emotion: &'static str,
    pub positive: &'static str,
    pub neutral: &'static str,
    pub negative: &'static str,
    pub as_is: &'static str,
    pub to_be: &'static str,
    pub owner: &'static str,
    pub priority: &'static str,
    pub page: &'static str,
    pub of: &'static str,
    pub stages: &'static str,
    pub lanes: &'static str,
    pub assembly_key: &'static str,
    pub assembly_help: &'static str,
    /// Before the list of poster sheets left out because nothing is on them.
    pub sheets_not_printed: &'static str,
    pub sheet: &'static str,
    pub inventory: &'static str,
    pub stage: &'static str,
    pub lane: &'static str,
    pub touchpoint: &'static str,
    pub channel: &'static str,
    pub kind: &'static str,
    pub evidence: &'static str,
    pub metrics: &'static str,
    pub goals: &'static str,
    pub needs: &'static str,
    pub pains: &'static str,
    pub scores: &'static str,
    pub no_scores: &'static str,
    pub no_stages: &'static str,
    pub yes: &'static str,
    pub continued: &'static str,
    pub line_of_visibility: &'static str,
    pub subject: &'static str,
    pub title: &'static str,
    pub text: &'static str,
    pub phase: &'static str,
    pub tags: &'static str,
    pub link: &'static str,
    /// The heading of the PDF's page of open comment threads, and its columns.
    pub open_comments: &'static str,
    pub comment_on: &'static str,
    pub comment: &'static str,
    /// What a comment on a stage (not on one of its cards) is about.
    pub whole_stage: &'static str,
    pub reply: &'static str,
}

const EN: Labels = Labels {
    locale: Locale::En,
    personas: "Personas",
    facilitator: "Facilitator",
    organisation: "Organisation",
    exported: "Exported",
    legend: "Legend",
    moment_of_truth: "Moment of truth",
    emotion: "Emotion",
    positive: "positive",
    neutral: "neutral",
    negative: "negative",
    as_is: "as-is",
    to_be: "to-be",
    owner: "Owner",
    priority: "Priority",
    page: "Page",
    of: "of",
    stages: "Stages",
    lanes: "Lanes",
    assembly_key: "Assembly key",
    assembly_help: "Print every sheet at 100% (no \"fit to page\"). Trim each sheet along its cut marks on the left and top edges, then lay it over its neighbour so the repeated strip lines up, and tape.",
    sheets_not_printed: "Not printed, as nothing is on them (shaded below):",
    sheet: "Sheet",
    inventory: "Touchpoint inventory",
    open_comments: "Open comments",
    comment_on: "On",
    comment: "Comment",
    whole_stage: "The whole stage",
    reply: "Reply",
    stage: "Stage",
    lane: "Lane",
    touchpoint: "Touchpoint",
    channel: "Channel",
    kind: "Kind",
    evidence: "Evidence",
    metrics: "Metrics",
    goals: "Goals",
    needs: "Needs",
    pains: "Pains",
    scores: "Emotion at each touchpoint",
    no_scores: "No emotion scores yet.",
    no_stages: "This map has no stages yet.",
    yes: "yes",
    continued: "continued",
    line_of_visibility: "Line of visibility",
    subject: "Customer journey map",
    title: "Title",
    text: "Text",
    phase: "Phase",
    tags: "Tags",
    link: "Link",
};

const ID: Labels = Labels {
    locale: Locale::Id,
    personas: "Persona",
    facilitator: "Fasilitator",
    organisation: "Organisasi",
    exported: "Diekspor",
    legend: "Keterangan",
    moment_of_truth: "Momen penentu",
    emotion: "Emosi",
    positive: "positif",
    neutral: "netral",
    negative: "negatif",
    as_is: "saat ini",
    to_be: "yang diharapkan",
    owner: "Pemilik",
    priority: "Prioritas",
    page: "Halaman",
    of: "dari",
    stages: "Tahap",
    lanes: "Lajur",
    assembly_key: "Panduan penyusunan",
    assembly_help: "Cetak setiap lembar pada 100% (tanpa \"sesuaikan halaman\"). Potong tiap lembar pada tanda potong di tepi kiri dan atas, lalu tumpangkan pada lembar tetangganya hingga bagian yang berulang tepat sejajar, kemudian rekatkan.",
    sheets_not_printed: "Tidak dicetak karena kosong (diarsir di bawah):",
    sheet: "Lembar",
    inventory: "Daftar titik sentuh",
    open_comments: "Komentar terbuka",
    comment_on: "Tentang",
    comment: "Komentar",
    whole_stage: "Seluruh tahap",
    reply: "Balasan",
    stage: "Tahap",
    lane: "Lajur",
    touchpoint: "Titik sentuh",
    channel: "Kanal",
    kind: "Jenis",
    evidence: "Bukti",
    metrics: "Metrik",
    goals: "Tujuan",
    needs: "Kebutuhan",
    pains: "Keluhan",
    scores: "Emosi di setiap titik sentuh",
    no_scores: "Belum ada skor emosi.",
    no_stages: "Peta ini belum memiliki tahap.",
    yes: "ya",
    continued: "lanjutan",
    line_of_visibility: "Garis visibilitas",
    subject: "Peta perjalanan pelanggan",
    title: "Judul",
    text: "Teks",
    phase: "Fase",
    tags: "Tag",
    link: "Tautan",
};

impl Labels {
    pub fn for_locale(locale: Locale) -> &'static Labels {
        match locale {
            Locale::En => &EN,
            Locale::Id => &ID,
        }
    }

    pub fn kind(&self, kind: TouchpointKind) -> &'static str {
        match (self.locale, kind) {
            (Locale::En, TouchpointKind::Digital) => "Digital",
            (Locale::En, TouchpointKind::Human) => "Human",
            (Locale::En, TouchpointKind::Physical) => "Physical",
            (Locale::Id, TouchpointKind::Digital) => "Digital",
            (Locale::Id, TouchpointKind::Human) => "Manusia",
            (Locale::Id, TouchpointKind::Physical) => "Fisik",
        }
    }

    pub fn evidence(&self, evidence: Evidence) -> &'static str {
        match (self.locale, evidence) {
            (Locale::En, Evidence::Observed) => "Observed",
            (Locale::En, Evidence::Assumed) => "Assumed",
            (Locale::En, Evidence::Proposed) => "Proposed",
            (Locale::Id, Evidence::Observed) => "Teramati",
            (Locale::Id, Evidence::Assumed) => "Asumsi",
            (Locale::Id, Evidence::Proposed) => "Usulan",
        }
    }

    pub fn phase(&self, phase: Phase) -> &'static str {
        match (self.locale, phase) {
            (Locale::En, Phase::PrePurchase) => "Pre-purchase",
            (Locale::En, Phase::Purchase) => "Purchase",
            (Locale::En, Phase::PostPurchase) => "Post-purchase",
            (Locale::Id, Phase::PrePurchase) => "Sebelum pembelian",
            (Locale::Id, Phase::Purchase) => "Pembelian",
            (Locale::Id, Phase::PostPurchase) => "Sesudah pembelian",
        }
    }

    pub fn priority_level(&self, p: Priority) -> &'static str {
        match (self.locale, p) {
            (Locale::En, Priority::Low) => "low",
            (Locale::En, Priority::Medium) => "medium",
            (Locale::En, Priority::High) => "high",
            (Locale::Id, Priority::Low) => "rendah",
            (Locale::Id, Priority::Medium) => "sedang",
            (Locale::Id, Priority::High) => "tinggi",
        }
    }

    pub fn horizon(&self, h: Horizon) -> &'static str {
        match h {
            Horizon::AsIs => self.as_is,
            Horizon::ToBe => self.to_be,
        }
    }

    /// Preset channels are stored as keys (`mobileApp`); custom ones as typed.
    pub fn channel(&self, key: &str) -> String {
        let en = [
            ("website", "Website", "Situs web"),
            ("mobileApp", "Mobile app", "Aplikasi seluler"),
            ("socialMedia", "Social media", "Media sosial"),
            ("email", "Email", "Surel"),
            ("ads", "Ads", "Iklan"),
            ("search", "Search", "Pencarian"),
            ("store", "Store", "Toko"),
            ("phone", "Phone", "Telepon"),
            ("liveChat", "Live chat", "Obrolan langsung"),
            ("faq", "FAQ", "FAQ"),
            ("packaging", "Packaging", "Kemasan"),
            ("wordOfMouth", "Word of mouth", "Dari mulut ke mulut"),
        ];
        en.iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, e, i)| match self.locale {
                Locale::En => e.to_string(),
                Locale::Id => i.to_string(),
            })
            .unwrap_or_else(|| key.to_string())
    }

    /// A date as people write it: 22 November 2026 / 22 November 2026 (Indonesian month names).
    pub fn date(&self, year: i32, month: u8, day: u8) -> String {
        const EN_M: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        const ID_M: [&str; 12] = [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ];
        let names = match self.locale {
            Locale::En => EN_M,
            Locale::Id => ID_M,
        };
        let name = names
            .get(usize::from(month.saturating_sub(1)))
            .copied()
            .unwrap_or("");
        format!("{day} {name} {year}")
    }

    /// The calendar day (UTC) of a time in milliseconds, written as [`Labels::date`] does.
    pub fn date_of_millis(&self, ms: i64) -> String {
        // Days to a civil date (Howard Hinnant's algorithm, proleptic Gregorian).
        let z = ms.div_euclid(86_400_000) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        self.date(year, month, day)
    }

    /// A figure as the language writes it: `1,842.5` in English, `1.842,5` in Indonesian; at
    /// most three decimals, none when whole.
    pub fn number(&self, value: f64) -> String {
        if !value.is_finite() {
            return value.to_string();
        }
        let (group, decimal) = match self.locale {
            Locale::En => (',', '.'),
            Locale::Id => ('.', ','),
        };
        let fixed = format!("{:.3}", value.abs());
        let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
        let fraction = fraction.trim_end_matches('0');
        let mut out = String::new();
        if value < 0.0 && (whole != "0" || !fraction.is_empty()) {
            out.push('-');
        }
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push(group);
            }
            out.push(digit);
        }
        if !fraction.is_empty() {
            out.push(decimal);
            out.push_str(fraction);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_grouped_and_pointed_per_language() {
        let en = Labels::for_locale(Locale::En);
        let id = Labels::for_locale(Locale::Id);
        assert_eq!(en.number(1842.0), "1,842");
        assert_eq!(id.number(1842.0), "1.842");
        assert_eq!(en.number(1234567.25), "1,234,567.25");
        assert_eq!(id.number(1234567.25), "1.234.567,25");
        assert_eq!(en.number(-0.5), "-0.5");
        assert_eq!(en.number(-0.0001), "0");
        assert_eq!(id.number(4.5), "4,5");
        assert_eq!(en.number(100.0), "100");
        assert_eq!(en.number(2.0 / 3.0), "0.667");
    }

    #[test]
    fn a_time_is_written_as_its_utc_day() {
        let en = Labels::for_locale(Locale::En);
        let id = Labels::for_locale(Locale::Id);
        assert_eq!(en.date_of_millis(0), "1 January 1970");
        // 2026-11-24T23:59:59.999Z and the next millisecond.
        assert_eq!(en.date_of_millis(1_795_564_799_999), "24 November 2026");
        assert_eq!(id.date_of_millis(1_795_564_800_000), "25 November 2026");
        assert_eq!(en.date_of_millis(951_782_400_000), "29 February 2000");
        assert_eq!(en.date_of_millis(-86_400_000), "31 December 1969");
    }
}
