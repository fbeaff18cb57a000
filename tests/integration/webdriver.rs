//! A WebDriver client (W3C WebDriver over HTTP, JSON bodies) with just what the browser tests
//! need: a session, navigation, elements found by CSS, clicks and keys, scripts, screenshots.
//!
//! Written here rather than taken from a crate: fantoccini's `webdriver` crate brings ICU 1.5 and
//! its derive macros, which turn on features of `syn` and so rebuild every proc macro and the
//! whole Typst stack for the test build, on every clean machine.

use crate::desk::request;
use base64::Engine;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// The key under which WebDriver names an element.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// One browser session.
pub struct Session {
    port: u16,
    id: String,
}

/// An element of the page.
#[derive(Clone)]
pub struct Element(String);

/// A WebDriver command: the `value` of its answer, or the error WebDriver gave.
fn call(port: u16, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
    let host = format!("127.0.0.1:{port}");
    let text = body.map(|b| b.to_string());
    let answer = request(
        port,
        method,
        path,
        &[("Host", &host)],
        text.as_deref().map(|t| ("application/json", t)),
    );
    let json: Value = serde_json::from_str(&answer.body)
        .map_err(|e| format!("{e}: {} {}", answer.status, answer.body))?;
    let value = json.get("value").cloned().unwrap_or(Value::Null);
    match value.get("error") {
        Some(error) => Err(format!("{error}: {}", value["message"])),
        None => Ok(value),
    }
}

impl Session {
    /// Starts a session of the driver at `port` with these capabilities.
    pub fn new(port: u16, capabilities: Value) -> Session {
        let value = call(
            port,
            "POST",
            "/session",
            Some(json!({"capabilities": {"alwaysMatch": capabilities}})),
        )
        .expect("a browser session");
        let id = value["sessionId"]
            .as_str()
            .expect("a session id")
            .to_string();
        Session { port, id }
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        call(
            self.port,
            method,
            &format!("/session/{}{path}", self.id),
            body,
        )
    }

    fn must(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.cmd(method, path, body)
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    pub fn goto(&self, url: &str) {
        self.must("POST", "/url", Some(json!({"url": url})));
    }

    pub fn url(&self) -> String {
        self.must("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn find_now(&self, css: &str) -> Result<Element, String> {
        let v = self.cmd(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        )?;
        match v[ELEMENT].as_str() {
            Some(id) => Ok(Element(id.to_string())),
            None => Err(format!("not an element: {v}")),
        }
    }

    /// The first element matching `css`, waiting for it up to 20 s.
    pub fn find(&self, css: &str) -> Element {
        let start = Instant::now();
        loop {
            match self.find_now(css) {
                Ok(e) => return e,
                Err(e) if start.elapsed() > Duration::from_secs(20) => {
                    panic!("no element {css}: {e}")
                }
                Err(_) => std::thread::sleep(Duration::from_millis(100)),
            }
        }
    }

    pub fn click(&self, e: &Element) {
        self.must("POST", &format!("/element/{}/click", e.0), Some(json!({})));
    }

    pub fn clear(&self, e: &Element) {
        self.must("POST", &format!("/element/{}/clear", e.0), Some(json!({})));
    }

    pub fn send_keys(&self, e: &Element, text: &str) {
        self.must(
            "POST",
            &format!("/element/{}/value", e.0),
            Some(json!({"text": text})),
        );
    }

    pub fn text(&self, e: &Element) -> String {
        let v = self.must("GET", &format!("/element/{}/text", e.0), None);
        v.as_str().unwrap_or_default().to_string()
    }

    pub fn property(&self, e: &Element, name: &str) -> Value {
        self.must("GET", &format!("/element/{}/property/{name}", e.0), None)
    }

    /// Runs a script in the page and returns what it returns.
    pub fn execute(&self, script: &str) -> Value {
        self.must(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// Runs a script that calls its last argument with its result.
    pub fn execute_async(&self, script: &str) -> Value {
        self.must(
            "POST",
            "/execute/async",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// Waits until the script returns `true` (20 s at most).
    pub fn until(&self, script: &str, what: &str) {
        let start = Instant::now();
        while self.execute(script) != Value::Bool(true) {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out: {what}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Accepts the page's `confirm()` (waiting for it up to 20 s).
    pub fn accept_alert(&self) {
        let start = Instant::now();
        while let Err(e) = self.cmd("POST", "/alert/accept", Some(json!({}))) {
            assert!(start.elapsed() < Duration::from_secs(20), "no dialog: {e}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The elements matching `css` now.
    pub fn find_all(&self, css: &str) -> Vec<Element> {
        let v = self.must(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        );
        v.as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|i| i[ELEMENT].as_str().map(|id| Element(id.to_string())))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The window as a PNG.
    pub fn screenshot(&self) -> Vec<u8> {
        let v = self.must("GET", "/screenshot", None);
        base64::engine::general_purpose::STANDARD
            .decode(v.as_str().unwrap_or_default())
            .expect("a base64 screenshot")
    }

    /// Ends the session: the driver quits the browser.
    pub fn close(self) {}
}

impl Drop for Session {
    /// A failed test ends its session too, so that no browser is left running.
    fn drop(&mut self) {
        let _ = call(self.port, "DELETE", &format!("/session/{}", self.id), None);
    }
}
