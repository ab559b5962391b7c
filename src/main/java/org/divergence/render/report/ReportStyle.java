package org.divergence.render.report;

/**
 * The HTML report's style sheet, inlined in every page: system fonts only, light and dark schemes, print-friendly,
 * and the group colours of the app (Okabe–Ito).
 */
final class ReportStyle {

    static final String CSS = """
            :root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --subtle: #f6f8fa;
              --border: #d1d9e0; --accent: #0969da; --github: #0072B2; --huggingface: #D55E00; }
            @media (prefers-color-scheme: dark) {
              :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --subtle: #151b23; --border: #3d444d;
                --accent: #4493f8; }
            }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.5; font-size: 15px;
              font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
            .page-header, main, .page-footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
            .page-header { padding-top: 32px; border-bottom: 1px solid var(--border); }
            h1 { font-size: 28px; margin: 0 0 4px; }
            h2 { font-size: 21px; margin: 40px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--border); }
            h3 { font-size: 16px; margin: 24px 0 8px; }
            .subtitle { color: var(--muted); margin: 0 0 12px; }
            nav ol { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; padding: 0; margin: 0 0 16px; }
            nav a { color: var(--accent); text-decoration: none; }
            nav a:hover { text-decoration: underline; }
            table { border-collapse: collapse; margin: 8px 0 4px; font-size: 14px; }
            th, td { padding: 4px 10px; border-bottom: 1px solid var(--border); vertical-align: top; text-align: left; }
            thead th { background: var(--subtle); font-weight: 600; border-bottom: 2px solid var(--border); }
            table.numbers td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.numbers td.text { text-align: left; }
            td.hash code { white-space: normal; word-break: break-all; font-size: 12px; }
            tr.dimension th { background: var(--subtle); font-style: italic; font-weight: 600; }
            tr.metric th { font-weight: normal; padding-left: 22px; }
            tfoot th, tfoot td { font-weight: 600; border-top: 2px solid var(--border); }
            .caption, figcaption, .note { color: var(--muted); font-size: 13px; }
            .headlines { padding-left: 20px; }
            code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
            details.query pre { overflow-x: auto; background: #f6f8fa; padding: 8px 12px; }
            figure.chart { margin: 16px 0 24px; overflow-x: auto; }
            figure.chart svg { max-width: 100%; height: auto; display: block; }
            .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px;
              vertical-align: baseline; }
            table.codebook th.code { font-weight: normal; min-width: 260px; }
            th.depth-1 { padding-left: 28px; } th.depth-2 { padding-left: 46px; } th.depth-3 { padding-left: 64px; }
            th.depth-4 { padding-left: 82px; }
            .description { display: block; color: var(--muted); font-size: 12px; max-width: 560px; }
            table.joint-display { width: 100%; table-layout: fixed; }
            table.joint-display col, table.joint-display th { overflow-wrap: anywhere; }
            table.joint-display thead th:nth-child(1) { width: 13%; } table.joint-display thead th:nth-child(2) { width: 22%; }
            table.joint-display thead th:nth-child(3) { width: 18%; } table.joint-display thead th:nth-child(4) { width: 29%; }
            table.joint-display thead th:nth-child(5) { width: 18%; }
            tr.level-0 > th { font-weight: 600; }
            tr.level-0 { background: var(--subtle); }
            tr.level-1 > th { font-weight: normal; padding-left: 22px; }
            td.results div + div { margin-top: 4px; }
            .pair { font-weight: 600; }
            td.themes ul { list-style: none; padding: 0; margin: 0; }
            .relation { color: var(--muted); font-size: 12px; }
            td.themes .note { display: block; margin-left: 16px; }
            blockquote { margin: 0 0 8px; padding: 2px 0 2px 10px; border-left: 3px solid var(--accent); }
            blockquote.example { border-left-style: dashed; border-left-color: var(--border); }
            blockquote p { margin: 0; }
            blockquote footer { color: var(--muted); font-size: 12px; }
            td.interpretation p { margin: 0 0 6px; }
            .tag { font-size: 11px; color: var(--muted); border: 1px solid var(--border); border-radius: 8px;
              padding: 0 6px; font-weight: normal; }
            dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
            dl.provenance dt { font-weight: 600; }
            dl.provenance dd { margin: 0; overflow-wrap: anywhere; }
            .page-footer { color: var(--muted); font-size: 12px; padding-top: 24px; padding-bottom: 32px; }
            @media print {
              body { font-size: 11pt; } nav { display: none; } section { break-inside: auto; }
              tr, blockquote, figure { break-inside: avoid; } a { color: inherit; }
            }
            """;

    private ReportStyle() {
    }
}
