//! Jejak's domain model: what a journey map is, the operations that edit it, and the templates a
//! new map starts from. Pure data and rules; storage lives in `jejak-store`.

pub mod attrs;
pub mod cards_csv;
pub mod comment;
pub mod curve;
pub mod inventory_csv;
pub mod labels;
pub mod mapjson;
pub mod mermaid;
pub mod metrics;
pub mod model;
pub mod numbers;
pub mod ops;
pub mod persona;
pub mod problem;
pub mod rank;
pub mod sharing;
pub mod snapshot;
pub mod sync;
pub mod templates;
pub mod validate;
pub mod view;

pub use attrs::CardAttrs;
pub use comment::{Comment, CommentOn};
pub use model::*;
pub use ops::*;
pub use persona::{EmotionScore, Horizon, Persona, PersonaFields};
pub use problem::{Field, NumberIssue, NumberStyle, Problem, Thing};
pub use view::MapView;
