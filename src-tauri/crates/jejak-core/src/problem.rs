//! What went wrong, as a code with parameters. The UI words each code in the user's language; the
//! English `Display` here is for the command line and logs only.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The piece of a map a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Field {
    MapTitle,
    StageTitle,
    LaneTitle,
    CardTitle,
    CardBody,
    Channel,
    Owner,
    Link,
    Colour,
    Tag,
    Tags,
    Metrics,
    MetricName,
    MetricValue,
    PersonaName,
    PersonaText,
    PersonaColour,
    PersonaPhoto,
    EmotionScore,
    Rank,
    Edit,
    SnapshotLabel,
    CommentText,
    CommentAuthor,
    CommentTime,
}

impl Field {
    fn words(self) -> &'static str {
        match self {
            Field::MapTitle => "map title",
            Field::StageTitle => "stage name",
            Field::LaneTitle => "lane name",
            Field::CardTitle => "card title",
            Field::CardBody => "card text",
            Field::Channel => "channel",
            Field::Owner => "owner",
            Field::Link => "link",
            Field::Colour => "colour",
            Field::Tag => "tag",
            Field::Tags => "tags",
            Field::Metrics => "metrics",
            Field::MetricName => "metric name",
            Field::MetricValue => "metric value",
            Field::PersonaName => "persona name",
            Field::PersonaText => "persona text",
            Field::PersonaColour => "persona colour",
            Field::PersonaPhoto => "persona photo",
            Field::EmotionScore => "emotion score",
            Field::Rank => "order key",
            Field::Edit => "edit",
            Field::SnapshotLabel => "snapshot name",
            Field::CommentText => "comment",
            Field::CommentAuthor => "your name",
            Field::CommentTime => "comment time",
        }
    }
}

/// Something in a library that an edit can point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Thing {
    Map,
    Stage,
    Lane,
    Card,
    Persona,
    Snapshot,
    Comment,
    Item,
}

impl Thing {
    /// The thing a store's "not found" names (`"map"`, `"card"`...).
    pub fn from_name(name: &str) -> Thing {
        match name {
            "map" => Thing::Map,
            "stage" => Thing::Stage,
            "lane" => Thing::Lane,
            "card" => Thing::Card,
            "persona" => Thing::Persona,
            "snapshot" => Thing::Snapshot,
            "comment" => Thing::Comment,
            _ => Thing::Item,
        }
    }
}

/// The number styles a CSV file can write figures in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum NumberStyle {
    /// Decided from the file's own unambiguous figures.
    #[default]
    Auto,
    /// `1,234.5` (English and most spreadsheets).
    DotDecimal,
    /// `1.234,5` (Indonesian and much of Europe).
    CommaDecimal,
}

/// Why a figure in a CSV cell was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum NumberIssue {
    /// Not a number at all.
    NotANumber,
    /// `1,842` or `1.842` with no way to tell which style the file uses.
    Ambiguous,
    /// Written in the other style than the file's (or the chosen) one.
    OtherStyle,
    /// Infinite, NaN, or too small or large to keep exactly enough.
    OutOfRange,
}

/// One problem the user must be told about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(
    tag = "code",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum Problem {
    // --- edits -------------------------------------------------------------------------------
    Blank {
        field: Field,
    },
    TooLong {
        field: Field,
        max: u32,
    },
    TooMany {
        field: Field,
        max: u32,
    },
    /// A value of the wrong form (a colour that is not #rrggbb, a photo that is not an image...).
    BadValue {
        field: Field,
    },
    NotFound {
        what: Thing,
    },
    /// The edit clashes with the map as it is (e.g. an id that already exists).
    Conflict,

    // --- CSV imports -------------------------------------------------------------------------
    CsvUnreadable,
    CsvNoHeader,
    CsvNotUtf8 {
        line: u32,
    },
    CsvFieldCount {
        line: u32,
        found: u32,
        expected: u32,
    },
    CsvTooManyRows {
        max: u32,
    },
    CsvNoColumn {
        column: String,
    },
    CsvNoFigureColumns,
    CsvNumber {
        line: u32,
        column: String,
        value: String,
        issue: NumberIssue,
    },
    /// The file writes figures in both styles, so none of its ambiguous ones can be read safely.
    CsvMixedStyles {
        dot_line: u32,
        comma_line: u32,
    },
    /// Cards from a CSV: no column was chosen for the cards' titles.
    CsvNoTitleColumn,
    /// Cards from a CSV: no stage column, and the map has no stage to put them in.
    CsvNoStage,
    /// Cards from a CSV: no lane column, and the map has no lane to put them in.
    CsvNoLane,
    /// A cell whose value is not one the field takes (a kind that is not digital, human or
    /// physical...).
    CsvBadValue {
        line: u32,
        column: String,
        value: String,
    },
    /// A row breaks a rule the app's own editing keeps (a title too long, a blank stage).
    CsvLine {
        line: u32,
        problem: Box<Problem>,
    },
    /// Cards from a CSV would create stages or lanes, and the user has not agreed yet.
    CsvNewAxes {
        stages: u32,
        lanes: u32,
    },

    // --- the library file --------------------------------------------------------------------
    LibraryEmpty,
    LibraryNotSqlite,
    LibraryForeign,
    LibraryNewer {
        version: u32,
        supported: u32,
    },
    LibraryDamaged,
    LibraryTruncated,
    LibraryIsFolder,
    LibraryInUse,
    LibraryUnreadable,
    /// The library used last is not where it was (a drive not connected, a file moved away).
    LibraryMissing,
    /// A backup copy could not be made or restored.
    BackupFailed,
    NoBackup,

    // --- files the user picks -------------------------------------------------------------------
    /// The chosen file or folder cannot be written (no permission, read-only disk, gone).
    FileNotWritable,
    /// A new file was asked for where a file already is; it is never replaced.
    FileExists,
    /// The export could not be made (a problem inside Jejak; the details say which).
    ExportFailed,
    /// The system clipboard would not take what was copied.
    ClipboardFailed,
    /// A text file (JSON...) that is not well formed at this place.
    FileSyntax {
        line: u32,
        column: u32,
    },
    /// A well-formed file whose map is incomplete or inconsistent (at this place when known; 0
    /// when the problem is between parts, such as a card in a stage the file does not have).
    FileContent {
        line: u32,
        column: u32,
    },
    /// A text file with bytes that are not UTF-8 (saved in another encoding).
    FileNotUtf8 {
        line: u32,
    },
    /// A file larger than any map Jejak writes.
    FileTooLarge {
        max_mb: u32,
    },

    // --- sharing through a folder ------------------------------------------------------------
    /// The folder chosen to share a map through is not there (or is not a folder).
    FolderMissing,
    /// The folder chosen to share a map through holds the library itself: a sync tool would
    /// copy the live file and corrupt it.
    SyncFolderHoldsLibrary,
    /// No map shared by Jejak is in the chosen folder (yet: a sync tool may still be copying).
    NoSharedMaps,

    // --- the disk while working --------------------------------------------------------------
    DiskFull,
    ReadOnly,
    DiskGone,
    Busy,
    Storage,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Problem::*;
        match self {
            Blank { field } => write!(f, "the {} cannot be empty", field.words()),
            TooLong { field, max } => {
                write!(f, "the {} is longer than {max} characters", field.words())
            }
            TooMany { field, max } => write!(f, "at most {max} {} are allowed", field.words()),
            BadValue { field } => write!(f, "the {} is not valid", field.words()),
            NotFound { what } => write!(f, "the {what:?} does not exist"),
            Conflict => write!(f, "the edit clashes with the map as it is"),
            CsvUnreadable => write!(f, "the file cannot be read as CSV"),
            CsvNoHeader => write!(f, "the file has no header row"),
            CsvNotUtf8 { line } => write!(f, "line {line}: the text is not valid UTF-8"),
            CsvFieldCount {
                line,
                found,
                expected,
            } => write!(
                f,
                "line {line}: {found} fields where the header has {expected}"
            ),
            CsvTooManyRows { max } => write!(f, "the file has more than {max} rows"),
            CsvNoColumn { column } => write!(f, "there is no column {column:?}"),
            CsvNoFigureColumns => write!(f, "choose at least one column of figures"),
            CsvNumber {
                line,
                column,
                value,
                issue,
            } => {
                let why = match issue {
                    NumberIssue::NotANumber => "is not a number",
                    NumberIssue::Ambiguous => {
                        "could be read two ways; choose the file's number style"
                    }
                    NumberIssue::OtherStyle => "is written in another number style than the file",
                    NumberIssue::OutOfRange => "is not a number Jejak can keep",
                };
                write!(f, "line {line}: {column:?} is {value:?}, which {why}")
            }
            CsvMixedStyles {
                dot_line,
                comma_line,
            } => write!(
                f,
                "the file writes numbers as 1,234.5 (line {dot_line}) and as 1.234,5 (line {comma_line}); choose its number style"
            ),
            CsvNoTitleColumn => write!(f, "choose the column that holds the cards' titles"),
            CsvNoStage => write!(f, "choose a stage column: the map has no stage yet"),
            CsvNoLane => write!(f, "choose a lane column: the map has no lane yet"),
            CsvBadValue {
                line,
                column,
                value,
            } => write!(f, "line {line}: {column:?} is {value:?}, which it cannot be"),
            CsvLine { line, problem } => write!(f, "line {line}: {problem}"),
            CsvNewAxes { stages, lanes } => write!(
                f,
                "the file names {stages} stages and {lanes} lanes the map does not have; agree to create them"
            ),
            LibraryEmpty => write!(f, "the file is empty (0 bytes)"),
            LibraryNotSqlite => write!(f, "this is not a Jejak library"),
            LibraryForeign => write!(f, "this is a database of another application"),
            LibraryNewer { version, supported } => write!(
                f,
                "this library was written by a newer Jejak (schema {version}; this version reads up to {supported})"
            ),
            LibraryDamaged => write!(f, "the library file is damaged"),
            LibraryTruncated => write!(f, "the library file is cut short"),
            LibraryIsFolder => write!(f, "this is a folder, not a file"),
            LibraryInUse => write!(f, "the library is open in another Jejak window"),
            LibraryUnreadable => write!(f, "the library file cannot be read or created"),
            LibraryMissing => write!(f, "the library used last is not there"),
            BackupFailed => write!(f, "the backup could not be made"),
            NoBackup => write!(f, "there is no usable backup"),
            FileNotWritable => write!(f, "the file cannot be written there"),
            FileExists => write!(f, "a file of that name is already there"),
            ExportFailed => write!(f, "the export could not be made"),
            ClipboardFailed => write!(f, "the clipboard could not be written"),
            FileSyntax { line, column } => {
                write!(f, "line {line}, column {column}: the file is not well formed")
            }
            FileContent { line: 0, .. } => write!(f, "the map in the file is not consistent"),
            FileContent { line, column } => write!(
                f,
                "line {line}, column {column}: the map in the file is incomplete or not valid"
            ),
            FileNotUtf8 { line } => write!(f, "line {line}: the text is not UTF-8"),
            FileTooLarge { max_mb } => write!(f, "the file is larger than {max_mb} MB"),
            FolderMissing => write!(f, "the folder is not there"),
            SyncFolderHoldsLibrary => write!(
                f,
                "the folder holds the library file itself; choose a folder that does not"
            ),
            NoSharedMaps => write!(f, "there is no map shared by Jejak in this folder"),
            DiskFull => write!(f, "the disk is full"),
            ReadOnly => write!(f, "the library cannot be written (read-only)"),
            DiskGone => write!(f, "the disk holding the library is not there any more"),
            Busy => write!(f, "the library is busy"),
            Storage => write!(f, "the library could not be read or written"),
        }
    }
}
