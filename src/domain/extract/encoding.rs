//! Bytes of a saved page to text: the encoding a browser would use (byte-order mark, then the
//! page's own `<meta charset>`, then UTF-8 if it is valid, else Windows-1252), and MHTML
//! ("Save page as… single file"), whose HTML part may be quoted-printable or base64.

/// The HTML part of an MHTML file, decoded, and the address it was saved from.
pub struct MhtmlPart {
    pub html: String,
    pub location: Option<String>,
}

/// Windows-1252's characters for bytes 0x80–0x9F (the rest of the range is Latin-1).
const WIN1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WIN1252[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

fn utf16(bytes: &[u8], little: bool) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|p| {
            if little {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        })
        .collect();
    String::from_utf16_lossy(&units)
}

/// The charset a page declares in its first bytes, lower-case.
fn declared_charset(head: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&head[..head.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let rest = head[at..].trim_start_matches(['"', '\'', ' ']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    Some(rest[..end].to_owned()).filter(|c| !c.is_empty())
}

fn decode_as(bytes: &[u8], charset: Option<&str>) -> String {
    match charset {
        Some(
            "windows-1252" | "iso-8859-1" | "latin1" | "latin-1" | "us-ascii" | "ascii" | "cp1252"
            | "iso-8859-15",
        ) => windows_1252(bytes),
        _ => match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            // Not UTF-8 after all: what browsers fall back to for Western pages.
            Err(_) if charset.is_none() => windows_1252(bytes),
            Err(_) => String::from_utf8_lossy(bytes).into_owned(),
        },
    }
}

/// A saved HTML page's bytes as text.
pub fn decode_html(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false);
    }
    decode_as(bytes, declared_charset(bytes).as_deref())
}

/// Headers of a MIME entity, names lower-case, folded lines joined; and where its body starts.
fn headers(text: &str) -> (Vec<(String, String)>, usize) {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let l = line.trim_end_matches(['\r', '\n']);
        at += line.len();
        if l.is_empty() {
            return (out, at);
        }
        if l.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(l.trim());
            }
        } else if let Some((k, v)) = l.split_once(':') {
            out.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
        }
    }
    (out, text.len())
}

fn header<'h>(hs: &'h [(String, String)], name: &str) -> Option<&'h str> {
    hs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// A parameter of a header value: `boundary` of `multipart/related; boundary="x"`.
fn parameter(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case(name)).then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// The HTML part of an MHTML file, or `None` if `bytes` is not one.
pub fn mhtml(bytes: &[u8]) -> Option<MhtmlPart> {
    // MIME headers are ASCII; the parts' bodies are 7-bit encoded.
    let head = &bytes[..bytes.len().min(8192)];
    let head_text = String::from_utf8_lossy(head);
    let (top, _) = headers(head_text.trim_start());
    let content_type = header(&top, "content-type")?;
    if !content_type.to_ascii_lowercase().starts_with("multipart/") {
        return None;
    }
    let boundary = parameter(content_type, "boundary")?;
    let text = String::from_utf8_lossy(bytes);
    let delimiter = format!("--{boundary}");
    for part in text.split(delimiter.as_str()).skip(1) {
        let part = part.trim_start_matches(['\r', '\n']);
        let (hs, body_at) = headers(part);
        let ct = header(&hs, "content-type").unwrap_or_default();
        if !ct.to_ascii_lowercase().starts_with("text/html") {
            continue;
        }
        let body = &part[body_at..];
        let raw = match header(&hs, "content-transfer-encoding").map(str::to_ascii_lowercase) {
            Some(e) if e == "quoted-printable" => quoted_printable(body),
            Some(e) if e == "base64" => base64(body),
            _ => body.as_bytes().to_vec(),
        };
        let charset = parameter(ct, "charset").map(|c| c.to_ascii_lowercase());
        let html = match charset {
            Some(c) => decode_as(&raw, Some(&c)),
            None => decode_html(&raw),
        };
        let location = header(&hs, "content-location")
            .or_else(|| header(&top, "snapshot-content-location"))
            .map(str::to_owned);
        return Some(MhtmlPart { html, location });
    }
    None
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

fn quoted_printable(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            if b.get(i + 1) == Some(&b'\r') && b.get(i + 2) == Some(&b'\n') {
                i += 3;
                continue;
            }
            if b.get(i + 1) == Some(&b'\n') {
                i += 2;
                continue;
            }
            if let (Some(h), Some(l)) = (
                b.get(i + 1).and_then(|&c| hex(c)),
                b.get(i + 2).and_then(|&c| hex(c)),
            ) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

fn base64(s: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for v in s.bytes().filter_map(value) {
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_by_mark_declaration_and_validity() {
        assert_eq!(decode_html(b"\xEF\xBB\xBFcaf\xC3\xA9"), "café");
        assert_eq!(decode_html(b"\xFF\xFEa\x00\xE9\x00"), "aé");
        assert_eq!(
            decode_html(b"<meta charset=\"windows-1252\"><p>\x93caf\xE9\x94"),
            "<meta charset=\"windows-1252\"><p>“café”"
        );
        assert_eq!(
            decode_html(b"<p>caf\xE9"),
            "<p>café",
            "not UTF-8: Windows-1252"
        );
        assert_eq!(decode_html("<p>café 😀".as_bytes()), "<p>café 😀");
    }

    #[test]
    fn mhtml_gives_its_html_part_and_address() {
        let file = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/a\r\nSubject: A\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--x\"\r\n\r\n------MultipartBoundary--x\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://news.example/a\r\n\r\n<html><body><p class=3D\"x\">Caf=C3=A9 long =\r\nline</p></body></html>\r\n------MultipartBoundary--x\r\nContent-Type: text/css\r\n\r\np{}\r\n------MultipartBoundary--x--\r\n";
        let part = mhtml(file.as_bytes()).unwrap();
        assert_eq!(
            part.html.trim(),
            "<html><body><p class=\"x\">Café long line</p></body></html>"
        );
        assert_eq!(part.location.as_deref(), Some("https://news.example/a"));
        assert!(mhtml(b"<html>not mime</html>").is_none());
        assert_eq!(base64("aGVsbG8gd29ybGQ="), b"hello world");
    }
}
