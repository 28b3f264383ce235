//! The migrations are embedded into the binary: rebuild when they change, and give the
//! tests a fingerprint of them so that a migrated template database is never stale.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=../migrations");
    let mut hasher = DefaultHasher::new();
    hash_dir(Path::new("../migrations"), &mut hasher);
    println!(
        "cargo:rustc-env=INNOLABB_MIGRATIONS_FINGERPRINT={:016x}",
        hasher.finish()
    );
}

fn hash_dir(dir: &Path, hasher: &mut DefaultHasher) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    paths.sort();
    for path in paths {
        path.file_name().hash(hasher);
        if path.is_dir() {
            hash_dir(&path, hasher);
        } else if let Ok(contents) = std::fs::read(&path) {
            contents.hash(hasher);
        }
    }
}
