//! Where *pages by stage* breaks the board, in numbers only: whole stages across each sheet, whole
//! lanes down it, a lane too tall for a sheet continued between its cards (never through one),
//! and the emotion curve on every sheet that shows the touchpoints it runs through. The scale is
//! the largest that needs the fewest sheets without the text getting smaller than the reader's
//! minimum, so one very tall card does not shrink the whole export: only its own sheet, if even
//! that card cannot fit one at the minimum size.

use super::board::{Board, CURVE_H, LABEL_W, STAGE_W};

/// Rounding slack in map units.
const EPS: f32 = 0.01;
/// Candidate scales step down by this factor from the largest to the smallest allowed.
const STEP: f32 = 0.97;

/// A run of the board, top to bottom in map units, shown on a sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub top: f32,
    pub bottom: f32,
    /// The board row (lane) it belongs to.
    pub row: usize,
    /// Where a lane too tall for a sheet is cut between cards: each stage column's own run
    /// (cards in neighbouring cells do not line up, so one cut across them all would go through
    /// a card). `None`: the whole width from `top` to `bottom`.
    pub columns: Option<Vec<(f32, f32)>>,
    /// Starts below the top of its lane: the lane is continued from another sheet.
    pub continued: bool,
    /// A repeat of the emotion curve's band, for touchpoints on a sheet without the curve's lane.
    pub curve_copy: bool,
}

/// Space below the last card of a lane cut into runs, before the next segment.
const CUT_PAD: f32 = 6.0;

impl Segment {
    pub fn height(&self) -> f32 {
        match &self.columns {
            Some(cols) => cols.iter().map(|(t, b)| b - t).fold(0.0, f32::max) + CUT_PAD,
            None => self.bottom - self.top,
        }
    }
}

#[derive(Debug, Clone)]
pub struct SheetPlan {
    /// First stage and one past the last.
    pub stages: (usize, usize),
    pub segments: Vec<Segment>,
    pub scale: f32,
}

impl SheetPlan {
    pub fn height(&self) -> f32 {
        self.segments.iter().map(Segment::height).sum()
    }
}

#[derive(Debug, Clone)]
pub struct Plan {
    /// The scale of every sheet except those holding a card too tall for one.
    pub scale: f32,
    pub sheets: Vec<SheetPlan>,
    /// The height a sheet has for lanes at `scale`, in map units.
    pub height: f32,
}

impl Plan {
    fn shrunk(&self) -> usize {
        self.sheets
            .iter()
            .filter(|s| s.scale < self.scale - 1e-4)
            .count()
    }
}

/// The room a sheet has for the grid (stage headers and lanes), in points on paper.
#[derive(Debug, Clone, Copy)]
pub struct Room {
    pub w: f32,
    pub h: f32,
}

/// The plan at the best scale no smaller than `min_scale` (where the paper allows): fewest
/// sheets printed smaller than the rest first, then fewest sheets, then the largest scale.
pub fn plan(board: &Board, room: Room, min_scale: f32) -> Plan {
    let widest = room.w / (LABEL_W + STAGE_W);
    // Never below a twentieth: a scale of zero or less would not end the search.
    let min_scale = min_scale.max(0.05);
    let hi = min_scale.max(1.0).min(widest);
    let lo = min_scale.min(hi);
    let blocks = Blocks::of(board);
    let mut best: Option<Plan> = None;
    let mut s = hi;
    loop {
        let candidate = plan_at(board, &blocks, room, s);
        let better = best.as_ref().is_none_or(|b| {
            (candidate.shrunk(), candidate.sheets.len()) < (b.shrunk(), b.sheets.len())
        });
        if better {
            best = Some(candidate);
        }
        if s <= lo + 1e-4 {
            break;
        }
        s = (s * STEP).max(lo);
    }
    best.unwrap_or_else(|| plan_at(board, &blocks, room, lo))
}

/// What must not be cut, per board row: cards (by stage column) and the curve's band (in every
/// column).
struct Blocks {
    rows: Vec<Vec<Vec<(f32, f32)>>>,
}

impl Blocks {
    fn of(board: &Board) -> Blocks {
        let n = board.stages.len();
        let mut rows = vec![vec![Vec::new(); n]; board.rows.len()];
        let row_of = |y: f32| {
            board
                .rows
                .iter()
                .position(|(top, h)| y >= top - EPS && y < top + h - EPS)
        };
        for (_, r) in &board.cards {
            let stage = ((r.x - LABEL_W) / STAGE_W).floor().max(0.0) as usize;
            if let (Some(row), true) = (row_of(r.y), stage < n) {
                rows[row][stage].push((r.y, r.y + r.h));
            }
        }
        if let Some(row) = board.curve_top.and_then(row_of) {
            let top = board.curve_top.unwrap_or_default();
            for col in &mut rows[row] {
                col.push((top, top + CURVE_H));
            }
        }
        for col in rows.iter_mut().flatten() {
            col.sort_by(|x, y| x.0.total_cmp(&y.0));
        }
        Blocks { rows }
    }
}

fn plan_at(board: &Board, blocks: &Blocks, room: Room, s: f32) -> Plan {
    let per_sheet = (((room.w / s - LABEL_W) / STAGE_W).floor() as usize).max(1);
    let n = board.stages.len();
    let height = (room.h / s - board.header_h).max(1.0);
    let mut sheets = Vec::new();
    let chunks: Vec<(usize, usize)> = if n == 0 {
        vec![(0, 0)]
    } else {
        (0..n)
            .step_by(per_sheet)
            .map(|i| (i, (i + per_sheet).min(n)))
            .collect()
    };
    for chunk in chunks {
        for segments in pack_chunk(board, blocks, chunk, height) {
            let used: f32 = segments.iter().map(Segment::height).sum();
            // A card taller than a sheet: only this sheet is printed smaller.
            let scale = if used > height + EPS {
                s.min(room.h / (board.header_h + used))
            } else {
                s
            };
            sheets.push(SheetPlan {
                stages: chunk,
                segments,
                scale,
            });
        }
    }
    Plan {
        scale: s,
        sheets,
        height,
    }
}

/// Rows onto sheets for stages `chunk`, each sheet as full as `height` allows. A row that fits a
/// sheet is never cut: it goes whole onto this sheet or the next. A row taller than a sheet is cut
/// between cards into runs, its first run filling what is left of the current sheet (when that is
/// worth it). A sheet that shows touchpoints but not the curve's band gets a copy of the band below
/// them, and room is kept for it.
fn pack_chunk(
    board: &Board,
    blocks: &Blocks,
    chunk: (usize, usize),
    height: f32,
) -> Vec<Vec<Segment>> {
    let mut packer = Packer {
        board,
        height,
        curve: curve_copy(board),
        sheets: Vec::new(),
        current: Vec::new(),
    };
    for (row, (top, h)) in board.rows.iter().copied().enumerate() {
        let whole = Segment {
            top,
            bottom: top + h,
            row,
            columns: None,
            continued: false,
            curve_copy: false,
        };
        let cols = &blocks.rows[row][chunk.0..chunk.1];
        if cols.iter().all(Vec::is_empty) {
            // Empty in these stages (however full elsewhere): a strip with its label.
            packer.add(Segment {
                bottom: top + board.empty_row_height(row).min(h),
                ..whole
            });
            continue;
        }
        if packer.need_alone(&whole) <= height + EPS {
            packer.add(whole);
            continue;
        }
        // Worth starting here only with a good part of a sheet left.
        if packer.left_for(row, false) < height / 4.0 {
            packer.flush();
        }
        let mut next = vec![0usize; cols.len()];
        let mut start = vec![top; cols.len()];
        let mut first = true;
        while cols.iter().zip(&next).any(|(c, i)| *i < c.len()) {
            if !first {
                packer.flush();
            }
            let room = packer.left_for(row, !first) - CUT_PAD;
            let mut runs = Vec::with_capacity(cols.len());
            let mut ends = Vec::with_capacity(cols.len());
            for (j, col) in cols.iter().enumerate() {
                let from = next[j];
                // As many cards as fit; on an empty sheet at least one, even one taller.
                let mut to = from;
                while to < col.len()
                    && (col[to].1 <= start[j] + room || to == from && packer.current.is_empty())
                {
                    to += 1;
                }
                let end = if to > from { col[to - 1].1 } else { start[j] };
                runs.push((start[j], end));
                ends.push(to);
            }
            if runs.iter().all(|(t, b)| b <= t) {
                // Not one card fits what is left of this sheet: start the lane on the next.
                packer.flush();
                continue;
            }
            for (j, (run, to)) in runs.iter().zip(ends).enumerate() {
                start[j] = run.1;
                next[j] = to;
            }
            packer.current.push(Segment {
                top: runs.iter().map(|r| r.0).fold(f32::INFINITY, f32::min),
                bottom: runs.iter().map(|r| r.1).fold(top, f32::max),
                row,
                columns: Some(runs),
                continued: !first,
                curve_copy: false,
            });
            first = false;
        }
    }
    packer.finish()
}

/// The curve's band as a segment of its own, to repeat beside touchpoints.
fn curve_copy(board: &Board) -> Option<Segment> {
    let top = board.curve_top?;
    let row = board
        .rows
        .iter()
        .position(|(t, h)| top >= t - EPS && top < t + h - EPS)?;
    Some(Segment {
        top,
        bottom: top + CURVE_H,
        row,
        columns: None,
        continued: false,
        curve_copy: true,
    })
}

struct Packer<'a> {
    board: &'a Board,
    height: f32,
    curve: Option<Segment>,
    sheets: Vec<Vec<Segment>>,
    current: Vec<Segment>,
}

impl Packer<'_> {
    fn shows_curve(&self, s: &Segment) -> bool {
        self.curve.as_ref().is_some_and(|c| match s.columns {
            None => s.top <= c.top + EPS && s.bottom >= c.bottom - EPS,
            Some(_) => s.row == c.row && !s.continued,
        })
    }

    fn needs_copy(&self, sheet: &[&Segment]) -> bool {
        self.curve.is_some()
            && sheet.iter().any(|s| self.board.curve_rows[s.row])
            && !sheet.iter().any(|s| self.shows_curve(s))
    }

    fn need(&self, sheet: &[&Segment]) -> f32 {
        let h: f32 = sheet.iter().map(|s| s.height()).sum();
        h + if self.needs_copy(sheet) { CURVE_H } else { 0.0 }
    }

    /// Height `segment` needs on a sheet of its own.
    fn need_alone(&self, segment: &Segment) -> f32 {
        self.need(&[segment])
    }

    /// Room left on the current sheet for a run of `row` (its first, or a continued one).
    fn left_for(&self, row: usize, continued: bool) -> f32 {
        let mut sheet: Vec<&Segment> = self.current.iter().collect();
        let probe = Segment {
            top: 0.0,
            bottom: 0.0,
            row,
            columns: Some(Vec::new()),
            continued,
            curve_copy: false,
        };
        sheet.push(&probe);
        self.height - self.need(&sheet)
    }

    fn add(&mut self, segment: Segment) {
        let mut with: Vec<&Segment> = self.current.iter().collect();
        with.push(&segment);
        let over = !self.current.is_empty() && self.need(&with) > self.height + EPS;
        if over {
            self.flush();
        }
        self.current.push(segment);
    }

    fn flush(&mut self) {
        if !self.current.is_empty() {
            let sheet = std::mem::take(&mut self.current);
            self.sheets.push(sheet);
        }
    }

    fn finish(mut self) -> Vec<Vec<Segment>> {
        self.flush();
        if self.sheets.is_empty() {
            self.sheets.push(Vec::new());
        }
        let mut sheets = std::mem::take(&mut self.sheets);
        for sheet in &mut sheets {
            let refs: Vec<&Segment> = sheet.iter().collect();
            if let (true, Some(copy)) = (self.needs_copy(&refs), self.curve.clone()) {
                let after = sheet
                    .iter()
                    .rposition(|s| self.board.curve_rows[s.row])
                    .map_or(sheet.len(), |i| i + 1);
                sheet.insert(after, copy);
            }
        }
        sheets
    }
}
