//! Reading an import file from a path without trusting it: the path is
//! checked with `stat` before anything is opened for reading, so a
//! directory, a device (`/dev/zero` would never end), a FIFO (opening one
//! waits for a writer) or a file over the size limit is refused with a
//! clear message, and at most the limit plus one byte is ever read (a file
//! that grows after the check is still caught).

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

use super::load::{load, ErrorCode, LoadError, MAX_PROFILE_BYTES};
use super::Profile;

/// Checks, reads and compiles the file at `path`.
pub fn load_file(path: &Path) -> Result<Profile, Vec<LoadError>> {
    let bytes = read_bounded(path).map_err(|e| vec![e])?;
    load(&bytes)
}

fn read_bounded(path: &Path) -> Result<Vec<u8>, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| LoadError::file(ErrorCode::Open, os_message(&e)))?;
    check(&meta)?;
    // O_NONBLOCK: should the path have become a FIFO since the check,
    // opening it does not wait; the check below then refuses it.
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| LoadError::file(ErrorCode::Open, os_message(&e)))?;
    check(&file.metadata().map_err(|e| LoadError::file(ErrorCode::Read, os_message(&e)))?)?;
    read_at_most(file, meta.len())
}

/// A regular file no larger than the limit.
fn check(meta: &Metadata) -> Result<(), LoadError> {
    let t = meta.file_type();
    let what = if t.is_file() {
        None
    } else if t.is_dir() {
        Some("it is a directory")
    } else if t.is_char_device() {
        Some("it is a character device")
    } else if t.is_block_device() {
        Some("it is a block device")
    } else if t.is_fifo() {
        Some("it is a FIFO")
    } else if t.is_socket() {
        Some("it is a socket")
    } else {
        Some("it is not a file")
    };
    if let Some(what) = what {
        return Err(LoadError::file(ErrorCode::NotAFile, what.to_owned()));
    }
    if meta.len() > MAX_PROFILE_BYTES as u64 {
        return Err(LoadError::file(ErrorCode::TooLarge, format!("{} bytes", meta.len())));
    }
    Ok(())
}

fn read_at_most(file: File, size_hint: u64) -> Result<Vec<u8>, LoadError> {
    let limit = MAX_PROFILE_BYTES as u64;
    let mut bytes = Vec::with_capacity(size_hint.min(limit) as usize + 1);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| LoadError::file(ErrorCode::Read, os_message(&e)))?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::file(ErrorCode::TooLarge, format!("more than {limit} bytes")));
    }
    Ok(bytes)
}

/// The system's message without Rust's `(os error N)` suffix.
fn os_message(e: &io::Error) -> String {
    let mut s = e.to_string();
    if let Some(i) = s.rfind(" (os error ") {
        s.truncate(i);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(path: &Path) -> LoadError {
        match load_file(path) {
            Ok(_) => panic!("{} loaded", path.display()),
            Err(mut e) => e.remove(0),
        }
    }

    #[test]
    fn what_is_not_a_file_is_refused_before_reading() {
        let e = error(Path::new("/dev/zero"));
        assert_eq!((e.code, e.line, e.detail.as_str()), (ErrorCode::NotAFile, 0, "it is a character device"));
        assert_eq!(e.to_string(), "not a regular file: it is a character device");
        let e = error(Path::new("/"));
        assert_eq!((e.code, e.detail.as_str()), (ErrorCode::NotAFile, "it is a directory"));
        let e = error(Path::new("/nonexistent/profile.xml"));
        assert_eq!(e.to_string(), "cannot open the file: No such file or directory");
        assert_eq!(e.located("x.xml").to_string(), "x.xml: cannot open the file: No such file or directory");
    }

    #[test]
    fn a_read_error_is_reported() {
        // A regular file whose read fails (EIO at offset 0).
        let e = error(Path::new("/proc/self/mem"));
        assert_eq!((e.code, e.line), (ErrorCode::Read, 0), "{e}");
    }
}
