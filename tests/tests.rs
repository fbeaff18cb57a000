//! Integration tests, one binary. Modules:
//! - `bulletin`: articles drafted from workspaces rebuilt from the seed articles' figures;
//! - `cli`: the `hoso` command end to end (exit codes, messages, JSON diagnostics), snapshots;
//! - `manners`: help in both languages, shell completions, colour, font folders, write failures;
//! - `golden`: the generated Typst source of every form, against `tests/golden/*.typ`;
//! - `pdf`: typeset PDFs: extracted text, hostile names, determinism;
//! - `rules`: the admission rules, case by case; working days; `hoso rules` and `hoso due`;
//! - `office`: sheets as offices make them (titles, `;` CSV in Windows-1258), crafted hostile
//!   sheets refused within a memory bound, formula injection, control characters;
//! - `sheets`: spreadsheets in and out (`import`, `list -o ds.xlsx`, `so-van-ban`) and the schema;
//! - `forms`: the whole form set, filled and blank, long histories, regulation sets, wording;
//! - `desk`: `hoso serve` over plain HTTP: pages, refusals (token, Host, Origin, stale file), edits on disk;
//! - `browser`: the desk in headless Chromium through WebDriver, as a clerk uses it;
//! - `browser_files`: the desk in Chromium over files a text editor left wrong: a second file of
//!   a person's id, broken settings mended while the desk runs;
//! - `browser_office`: the desk in Chromium where the machine stands in the way (a register that
//!   cannot be written) or the command line's advice would not do (a form that no longer fits);
//! - `webdriver`: a small WebDriver client for the browser tests;
//! - `pages`: the forms of the 2025 texts by date, dossier page numbers, page breaks, PDF syntax;
//! - `typeset`: Typst's warnings and errors, located, from every front end that prints;
//! - `structure`: the shape of the source (no file over 700 lines);
//! - `windows`: Windows habits on every platform (file names, device names, the first start, backup);
//! - `writer`: the workspace's one writer, from the user's side: desk, import, new, cap-so at once;
//! - `common`: helpers (a demo workspace in a temporary folder, running the binary, pdftotext).

#[path = "integration/common.rs"]
mod common;

#[path = "integration/batch.rs"]
mod batch;
#[path = "integration/browser.rs"]
mod browser;
#[path = "integration/browser_files.rs"]
mod browser_files;
#[path = "integration/browser_office.rs"]
mod browser_office;
#[path = "integration/bulletin.rs"]
mod bulletin;
#[path = "integration/cli.rs"]
mod cli;
#[path = "integration/desk.rs"]
mod desk;
#[path = "integration/dossier.rs"]
mod dossier;
#[path = "integration/forms.rs"]
mod forms;
#[path = "integration/fuzz.rs"]
mod fuzz;
#[path = "integration/golden.rs"]
mod golden;
#[path = "integration/manners.rs"]
mod manners;
#[path = "integration/office.rs"]
mod office;
#[path = "integration/pages.rs"]
mod pages;
#[path = "integration/pdf.rs"]
mod pdf;
#[path = "integration/rules.rs"]
mod rules;
#[path = "integration/safety.rs"]
mod safety;
#[path = "integration/sheets.rs"]
mod sheets;
#[path = "integration/structure.rs"]
mod structure;
#[path = "integration/typeset.rs"]
mod typeset;
#[path = "integration/webdriver.rs"]
mod webdriver;
#[path = "integration/windows.rs"]
mod windows;
#[path = "integration/writer.rs"]
mod writer;
