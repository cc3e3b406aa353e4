//! What the sync engine asks of the network: one HTTP request at a time, to one CouchDB server.
//! The browser's glue sends them with `fetch`; tests with a scripted fake or a plain socket.

use std::future::Future;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Put,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
        }
    }
}

/// A request to the server: `path` follows the server's address ("" for its welcome,
/// "claims/_changes?since=0" for a database's changes). A body is JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub method: Method,
    pub path: String,
    pub body: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub body: String,
}

/// No answer came: the server is down or unreachable, the page is offline, or (in a browser)
/// the server does not allow this page's origin (CORS), which a page cannot tell apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreachable(pub String);

/// Sends requests to one server, with whatever credentials it was given.
pub trait Http {
    fn send(&self, request: Request) -> impl Future<Output = Result<Response, Unreachable>>;
}

/// Where a team's library is kept: a server's address and a database on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Server {
    /// `http(s)://host[:port][/path]`, without a trailing slash.
    pub url: String,
    pub db: String,
}

impl Server {
    /// Checks an address and a database name as a user typed them; the message says what is
    /// wrong.
    pub fn new(url: &str, db: &str) -> Result<Server, String> {
        let url = url.trim();
        let scheme = ["https://", "http://"]
            .into_iter()
            .find(|s| url.starts_with(s));
        let scheme = scheme.ok_or_else(|| {
            format!("The server address must begin with https:// (or http://): {url:?}")
        })?;
        let rest = url[scheme.len()..].trim_end_matches('/');
        if rest.is_empty() || rest.starts_with('/') || rest.contains(char::is_whitespace) {
            return Err(format!("The server address has no host name: {url:?}"));
        }
        let url = format!("{scheme}{rest}");
        let db = db.trim();
        let first = db.chars().next();
        let fine = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-/".contains(c);
        if !first.is_some_and(|c| c.is_ascii_lowercase()) || !db.chars().all(fine) {
            return Err(format!(
                "A CouchDB database name begins with a lower-case letter and has only lower-case \
                 letters, digits and _$()+-/ : {db:?}"
            ));
        }
        Ok(Server {
            url,
            db: db.to_owned(),
        })
    }

    /// The path of the database, or of something in it (`"_changes?…"`).
    pub fn path(&self, within: &str) -> String {
        let db = self.db.replace('/', "%2F");
        match within {
            "" => db,
            _ => format!("{db}/{within}"),
        }
    }
}

/// A query value made safe for a URL: everything but letters, digits and `-._~` escaped.
pub fn query_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The `Authorization` header of HTTP basic authentication (RFC 7617: the name and password as
/// UTF-8, base64). Sent with every request; over plain http anyone on the way can read it.
pub fn basic_authorization(user: &str, password: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = format!("{user}:{password}").into_bytes();
    let mut out = String::from("Basic ");
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, &b| n << 8 | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            match i <= chunk.len() {
                true => out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize])),
                false => out.push('='),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_names_are_checked_with_a_reason() {
        let s = Server::new(" https://couch.example.org:6984/ ", "claims").unwrap();
        assert_eq!(s.url, "https://couch.example.org:6984");
        assert_eq!(s.path(""), "claims");
        assert_eq!(s.path("_changes"), "claims/_changes");
        assert_eq!(
            Server::new("http://h", "team/claims").unwrap().path(""),
            "team%2Fclaims"
        );
        let bad = Server::new("couch.example.org", "claims").unwrap_err();
        assert!(bad.contains("https://"), "{bad}");
        assert!(Server::new("https://", "claims")
            .unwrap_err()
            .contains("host"));
        for db in ["", "Claims", "1st", "_users", "my claims"] {
            let why = Server::new("https://h", db).unwrap_err();
            assert!(why.contains("lower-case"), "{db}: {why}");
        }
        assert_eq!(query_value("12-g1AA/=\"x\""), "12-g1AA%2F%3D%22x%22");
    }

    #[test]
    fn basic_authorization_is_base64_of_name_and_password() {
        // RFC 7617's own example, then each padding length and a name beyond ASCII.
        assert_eq!(
            basic_authorization("Aladdin", "open sesame"),
            "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
        assert_eq!(basic_authorization("a", "b"), "Basic YTpi");
        assert_eq!(basic_authorization("ab", "c"), "Basic YWI6Yw==");
        assert_eq!(basic_authorization("ab", "cd"), "Basic YWI6Y2Q=");
        assert_eq!(
            basic_authorization("test", "123£"),
            "Basic dGVzdDoxMjPCow=="
        );
    }
}
