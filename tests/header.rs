//! The committed C header must be exactly what cbindgen generates from the
//! source. Run with `P3P_BLESS=1` (or `make header`) to rewrite it.

use std::path::Path;

#[test]
fn committed_header_matches_cbindgen_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(root.join("cbindgen.toml")).expect("cbindgen.toml");
    let mut generated = Vec::new();
    cbindgen::Builder::new()
        .with_crate(root)
        .with_config(config)
        .generate()
        .expect("cbindgen failed")
        .write(&mut generated);
    let path = root.join("include/p3p.h");
    if std::env::var_os("P3P_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write include/p3p.h");
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "include/p3p.h is out of date with the Rust source: run `make header` and commit the result"
    );
}
