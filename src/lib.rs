/*!
`hoso` does the paperwork of Party-member admission: from the clerk's YAML records it checks the
data against the rules, fills the official forms and typesets them to PDF.

The pipeline, one module per stage:

```text
workspace YAML ─model::load─▶ Workspace ─validate::check─▶ CheckedWorkspace ─render─▶ TypstSource ─compile─▶ PDF
```

- [`model`]: the records and their loading (YAML with positions, NFC, Vietnamese dates);
- [`validate`]: the rules, each problem a located [`diag::Diagnostic`]; it returns the checked
  workspace whose people are resolved once (record, problems, decision, ceremony, dossier plan),
  from which every later stage reads;
- [`facts`]: what a record implies (stage, full membership, membership on a day, the decision it
  belongs to), each defined once; [`plan`]: which documents a person's dossier holds;
- [`rules`]: the admission rules in force, versioned by date, as data; [`calendar`]: working days;
- [`time_limits`]: the one table of the process's time limits, read by validation and `due`;
- [`due`]: the time limits that fall due, listed and as an iCalendar file;
- [`forms`]: the form catalogue and regulation sets, as data;
- [`register`]: the document register, where document numbers come from;
- [`edit`]: lossless edits of a record's YAML text (the desk, `import --update`);
- [`render`]: minijinja templates into Typst, every value escaped;
- [`compile`]: the embedded Typst, fonts loaded once, deterministic PDF; [`engine`]: the renderer
  and the typesetter a run shares, built from one configuration;
- [`bulletin`]: figures of a period and the article drafted from them (Markdown, HTML, PDF);
- [`assemble`]: typeset parts merged into one dossier PDF (bookmarks, page labels, metadata);
- [`dossier`]: which documents make a person's dossier, typeset and assembled;
- [`batch`]: many people at once, in parallel and incremental;
- [`import`]: member and candidate lists from spreadsheets, one file per person;
  [`export`]: listings as CSV and `.xlsx`; [`collate`]: the Vietnamese order of names;
  [`schema`]: JSON Schemas of the workspace files for editors, from the key table;
- [`desk`]: the clerk's desk (`hoso serve`), a local web application over the workspace;
- [`backup`]: a workspace copied into one dated zip file;
- [`cli`]: the `hoso` command.
*/

pub mod assemble;
pub mod backup;
pub mod batch;
pub mod bulletin;
pub mod calendar;
pub mod cli;
pub mod collate;
pub mod compile;
pub mod demo;
pub mod desk;
pub mod diag;
pub mod dossier;
pub mod due;
pub mod edit;
pub mod engine;
pub mod export;
pub mod facts;
pub mod forms;
pub mod import;
pub mod model;
pub mod output;
pub mod plan;
pub mod register;
pub mod render;
pub mod rules;
pub mod schema;
pub mod store;
mod suggest;
pub mod time_limits;
pub mod typeset;
pub mod validate;
pub mod vn;

pub use cli::run;
