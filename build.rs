//! Gives the shared library its SONAME, so that programs linked against
//! `libp3p.so` record `libp3p.so.0` and keep working when the file is
//! replaced by a compatible build (see docs/install.md).

fn main() {
    // Major version of the ABI the file name promises. Before 1.0 every
    // 0.x release keeps 0; the packages' dependencies and P3P_ABI_VERSION
    // (checked at run time) guard against an incompatible 0.y.
    let major = env!("CARGO_PKG_VERSION_MAJOR");
    let target = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target == "linux" || target.ends_with("bsd") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libp3p.so.{major}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
