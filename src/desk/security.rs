//! What every request must show before the desk does anything for it.
//!
//! A server on 127.0.0.1 is reachable by every page the clerk's browser opens, so:
//! - the `Host` must be `127.0.0.1:PORT` or `localhost:PORT`: a page of `evil.example` whose
//!   name is made to point at 127.0.0.1 (DNS rebinding) sends its own name and is refused;
//! - the access token of the printed address must come with the request; the address sets it once
//!   as a cookie (`HttpOnly`, `SameSite=Strict`) and is then replaced by one without it, so that
//!   the token is neither in the history nor sent to anyone else;
//! - a request that changes something (anything but `GET` and `HEAD`) must come from the desk's
//!   own pages: its `Origin` names the desk (no cross-site form or script can post to it).
//!
//! Every answer, a refusal too, also tells the browser to run only the desk's own script and
//! style, never to put the desk in another site's frame, and not to keep pages in a cache. The
//! referrer policy is `same-origin`, not `no-referrer`: under `no-referrer` Chromium (so Edge and
//! Chrome) sends `Origin: null` with an ordinary form of the desk's own page, which the origin
//! check must refuse; the token never is in an address after the first redirect, so a referrer
//! has nothing to leak, and none is sent to another site.
//!
//! A client that sends its request slowly is cut off: the headers within [`HEADER_TIME`] (the
//! server, `mod.rs`), the body within [`BODY_TIME`] and at most [`BODY_LIMIT`] bytes (here),
//! so that a hundred idle connections cannot hold the desk.

use super::Desk;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Duration;

/// How long a client may take to send a request's headers.
pub(super) const HEADER_TIME: Duration = Duration::from_secs(10);
/// How long a client may take to send a request's body.
pub(super) const BODY_TIME: Duration = Duration::from_secs(10);
/// The largest body the desk reads: an edit is a field, a form a few fields.
pub(super) const BODY_LIMIT: usize = 1 << 20;

/// A fresh random token: 128 bits from the operating system, in hex.
pub(super) fn new_token() -> std::io::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compares without stopping at the first difference, so that timing says nothing of the token.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Whether `host` (a `Host` header) names the desk itself.
fn own_host(desk: &Desk, host: &str) -> bool {
    let port = desk.port.to_string();
    ["127.0.0.1", "localhost"]
        .iter()
        .any(|name| host.strip_prefix(name).and_then(|r| r.strip_prefix(':')) == Some(&port))
}

/// Whether `origin` (an `Origin` header) is one of the desk's own pages.
fn own_origin(desk: &Desk, origin: &str) -> bool {
    origin
        .strip_prefix("http://")
        .is_some_and(|host| own_host(desk, host))
}

/// The token the request brings in its cookie, if any.
fn cookie_token<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The token of the address (`?t=…`), if any.
fn query_token(query: Option<&str>) -> Option<&str> {
    query?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "t")
        .map(|(_, v)| v)
}

fn refuse(desk: &Desk, status: StatusCode, vi: &str, en: &str) -> Response {
    let text = desk.lang.pick(vi, en).to_string();
    harden(
        (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            text,
        )
            .into_response(),
    )
}

/// Where the printed address goes once its token is in the cookie: the same path on the desk.
/// A path that starts with `//` or `/\` would be read by the browser as another site's address
/// (`//evil.example/`), so the slashes and backslashes it starts with become one.
fn same_site_target(path: &str) -> String {
    format!("/{}", path.trim_start_matches(['/', '\\']))
}

/// The guard in front of every route.
pub(super) async fn guard(State(desk): State<Arc<Desk>>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !own_host(&desk, host) {
        return refuse(
            &desk,
            StatusCode::FORBIDDEN,
            "địa chỉ không phải của bàn làm việc hoso trên máy này",
            "this is not the address of the hoso desk on this machine",
        );
    }
    let cookie_ok =
        cookie_token(headers, &desk.cookie_name()).is_some_and(|t| same(t, &desk.token));
    let query_ok = query_token(request.uri().query()).is_some_and(|t| same(t, &desk.token));
    if query_ok && request.method() == Method::GET {
        // The printed address: set the cookie, then go to the same page without the token.
        let cookie = format!(
            "{}={}; Path=/; HttpOnly; SameSite=Strict",
            desk.cookie_name(),
            desk.token
        );
        let mut response = (StatusCode::SEE_OTHER, "").into_response();
        let target = HeaderValue::from_str(&same_site_target(request.uri().path()))
            .unwrap_or(HeaderValue::from_static("/"));
        response.headers_mut().insert(header::LOCATION, target);
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            response.headers_mut().insert(header::SET_COOKIE, v);
        }
        return harden(response);
    }
    // What the clerk meets with a tab left open from an earlier start of the desk, or an
    // address typed without its token: how to open the desk, not the command that serves it.
    if !cookie_ok {
        return refuse(
            &desk,
            StatusCode::FORBIDDEN,
            "thiếu mã truy cập: địa chỉ này thiếu mã “?t=…” hoặc là địa chỉ của lần mở hoso trước. Hãy mở địa chỉ ở dòng đầu của cửa sổ hoso đang chạy (http://127.0.0.1:…/?t=…), hoặc đóng cửa sổ hoso rồi mở lại hoso",
            "no access token: this address lacks its “?t=…” code or is from an earlier start of hoso. Open the address on the first line of the running hoso window (http://127.0.0.1:…/?t=…), or close the hoso window and start hoso again",
        );
    }
    let changes = !matches!(*request.method(), Method::GET | Method::HEAD);
    if changes {
        let origin = headers
            .get(header::ORIGIN)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("");
        if !own_origin(&desk, origin) {
            return refuse(
                &desk,
                StatusCode::FORBIDDEN,
                "yêu cầu thay đổi không đến từ trang của bàn làm việc hoso: không làm gì",
                "a change that does not come from the desk's own pages: nothing done",
            );
        }
    }
    let request = if changes {
        match bounded_body(request).await {
            Ok(r) => r,
            Err(status) => {
                return refuse(
                    &desk,
                    status,
                    "yêu cầu gửi quá chậm hoặc quá lớn: không làm gì",
                    "the request came too slowly or is too large: nothing done",
                );
            }
        }
    } else {
        request
    };
    harden(next.run(request).await)
}

/// The request with its body read whole, within [`BODY_TIME`] and [`BODY_LIMIT`].
async fn bounded_body(request: Request) -> Result<Request, StatusCode> {
    let (parts, body) = request.into_parts();
    // A sheet sent to the import page may be as large as a sheet may be; anything else is a
    // field or a form.
    let limit = if parts.uri.path() == "/import" {
        super::import::UPLOAD_LIMIT
    } else {
        BODY_LIMIT
    };
    let read = axum::body::to_bytes(body, limit);
    match tokio::time::timeout(BODY_TIME, read).await {
        Err(_) => Err(StatusCode::REQUEST_TIMEOUT),
        Ok(Err(_)) => Err(StatusCode::PAYLOAD_TOO_LARGE),
        Ok(Ok(bytes)) => Ok(Request::from_parts(parts, axum::body::Body::from(bytes))),
    }
}

/// The headers every answer carries.
fn harden(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
             connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_compared_whole_and_read_from_cookies_and_addresses() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "abcd"));
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; hoso_desk_9=xyz"),
        );
        assert_eq!(cookie_token(&headers, "hoso_desk_9"), Some("xyz"));
        assert_eq!(cookie_token(&headers, "hoso_desk_8"), None);
        assert_eq!(query_token(Some("x=1&t=abc")), Some("abc"));
        assert_eq!(query_token(Some("tt=abc")), None);
        assert_eq!(same_site_target("//evil.example/"), "/evil.example/");
        assert_eq!(same_site_target("/\\evil.example"), "/evil.example");
        assert_eq!(same_site_target("/person/a"), "/person/a");
        let token = new_token().unwrap();
        assert_eq!(token.len(), 32);
        assert_ne!(token, new_token().unwrap());
    }
}
