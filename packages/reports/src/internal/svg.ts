import * as echarts from "echarts"

/** @internal The font stack of every chart: Noto Sans CJK first, as Debian's fonts-noto-cjk installs it. */
export const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif"

/** @internal Estimated width in pixels of a label: CJK and full-width characters one em, others 0.62 em. */
export const textWidth = (s: string, size: number): number => {
  let w = 0
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x1f000
    w += wide ? size : size * 0.62
  }
  return Math.ceil(w)
}

/** @internal Status colours, as the bulletins use them. */
export const COLORS = {
  red: "#d93025",
  amber: "#f6b400",
  green: "#1e8e3e",
  "on-track": "#7cb342",
  ahead: "#1e8e3e",
  plan: "#9aa0a6",
  today: "#c00000",
  text: "#1b1b1b",
  grid: "#dadce0"
} as const

/**
 * @internal Renders an echarts option to an SVG string with the server-side
 * SVG renderer: no animation, and the renderer's per-instance ids and hover
 * styles removed, so that the same option gives the same bytes.
 */
export const render = (option: echarts.EChartsOption, width: number, height: number): string => {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height })
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, color: COLORS.text },
      ...option
    })
    return `${chart
      .renderToSVGString()
      .replace(/<style\s*>[\s\S]*?<\/style>\s*/g, "")
      .replace(/ class="zr\d+-cls-\d+"/g, "")
      .replace(/ ecmeta_[a-z_]+="[^"]*"/g, "")
      .replace(/\n+/g, "\n")
      .trim()}\n`
  } finally {
    chart.dispose()
  }
}
