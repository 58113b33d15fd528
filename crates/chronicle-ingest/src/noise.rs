//! Recognisers for crawl noise: lines a news site adds around the story (menus, share rows,
//! photo credits, tag clouds, cookie notices, bylines, section headings).
//!
//! Each function looks at one trimmed line and is deliberately general: the rules describe
//! how web pages are built, not any particular article.

use std::sync::LazyLock;

use regex::Regex;

/// Whole lines that are page furniture, compared lower-cased without trailing punctuation.
const FURNITURE: &[&str] = &[
    "loading",
    "editor picks",
    "editor's picks",
    "editors' picks",
    "editors picks",
    "leave a comment",
    "leave a reply",
    "comments",
    "view comments",
    "show comments",
    "advertisement",
    "advertisements",
    "sponsored",
    "sponsored content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this page",
    "share on facebook",
    "share on twitter",
    "tweet",
    "print",
    "email",
    "read more",
    "read more stories",
    "continue reading",
    "related",
    "related articles",
    "related stories",
    "related news",
    "related content",
    "related topics",
    "more stories",
    "more news",
    "recommended",
    "recommended for you",
    "recommended stories",
    "you may also like",
    "you might also like",
    "don't miss",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "trending now",
    "top stories",
    "latest news",
    "latest stories",
    "subscribe",
    "subscribe now",
    "sign up",
    "sign in",
    "log in",
    "newsletter",
    "skip to content",
    "skip to main content",
    "back to top",
    "menu",
    "search",
    "home",
    "close",
    "click here",
    "previous article",
    "next article",
    "previous story",
    "next story",
    "copy link",
    "link copied",
    "follow us",
    "scroll to continue with content",
    "advertisement - scroll to continue",
    "story continues below advertisement",
    "article continues below advertisement",
    "article continues below",
    "listen to this article",
    "audio",
    "video",
    "watch",
    "photos",
    "gallery",
];

/// Words of a row of share buttons ("Facebook Twitter WhatsApp Email").
const SHARE_WORDS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "email",
    "e-mail",
    "linkedin",
    "reddit",
    "print",
    "share",
    "copy",
    "link",
    "messenger",
    "pinterest",
    "tweet",
    "flipboard",
    "vk",
    "weibo",
    "wechat",
    "line",
];

static LABELLED_FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^(?:
            read\ more|also\ read|read\ also|see\ also|more\ on\ this(?:\ story)?|related(?:\ articles|\ stories|\ news|\ coverage|\ links)?
            |tags|topics|filed\ under|categories|keywords|watch|listen|follow\ us(?:\ on)?|subscribe(?:\ to)?
            |sign\ up(?:\ for)?|share\ (?:this|on|via)|you\ may\ also\ like|recommended|advertisement
        )\s*(?:[:>»|]|-\s|$)",
    )
    .unwrap()
});

/// Calls to action that need no colon: "Follow us on X", "Sign up for our newsletter".
static CALL_TO_ACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:follow us\b|sign up (?:for|to)\b|subscribe to (?:our|the)\b|click here\b|download (?:our|the) app\b|join (?:us|our)\b|get (?:the latest|our newsletter)\b)",
    )
    .unwrap()
});

/// Newsletter and subscription promotions: "Get the morning briefing in your inbox. Sign up".
static PROMOTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bin your inbox\b|\b(?:sign up|subscribe)\b.*\b(?:newsletter|briefing|free|today|now|inbox)\b|\b(?:newsletter|briefing)\b.*\b(?:sign up|subscribe)\b")
        .unwrap()
});

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:copyright\b|©|\(c\)\s)|\ball rights reserved\b").unwrap()
});

static COOKIE_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \bcookies?\b.*\b(?:use|uses|accept|consent|policy|settings|preferences|continuing|agree)\b
        |\b(?:accept|use|uses|consent\ to)\b.*\bcookies?\b
        |\bby\ continuing\ to\ (?:use|browse)\b
        |\bplease\ enable\ javascript\b
        |\byour\ browser\ does\ not\ support\b
        |\bprivacy\ policy\b.*\b(?:agree|accept|updated)\b",
    )
    .unwrap()
});

static READING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\d+\s*(?:min|mins|minute|minutes|hour|hours|hrs?|day|days)\s+(?:ago|read)$")
        .unwrap()
});

static TAG_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\(tagsToTranslate\)|(?:\s\(t\)\s.*){2}").unwrap());

/// Headings of link lists ("Related Articles", "Read more", "More from Europe").
static LINK_LIST_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:related|read more|more from|more on|more stories|more news|latest from|recommended|most read|most popular|most viewed|top stories|you may also like|you might also like|trending|latest news|latest stories|don't miss|editor'?s'? picks)\b")
        .unwrap()
});

/// A heading that introduces a list of links to other stories.
pub fn is_link_list_heading(line: &str) -> bool {
    let line = line.trim();
    line.split_whitespace().count() <= 5 && !line.ends_with('.') && LINK_LIST_HEADING.is_match(line)
}

/// "Photo : YONHAP News", "(Photo: AFP)", "Photo by Jane Doe/Reuters", "REUTERS/Kim Hong-Ji",
/// "AP Photo/Ahn Young-joon", "AFP PHOTO / Ed Jones", "(Yonhap)".
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^\(?\s*(?:
            (?i:photo|photos|photograph|picture|image|images|file\ photo|photo\ credit|credit|courtesy|source)
                (?:\s*(?:by\s+)?[:：/|-]?\s*\S[^.!?]{0,80})?
            |[A-Z]{2,}(?:\ PHOTO)?\s*/\s*\p{Lu}[\p{L}\ .'’-]{1,60}
            |(?:AP|AFP|EPA|Reuters|REUTERS|Getty|Xinhua|Yonhap|AAP|Anadolu)\ (?i:photo|photos|images?|via\ getty\ images)\b.{0,60}
            |\p{Lu}[\p{L}.]*(?:\ \p{Lu}[\p{L}.]*){0,3}
        )\s*\)?$",
    )
    .unwrap()
});

/// A caption line ending in a parenthesised agency credit: "… speaks at the UN. (Reuters)".
static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[.!?]\s*\((?:\p{Lu}[\p{L}.]*(?:[ /]\p{Lu}[\p{L}.]*){0,3}|[A-Z]{2,}[ /][^)]{1,40})\)$",
    )
    .unwrap()
});

/// A parenthesised photo credit inside a paragraph.
pub static INLINE_PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\((?i:photo|file photo|photograph|image|picture|pictured)\b[^()]{0,80}\)")
        .unwrap()
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^\(?(?:By|BY|Written\ by|(?i:additional\ )?[Rr]eporting\ by|[Ee]dited\ by|[Ee]diting\ by|[Ww]riting\ by)
            \s+\p{Lu}[\p{L}'’.-]*(?:[\ ,;]+(?:(?:and|&|in|at|for|by)\ )?\p{Lu}[\p{L}'’.-]*){0,10}\)?$",
    )
    .unwrap()
});

/// The line without surrounding whitespace and trailing dots, colons or ellipses, lower-cased.
fn normalised(line: &str) -> String {
    line.trim()
        .trim_end_matches(['.', ':', '…', '!', '>', '»', '|', ' '])
        .trim_start_matches(['|', '»', '>', '•', '·', ' '])
        .to_lowercase()
}

/// Page furniture: menus, share rows, "Loading...", "Editor Picks", cookie notices …
pub fn is_furniture(line: &str) -> bool {
    let line = line.trim();
    let norm = normalised(line);
    if norm.is_empty() {
        // Only punctuation ("...", "|", "•").
        return true;
    }
    if FURNITURE.contains(&norm.as_str()) || READING_TIME.is_match(&norm) {
        return true;
    }
    if line.len() <= 200
        && (LABELLED_FURNITURE.is_match(line)
            || CALL_TO_ACTION.is_match(line)
            || COPYRIGHT.is_match(line))
    {
        return true;
    }
    if line.len() <= 400 && (COOKIE_NOTICE.is_match(line) || PROMOTION.is_match(line)) {
        return true;
    }
    is_share_row(&norm)
        || is_link_list_heading(line)
        || is_menu_line(line)
        || (line.len() <= 80
            && DATE_LABEL.is_match(line)
            && crate::dates::header_date(line).is_none())
        || (line.split_whitespace().count() <= 40 && CONTRIBUTOR.is_match(line))
}

/// A short labelled date line whose date could not be read ("Published On 5 Mar 20245 Mar
/// 2024"): still page furniture, never a headline.
static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:published|posted|updated|last updated|first published|date)\b\s*(?:on\b)?\s*:?\s*\d")
        .unwrap()
});

/// "Associated Press writer Jon Doe in Dubai contributed to this report."
static CONTRIBUTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcontributed (?:reporting )?(?:to )?(?:this |the )?(?:report|story|article)\b|^contributing:")
        .unwrap()
});

/// A navigation bar or breadcrumb: "World | Africa | Asia | Europe", "HOME > POLITICS".
pub fn is_menu_line(line: &str) -> bool {
    let short_parts = |sep: &str, min_parts: usize| {
        let parts: Vec<&str> = line.split(sep).map(str::trim).collect();
        parts.len() >= min_parts
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.split_whitespace().count() <= 3 && !p.ends_with('.'))
    };
    short_parts(" | ", 3)
        || short_parts(" · ", 3)
        || short_parts(" • ", 3)
        || short_parts(" > ", 2)
        || short_parts(" » ", 2)
}

fn is_share_row(norm: &str) -> bool {
    let words: Vec<&str> = norm
        .split(|c: char| c.is_whitespace() || c == '|' || c == '/' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words.len() >= 2 && words.iter().all(|w| SHARE_WORDS.contains(w))
}

/// A tag cloud line: "(tagsToTranslate) north korea (t) pyongyang (t) …".
pub fn is_tag_line(line: &str) -> bool {
    TAG_LINE.is_match(line)
}

/// A line that is only a photo credit, or a photo caption ending in an agency credit.
pub fn is_photo_credit(line: &str) -> bool {
    let line = line.trim();
    if line.len() > 400 {
        return false;
    }
    let credit_only = line.len() <= 100
        && PHOTO_CREDIT.is_match(line)
        && (line.starts_with('(') || has_credit_word(line) || line.contains('/'));
    // Captions are short; a long paragraph ending in "(Reuters)" is still story.
    credit_only || (line.split_whitespace().count() <= 50 && CAPTION_CREDIT.is_match(line))
}

fn has_credit_word(line: &str) -> bool {
    let lower = line.to_lowercase();
    ["photo", "picture", "image", "credit", "courtesy", "source"]
        .iter()
        .any(|w| lower.starts_with(w))
        || lower.contains(" photo")
}

/// "By Jane Doe", "By Jane Doe and Omar Haddad, Reuters", "(Reporting by …; Editing by …)".
pub fn is_byline(line: &str) -> bool {
    let line = line.trim();
    line.len() <= 200 && BYLINE.is_match(line)
}

/// An all-caps section heading inside the story ("MILITARY TENSIONS", "\"THE BEST PLAN\"").
pub fn is_caps_heading(line: &str) -> bool {
    let line = line.trim();
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    letters.len() >= 3
        && upper * 10 >= letters.len() * 9
        && line.split_whitespace().count() <= 10
        && !line.trim_end_matches(['"', '”', '\'', '’']).ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        for line in [
            "Loading...",
            "Editor Picks",
            "Leave a comment",
            "ADVERTISEMENT",
            "Share this:",
            "Read more:",
            "Read More: Pakistan recalls envoy after border shelling",
            "Related Articles",
            "Facebook Twitter WhatsApp Email",
            "We use cookies to improve your experience. By continuing you accept our Cookie Policy.",
            "This website uses cookies.",
            "© 2024 The Meridian Post. All rights reserved.",
            "5 min read",
            "Tags: Iran, Israel, sanctions",
            "Follow us on X: @someoutlet",
            "More from Europe",
            "World | Africa | Americas | Asia | Europe | Middle East",
            "HOME > POLITICS",
            "Published On 5 Mar 20245 Mar 2024",
            "Associated Press writer Jon Gambrell in Dubai contributed to this report.",
            "Get the Nordic morning briefing in your inbox. Sign up",
            "Subscribe today and get your first month free",
            "…",
        ] {
            assert!(is_furniture(line), "{line}");
        }
    }

    #[test]
    fn story_lines_are_not_furniture() {
        for line in [
            "Read the full statement, the ministry told reporters on Monday, and judge for yourself.",
            "The talks will resume next week in Geneva, officials said.",
            "Related discussions on trade are expected to continue in Brussels.",
            "Share prices in Seoul fell after the missile launch.",
            "Home Secretary Priti Patel said the measures would take effect on Friday.",
            "Search teams recovered two bodies near the border, the army said.",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }

    #[test]
    fn photo_credits_and_captions() {
        for line in [
            "Photo : YONHAP News",
            "(Photo: AFP)",
            "Photo by Lena Fischer/Reuters",
            "REUTERS/Kim Hong-Ji",
            "AP Photo/Ahn Young-joon",
            "AFP PHOTO / Ed Jones",
            "(Yonhap)",
            "File photo",
            "Indian Prime Minister Narendra Modi speaks during a rally in New Delhi. (Reuters)",
        ] {
            assert!(is_photo_credit(line), "{line}");
        }
        for line in [
            "Ukraine's foreign minister said talks would continue.",
            "The European Union",
            "Pictures of the damage circulated widely on social media, prompting outrage in Kyiv.",
        ] {
            assert!(!is_photo_credit(line), "{line}");
        }
    }

    #[test]
    fn tag_lines_bylines_and_headings() {
        assert!(is_tag_line(
            "(tagsToTranslate) iran (t) israel (t) nuclear deal (t) news"
        ));
        assert!(!is_tag_line("The group (t) is not known."));
        assert!(is_byline("By Maria Keller"));
        assert!(is_byline("By Maria Keller and Omar Haddad, Reuters"));
        assert!(is_byline("(Reporting by Joe Tan; Editing by Ana Ruiz)"));
        assert!(!is_byline(
            "By the end of the week, Pakistan had recalled its envoy."
        ));
        assert!(!is_byline(
            "By Monday, India had deployed troops along the border."
        ));
        assert!(is_caps_heading("MILITARY TENSIONS"));
        assert!(is_caps_heading("\"THE BEST PLAN\""));
        assert!(!is_caps_heading("NATO allies met in Brussels."));
        assert!(!is_caps_heading("UN"));
    }
}
