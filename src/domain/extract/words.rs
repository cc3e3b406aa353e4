//! The words the extraction recognises page furniture by: class and id names, roles, and
//! whole lines. Lists of data, kept apart from the rules that use them.

/// Elements whose content is never article text.
#[rustfmt::skip]
pub const NEVER: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "select", "button", "input", "textarea", "head", "title", "meta",
    "link", "map", "dialog", "option", "datalist", "nav",
];

/// Class and id words of page furniture (Readability's "unlikely candidates", extended).
#[rustfmt::skip]
pub const UNLIKELY: &[&str] = &[
    "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap",
    "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
    "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
    "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", "newsletter", "cookie",
    "consent", "subscribe", "signup", "outbrain", "taboola", "most-read", "mostread", "trending",
    "share", "sharing", "promo", "nav", "rollover", "tooltip", "hovercard", "popover",
];

/// Words that keep an element with an unlikely word (an "article-header" is content).
#[rustfmt::skip]
pub const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow", "story", "post",
    "entry", "embed", "tweet",
];

#[rustfmt::skip]
pub const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
    "post", "text", "blog", "story", "prose", "paragraph",
];

#[rustfmt::skip]
pub const NEGATIVE: &[&str] = &[
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer",
    "footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll",
    "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget",
    "newsletter", "subscribe", "byline", "author", "caption", "credit", "social", "recommend",
    "teaser", "signup",
];

/// Roles of page furniture.
#[rustfmt::skip]
pub const UNLIKELY_ROLES: &[&str] = &[
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner",
    "contentinfo",
];

/// Whole lines, lower-case without outer punctuation, that are furniture wherever they stand.
#[rustfmt::skip]
pub const FURNITURE_LINES: &[&str] = &[
    "advertisement", "advertisment", "advert", "ad", "sponsored", "sponsored content",
    "story continues below", "story continues below advertisement", "continue reading",
    "continue reading below", "article continues below", "read more", "related",
    "related articles", "related stories", "related content", "related coverage",
    "you may also like", "you might also like", "more from", "recommended", "recommended for you",
    "share this article", "share this story", "share this", "share", "comments", "most read",
    "most popular", "trending", "trending now", "see also", "watch", "watch now", "listen",
    "sign up", "subscribe", "scroll to continue", "skip advertisement", "close", "back to top",
    "print", "email",
];

/// Beginnings of short lines that point elsewhere or speak of the page, not the story.
#[rustfmt::skip]
pub const FURNITURE_STARTS: &[&str] = &[
    "read more:", "read more on", "read also", "related:", "related coverage:", "also on ",
    "see more:", "see also:", "also:", "more:", "watch:", "tags:", "tagged:", "filed under",
    "disclaimer:", "copyright", "©", "this document is subject to copyright", "like this story?",
    "click here", "this slideshow requires javascript", "leia também", "leia mais",
    "lesen sie auch", "lire aussi", "à lire aussi", "lea también", "lee también", "leggi anche",
    "continue reading", "story continues", "(function", "all rights reserved",
];

/// Words of a line that is only a date and a time.
#[rustfmt::skip]
pub const CLOCK_WORDS: &[&str] = &[
    "am", "pm", "et", "gmt", "utc", "bst", "pt", "est", "edt", "pst", "cet", "ist",
];

/// Beginnings of month and day names.
#[rustfmt::skip]
pub const CALENDAR_WORDS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon",
    "tue", "wed", "thu", "fri", "sat", "sun",
];
