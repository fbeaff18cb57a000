/*!
The clerk's desk (`hoso serve`): a web application over one workspace, served by hoso itself on
the clerk's own machine, for the browser they already have.

It is one more front end of the library: every page sees the workspace as its files are now,
checked, through one [`crate::validate::Live`] workspace (the result of [`crate::model::load`] and
[`crate::validate::check`], brought up to date on each request from the files that changed, so
that an edit made meanwhile in a text editor shows at once, and a đảng ủy's thousands of people
are not read and checked again for each page), forms are filled and typeset by
the one [`crate::engine::Engine`] of the process, and an edit goes back into the clerk's YAML file
through the lossless editor, atomically, and only over the file the page was loaded from.

- `security.rs`: what every request must show (the right `Host`, the access token, for a change
  the desk's own `Origin`), because a server on 127.0.0.1 is reachable by every page the clerk
  visits;
- `routes.rs`: the addresses and their handlers;
- `pages.rs`: the pages (minijinja templates of `templates/desk/`, HTML auto-escaped) and the
  embedded script and style;
- `fields.rs`: the record as a form: sections in the order of the process, labels from the key
  table, diagnostics put beside the field they concern;
- `words.rs`: the page's words where the key table's speak of the file: labels, choices with
  their meaning, diagnostics naming fields by their labels;
- `edits.rs`: an edit written into a record's file, refused when the file changed on disk or the
  value does not read; a new person's file;
- `office.rs`: what goes beyond one field of one record: a document's number from the register;
- `preview.rs`: a form typeset to SVG for the page, and the PDFs to download.

Everything the pages need is in the binary: no network, no CDN, nothing outside the workspace.
*/

mod changes;
mod edits;
mod fields;
mod history;
mod import;
mod office;
mod pages;
mod preview;
mod records;
mod routes;
mod security;
mod words;

use crate::diag::Lang;
use crate::engine::{Config, Engine};
use crate::model::LoadError;
use crate::validate::{CheckedWorkspace, Live};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// How to run the desk.
#[derive(Debug, Clone)]
pub struct Options {
    /// The workspace folder.
    pub root: PathBuf,
    /// The port on 127.0.0.1; 0 takes a free one.
    pub port: u16,
    /// The language of the pages and messages.
    pub lang: Lang,
}

/// Why the desk could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The folder is not a workspace, or its organisation file cannot be read.
    #[error(transparent)]
    Workspace(#[from] LoadError),
    /// The templates (the workspace's overrides) could not be read.
    #[error(transparent)]
    Templates(#[from] crate::render::RenderError),
    /// The port could not be taken.
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Bind {
        /// The port asked for.
        port: u16,
        /// The cause.
        source: std::io::Error,
    },
    /// The server stopped with an error.
    #[error("the desk stopped: {0}")]
    Io(#[from] std::io::Error),
}

/// What every handler shares: the workspace's place, the access token, the engine.
pub(crate) struct Desk {
    /// The workspace folder.
    root: PathBuf,
    /// The port the desk listens on: the only `Host` and `Origin` it accepts name it.
    port: u16,
    /// The secret of the printed address: every request must bring it (as a cookie).
    token: String,
    /// The language of the pages.
    lang: Lang,
    /// The desk's own edits of each file, to take back ("Hoàn tác").
    history: std::sync::Mutex<history::History>,
    /// Templates parsed and fonts loaded once.
    engine: Engine,
    /// The pages' templates, parsed once.
    pages: minijinja::Environment<'static>,
    /// The desk's changes are written one at a time ([`Desk::one_at_a_time`]).
    writing: std::sync::Mutex<()>,
    /// The workspace, checked, as its files were at the last request; `None` while its
    /// settings (`to-chuc.yaml`) cannot be read, until a request finds them mended.
    live: Mutex<Option<Live>>,
}

impl Desk {
    /// The workspace, checked, as it is on the disk at this moment: the files that changed since
    /// the last request are read again (see [`Live::refresh`]).
    fn check(&self) -> Result<Arc<CheckedWorkspace>, LoadError> {
        // A request that failed while refreshing left the workspace to be read afresh.
        let mut live = self.live.lock().unwrap_or_else(PoisonError::into_inner);
        match live.as_mut() {
            Some(live) => live.refresh(),
            None => {
                let opened = Live::open(&self.root)?;
                Ok(live.insert(opened).refresh()?)
            }
        }
    }

    /// The workspace folder.
    fn root(&self) -> &Path {
        &self.root
    }

    /// A message in the page's words and language, each file named inside the workspace
    /// ([`words::in_page_words`]).
    fn says(&self, message: &str) -> String {
        words::in_page_words(message, self.lang, self.root())
    }

    /// A file of the workspace as the desk names it: `ket-nap/x.yaml` ([`words::file_name`]).
    fn file_name(&self, path: &Path) -> String {
        words::file_name(self.root(), path)
    }

    /// The name of the cookie that carries the token: one per port, so that two desks on one
    /// machine do not take each other's.
    fn cookie_name(&self) -> String {
        format!("hoso_desk_{}", self.port)
    }
}

/// A running desk, bound and ready: [`Running::address`] is what the clerk opens.
pub struct Running {
    listener: tokio::net::TcpListener,
    runtime: tokio::runtime::Runtime,
    desk: std::sync::Arc<Desk>,
}

impl Running {
    /// The address to open, with the access token in it.
    pub fn address(&self) -> String {
        format!("http://127.0.0.1:{}/?t={}", self.desk.port, self.desk.token)
    }

    /// Serves until the process is stopped: each connection on its own task, HTTP/1.1, whose
    /// request headers must arrive within [`security::HEADER_TIME`] or the connection is closed
    /// (a slow or idle client holds nothing for long).
    pub fn run(self) -> Result<(), ServeError> {
        let Running {
            listener,
            runtime,
            desk,
        } = self;
        let app = hyper_util::service::TowerToHyperService::new(routes::router(desk));
        runtime.block_on(async move {
            loop {
                let (stream, _) = match listener.accept().await {
                    Ok(accepted) => accepted,
                    // Out of file descriptors and the like: wait, then go on serving.
                    Err(_) => {
                        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let app = app.clone();
                tokio::spawn(async move {
                    let connection = hyper::server::conn::http1::Builder::new()
                        .timer(hyper_util::rt::TokioTimer::new())
                        .header_read_timeout(security::HEADER_TIME)
                        .serve_connection(hyper_util::rt::TokioIo::new(stream), app);
                    // A client that goes away or is cut off is no error of the desk.
                    let _ = connection.await;
                });
            }
        })
    }
}

/// Checks the workspace, builds the engine and binds 127.0.0.1 (never another address).
pub fn bind(options: &Options) -> Result<Running, ServeError> {
    // Whole from here on, so that every path the desk meets starts with it and is named inside
    // the workspace ([`words::file_name`]), however the folder was given.
    let root = std::path::absolute(&options.root).unwrap_or_else(|_| options.root.clone());
    // A folder that is not a workspace is refused before anything listens. Settings that cannot
    // be read are not: the desk starts, and its pages say where the file is broken and how to
    // mend it, and read it again at the next request.
    let live = match Live::open(&root) {
        Ok(live) => Some(live),
        Err(LoadError::Organisation(_)) => None,
        Err(e) => return Err(e.into()),
    };
    let engine = Config::for_workspace(&root).build()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .enable_time()
        .build()?;
    let port = options.port;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(("127.0.0.1", port)))
        .map_err(|source| ServeError::Bind { port, source })?;
    let port = listener.local_addr()?.port();
    let desk = Desk {
        root,
        port,
        token: security::new_token()?,
        lang: options.lang,
        history: Default::default(),
        engine,
        pages: pages::environment(options.lang),
        writing: std::sync::Mutex::new(()),
        live: Mutex::new(live),
    };
    Ok(Running {
        listener,
        runtime,
        desk: std::sync::Arc::new(desk),
    })
}
