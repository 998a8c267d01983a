//! Writes a library with one realistic journey map, for demos and screenshots:
//! `cargo run -p jejak-store --example sample_library -- /tmp/sample.jejak`

use jejak_core::attrs::Evidence::{Assumed, Observed, Proposed};
use jejak_core::attrs::Priority;
use jejak_core::attrs::TouchpointKind::{Digital, Human};
use jejak_core::templates::{Locale, Template};
use jejak_core::{new_id, CardAttrs, Horizon, NewCard, Op, PersonaFields, Place};
use jejak_store::Library;

const CARDS: &[(usize, usize, &str, &str)] = &[
    (
        0,
        0,
        "Instagram reel from a friend",
        "Sees a short video about saving for a first home",
    ),
    (
        0,
        0,
        "Search: \"best savings account\"",
        "Comparison sites rank the app third",
    ),
    (0, 1, "Saves the post for later", ""),
    (
        0,
        4,
        "Too many bank ads look alike",
        "Cannot tell what makes this one different",
    ),
    (
        1,
        0,
        "Comparison page on the website",
        "Fees, interest rate, reviews",
    ),
    (
        1,
        1,
        "Reads reviews on the app store",
        "Filters for one-star reviews first",
    ),
    (
        1,
        2,
        "\"Is this bank safe?\"",
        "Looks for the deposit insurance logo",
    ),
    (
        2,
        0,
        "Mobile app sign-up",
        "Photo of ID card, selfie, address",
    ),
    (
        2,
        4,
        "ID photo rejected twice",
        "Glare on the card; no hint what went wrong",
    ),
    (
        2,
        5,
        "Live guidance for the ID photo",
        "Show the frame and detect glare before upload",
    ),
    (3, 0, "Welcome email", "Sent 2 days after sign-up"),
    (
        3,
        0,
        "First salary arrives",
        "Push notification with the balance",
    ),
    (
        4,
        0,
        "Referral link",
        "Both get Rp50.000 after the first deposit",
    ),
    (4, 5, "Share a savings goal with family", ""),
];

/// Attributes for some of the sample cards, by title.
fn sample_attrs(title: &str) -> CardAttrs {
    let (kind, channel, mot, evidence, priority) = match title {
        "Instagram reel from a friend" => (
            Some(Digital),
            Some("socialMedia"),
            false,
            Some(Observed),
            None,
        ),
        "Comparison page on the website" => {
            (Some(Digital), Some("website"), false, Some(Observed), None)
        }
        "Mobile app sign-up" => (Some(Digital), Some("mobileApp"), true, Some(Observed), None),
        "Welcome email" => (Some(Digital), Some("email"), false, Some(Assumed), None),
        "First salary arrives" => (Some(Digital), Some("mobileApp"), true, Some(Observed), None),
        "Referral link" => (
            Some(Human),
            Some("wordOfMouth"),
            false,
            Some(Proposed),
            None,
        ),
        "ID photo rejected twice" => (None, None, true, Some(Observed), Some(Priority::High)),
        "Too many bank ads look alike" => {
            (None, None, false, Some(Assumed), Some(Priority::Medium))
        }
        "Live guidance for the ID photo" => {
            (None, None, false, Some(Proposed), Some(Priority::High))
        }
        _ => (None, None, false, None, None),
    };
    CardAttrs {
        kind,
        channel: channel.map(str::to_string),
        moment_of_truth: mot,
        evidence,
        priority,
        owner: priority.map(|_| "Onboarding squad".to_string()),
        ..CardAttrs::default()
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: sample_library OUTPUT.jejak")?;
    let mut lib = Library::open(std::path::Path::new(&path))?;
    lib.create_map(
        Template::PurchasePhases,
        Locale::Id,
        Some("Perjalanan nasabah tabungan"),
    )?;
    let map = lib.create_map(
        Template::CustomerJourney,
        Locale::En,
        Some("Savings account onboarding"),
    )?;
    let doc = lib.load_map(map.id)?;
    let ops: Vec<Op> = CARDS
        .iter()
        .map(|(stage, lane, title, body)| Op::CreateCard {
            card: NewCard {
                id: new_id(),
                stage_id: doc.stages[*stage].id,
                lane_id: doc.lanes[*lane].id,
                title: (*title).into(),
                body: (*body).into(),
                attrs: sample_attrs(title),
            },
            place: Place::End,
        })
        .collect();
    lib.apply(map.id, &ops)?;

    // A persona with an as-is curve through the touchpoints, and a to-be hope for sign-up.
    let rina = PersonaFields {
        id: new_id(),
        name: "Rina, first-time saver".into(),
        role: "\"I just want to start saving without a trip to the branch.\"".into(),
        goals: "Open an account from her phone in one evening".into(),
        needs: "Clear steps, no jargon".into(),
        pains: "Forms that reject her photos without saying why".into(),
        color: "#7c3aed".into(),
        photo: None,
    };
    let doc = lib.load_map(map.id)?;
    let score = |title: &str| match title {
        "Instagram reel from a friend" => Some(1),
        "Search: \"best savings account\"" => Some(0),
        "Comparison page on the website" => Some(1),
        "Mobile app sign-up" => Some(-2),
        "Welcome email" => Some(0),
        "First salary arrives" => Some(2),
        "Referral link" => Some(1),
        _ => None,
    };
    let mut persona_ops = vec![Op::CreatePersona {
        persona: rina.clone(),
        place: Place::End,
    }];
    for card in &doc.cards {
        if let Some(s) = score(&card.title) {
            persona_ops.push(Op::SetEmotion {
                card_id: card.id,
                persona_id: rina.id,
                horizon: Horizon::AsIs,
                score: Some(s),
            });
        }
        if card.title == "Mobile app sign-up" {
            persona_ops.push(Op::SetEmotion {
                card_id: card.id,
                persona_id: rina.id,
                horizon: Horizon::ToBe,
                score: Some(1),
            });
        }
    }
    lib.apply(map.id, &persona_ops)?;
    println!("wrote {path}");
    Ok(())
}
