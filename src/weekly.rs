//! The group's weekly picture: a PNG of the past week's check-ins per day for each daily reminder, and
//! of how many families acknowledged each notice.
//!
//! A pure function of counts and fixed localized labels ([`render_png`]): no user-written text (names,
//! notice titles) ever reaches it. The text is drawn with a subset of Noto Sans CJK SC shipped in
//! `content/fonts/` (SIL Open Font License), cut down by `tools/subset-font.py` to the characters of the
//! `weekly-*`, `day-*` and `reminder-kind-*` locale strings, ASCII and a little punctuation;
//! [`font_covers`] tells whether a label can be drawn without missing glyphs.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};
use plotters::element::Rectangle;
use plotters::prelude::BitMapBackend;
use plotters::style::{Color, RGBColor};

/// One week of counts for a group.
///
/// The seven days run Monday first (local dates); their short localized labels ("周一"/"Mon") are
/// [`Labels::days`]: the stats only carry counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WeekStats {
    /// One series per daily reminder of the group (0 to 3).
    pub checkins: Vec<CheckinSeries>,
    /// The week's notices, oldest first (0 to about 20).
    pub notices: Vec<NoticeRate>,
}

/// How many families checked in on each day of the week for one daily reminder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckinSeries {
    /// The reminder's localized name, e.g. "校外运动一小时".
    pub label: String,
    /// Families who checked in, Monday first.
    pub per_day: [u32; 7],
}

/// How many of a notice's audience acknowledged it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeRate {
    /// A fixed localized label with the notice's date, e.g. "09-07 通知" (never the notice's title).
    pub label: String,
    pub acked: u32,
    pub audience: u32,
}

/// The fixed localized texts of the picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    /// e.g. "本周小结（09-07 – 09-13）".
    pub title: String,
    /// Heading of the check-in chart, e.g. "每日打卡：完成的家庭数".
    pub checkins: String,
    /// Heading of the acknowledgement bars, e.g. "通知确认率".
    pub notices: String,
    /// Shown when there is neither a check-in series nor a notice.
    pub none: String,
    /// Short day names, Monday first.
    pub days: [String; 7],
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the embedded font of the weekly picture could not be loaded")]
    Font,
    #[error("drawing the weekly picture failed: {0}")]
    Draw(String),
    #[error("encoding the weekly picture failed: {0}")]
    Encode(#[from] png::EncodingError),
}

/// Width of the picture in pixels.
const WIDTH: u32 = 1000;
/// Height of the picture in pixels with a check-in chart, unless many notices need more rows.
const HEIGHT: u32 = 700;
/// Height of the picture without a check-in chart, unless the notices need more.
const SHORT_HEIGHT: u32 = 400;
/// The picture grows up to this height for many notices; beyond that, the oldest are left out.
const MAX_HEIGHT: u32 = 1200;

const FONT_BYTES: &[u8] = include_bytes!("../content/fonts/weekly-sans.otf");

/// The embedded font, parsed once.
fn font() -> Option<&'static FontRef<'static>> {
    static FONT: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| FontRef::try_from_slice(FONT_BYTES).ok()).as_ref()
}

/// Whether the shipped font has a glyph for every character of `text`.
pub fn font_covers(text: &str) -> bool {
    font().is_some_and(|f| text.chars().all(|c| f.glyph_id(c).0 != 0))
}

// Okabe–Ito colours: distinct for the common forms of colour blindness.
const SERIES_COLOURS: [RGBColor; 3] =
    [RGBColor(0x00, 0x72, 0xB2), RGBColor(0xE6, 0x9F, 0x00), RGBColor(0x00, 0x9E, 0x73)];
const NOTICE_COLOUR: RGBColor = RGBColor(0x00, 0x72, 0xB2);
const INK: RGBColor = RGBColor(0x21, 0x21, 0x21);
const SOFT_INK: RGBColor = RGBColor(0x5F, 0x5F, 0x5F);
const GRID: RGBColor = RGBColor(0xE3, 0xE3, 0xE3);
const AXIS: RGBColor = RGBColor(0x9E, 0x9E, 0x9E);
const TRACK: RGBColor = RGBColor(0xEC, 0xEC, 0xEC);
const BACKGROUND: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);

const MARGIN: i32 = 36;
const TITLE_EM: f64 = 34.0;
const HEADING_EM: f64 = 26.0;
const LABEL_EM: f64 = 22.0;
const SMALL_EM: f64 = 19.0;
/// Height of a section heading's band.
const HEADING_H: i32 = 44;
/// The check-in chart is never squeezed below this height when notices share the picture.
const MIN_CHECKINS_H: i32 = 330;
const NOTICE_ROW_MAX: i32 = 44;
const NOTICE_ROW_MIN: i32 = 30;
/// Where the sections start (below the title), the space below them, and between them.
const TOP: i32 = 100;
const BOTTOM: i32 = 24;
const GAP: i32 = 16;

type Area<'a> = DrawingArea<BitMapBackend<'a>, Shift>;

/// Draws the weekly picture: a PNG (8-bit RGB) on a white background, 1000 pixels wide and 700 high with
/// check-ins — taller, up to 1200, when more than 12 notices need rows below the chart; without check-ins,
/// as high as the notices need, at least 400 (the `none` text alone: 400).
pub fn render_png(stats: &WeekStats, labels: &Labels) -> Result<Vec<u8>, RenderError> {
    let font = font().ok_or(RenderError::Font)?;
    let series = &stats.checkins[..stats.checkins.len().min(SERIES_COLOURS.len())];
    let plan = NoticePlan::new(stats.notices.len(), !series.is_empty());
    let height = match &plan {
        Some(p) => p.picture_height,
        None if series.is_empty() => SHORT_HEIGHT,
        None => HEIGHT,
    };
    let mut rgb = vec![0xFF_u8; (WIDTH * height * 3) as usize];
    {
        let area = BitMapBackend::with_buffer(&mut rgb, (WIDTH, height)).into_drawing_area();
        let canvas = Canvas { area, font };
        canvas.area.fill(&BACKGROUND).map_err(draw_error)?;
        draw(&canvas, series, &stats.notices, plan.as_ref(), labels, height as i32)?;
        canvas.area.present().map_err(draw_error)?;
    }
    encode(&rgb, height)
}

fn draw(
    c: &Canvas<'_>,
    series: &[CheckinSeries],
    notices: &[NoticeRate],
    plan: Option<&NoticePlan>,
    labels: &Labels,
    height: i32,
) -> Result<(), RenderError> {
    let (left, right) = (MARGIN, WIDTH as i32 - MARGIN);
    let title = c.fit(&labels.title, TITLE_EM, right - left)?;
    c.text(&title, left, 44, TITLE_EM, INK, Align::Left)?;
    c.rect(left, 80, right, 82, GRID)?;

    let bottom = height - BOTTOM;
    match (series.is_empty(), plan) {
        (true, None) => {
            let none = c.fit(&labels.none, HEADING_EM, right - left)?;
            c.text(&none, WIDTH as i32 / 2, (TOP + bottom) / 2, HEADING_EM, SOFT_INK, Align::Center)
        }
        (false, None) => checkins(c, series, labels, (left, TOP, right, bottom)),
        (true, Some(plan)) => notice_rates(c, notices, plan, &labels.notices, (left, TOP, right)),
        (false, Some(plan)) => {
            let split = bottom - plan.height();
            checkins(c, series, labels, (left, TOP, right, split - GAP))?;
            notice_rates(c, notices, plan, &labels.notices, (left, split, right))
        }
    }
}

/// Grouped bars: per day, one bar per series, with the count on top, and a legend.
fn checkins(
    c: &Canvas<'_>,
    series: &[CheckinSeries],
    labels: &Labels,
    bounds: (i32, i32, i32, i32),
) -> Result<(), RenderError> {
    let (x0, y0, x1, y1) = bounds;
    c.text(&c.fit(&labels.checkins, HEADING_EM, x1 - x0)?, x0, y0 + 16, HEADING_EM, INK, Align::Left)?;

    // Legend, wrapped on as many lines as it needs.
    let (swatch, gap, row_h) = (18, 30, 32);
    let (mut x, mut y) = (x0, y0 + HEADING_H + 12);
    for (s, colour) in series.iter().zip(SERIES_COLOURS) {
        let text = c.fit(&s.label, LABEL_EM, x1 - x0 - swatch - 10)?;
        let w = swatch + 10 + c.width(&text, LABEL_EM)?;
        if x > x0 && x + w > x1 {
            x = x0;
            y += row_h;
        }
        c.rect(x, y - swatch / 2, x + swatch, y + swatch / 2, colour)?;
        c.text(&text, x + swatch + 10, y, LABEL_EM, INK, Align::Left)?;
        x += w + gap;
    }

    // The plot: a value axis on the left, day names below.
    let max = series.iter().flat_map(|s| s.per_day).max().unwrap_or(0);
    let (step, top_value) = nice_scale(max);
    let tick_w = c.width(&top_value.to_string(), SMALL_EM)?;
    let plot_left = x0 + tick_w + 14;
    let plot_bottom = y1 - 36;
    let plot_top = y + 24 + 26; // room for the values above the tallest bars
    let scale = |v: u32| plot_bottom - ((plot_bottom - plot_top) as f64 * v as f64 / top_value as f64).round() as i32;
    for v in (0..=top_value).step_by(step as usize) {
        let yv = scale(v);
        c.rect(plot_left, yv, x1, yv + 1, if v == 0 { AXIS } else { GRID })?;
        c.text(&v.to_string(), plot_left - 10, yv, SMALL_EM, SOFT_INK, Align::Right)?;
    }

    let group_w = (x1 - plot_left) as f64 / 7.0;
    let bar_w = ((group_w * 0.78) / series.len() as f64).min(46.0).floor() as i32;
    let bars_w = bar_w * series.len() as i32;
    for (day, name) in labels.days.iter().enumerate() {
        let centre = plot_left + (group_w * (day as f64 + 0.5)).round() as i32;
        let mut bx = centre - bars_w / 2;
        for (s, colour) in series.iter().zip(SERIES_COLOURS) {
            let v = s.per_day[day];
            let top = scale(v);
            if v > 0 {
                c.rect(bx + 1, top, bx + bar_w - 1, plot_bottom, colour)?;
            }
            let value_em = if bar_w >= 30 { SMALL_EM } else { 15.0 };
            c.text(&v.to_string(), bx + bar_w / 2, top - 13, value_em, SOFT_INK, Align::Center)?;
            bx += bar_w;
        }
        let name = c.fit(name, LABEL_EM, group_w as i32 - 4)?;
        c.text(&name, centre, plot_bottom + 20, LABEL_EM, INK, Align::Center)?;
    }
    Ok(())
}

/// How the notice rows are laid out, and how tall the picture is for them.
struct NoticePlan {
    columns: usize,
    rows: usize,
    row_h: i32,
    /// How many notices are drawn: the newest, when there are too many for [`MAX_HEIGHT`].
    shown: usize,
    picture_height: u32,
}

impl NoticePlan {
    /// `None` without notices. Next to a check-in chart, that chart keeps [`MIN_CHECKINS_H`].
    fn new(count: usize, with_checkins: bool) -> Option<Self> {
        if count == 0 {
            return None;
        }
        let above = TOP + HEADING_H + if with_checkins { MIN_CHECKINS_H + GAP } else { 0 };
        let columns = if count > 6 { 2 } else { 1 };
        let rows = count.div_ceil(columns);
        let max_rows = |row_h| ((MAX_HEIGHT as i32 - above - BOTTOM) / row_h) as usize;
        let (rows, row_h, min_height) = if !with_checkins {
            (rows.min(max_rows(NOTICE_ROW_MAX)), NOTICE_ROW_MAX, SHORT_HEIGHT)
        } else {
            let row_h = ((HEIGHT as i32 - above - BOTTOM) / rows as i32).min(NOTICE_ROW_MAX);
            if row_h >= NOTICE_ROW_MIN {
                (rows, row_h, HEIGHT)
            } else {
                (rows.min(max_rows(NOTICE_ROW_MIN)), NOTICE_ROW_MIN, HEIGHT)
            }
        };
        let picture_height = (above + rows as i32 * row_h + BOTTOM).max(min_height as i32) as u32;
        Some(NoticePlan { columns, rows, row_h, shown: count.min(rows * columns), picture_height })
    }

    fn height(&self) -> i32 {
        HEADING_H + self.rows as i32 * self.row_h
    }
}

/// One horizontal bar per notice: the share of its audience who acknowledged it, with the percentage.
fn notice_rates(
    c: &Canvas<'_>,
    notices: &[NoticeRate],
    plan: &NoticePlan,
    heading: &str,
    (x0, y0, x1): (i32, i32, i32),
) -> Result<(), RenderError> {
    // When they cannot all be shown, the newest are.
    let hidden = notices.len() - plan.shown;
    let notices = &notices[hidden..];
    let mut heading = c.fit(heading, HEADING_EM, x1 - x0 - 120)?;
    if hidden > 0 {
        heading = format!("{heading}  (+{hidden} …)");
    }
    c.text(&heading, x0, y0 + 16, HEADING_EM, INK, Align::Left)?;

    let em = if plan.row_h >= 36 { LABEL_EM } else { SMALL_EM };
    let col_gap = 48;
    let col_w = (x1 - x0 - col_gap * (plan.columns as i32 - 1)) / plan.columns as i32;
    let label_w =
        notices.iter().map(|n| c.width(&n.label, em)).try_fold(0, |a, w| w.map(|w| a.max(w)))?.min(col_w * 2 / 5);
    let pct_w = c.width("100%", em)?;
    let count_w = c.width("999/999", em - 3.0)?;
    for (i, n) in notices.iter().enumerate() {
        let (col, row) = (i / plan.rows, i % plan.rows);
        let cx = x0 + col as i32 * (col_w + col_gap);
        let yc = y0 + HEADING_H + row as i32 * plan.row_h + plan.row_h / 2;
        c.text(&c.fit(&n.label, em, label_w)?, cx, yc, em, INK, Align::Left)?;
        let bar_x0 = cx + label_w + 14;
        let bar_x1 = cx + col_w - pct_w - count_w - 28;
        let bar_h = (plan.row_h * 11 / 20).max(12);
        let (b0, b1) = (yc - bar_h / 2, yc - bar_h / 2 + bar_h);
        c.rect(bar_x0, b0, bar_x1, b1, TRACK)?;
        let pct = percent(n.acked, n.audience);
        if let Some(p) = pct {
            let filled = ((bar_x1 - bar_x0) as f64 * f64::from(p) / 100.0).round() as i32;
            if filled > 0 {
                c.rect(bar_x0, b0, bar_x0 + filled, b1, NOTICE_COLOUR)?;
            }
        }
        let pct_text = pct.map_or_else(|| "–".to_string(), |p| format!("{p}%"));
        c.text(&pct_text, bar_x1 + 14 + pct_w, yc, em, INK, Align::Right)?;
        let count = format!("{}/{}", n.acked.min(n.audience), n.audience);
        c.text(&count, bar_x1 + 22 + pct_w, yc, em - 3.0, SOFT_INK, Align::Left)?;
    }
    Ok(())
}

/// acked / audience in whole percent, rounded half up; `None` for an empty audience.
fn percent(acked: u32, audience: u32) -> Option<u32> {
    (audience > 0)
        .then(|| ((u64::from(acked.min(audience)) * 200 + u64::from(audience)) / (2 * u64::from(audience))) as u32)
}

/// A tick step of 1, 2 or 5 × 10ⁿ giving at most 5 intervals, and the axis top (a multiple of it).
fn nice_scale(max: u32) -> (u32, u32) {
    let max = max.max(1);
    let mut magnitude = 1u32;
    loop {
        for m in [1, 2, 5] {
            let step = m * magnitude;
            let top = max.div_ceil(step) * step;
            if top / step <= 5 {
                return (step, top);
            }
        }
        magnitude = magnitude.saturating_mul(10);
    }
}

#[derive(Clone, Copy)]
enum Align {
    Left,
    Center,
    Right,
}

struct Canvas<'a> {
    area: Area<'a>,
    font: &'static FontRef<'static>,
}

impl Canvas<'_> {
    /// The font scaled so that its em square is `em` pixels (ab_glyph's scale is ascent − descent).
    fn scaled(&self, em: f64) -> ab_glyph::PxScaleFont<&'static FontRef<'static>> {
        let units_per_em = self.font.units_per_em().unwrap_or(1000.0);
        self.font.as_scaled(PxScale::from(em as f32 * self.font.height_unscaled() / units_per_em))
    }

    /// The advance of each character of `text` from its start, and the total width.
    fn layout(&self, text: &str, em: f64) -> (Vec<(ab_glyph::GlyphId, f32)>, f32) {
        let font = self.scaled(em);
        let mut caret = 0.0;
        let mut prev = None;
        let mut glyphs = Vec::with_capacity(text.len());
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = prev {
                caret += font.kern(p, id);
            }
            glyphs.push((id, caret));
            caret += font.h_advance(id);
            prev = Some(id);
        }
        (glyphs, caret)
    }

    /// Draws one line of text, vertically centred on `yc` (the middle of an ideograph or of a digit).
    fn text(&self, text: &str, x: i32, yc: i32, em: f64, colour: RGBColor, align: Align) -> Result<(), RenderError> {
        let (glyphs, width) = self.layout(text, em);
        let x = x as f32
            - match align {
                Align::Left => 0.0,
                Align::Center => width / 2.0,
                Align::Right => width,
            };
        // Ideographs span −0.12 to 0.88 em around the baseline, digits 0 to 0.73 em.
        let baseline = yc as f32 + (0.37 * em) as f32;
        let scale = self.scaled(em).scale;
        let mut pixels = Vec::new();
        for (id, dx) in glyphs {
            let glyph = id.with_scale_and_position(scale, point((x + dx).round(), baseline.round()));
            if let Some(outline) = self.font.outline_glyph(glyph) {
                let bounds = outline.px_bounds();
                outline.draw(|gx, gy, coverage| {
                    if coverage > 0.0 {
                        pixels.push((bounds.min.x as i32 + gx as i32, bounds.min.y as i32 + gy as i32, coverage));
                    }
                });
            }
        }
        for (px, py, coverage) in pixels {
            self.area.draw_pixel((px, py), &colour.mix(f64::from(coverage.min(1.0)))).map_err(draw_error)?;
        }
        Ok(())
    }

    fn width(&self, text: &str, em: f64) -> Result<i32, RenderError> {
        Ok(self.layout(text, em).1.ceil() as i32)
    }

    /// `text`, cut with "…" if it is wider than `max_w`.
    fn fit(&self, text: &str, em: f64, max_w: i32) -> Result<String, RenderError> {
        if self.width(text, em)? <= max_w {
            return Ok(text.to_string());
        }
        let mut chars: Vec<char> = text.chars().collect();
        while !chars.is_empty() {
            chars.pop();
            let cut = format!("{}…", chars.iter().collect::<String>().trim_end());
            if self.width(&cut, em)? <= max_w {
                return Ok(cut);
            }
        }
        Ok(String::new())
    }

    fn rect(&self, x0: i32, y0: i32, x1: i32, y1: i32, colour: RGBColor) -> Result<(), RenderError> {
        self.area.draw(&Rectangle::new([(x0, y0), (x1, y1)], colour.filled())).map_err(draw_error)
    }
}

fn draw_error(e: impl std::fmt::Display) -> RenderError {
    RenderError::Draw(e.to_string())
}

fn encode(rgb: &[u8], height: u32) -> Result<Vec<u8>, RenderError> {
    let mut out = Vec::with_capacity(64 * 1024);
    let mut encoder = png::Encoder::new(&mut out, WIDTH, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(rgb)?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zh_labels() -> Labels {
        Labels {
            title: "本周小结（09-07 – 09-13）".into(),
            checkins: "每日打卡：完成的家庭数".into(),
            notices: "通知确认率".into(),
            none: "本周没有打卡和通知".into(),
            days: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"].map(String::from),
        }
    }

    fn en_labels() -> Labels {
        Labels {
            title: "This week (09-07 – 09-13)".into(),
            checkins: "Daily check-ins: families who did it".into(),
            notices: "Notices acknowledged".into(),
            none: "No check-ins or notices this week".into(),
            days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map(String::from),
        }
    }

    fn full_week(names: [&str; 3], notice: impl Fn(&str) -> String) -> WeekStats {
        WeekStats {
            checkins: vec![
                CheckinSeries { label: names[0].into(), per_day: [31, 28, 33, 25, 30, 12, 9] },
                CheckinSeries { label: names[1].into(), per_day: [22, 24, 19, 26, 20, 8, 11] },
                CheckinSeries { label: names[2].into(), per_day: [35, 34, 36, 33, 29, 17, 21] },
            ],
            notices: vec![
                NoticeRate { label: notice("09-07"), acked: 38, audience: 41 },
                NoticeRate { label: notice("09-09"), acked: 41, audience: 41 },
                NoticeRate { label: notice("09-10"), acked: 27, audience: 41 },
                NoticeRate { label: notice("09-12"), acked: 9, audience: 40 },
            ],
        }
    }

    fn zh_week() -> WeekStats {
        full_week(["校外运动一小时", "控制屏幕时间", "按时睡觉"], |d| format!("{d} 通知"))
    }

    fn en_week() -> WeekStats {
        full_week(["an hour of exercise out of school", "screen time", "bedtime"], |d| format!("Notice {d}"))
    }

    fn many_notices(count: u32) -> WeekStats {
        let notices = (0..count)
            .map(|i| NoticeRate { label: format!("09-{:02} 通知", 7 + i % 7), acked: i * 2 % 49, audience: 48 })
            .collect();
        WeekStats { checkins: zh_week().checkins, notices }
    }

    /// Decodes a PNG, checks that it is 8-bit RGB, and returns its size and its number of non-white pixels.
    fn decode(png_bytes: &[u8]) -> ((u32, u32), usize) {
        let mut reader = png::Decoder::new(std::io::Cursor::new(png_bytes)).read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
        let info = reader.next_frame(&mut buf).expect("a frame");
        assert_eq!((info.color_type, info.bit_depth), (png::ColorType::Rgb, png::BitDepth::Eight));
        let ink = buf[..info.buffer_size()].chunks(3).filter(|p| p != &[0xFF, 0xFF, 0xFF]).count();
        ((info.width, info.height), ink)
    }

    #[test]
    fn full_week_is_drawn() {
        for (stats, labels) in [(zh_week(), zh_labels()), (en_week(), en_labels())] {
            let (size, ink) = decode(&render_png(&stats, &labels).unwrap());
            assert_eq!(size, (1000, 700));
            assert!(ink > 20_000, "bars and text are drawn: {ink}");
        }
    }

    #[test]
    fn notices_only() {
        let mut stats = zh_week();
        stats.checkins.clear();
        let (size, ink) = decode(&render_png(&stats, &zh_labels()).unwrap());
        assert_eq!(size, (1000, 400));
        assert!(ink > 5_000, "{ink}");
        stats.notices = many_notices(20).notices;
        let (size, _) = decode(&render_png(&stats, &zh_labels()).unwrap());
        assert_eq!(size, (1000, 100 + 44 + 10 * 44 + 24));
    }

    #[test]
    fn many_notices_make_the_picture_taller() {
        assert_eq!(NoticePlan::new(6, true).unwrap().picture_height, 700);
        let plan = NoticePlan::new(20, true).unwrap();
        assert_eq!((plan.shown, plan.columns), (20, 2));
        let (size, ink) = decode(&render_png(&many_notices(20), &zh_labels()).unwrap());
        assert_eq!(size, (1000, plan.picture_height));
        assert!(size.1 > 700 && size.1 <= 1200 && ink > 20_000);

        let plan = NoticePlan::new(80, true).unwrap();
        assert!(plan.shown < 80);
        let (size, _) = decode(&render_png(&many_notices(80), &zh_labels()).unwrap());
        assert!(size.1 <= 1200, "{size:?}");
    }

    #[test]
    fn nothing_draws_the_none_text() {
        let (size, with_none) = decode(&render_png(&WeekStats::default(), &zh_labels()).unwrap());
        assert_eq!(size, (1000, 400));
        let title_only = Labels { none: String::new(), ..zh_labels() };
        let (_, without) = decode(&render_png(&WeekStats::default(), &title_only).unwrap());
        assert!(with_none > without && without > 0, "the none text is drawn");
    }

    #[test]
    fn zeros_and_empty_audiences_are_fine() {
        let stats = WeekStats {
            checkins: vec![CheckinSeries { label: "按时睡觉".into(), per_day: [0; 7] }],
            notices: vec![NoticeRate { label: "09-07 通知".into(), acked: 0, audience: 0 }],
        };
        let (size, ink) = decode(&render_png(&stats, &en_labels()).unwrap());
        assert_eq!(size, (1000, 700));
        assert!(ink > 0);
    }

    #[test]
    fn percentages_and_scales() {
        assert_eq!(percent(38, 41), Some(93));
        assert_eq!(percent(1, 200), Some(1)); // 0.5 rounds up
        assert_eq!(percent(41, 41), Some(100));
        assert_eq!(percent(50, 41), Some(100));
        assert_eq!(percent(0, 0), None);
        assert_eq!(nice_scale(0), (1, 1));
        assert_eq!(nice_scale(36), (10, 40));
        assert_eq!(nice_scale(7), (2, 8));
        assert_eq!(nice_scale(250), (50, 250));
    }

    /// The values of the `weekly-*`, `day-*` and `reminder-kind-*` messages of a Fluent file, placeables removed.
    fn weekly_values(ftl: &str) -> Vec<(String, String)> {
        let mut messages: Vec<(String, String)> = Vec::new();
        let mut open = false;
        for line in ftl.lines() {
            if let Some((key, value)) = line.split_once('=').filter(|(k, _)| {
                let k = k.trim_end();
                !k.is_empty()
                    && !line.starts_with([' ', '\t', '#'])
                    && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            }) {
                messages.push((key.trim().to_string(), value.trim().to_string()));
                open = true;
            } else if open && line.starts_with([' ', '\t']) && !line.trim().is_empty() {
                let last = messages.last_mut().expect("a message");
                last.1 = format!("{} {}", last.1, line.trim());
            } else {
                open = false;
            }
        }
        messages
            .into_iter()
            .filter(|(k, _)| ["weekly-", "day-", "reminder-kind-"].iter().any(|p| k.starts_with(p)))
            .map(|(k, v)| (k, strip_placeables(&v)))
            .collect()
    }

    /// Drops `{ $var }` and other placeables, keeping the text of string literals (`{ "," }`).
    fn strip_placeables(value: &str) -> String {
        let mut out = String::new();
        let mut rest = value;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let Some(len) = rest[start..].find('}') else {
                rest = &rest[start..];
                break;
            };
            let inner = rest[start + 1..start + len].trim();
            if let Some(literal) = inner.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
                out.push_str(literal);
            }
            rest = &rest[start + len + 1..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn font_covers_locales() {
        for ftl in [include_str!("../locales/zh-CN/jiaxiao.ftl"), include_str!("../locales/en/jiaxiao.ftl")] {
            let values = weekly_values(ftl);
            for prefix in ["weekly-", "day-", "reminder-kind-"] {
                assert!(values.iter().any(|(k, _)| k.starts_with(prefix)), "no {prefix}* message found");
            }
            for (key, value) in values {
                let missing: String = value.chars().filter(|c| !font_covers(&c.to_string())).collect();
                assert!(missing.is_empty(), "{key}: the font lacks {missing:?}; re-run tools/subset-font.py");
            }
        }
        assert!(font_covers("0123456789%（）：通知… "));
        assert!(!font_covers("龘"));
        assert_eq!(strip_placeables("本周小结（{ $from } – { $to }）"), "本周小结（ – ）");
        assert_eq!(strip_placeables(r#"{", "}"#), ", ");
    }

    #[test]
    fn writes_samples() {
        let dir = std::env::temp_dir();
        let mut notices_only = zh_week();
        notices_only.checkins.clear();
        for (name, stats, labels) in [
            ("weekly-zh.png", zh_week(), zh_labels()),
            ("weekly-en.png", en_week(), en_labels()),
            ("weekly-zh-notices.png", notices_only, zh_labels()),
            ("weekly-zh-none.png", WeekStats::default(), zh_labels()),
            ("weekly-zh-many.png", many_notices(20), zh_labels()),
        ] {
            std::fs::write(dir.join(name), render_png(&stats, &labels).unwrap()).unwrap();
        }
    }
}
