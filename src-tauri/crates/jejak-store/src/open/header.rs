//! The first 100 bytes of an SQLite file, read directly: cheap answers to "is this a Jejak
//! library at all?" before SQLite is let near the file.

use std::io::Read;
use std::path::Path;

use jejak_core::Problem;

use crate::error::{OpenError, OpenErrorKind};
use crate::migrations::SCHEMA_VERSION;
use crate::open::APPLICATION_ID;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
pub(crate) const HEADER_LEN: usize = 100;

/// What the header of a non-empty file says.
pub(crate) struct Header {
    bytes: Vec<u8>,
    pub file_len: u64,
}

impl Header {
    /// Reads the header; `Ok(None)` for a zero-byte file.
    pub fn read(path: &Path) -> Result<Option<Header>, OpenError> {
        let io = |e: std::io::Error| OpenError::io(path, e);
        let file = std::fs::File::open(path).map_err(io)?;
        let file_len = file.metadata().map_err(io)?.len();
        if file_len == 0 {
            return Ok(None);
        }
        let mut bytes = Vec::with_capacity(HEADER_LEN);
        file.take(HEADER_LEN as u64)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        Ok(Some(Header { bytes, file_len }))
    }

    fn be32(&self, at: usize) -> u32 {
        match self.bytes.get(at..at + 4) {
            Some(&[a, b, c, d]) => u32::from_be_bytes([a, b, c, d]),
            _ => 0,
        }
    }

    /// `user_version` as the header records it.
    pub fn schema_version(&self) -> i64 {
        i64::from(self.be32(60))
    }

    /// Refuses what the header alone shows is not a healthy Jejak library we can open.
    pub fn check(&self, path: &Path) -> Result<(), OpenError> {
        if self.bytes.len() < HEADER_LEN || self.bytes.get(..16) != Some(SQLITE_MAGIC.as_slice()) {
            return Err(not_sqlite(path));
        }
        let app_id = self.be32(68) as i32;
        if app_id != APPLICATION_ID {
            return Err(foreign(path, app_id));
        }
        let version = self.be32(60);
        if i64::from(version) > SCHEMA_VERSION {
            return Err(newer(path, i64::from(version)));
        }
        // The page count at 28 is valid only when the change counters at 24 and 92 agree.
        let page_size = match self.be32(16) >> 16 {
            1 => 65_536u64,
            n => u64::from(n),
        };
        let needed = page_size.saturating_mul(u64::from(self.be32(28)));
        if self.be32(24) == self.be32(92) && page_size > 0 && self.file_len < needed {
            return Err(OpenError::new(
                OpenErrorKind::Corrupt,
                Problem::LibraryTruncated,
                path,
                format!("{} bytes where the database needs {needed}", self.file_len),
            ));
        }
        Ok(())
    }
}

pub(crate) fn not_sqlite(path: &Path) -> OpenError {
    OpenError::new(
        OpenErrorKind::NotSqlite,
        Problem::LibraryNotSqlite,
        path,
        "the file does not start with the SQLite header",
    )
}

pub(crate) fn foreign(path: &Path, app_id: i32) -> OpenError {
    OpenError::new(
        OpenErrorKind::Foreign,
        Problem::LibraryForeign,
        path,
        format!("application_id {app_id:#010x}"),
    )
}

pub(crate) fn newer(path: &Path, version: i64) -> OpenError {
    OpenError::new(
        OpenErrorKind::Newer,
        Problem::LibraryNewer {
            version: u32::try_from(version).unwrap_or(u32::MAX),
            supported: u32::try_from(SCHEMA_VERSION).unwrap_or(u32::MAX),
        },
        path,
        format!("schema {version}; this Jejak reads up to {SCHEMA_VERSION}"),
    )
}
