//! What a long command shows while it works: the stage it is in, and a bar while it goes through
//! people or rows. Shown only to a person at a terminal, and only in the human format: a script,
//! a pipe and `--format json` read nothing but the result.

use crate::diag::Format;
use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::Duration;

/// The progress line of one command run: one stage at a time.
pub struct Progress {
    shown: bool,
    // Behind a mutex: batch moves the bar on from its worker threads.
    line: Mutex<Option<indicatif::ProgressBar>>,
}

impl Progress {
    /// A progress line, shown only if standard error is a terminal and the format is human.
    pub fn new(format: Format) -> Progress {
        Progress {
            shown: std::io::stderr().is_terminal() && format == Format::Human,
            line: Mutex::new(None),
        }
    }

    /// The stage's line. A worker that panicked while holding it left a bar, nothing broken.
    fn current(&self) -> std::sync::MutexGuard<'_, Option<indicatif::ProgressBar>> {
        self.line
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Starts a stage, erasing the line of the one before.
    fn start(&self, bar: indicatif::ProgressBar) -> indicatif::ProgressBar {
        self.done();
        if !self.shown {
            bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
        }
        *self.current() = Some(bar.clone());
        bar
    }

    /// A stage whose length is not known (reading a sheet, loading the workspace): its words and
    /// a turning mark, so that a long one is seen to be alive.
    pub fn stage(&self, words: &str) {
        let line = self.start(indicatif::ProgressBar::new_spinner());
        line.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        line.set_message(words.to_string());
        line.enable_steady_tick(Duration::from_millis(120));
    }

    /// A stage of `total` steps: its words and a bar, moved on by [`Progress::step`].
    pub fn counted(&self, words: &str, total: u64) {
        let line = self.start(indicatif::ProgressBar::new(total));
        line.set_style(
            indicatif::ProgressStyle::with_template("{prefix} {bar:40} {pos}/{len} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        line.set_prefix(words.to_string());
    }

    /// One step of a counted stage done; `what` (a person's id) is shown beside the bar.
    pub fn step(&self, what: &str) {
        if let Some(line) = self.current().as_ref() {
            line.set_message(what.to_string());
            line.inc(1);
        }
    }

    /// The stage is over: its line is erased, and what the command prints next stands alone.
    pub fn done(&self) {
        // Taken out first: the lock is not held while the line is erased.
        let line = self.current().take();
        if let Some(line) = line {
            line.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    /// A command that stops on an error leaves no half-drawn line above its message.
    fn drop(&mut self) {
        self.done();
    }
}
