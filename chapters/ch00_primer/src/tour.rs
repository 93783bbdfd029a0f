//! The chapter's tour: the project's helpers at work.

use crate::helpers;
use shared::Tour;

/// What `cargo run -p ch00_primer` runs.
pub fn tour() -> Tour {
    Tour::new("ch00_primer", "the helpers every listing uses")
        .section(
            "helpers",
            "三.5.2 快速上手",
            "block_on, Timeline and outln!",
            |_| helpers::show_helpers(),
        )
        .measured(
            "fixture_server",
            "四.4 异步爬虫",
            "a real HTTP server on 127.0.0.1",
            |_| helpers::show_fixture(),
        )
}
