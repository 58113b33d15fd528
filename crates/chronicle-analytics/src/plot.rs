//! The cooperation–conflict chart of a dyad series: mirrored stacked bars per period
//! (cooperation up: verbal, then material; conflict down: verbal, then material) and the
//! Goldstein mean as a line on a second axis (−10…+10).
//!
//! Drawn with plotters' SVG backend, which writes `<text>` elements and needs no fonts.
//! PNG is the same SVG rasterised by resvg with fonts compiled into the binary (Ubuntu and
//! Hack, shipped by the `epaint_default_fonts` crate), so it needs no system fonts either.

use plotters::prelude::*;

use crate::dyad::DyadSeries;
use crate::{AnalyticsError, Result};

const VERBAL_COOPERATION: RGBColor = RGBColor(116, 196, 118);
const MATERIAL_COOPERATION: RGBColor = RGBColor(35, 139, 69);
const VERBAL_CONFLICT: RGBColor = RGBColor(251, 106, 74);
const MATERIAL_CONFLICT: RGBColor = RGBColor(165, 15, 21);
const GOLDSTEIN: RGBColor = RGBColor(33, 102, 172);

/// Chart size in pixels.
pub const WIDTH: u32 = 1000;
pub const HEIGHT: u32 = 560;

fn plot_error<E: std::fmt::Display>(e: E) -> AnalyticsError {
    AnalyticsError::Plot(e.to_string())
}

/// Draws `series` as an SVG document.
pub fn render_svg(series: &DyadSeries) -> Result<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        draw(series, &root)?;
        root.present().map_err(plot_error)?;
    }
    Ok(svg)
}

fn draw<DB: DrawingBackend>(
    series: &DyadSeries,
    root: &DrawingArea<DB, plotters::coord::Shift>,
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE).map_err(plot_error)?;
    let periods = &series.periods;
    let n = periods.len().max(1);
    let peak = periods
        .iter()
        .map(|p| p.cooperation().max(p.conflict()))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    // Headroom above the tallest bar for the legend.
    let y_max = peak * 1.6;
    let x_range = -0.5f64..(n as f64 - 0.5);
    let mut chart = ChartBuilder::on(root)
        .caption(series.title(), ("sans-serif", 24))
        .margin(16)
        .x_label_area_size(48)
        .y_label_area_size(64)
        .right_y_label_area_size(64)
        .build_cartesian_2d(x_range.clone(), -y_max..y_max)
        .map_err(plot_error)?
        .set_secondary_coord(x_range, -10f64..10f64);

    let labels: Vec<&str> = periods.iter().map(|p| p.span.label.as_str()).collect();
    let label_of = |x: &f64| -> String {
        let i = x.round();
        if (x - i).abs() > 1e-6 || i < 0.0 {
            return String::new();
        }
        labels
            .get(i as usize)
            .map(|s| s.to_string())
            .unwrap_or_default()
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .x_labels(n.min(12))
        .x_label_formatter(&label_of)
        .y_label_formatter(&|v| format!("{:.0}", v.abs()))
        .x_desc(series.by)
        .y_desc("events: cooperation ↑  conflict ↓")
        .draw()
        .map_err(plot_error)?;
    chart
        .configure_secondary_axes()
        .y_desc("Goldstein mean")
        .draw()
        .map_err(plot_error)?;

    // Each layer stacks on the ones before it, away from zero.
    type Layer = (
        &'static str,
        RGBColor,
        fn(&crate::dyad::DyadPeriod) -> (f64, f64),
    );
    let layers: [Layer; 4] = [
        ("verbal cooperation", VERBAL_COOPERATION, |p| {
            (0.0, p.verbal_cooperation as f64)
        }),
        ("material cooperation", MATERIAL_COOPERATION, |p| {
            (p.verbal_cooperation as f64, p.cooperation() as f64)
        }),
        ("verbal conflict", VERBAL_CONFLICT, |p| {
            (0.0, -(p.verbal_conflict as f64))
        }),
        ("material conflict", MATERIAL_CONFLICT, |p| {
            (-(p.verbal_conflict as f64), -(p.conflict() as f64))
        }),
    ];
    let half_width = 0.38;
    for (name, color, extent) in layers {
        chart
            .draw_series(periods.iter().enumerate().filter_map(|(i, p)| {
                let (from, to) = extent(p);
                (from != to).then(|| {
                    let x = i as f64;
                    Rectangle::new(
                        [(x - half_width, from), (x + half_width, to)],
                        color.filled(),
                    )
                })
            }))
            .map_err(plot_error)?
            .label(name)
            .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 14, y + 6)], color.filled()));
    }
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(-0.5, 0.0), (n as f64 - 0.5, 0.0)],
            BLACK.stroke_width(1),
        )))
        .map_err(plot_error)?;

    let means: Vec<(f64, f64)> = periods
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.goldstein_mean.map(|m| (i as f64, m.clamp(-10.0, 10.0))))
        .collect();
    chart
        .draw_secondary_series(LineSeries::new(means.clone(), GOLDSTEIN.stroke_width(2)))
        .map_err(plot_error)?
        .label("Goldstein mean (right axis)")
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 14, y)], GOLDSTEIN.stroke_width(2)));
    chart
        .draw_secondary_series(
            means
                .into_iter()
                .map(|p| Circle::new(p, 3, GOLDSTEIN.filled())),
        )
        .map_err(plot_error)?;

    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.4))
        .draw()
        .map_err(plot_error)?;
    Ok(())
}

/// Draws `series` as a PNG image (the SVG chart, rasterised).
pub fn render_png(series: &DyadSeries) -> Result<Vec<u8>> {
    svg_to_png(&render_svg(series)?)
}

/// Rasterises an SVG document with the built-in fonts.
pub fn svg_to_png(svg: &str) -> Result<Vec<u8>> {
    use resvg::{tiny_skia, usvg};

    let mut options = usvg::Options::default();
    let fonts = options.fontdb_mut();
    fonts.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
    fonts.load_font_data(epaint_default_fonts::HACK_REGULAR.to_vec());
    let family = fonts
        .faces()
        .next()
        .and_then(|f| f.families.first())
        .map(|(name, _)| name.clone())
        .unwrap_or_else(|| "Ubuntu".into());
    fonts.set_sans_serif_family(family.clone());
    options.font_family = family;
    let tree = usvg::Tree::from_str(svg, &options).map_err(plot_error)?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| AnalyticsError::Plot("empty image".into()))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(plot_error)
}
