//! Writes a library with one large generated map, for benchmarks:
//! `cargo run -p jejak-store --example generate_library -- OUT.jejak [CARDS]` (default 2000 cards,
//! spread over 8 stages × 10 lanes, with realistic title and text lengths).

#[path = "support/generated_map.rs"]
mod generated_map;

use jejak_store::Library;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: generate_library OUT.jejak [CARDS]")?;
    let cards: usize = args.next().map(|n| n.parse()).transpose()?.unwrap_or(2000);
    let mut lib = Library::open(std::path::Path::new(&path))?;
    let map = generated_map::add_generated_map(&mut lib, cards)?;
    println!("wrote {path}: {cards} cards in map {map}");
    Ok(())
}
