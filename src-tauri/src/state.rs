//! What the running app holds: the library (or why it could not be opened) and where it lives.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use jejak_core::templates::Locale;
use jejak_store::{Library, OpenError};

use crate::error::{ErrorKind, IpcError, IpcResult};

pub struct AppState {
    library: Mutex<Result<Library, OpenError>>,
    path: PathBuf,
    os_locale: Locale,
}

impl AppState {
    pub fn open(path: PathBuf, os_locale: Locale) -> Self {
        let library = Library::open(&path);
        if let Err(e) = &library {
            eprintln!("jejak: cannot open the library: {e}");
        }
        AppState {
            library: Mutex::new(library),
            path,
            os_locale,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn os_locale(&self) -> Locale {
        self.os_locale
    }

    fn guard(&self) -> IpcResult<MutexGuard<'_, Result<Library, OpenError>>> {
        self.library
            .lock()
            .map_err(|_| IpcError::new(ErrorKind::Internal, "the library lock was poisoned"))
    }

    /// Runs `f` on the open library, or says why there is none.
    pub fn with<T>(&self, f: impl FnOnce(&mut Library) -> IpcResult<T>) -> IpcResult<T> {
        let mut guard = self.guard()?;
        match guard.as_mut() {
            Ok(lib) => f(lib),
            Err(e) => Err(IpcError::new(ErrorKind::NoLibrary, e.to_string())),
        }
    }

    /// The reason the library was refused, if it was.
    pub fn problem(&self) -> IpcResult<Option<IpcError>> {
        Ok(self.guard()?.as_ref().err().map(IpcError::from))
    }
}
