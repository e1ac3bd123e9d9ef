//! Profiles on the command line: `--profile NAME|FILE` and
//! `p3p profile check FILE`.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use p3p::profile::LoadError;
use p3p::Profile;

use crate::args::ProfileArg;
use crate::out::Out;

/// A `--profile` argument, resolved.
pub enum Loaded {
    /// A profile, and the name reports give it.
    Ready(Box<Profile>, String),
    /// A file that does not load: its name and errors.
    Broken(String, Vec<LoadError>),
}

/// Loads a `--profile` argument; `Err` is a file that cannot be read.
pub fn load(arg: &ProfileArg) -> Result<Loaded, String> {
    match arg {
        ProfileArg::Builtin(name) => match Profile::builtin(name.as_bytes()) {
            Some(p) => Ok(Loaded::Ready(Box::new(p), name.clone())),
            None => Err(format!("unknown profile '{name}'")),
        },
        ProfileArg::File(path) => {
            let name = path.display().to_string();
            match Profile::load_file(path) {
                Ok(p) => Ok(Loaded::Ready(Box::new(p), name)),
                Err(errors) => match unreadable(&errors) {
                    Some(e) => Err(format!("profile {} [{}]", e.located(&name), e.code.name())),
                    None => Ok(Loaded::Broken(name, errors)),
                },
            }
        }
    }
}

/// The error that kept a file from being read at all (a missing file, a
/// directory or device, one over the size limit): those have no position.
fn unreadable(errors: &[LoadError]) -> Option<&LoadError> {
    errors.iter().find(|e| e.line == 0)
}

/// `FILE:LINE:COLUMN: message [code]`, one line per error.
pub fn write_errors<W: Write>(out: &mut Out<W>, file: &str, errors: &[LoadError]) {
    for e in errors {
        let _ = writeln!(out, "{file}:{e} [{}]", e.code.name());
    }
}

/// `p3p profile check FILE`.
pub fn check(file: &Path) -> ExitCode {
    let name = file.display().to_string();
    match Profile::load_file(file) {
        Ok(_) => ExitCode::SUCCESS,
        Err(errors) if unreadable(&errors).is_some() => {
            for e in &errors {
                eprintln!("p3p: {} [{}]", e.located(&name), e.code.name());
            }
            ExitCode::from(2)
        }
        Err(errors) => {
            let mut out = Out::new(std::io::stdout().lock());
            write_errors(&mut out, &name, &errors);
            out.flush();
            ExitCode::from(1)
        }
    }
}
